#include "SqliteBackup.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>

namespace headway {

namespace {

// Copies through a temporary name, so a half-written copy is never mistaken for a backup.
QString copyFile(const QString &from, const QString &to)
{
    const QString partial = to + QStringLiteral(".partial");
    QFile::remove(partial);
    QFile source(from);
    if (!source.copy(partial))
        return QStringLiteral("Cannot copy %1 to %2: %3").arg(from, partial, source.errorString());
    QFile::remove(to); // QFile::rename does not replace
    if (!QFile::rename(partial, to))
        return QStringLiteral("Cannot rename %1 to %2").arg(partial, to);
    return {};
}

} // namespace

QString SqliteBackup::defaultDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + QStringLiteral("/headway/backups");
}

SqliteBackupCopy SqliteBackup::make(const QString &databaseFile, const QString &directory)
{
    SqliteBackupCopy backup;
    backup.original = QFileInfo(databaseFile).absoluteFilePath();
    if (!QFileInfo(databaseFile).isFile()) {
        backup.error = QStringLiteral("%1 does not exist yet: nothing to back up").arg(databaseFile);
        return backup;
    }
    if (!QDir().mkpath(directory)) {
        backup.error = QStringLiteral("Cannot create the backup directory %1").arg(directory);
        return backup;
    }
    const QString stamp = QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss-zzz"));
    const QString stem = QDir(directory).filePath(QFileInfo(databaseFile).completeBaseName() + QLatin1Char('-') + stamp);
    const QString suffix = QLatin1Char('.') + QFileInfo(databaseFile).suffix();
    QString copy = stem + suffix;
    for (int n = 2; QFileInfo::exists(copy); ++n) // never replace an earlier backup
        copy = stem + QLatin1Char('-') + QString::number(n) + suffix;
    backup.error = copyFile(databaseFile, copy);
    // Changes still in the write-ahead log belong to the database too.
    if (backup.error.isEmpty() && QFileInfo::exists(databaseFile + QStringLiteral("-wal")))
        backup.error = copyFile(databaseFile + QStringLiteral("-wal"), copy + QStringLiteral("-wal"));
    if (backup.error.isEmpty())
        backup.copy = copy;
    return backup;
}

QString SqliteBackup::restore(const SqliteBackupCopy &backup)
{
    if (!backup.made())
        return QStringLiteral("There is no backup to restore");
    QString error = copyFile(backup.copy, backup.original);
    const QString wal = backup.original + QStringLiteral("-wal");
    if (error.isEmpty() && QFileInfo::exists(backup.copy + QStringLiteral("-wal")))
        error = copyFile(backup.copy + QStringLiteral("-wal"), wal);
    else if (error.isEmpty())
        QFile::remove(wal); // a log of the changed database must not replay onto the restored one
    return error;
}

} // namespace headway
