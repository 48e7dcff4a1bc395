#include "workflow/RestoreOperation.h"

#include "workflow/BackgroundWork.h"
#include "workflow/CommandConfirmation.h"
#include "workflow/Workflow.h"

#include <QFileInfo>

namespace headway {

namespace {

struct Restored {
    SqliteBackupCopy replaced; // the database as it was just before: restoring loses nothing either
    QString error;
};

} // namespace

RestoreOperation::RestoreOperation(OperationContext context, OperationRequest request, WorkflowPorts ports,
                                   QObject *parent)
    : WorkflowOperation(std::move(context), std::move(request), ports, parent)
{
    setTitle(tr("Restore the backup of %1").arg(QFileInfo(this->request().backup.original).fileName()));
}

CommandConfirmation RestoreOperation::confirmationFor(const SqliteBackupCopy &backup)
{
    CommandConfirmation confirmation;
    confirmation.title = tr("Restore the backup?");
    confirmation.question = tr("%1 is replaced by the copy taken before the last command. Changes made since are lost.")
                                .arg(backup.original);
    confirmation.effects = {tr("Copy %1 over %2").arg(backup.copy, backup.original)};
    confirmation.acceptText = tr("Restore");
    return confirmation;
}

void RestoreOperation::run()
{
    const SqliteBackupCopy backup = request().backup;
    const QString refusal = Workflow::refusal(context(), request());
    if (!refusal.isEmpty()) {
        finish(OperationResult::Outcome::Refused, refusal);
        return;
    }
    confirmThen(confirmationFor(backup), [this, backup] {
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
                finish(OperationResult::Outcome::Failed, tr("The backup was not restored: %1").arg(restored.error));
                return;
            }
            result().backup = restored.replaced; // "Restore" again undoes the restore
            readCurrentThen([this, copy = restored.replaced.copy] {
                finish(OperationResult::Outcome::Succeeded,
                       copy.isEmpty() ? tr("Backup restored")
                                      : tr("Backup restored; the database as it was is kept in %1").arg(copy));
            });
        }, QThreadPool::globalInstance());
    });
}

} // namespace headway
