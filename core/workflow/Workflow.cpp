#include "workflow/Workflow.h"

#include "workflow/DatabaseChange.h"
#include "workflow/MergeOperation.h"
#include "workflow/ResolveOperation.h"
#include "workflow/RestoreOperation.h"
#include "workflow/RehearsalOperation.h"
#include "workflow/TestUpgradeOperation.h"
#include "plan/MergeRequest.h"
#include "python/PythonValueResolver.h"

namespace headway {

MigrationPlan Workflow::plan(OperationKind kind, const Repository &repository, const DatabaseState &database,
                             const QString &target)
{
    const MigrationPlanner planner(repository.graph);
    switch (kind) {
    case OperationKind::Downgrade:
        return planner.downgrade(database.revisions, target);
    case OperationKind::Stamp:
        return planner.stamp(database.revisions, target);
    default:
        return planner.upgrade(database.revisions, target);
    }
}

QString Workflow::refusal(const OperationContext &context, const OperationRequest &request)
{
    switch (request.kind) {
    case OperationKind::Merge: {
        const QString problem = MergeRequest::messageProblem(request.message);
        if (!problem.isEmpty())
            return problem;
        return request.heads.size() < 2 ? MergeOperation::tr("Choose at least two heads to merge.") : QString();
    }
    case OperationKind::Rehearse:
        return request.heads.size() < 2 ? RehearsalOperation::tr("Choose at least two heads whose merge to rehearse.") : QString();
    case OperationKind::ResolveValues:
        return context.repository && PythonValueResolver::filesNeedingPython(*context.repository).isEmpty()
                   ? ResolveOperation::tr("Every revision identifier is a literal: there is nothing to resolve.")
                   : QString();
    case OperationKind::Restore:
        return request.backup.made() ? QString()
                                     : RestoreOperation::tr("There is no backup to restore: Headway makes one before "
                                                            "each upgrade, downgrade or stamp of a SQLite database.");
    case OperationKind::Upgrade:
    case OperationKind::Downgrade:
    case OperationKind::Stamp:
    case OperationKind::PreviewSql:
        if (!request.plan.ok())
            return DatabaseChange::tr("Alembic would refuse this: %1").arg(request.plan.error)
                   + (request.plan.advice.isEmpty() ? QString() : QLatin1Char(' ') + request.plan.advice);
        return {};
    default:
        return {};
    }
}

WorkflowOperation *Workflow::create(OperationContext context, OperationRequest request, WorkflowPorts ports, QObject *parent)
{
    switch (request.kind) {
    case OperationKind::Merge:
        return new MergeOperation(std::move(context), std::move(request), ports, parent);
    case OperationKind::TestUpgrade:
        return new TestUpgradeOperation(std::move(context), std::move(request), ports, parent);
    case OperationKind::Rehearse:
        return new RehearsalOperation(std::move(context), std::move(request), ports, parent);
    case OperationKind::ResolveValues:
        return new ResolveOperation(std::move(context), std::move(request), ports, parent);
    case OperationKind::Restore:
        return new RestoreOperation(std::move(context), std::move(request), ports, parent);
    default:
        return new DatabaseChange(std::move(context), std::move(request), ports, parent);
    }
}

} // namespace headway
