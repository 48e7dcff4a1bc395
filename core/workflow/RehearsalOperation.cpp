#include "workflow/RehearsalOperation.h"

#include "operations/RepositoryOperations.h"
#include "workflow/BackgroundWork.h"

namespace headway {

RehearsalOperation::RehearsalOperation(OperationContext context, OperationRequest request, WorkflowPorts ports, QObject *parent)
    : ScratchOperation(std::move(context), std::move(request), ports, parent)
{
    setTitle(tr("Rehearse the merge of %n head(s) on scratch databases", nullptr, int(this->request().heads.size())));
}

PreparedRehearsal RehearsalOperation::prepare(const OperationContext &context, const OperationRequest &request,
                                              const TestUpgradeTarget &target, const QString &directory, const QString &url)
{
    PreparedRehearsal prepared;
    const Repository &repository = *context.repository;
    for (const QString &id : request.heads)
        if (const int node = repository.graph.indexOf(id); node >= 0 && !prepared.heads.contains(node))
            prepared.heads += node;
    if (prepared.heads.size() < 2) {
        prepared.run.error = tr("Choose at least two heads whose merge to rehearse.");
        return prepared;
    }
    prepared.run = DriverRun::scratch(context.tool, target, directory, url);
    if (!prepared.run.error.isEmpty())
        return prepared;
    const MigrationTool scratchTool = TestUpgrade::toolFor(context.tool, prepared.run.scratch);
    prepared.paths = MergeRehearsal::paths(repository, prepared.heads);
    const bool onServer = target.engine() != DatabaseEngine::Sqlite;
    prepared.run.driven = MergeRehearsal::drivenSteps(scratchTool, prepared.run.scratch, prepared.paths, prepared.run.adminUrl,
                                                      onServer ? target.scratchName : QString(), prepared.pathOfStep);
    DriverRun::write(prepared.run, context.tool, target, directory);
    return prepared;
}

QString RehearsalOperation::existingServerQuestion() const
{
    return tr("Headway creates the database %1 on %2, upgrades it along every path to the merged state (dropping "
              "and creating it again before each), and drops it afterwards.")
        .arg(target().scratchName, target().choice.server.shown());
}

void RehearsalOperation::startOn(const QString &url)
{
    prepareInBackground([url](const OperationContext &context, const OperationRequest &request, const TestUpgradeTarget &target,
                              const QString &directory) { return prepare(context, request, target, directory, url); },
                        [this](const PreparedRehearsal &prepared) { runPrepared(prepared); });
}

void RehearsalOperation::runPrepared(const PreparedRehearsal &prepared)
{
    runDriver(prepared.run, [this, prepared](const QList<StepResult> &results, bool) {
        if (finishIfCancelRequested())
            return;
        finishWith(MergeRehearsal::report(*context().repository, prepared.heads, prepared.paths, prepared.pathOfStep, results));
    });
}

void RehearsalOperation::finishWith(RehearsalReport report)
{
    // Which migrations each failure points at: reads their files, so off this thread.
    const std::shared_ptr<const Repository> repository = context().repository;
    runInBackground(this, [repository, report]() mutable {
        // Read once for all the failing paths: each looks for the migrations creating its object.
        const RepositoryOperations operations = RepositoryOperations::read(*repository);
        for (RehearsalPathResult &path : report.paths)
            if (path.outcome == RehearsalPathResult::Outcome::Failed)
                path.site = FailureSite::locate(*repository, path.error.isEmpty() ? path.output : path.output + path.error,
                                                path.errorFrames, &operations);
        return report;
    }, [this](const RehearsalReport &located) {
        result().rehearsal = located;
        const int total = int(located.paths.size());
        if (located.passed()) {
            finish(OperationResult::Outcome::Succeeded,
                   tr("Rehearsal passed: all %1 paths upgrade cleanly and end with the same schema.").arg(total));
            return;
        }
        QString message = tr("Rehearsal failed: %1 of %2 paths fail, %3 end with a different schema.")
                              .arg(located.failedPaths()).arg(total).arg(located.differingPaths());
        for (const RehearsalPathResult &path : located.paths)
            if (path.outcome == RehearsalPathResult::Outcome::Failed) {
                message += QLatin1Char(' ') + (path.site.summary.isEmpty() ? path.error : path.site.summary);
                break;
            }
        const bool timedOut = std::any_of(result().steps.cbegin(), result().steps.cend(), [](const StepResult &step) {
            return step.result.outcome == CommandResult::Outcome::TimedOut;
        });
        finish(timedOut ? OperationResult::Outcome::TimedOut : OperationResult::Outcome::Failed, message);
    });
}

} // namespace headway
