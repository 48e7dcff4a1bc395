// Where a project's database is, so Headway can back a SQLite file up before a
// command changes it. The URL comes from the user's database-URL variable,
// from alembic.ini's sqlalchemy.url (plain Alembic), or, for a Flask app whose
// URL lives in its config, from a small probe run through the same wrapped
// subprocess as the user's command (it imports the app, never a migration).
#pragma once

#include "runner/CommandLine.h"

#include <QString>

namespace headway {

class MigrationTool;

struct DatabaseLocation {
    QString url;        // passwords hidden
    QString sqliteFile; // absolute path when the database is a SQLite file
    QString origin;     // "DATABASE_URL", "alembic.ini", "the Flask app's configuration"
    QString error;      // why the location is unknown
    bool known() const { return !url.isEmpty(); }
    bool isSqliteFile() const { return !sqliteFile.isEmpty(); }
};

class DatabaseLocator
{
public:
    // From settings and files only; not known when the URL is in the app's code.
    static DatabaseLocation locateStatically(const MigrationTool &tool);
    static CommandLine probeCommand(const MigrationTool &tool);
    static DatabaseLocation parseProbeOutput(const QString &output);
    // Fails (exit 3, with an explanation) unless the app's database is `expectedFile`:
    // the guard that keeps a test upgrade off the user's database.
    static CommandLine verifyCommand(const MigrationTool &tool, const QString &expectedFile);

    // sqlite:///relative.db, sqlite:////absolute.db, sqlite:// (memory: no file).
    static QString sqliteFileFromUrl(const QString &url, const QString &baseDirectory);
};

} // namespace headway
