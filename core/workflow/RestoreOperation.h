// Puts a SQLite backup back over the database. The database as it was just
// before is copied aside first, so a restore can be undone too.
#pragma once

#include "WorkflowOperation.h"

namespace headway {

class RestoreOperation : public WorkflowOperation
{
    Q_OBJECT

public:
    RestoreOperation(OperationContext context, OperationRequest request, WorkflowPorts ports, QObject *parent = nullptr);

    // What the user is asked before the copy replaces the database.
    static CommandConfirmation confirmationFor(const SqliteBackupCopy &backup);

protected:
    void run() override;
};

} // namespace headway
