// The one-click test upgrade: on a scratch SQLite database (never the user's),
// upgrade to every head, walk down to base one migration at a time, walk up
// again one at a time (the up/down consistency check), then run the project's
// own migration tests. This class plans the steps and the scratch database;
// CommandSequence runs them.
#pragma once

#include "runner/CommandSequence.h"
#include "runner/MigrationTool.h"

namespace headway {

struct ScratchDatabase {
    QString directory; // a fresh temporary directory, removed by the caller
    QString file;
    QString url;
    QString configFile; // plain Alembic: a copy of alembic.ini pointing at the scratch database
    QString error;
};

class TestUpgrade
{
public:
    // Sets up the scratch database and returns the tool that targets it.
    static ScratchDatabase prepareScratch(const MigrationTool &tool, const QString &directory,
                                          const QString &copyOf = {});
    static MigrationTool toolFor(const MigrationTool &tool, const ScratchDatabase &scratch);
    // tests/test_migration*.py and tests/**/test_*migration*.py, relative to the project.
    static QStringList projectTests(const QString &projectDirectory);
    // A Flask app is first checked to really use the scratch database (scratchDatabaseFile).
    static QList<CommandStep> steps(const Repository &repository, const MigrationTool &scratchTool,
                                    const QString &scratchDatabaseFile, const QStringList &testCommand,
                                    bool runProjectTests = true);
};

// Which migration a failed step points at, and for "already exists" errors the
// other migrations that create the same object.
struct FailureSite {
    int failingRevision = -1;
    QString objectName;
    QList<int> creators; // migrations whose source creates objectName
    QString summary;     // "dd710196dcb0 (add post slug) fails: index ix_user_email is also created by ..."

    static FailureSite locate(const Repository &repository, const QString &output);
};

} // namespace headway
