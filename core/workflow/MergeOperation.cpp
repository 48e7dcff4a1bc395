#include "workflow/MergeOperation.h"

#include "plan/MergeRequest.h"
#include "workflow/CommandConfirmation.h"
#include "workflow/Workflow.h"

namespace headway {

MergeOperation::MergeOperation(OperationContext context, OperationRequest request, WorkflowPorts ports,
                               QObject *parent)
    : WorkflowOperation(std::move(context), std::move(request), ports, parent)
{
    setTitle(tr("Merge %1").arg(this->request().heads.join(QLatin1String(", "))));
}

void MergeOperation::run()
{
    const QString refusal = Workflow::refusal(context(), request());
    if (!refusal.isEmpty()) {
        finish(OperationResult::Outcome::Refused, refusal);
        return;
    }
    result().command = context().tool.merge(request().heads, request().message);
    QList<int> heads;
    for (const QString &id : request().heads)
        heads += context().repository->graph.indexOf(id);
    const QString across = MergeRequest::acrossBranchesWarning(*context().repository, heads);
    if (across.isEmpty()) {
        runMerge();
        return;
    }
    CommandConfirmation confirmation;
    confirmation.title = tr("Merge across named branches?");
    confirmation.question = tr("Merge %1 into one head?").arg(request().heads.join(QLatin1String(", ")));
    confirmation.warning = across;
    confirmation.line = result().command;
    confirmation.acceptText = tr("Merge anyway");
    confirmThen(confirmation, [this] { runMerge(); });
}

void MergeOperation::runMerge()
{
    runSteps({CommandStep{title(), result().command}}, [this](const QList<StepResult> &, bool succeeded) {
        if (!succeeded) {
            finishFromSteps(false, {});
            return;
        }
        if (!ports().source) {
            finish(OperationResult::Outcome::Failed, tr("The merge ran, but nothing can read the migrations again."));
            return;
        }
        addNote(tr("Merge written; reading the migrations again…"));
        ports().source->reload([this](std::shared_ptr<const Repository> after) { verify(after); });
    });
}

void MergeOperation::verify(const std::shared_ptr<const Repository> &after)
{
    if (!after) {
        finish(OperationResult::Outcome::Failed,
               tr("The merge ran, but the migrations could not be read again: reload to see the merge."));
        return;
    }
    result().repositoryAfter = after;
    result().merge = MergeRequest::verify(*context().repository, *after, request().heads);
    const MergeVerification &verification = result().merge;
    if (!verification.ok()) {
        finish(OperationResult::Outcome::Failed, tr("The merge did not do what was asked: %1").arg(verification.problem));
        return;
    }
    finish(OperationResult::Outcome::Succeeded, verification.headsAfter == 1
                                                    ? tr("Merged: one head now")
                                                    : tr("Merged: %1 heads now").arg(verification.headsAfter));
}

} // namespace headway
