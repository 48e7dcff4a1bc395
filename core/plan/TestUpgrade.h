// The one-click test upgrade: on a scratch database (never the user's) —
// a SQLite file, a throwaway PostgreSQL / MariaDB server, or a scratch database
// on a server the user named — upgrade to every head, walk down to base one
// migration at a time, walk up again one at a time (the up/down consistency
// check), then run the project's own migration tests. This class plans the
// steps and the scratch database; the driver runs the migration steps in one
// process, CommandSequence the project's tests.
#pragma once

#include "FailureSite.h"
#include "runner/MigrationTool.h"
#include "runner/StepRunner.h"

#include <QJsonObject>

namespace headway {

struct ScratchDatabase {
    QString directory; // a fresh temporary directory, removed by the caller
    QString file;      // SQLite
    QString url;       // what the app is given; may hold a server's password: never shown
    QString shownUrl;  // the same, password hidden
    QString configFile; // plain Alembic: a copy of alembic.ini pointing at the scratch database
    QString error;
};

// One step the driver runs, with the command a user would type for it.
struct DrivenStep {
    CommandStep step;
    QJsonObject action; // {"kind": "upgrade", "target": "heads"}
};

class TestUpgrade
{
public:
    // A scratch SQLite file in `directory` (a copy of `copyOf` when given).
    static ScratchDatabase prepareScratch(const MigrationTool &tool, const QString &directory,
                                          const QString &copyOf = {});
    // The scratch database at `url` (a server's), with alembic.ini's copy in `directory`.
    static ScratchDatabase prepareScratchAt(const MigrationTool &tool, const QString &directory, const QString &url);
    static MigrationTool toolFor(const MigrationTool &tool, const ScratchDatabase &scratch);
    // tests/test_migration*.py and tests/**/test_*migration*.py, relative to the project.
    static QStringList projectTests(const QString &projectDirectory);

    // The migration steps: a Flask app is first checked to really use the scratch database.
    // `createDatabase`: the driver first creates the scratch database on its server, reached at `adminUrl`.
    static QList<DrivenStep> drivenSteps(const Repository &repository, const MigrationTool &scratchTool,
                                         const ScratchDatabase &scratch, const QString &createDatabase = {},
                                         const QString &adminUrl = {});
    // The command a user would type to create `name` on the server at `adminUrl` (psql, mariadb).
    static CommandLine createDatabaseCommand(const QString &adminUrl, const QString &name);
    // The project's tests on the scratch database, if there are any to run.
    static std::optional<CommandStep> projectTestStep(const MigrationTool &scratchTool, const QStringList &testCommand,
                                                      bool runProjectTests = true);
};

} // namespace headway
