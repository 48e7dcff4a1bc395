// Which Python database driver the scratch database is reached with: the one the
// project's URL names, else the first the project's interpreter has (psycopg2,
// psycopg, pg8000; pymysql, mysqlclient, mariadb, mysql-connector). Asking the
// interpreter which it has is one process, run once per test upgrade.
#pragma once

#include "DatabaseEngine.h"
#include "runner/CommandLine.h"

namespace headway {

struct DatabaseDriver {
    QString dialect; // "postgresql", "mysql", "mariadb"; "sqlite" needs no driver
    QString driver;  // "psycopg2"
    QString problem; // the interpreter has none (or not the one the URL names), and what to install

    bool usable() const { return problem.isEmpty(); }

    // The interpreter prints which driver modules it can import, and SQLAlchemy's version.
    static CommandLine probeCommand(const QString &python, const QString &workingDirectory);
    // From the probe's output; `projectUrl` may name a dialect and driver to keep.
    static DatabaseDriver choose(DatabaseEngine engine, const DatabaseUrl &projectUrl, const QString &probeOutput,
                                 const QString &python);
};

} // namespace headway
