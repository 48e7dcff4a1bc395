// MigrationController: the SQLite backup taken before a command changes the
// database, and putting it back. Kept apart from the commands themselves.
#include "database/MigrationController.h"

#include "session/BackgroundTask.h"
#include "database/DatabaseLocation.h"

#include <QFileInfo>

namespace headway {

void MigrationController::backUpThen(Continuation next)
{
    const DatabaseLocation location = DatabaseLocator::locateStatically(*m_tool);
    if (location.known()) {
        backUpAt(location, std::move(next));
        return;
    }
    // The URL is in the app's code: ask the app, through the same wrapped subprocess.
    const CommandStep probe{tr("Find the database to back up"), DatabaseLocator::probeCommand(*m_tool), true};
    runSteps(Operation::LocateDatabase, {probe}, [this, next = std::move(next)](const QList<StepResult> &results, bool) {
        if (cancelled())
            return;
        const DatabaseLocation found = DatabaseLocator::parseProbeOutput(results.value(0).result.output);
        if (!found.known()) {
            Q_EMIT status(tr("No backup made: %1").arg(found.error.section(QLatin1Char('\n'), 0, 0)));
            next();
            return;
        }
        backUpAt(found, next);
    });
}

void MigrationController::backUpAt(const DatabaseLocation &location, Continuation next)
{
    if (!location.isSqliteFile()) {
        Q_EMIT status(tr("No backup made: %1 is not a SQLite file.").arg(location.url));
        next();
        return;
    }
    const QString file = location.sqliteFile;
    runInBackground(this, [file] {
        if (!QFileInfo::exists(file))
            return SqliteBackupCopy{file, {}, {}}; // nothing to lose yet
        return SqliteBackup::make(file);
    }, [this, next = std::move(next)](const SqliteBackupCopy &copy) {
        if (cancelled())
            return;
        if (!copy.error.isEmpty()) {
            end(false, tr("Nothing ran: the backup of %1 failed: %2").arg(copy.original, copy.error));
            return;
        }
        if (copy.made()) {
            m_lastBackup = copy;
            Q_EMIT backupMade(copy);
        }
        next();
    });
}

bool MigrationController::restoreLastBackup()
{
    if (!m_lastBackup.made()) {
        Q_EMIT refused(tr("There is no backup to restore: Headway makes one before each upgrade, downgrade or stamp "
                          "of a SQLite database."));
        return false;
    }
    if (!begin(Operation::Restore, tr("Restore the backup of %1").arg(QFileInfo(m_lastBackup.original).fileName())))
        return false;
    const SqliteBackupCopy backup = m_lastBackup;
    struct Restored {
        SqliteBackupCopy replaced; // the database as it was just before: restoring loses nothing either
        QString error;
    };
    runInBackground(this, [backup] {
        Restored restored;
        restored.replaced = SqliteBackup::make(backup.original);
        if (!restored.replaced.made() && QFileInfo::exists(backup.original))
            restored.error = restored.replaced.error;
        else
            restored.error = SqliteBackup::restore(backup);
        return restored;
    }, [this](const Restored &restored) {
        if (!restored.error.isEmpty()) {
            end(false, tr("The backup was not restored: %1").arg(restored.error));
            return;
        }
        if (restored.replaced.made()) {
            m_lastBackup = restored.replaced; // "Restore" again undoes the restore
            Q_EMIT backupMade(restored.replaced);
        }
        readCurrentThen([this, copy = restored.replaced.copy] {
            end(true, copy.isEmpty() ? tr("Backup restored")
                                     : tr("Backup restored; the database as it was is kept in %1").arg(copy));
        });
    });
    return true;
}

} // namespace headway
