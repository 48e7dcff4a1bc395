// The entry to the workflow for both front ends: the plan of a command for the
// database as last read (what the user confirms), and the operation object
// that runs a request.
#pragma once

#include "WorkflowOperation.h"

namespace headway {

class Workflow
{
public:
    // Upgrade, Downgrade, Stamp (PreviewSql: pass the direction's kind).
    static MigrationPlan plan(OperationKind kind, const Repository &repository, const DatabaseState &database,
                              const QString &target);
    // Why a request cannot start at all (a merge message that says nothing, fewer than
    // two heads, nothing to resolve or restore, a plan Alembic would refuse); empty when
    // it can. Front ends ask before starting; each operation checks it again itself.
    static QString refusal(const OperationContext &context, const OperationRequest &request);
    // A new operation of the request's kind, owned by `parent`; call start() after connecting.
    static WorkflowOperation *create(OperationContext context, OperationRequest request, WorkflowPorts ports,
                             QObject *parent = nullptr);
};

} // namespace headway
