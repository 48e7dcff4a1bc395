// The database engines a test upgrade can run on, told apart by a SQLAlchemy
// URL's dialect: sqlite, postgresql (postgres), mysql / mariadb.
#pragma once

#include "runner/CommandLine.h" // hidePassword

#include <QString>

#include <optional>

namespace headway {

enum class DatabaseEngine { Sqlite, PostgreSql, MariaDb };

QString engineKey(DatabaseEngine engine);         // "sqlite", "postgresql", "mariadb": options, JSON, settings
QString engineDisplayName(DatabaseEngine engine); // "SQLite", "PostgreSQL", "MariaDB"
// "sqlite", "postgresql" / "postgres", "mariadb" / "mysql", any case; nullopt otherwise.
std::optional<DatabaseEngine> engineFromKey(const QString &key);

// The parts of `dialect+driver://user:password@host:port/database?query` Headway needs.
struct DatabaseUrl {
    QString dialect;  // "postgresql"
    QString driver;   // "psycopg2"; empty: the dialect's default
    QString user;
    QString password;
    QString host;
    int port = -1;
    QString database;
    QString query;    // without '?'
    bool valid = false;

    static DatabaseUrl parse(const QString &url);
    std::optional<DatabaseEngine> engine() const;
    // The same URL naming another database (and, empty, none).
    QString withDatabase(const QString &name) const;
    QString toString() const;
    QString shown() const; // the password as ***
};

} // namespace headway
