// Where the static reader looks for the project's own modules when a migration
// file imports one: the directories above the versions directory, nearest
// first, up to the repository's root (the directory holding .git, else the
// outermost of the argument, alembic.ini's directory and the base directory),
// then the directories env.py puts on sys.path (read statically).
#pragma once

#include "RepositoryLayout.h"

namespace headway {

struct ModuleSearchPath {
    QString repositoryRoot; // module paths are shown relative to it
    QStringList roots;      // absolute, in search order

    // `path` relative to the repository's root when inside it, else absolute.
    QString display(const QString &path) const;

    static ModuleSearchPath forLayout(const RepositoryLayout &layout);
};

} // namespace headway
