// A copy of a SQLite database file taken before a command changes it, and the
// way back. Copies go to Headway's data directory (never beside the project,
// where they could be committed) under a name that says what and when.
#pragma once

#include <QString>

namespace headway {

struct SqliteBackupCopy {
    QString original; // the database file
    QString copy;     // the backup file; empty when none was made
    QString error;
    bool made() const { return !copy.isEmpty(); }
};

class SqliteBackup
{
public:
    static QString defaultDirectory();
    static SqliteBackupCopy make(const QString &databaseFile, const QString &directory = defaultDirectory());
    // Puts the copy back over the original; returns an error message or empty.
    static QString restore(const SqliteBackupCopy &backup);
};

} // namespace headway
