// Where a repository's migrations live, as Alembic would find them.
#pragma once

#include "diagnostics/Diagnostic.h"

#include <QStringList>

namespace headway {

struct RepositoryLayout {
    QString argument;           // what the user pointed at, absolute
    QString baseDirectory;      // paths are shown relative to this
    QString iniPath;            // alembic.ini, if one was found
    QString scriptDirectory;    // holds env.py and script.py.mako
    QStringList versionDirectories; // existing version locations, in Alembic's order
    bool recursive = false;     // recursive_version_locations
    bool found = false;         // false: nothing that looks like migrations
    Diagnostics diagnostics;

    QString relativePath(const QString &absolutePath) const;
};

} // namespace headway
