// headway-cli test-upgrade over the core workflow: every migration up, down
// and up again on a scratch database, then the project's migration tests; the
// failing step and the migrations behind it are named.
#include "ToolRunning.h"

#include "engine/DatabaseEngine.h"
#include "engine/ThrowawayServer.h"
#include "workflow/TestUpgradeOperation.h"

#include <QProcess>
#include <QTemporaryDir>

namespace headway::cli {

namespace {

QString statusOf(const StepResult &result)
{
    return result.skipped ? QStringLiteral("skipped")
           : result.result.succeeded() ? QStringLiteral("passed")
                                       : QStringLiteral("failed");
}

} // namespace

bool readScratchOptions(Context &c, OperationRequest &request)
{
    request.engine = c.parser.value(QStringLiteral("engine"));
    request.server = c.parser.value(QStringLiteral("server"));
    if (request.engine.isEmpty() || engineFromKey(request.engine))
        return true;
    c.err << "headway-cli: --engine must be sqlite, postgresql or mariadb, got '" << request.engine << "'\n";
    return false;
}

int printDryRun(Context &c, const Prepared &p, const OperationRequest &request, const PrepareDriverRun &prepareRun)
{
    const TestUpgradeTarget target = TestUpgradeTarget::decide(p.tool, request.engine, request.server);
    if (!target.problem.isEmpty() && !target.offerSqlite) {
        c.err << "headway-cli: " << target.problem << '\n';
        return UsageError;
    }
    // A throwaway server's socket is only known once it runs: its URL is shown with a placeholder.
    const bool throwaway = target.choice.needsThrowawayServer();
    QString url;
    if (throwaway)
        url = ThrowawayServer::urlAt(target.engine(), target.driver.dialect, target.driver.driver, target.scratchName,
                                     QStringLiteral("THROWAWAY-SERVER-SOCKET"));
    else if (target.choice.onExistingServer())
        url = target.existingServerUrl();
    QTemporaryDir directory(QDir::tempPath() + QStringLiteral("/headway-test-upgrade-XXXXXX"));
    const PreparedDriverRun prepared = prepareRun({p.repository, p.tool, {}}, request, target, directory.path(), url);
    if (!prepared.error.isEmpty()) {
        c.err << "headway-cli: " << prepared.error << '\n';
        return UsageError;
    }
    const QString shownUrl = prepared.scratch.shownUrl;
    QJsonArray planned;
    if (!jsonOutput(c))
        c.out << "# Engine: " << target.engineLine() << (target.problem.isEmpty() ? QString() : QStringLiteral(" (") + target.problem + QLatin1Char(')')) << '\n';
    for (const CommandStep &step : prepared.steps()) {
        planned.append(QJsonObject{{QStringLiteral("title"), step.title}, {QStringLiteral("command"), commandJson(step.line)}});
        if (!jsonOutput(c))
            c.out << "# " << step.title << '\n' << step.line.shellText() << '\n';
    }
    if (jsonOutput(c))
        printJson(c, {{QStringLiteral("dry_run"), true}, {QStringLiteral("database_url"), shownUrl},
                      {QStringLiteral("engine"), engineKey(target.engine())}, {QStringLiteral("server"), target.engineLine()},
                      {QStringLiteral("steps"), planned}});
    return Success;
}

int testUpgrade(Context &c)
{
    auto prepared = prepare(c, repositoryArgument(c.parser, 0));
    if (const int *code = std::get_if<int>(&prepared))
        return *code;
    const Prepared &p = std::get<Prepared>(prepared);
    OperationRequest request;
    request.kind = OperationKind::TestUpgrade;
    if (c.parser.isSet(QStringLiteral("test-command"))) {
        // Arguments for the project's interpreter, split as a shell would (quotes kept together).
        request.testCommand = QProcess::splitCommand(c.parser.value(QStringLiteral("test-command")));
        if (request.testCommand->isEmpty()) {
            c.err << "headway-cli: --test-command is empty\n";
            return UsageError;
        }
    }
    request.projectTests = !c.parser.isSet(QStringLiteral("no-project-tests"));
    if (!readScratchOptions(c, request))
        return UsageError;
    if (c.parser.isSet(QStringLiteral("dry-run")))
        return printDryRun(c, p, request, &TestUpgradeOperation::prepare);

    const OperationResult result = runOperation(c, p, {}, request, Echo::StepsAndCommand);
    const RevisionGraph &graph = p.repository->graph;
    QJsonArray stepsJson;
    for (const StepResult &step : result.steps) {
        const QString status = statusOf(step);
        QJsonObject object{{QStringLiteral("title"), step.step.title},
                           {QStringLiteral("status"), status},
                           {QStringLiteral("elapsed_ms"), step.result.elapsedMs},
                           {QStringLiteral("command"), step.step.line.shellText()}};
        if (status == QLatin1String("failed")) {
            object.insert(QStringLiteral("output"), step.result.output);
            if (!step.error.isEmpty())
                object.insert(QStringLiteral("error"), step.error);
            object.insert(QStringLiteral("explanation"), explanationJson(step.explanation));
        }
        stepsJson.append(object);
        if (!jsonOutput(c))
            c.out << QStringLiteral("%1  %2  (%3 ms)\n").arg(status.toUpper(), -7).arg(step.step.title).arg(step.result.elapsedMs);
    }
    const FailureSite &site = result.site;
    if (jsonOutput(c)) {
        QJsonObject failure;
        if (site.failingRevision >= 0)
            failure = {{QStringLiteral("summary"), site.summary},
                       {QStringLiteral("revision"), graph.node(site.failingRevision).id},
                       {QStringLiteral("object"), site.objectName},
                       {QStringLiteral("creators"), ids(graph, site.creators)}};
        printJson(c, {{QStringLiteral("ok"), result.succeeded()}, {QStringLiteral("database_url"), result.scratchUrl},
                      {QStringLiteral("engine"), result.engine}, {QStringLiteral("server"), result.server},
                      {QStringLiteral("steps"), stepsJson}, {QStringLiteral("failure"), failure}});
    } else if (const StepResult *failed = result.failedStep()) {
        const char *verdict = result.outcome == OperationResult::Outcome::Cancelled  ? "Cancelled"
                              : result.outcome == OperationResult::Outcome::TimedOut ? "Timed out"
                                                                                      : "Failed";
        c.out << '\n' << verdict << ": " << failed->step.title << " (on " << result.server << ")\n" << result.message << '\n';
        if (!failed->error.isEmpty() && !result.message.contains(failed->error))
            c.out << failed->error << '\n';
        if (result.explanation.recognised())
            c.out << result.explanation.summary << "\nFix: " << result.explanation.fix << '\n';
    } else if (result.succeeded()) {
        c.out << "\nTest upgrade passed: " << result.steps.size() << " steps on " << result.server << ".\n";
    } else {
        c.err << "headway-cli: " << result.message << '\n';
    }
    return exitCodeFor(result);
}

} // namespace headway::cli
