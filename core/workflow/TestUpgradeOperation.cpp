#include "workflow/TestUpgradeOperation.h"

namespace headway {

TestUpgradeOperation::TestUpgradeOperation(OperationContext context, OperationRequest request, WorkflowPorts ports,
                                           QObject *parent)
    : ScratchOperation(std::move(context), std::move(request), ports, parent)
{
    setTitle(tr("Test upgrade on a scratch database"));
}

PreparedDriverRun TestUpgradeOperation::prepare(const OperationContext &context, const OperationRequest &request,
                                                const TestUpgradeTarget &target, const QString &directory,
                                                const QString &url)
{
    const MigrationTool &tool = context.tool;
    PreparedDriverRun prepared = DriverRun::scratch(tool, target, directory, url);
    if (!prepared.error.isEmpty())
        return prepared;
    const MigrationTool scratchTool = TestUpgrade::toolFor(tool, prepared.scratch);
    const bool onServer = target.engine() != DatabaseEngine::Sqlite;
    prepared.driven = TestUpgrade::drivenSteps(*context.repository, scratchTool, prepared.scratch,
                                               onServer ? target.scratchName : QString(), prepared.adminUrl);
    const QStringList testCommand = request.testCommand.value_or(tool.settings().testCommand);
    prepared.projectTests = TestUpgrade::projectTestStep(scratchTool, testCommand, request.projectTests);
    DriverRun::write(prepared, tool, target, directory);
    return prepared;
}

QString TestUpgradeOperation::existingServerQuestion() const
{
    return tr("Headway creates the database %1 on %2, runs every migration up, down and up again there, and "
              "drops it afterwards.")
        .arg(target().scratchName, target().choice.server.shown());
}

void TestUpgradeOperation::startOn(const QString &url)
{
    prepareInBackground([url](const OperationContext &context, const OperationRequest &request, const TestUpgradeTarget &target,
                              const QString &directory) { return prepare(context, request, target, directory, url); },
                        [this](const PreparedDriverRun &prepared) { runPrepared(prepared); });
}

void TestUpgradeOperation::runPrepared(const PreparedDriverRun &prepared)
{
    runDriver(prepared, [this, prepared](const QList<StepResult> &, bool succeeded) {
        if (succeeded && prepared.projectTests && !isCancelRequested()) {
            runProjectTests(prepared);
            return;
        }
        finishFromSteps(succeeded, tr("Test upgrade passed: %n step(s), every migration up, down and up again.",
                                      nullptr, int(prepared.driven.size())));
    });
}

void TestUpgradeOperation::runProjectTests(const PreparedDriverRun &prepared)
{
    runSteps({*prepared.projectTests}, [this](const QList<StepResult> &, bool succeeded) {
        finishFromSteps(succeeded, tr("Test upgrade passed: %n step(s), every migration up, down and up again, "
                                      "and the project's migration tests.", nullptr, int(result().steps.size())));
    });
}

} // namespace headway
