#include "workflow/TestUpgradeOperation.h"

#include "workflow/BackgroundWork.h"

#include <QDir>
#include <QTemporaryDir>

namespace headway {

TestUpgradeOperation::TestUpgradeOperation(OperationContext context, OperationRequest request, WorkflowPorts ports,
                                           QObject *parent)
    : WorkflowOperation(std::move(context), std::move(request), ports, parent)
{
    setTitle(tr("Test upgrade on a scratch database"));
}

TestUpgradeOperation::~TestUpgradeOperation() = default;

PreparedTestUpgrade TestUpgradeOperation::prepare(const OperationContext &context, const OperationRequest &request,
                                                  const QString &directory)
{
    PreparedTestUpgrade prepared;
    prepared.scratch = TestUpgrade::prepareScratch(context.tool, directory);
    if (!prepared.scratch.error.isEmpty())
        return prepared;
    const QStringList testCommand = request.testCommand.value_or(context.tool.settings().testCommand);
    prepared.steps = TestUpgrade::steps(*context.repository, TestUpgrade::toolFor(context.tool, prepared.scratch),
                                        prepared.scratch.file, testCommand, request.projectTests);
    return prepared;
}

void TestUpgradeOperation::run()
{
    m_directory = std::make_unique<QTemporaryDir>(QDir::tempPath() + QStringLiteral("/headway-test-upgrade-XXXXXX"));
    if (!m_directory->isValid()) {
        finish(OperationResult::Outcome::Failed,
               tr("Cannot create a directory for the scratch database: %1").arg(m_directory->errorString()));
        return;
    }
    const OperationContext context = this->context();
    const OperationRequest request = this->request();
    const QString directory = m_directory->path();
    runInBackground(this, [context, request, directory] { return prepare(context, request, directory); },
                    [this](const PreparedTestUpgrade &prepared) { runPrepared(prepared); });
}

void TestUpgradeOperation::runPrepared(const PreparedTestUpgrade &prepared)
{
    result().scratchUrl = prepared.scratch.url;
    if (!prepared.scratch.error.isEmpty()) {
        finish(OperationResult::Outcome::Failed, prepared.scratch.error);
        return;
    }
    if (finishIfCancelRequested())
        return;
    if (ports().progress)
        ports().progress->stepsPlanned(prepared.steps);
    runSteps(prepared.steps, [this](const QList<StepResult> &results, bool succeeded) {
        m_directory.reset(); // every step has ended: nothing holds the scratch database any more
        if (succeeded) {
            finish(OperationResult::Outcome::Succeeded,
                   tr("Test upgrade passed: %n step(s), every migration up, down and up again.", nullptr,
                      int(results.size())));
            return;
        }
        finishFromSteps(false, {});
    });
}

} // namespace headway
