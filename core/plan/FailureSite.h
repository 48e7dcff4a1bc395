// Which migration a failed step points at, and for "already exists" errors the
// other migrations that create the same object: in any engine's words
// (SQLite's `index ix already exists`, PostgreSQL's `constraint "ck" for
// relation "users" already exists`, MariaDB's `Duplicate key name 'ix'`).
// The failing migration is the innermost traceback frame in a migration file,
// else the last `Running upgrade a -> b` line.
#pragma once

#include <QList>
#include <QString>

namespace headway {

class RepositoryOperations;
struct Repository;

struct FailureSite {
    int failingRevision = -1;
    QString objectName;
    QList<int> creators; // migrations whose source creates objectName
    QString summary;     // "dd710196dcb0 (add post slug) fails: index ix_user_email is also created by ..."

    // `frames`: the failing exception's traceback as "file:line", outermost first, when known.
    // `operations`: the repository's, when already read (a rehearsal locates several failures);
    // else each file is read here.
    static FailureSite locate(const Repository &repository, const QString &output, const QStringList &frames = {},
                              const RepositoryOperations *operations = nullptr);
    // The object an "already exists" error names, or empty.
    static QString existingObject(const QString &error);
};

} // namespace headway
