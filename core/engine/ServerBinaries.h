// Where a throwaway database server's programs are installed: Debian's
// postgresql keeps initdb and postgres in /usr/lib/postgresql/<version>/bin,
// off PATH; mariadb-server puts mariadb-install-db and mariadbd in /usr/bin and
// /usr/sbin. HEADWAY_POSTGRESQL_BIN / HEADWAY_MARIADB_BIN name another
// directory (a server built by hand, or none at all).
#pragma once

#include "DatabaseEngine.h"

#include <QProcessEnvironment>

namespace headway {

struct ServerBinaries {
    DatabaseEngine engine = DatabaseEngine::PostgreSql;
    QString initProgram;   // initdb, mariadb-install-db
    QString serverProgram; // postgres, mariadbd
    QString version;       // PostgreSQL's major version from its directory; empty when unknown
    QString problem;       // what is missing and which package installs it

    bool found() const { return problem.isEmpty(); }
    QString package() const; // "postgresql", "mariadb-server"

    static ServerBinaries locate(DatabaseEngine engine,
                                 const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment(),
                                 const QString &postgresqlRoot = QStringLiteral("/usr/lib/postgresql"));
    static QString overrideVariable(DatabaseEngine engine); // "HEADWAY_POSTGRESQL_BIN", ...
};

} // namespace headway
