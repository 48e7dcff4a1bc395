// Where a test upgrade will run, decided before anything starts: the engine
// (EngineChoice, from the project's database URL, probing the Flask app when the
// URL lives in its code), the Python driver the project's interpreter has, the
// server binaries, and the scratch database's name. Leftover servers of a killed
// Headway are stopped first. Starts processes and waits: off the GUI thread.
#pragma once

#include "DatabaseDriver.h"
#include "EngineChoice.h"
#include "ServerBinaries.h"

#include <QStringList>

namespace headway {

class MigrationTool;

struct TestUpgradeTarget {
    EngineChoice choice;
    DatabaseDriver driver;
    ServerBinaries binaries;
    QString scratchName;   // headway_scratch_<random>, on a server
    QStringList notes;     // leftovers stopped, how the engine was chosen
    QString problem;       // cannot run, and what to do
    bool offerSqlite = false; // the server binaries are missing: SQLite may do, with a warning

    DatabaseEngine engine() const { return choice.engine; }
    // On SQLite instead (the user accepted the offer).
    void fallBackToSqlite();
    // The scratch database's URL on the user's server (password kept: never shown).
    QString existingServerUrl() const;
    // The database the user's URL names on that server, to create and drop the scratch one from.
    QString existingServerAdminUrl() const;
    // "PostgreSQL, throwaway server" / "MariaDB on db.example:3306 as deploy" / "SQLite, scratch file"
    QString engineLine() const;

    static TestUpgradeTarget decide(const MigrationTool &tool, const QString &requestedEngine,
                                    const QString &requestedServer);
    static QString randomScratchName();

private:
    DatabaseUrl existingServer() const; // the user's URL with the chosen driver
};

} // namespace headway
