// headway-cli test-upgrade: every migration up, down and up again on a
// scratch database, then the project's migration tests; the failing step and
// the migrations behind it are named.
#include "ToolRunning.h"

#include "plan/TestUpgrade.h"

#include <QProcess>
#include <QTemporaryDir>

namespace headway::cli {

int testUpgrade(Context &c)
{
    auto prepared = prepare(c, repositoryArgument(c.parser, 0));
    if (const int *code = std::get_if<int>(&prepared))
        return *code;
    Prepared &p = std::get<Prepared>(prepared);
    QTemporaryDir directory(QDir::tempPath() + QStringLiteral("/headway-test-upgrade-XXXXXX"));
    const ScratchDatabase scratch = TestUpgrade::prepareScratch(p.tool, directory.path());
    if (!scratch.error.isEmpty()) {
        c.err << "headway-cli: " << scratch.error << '\n';
        return UsageError;
    }
    const MigrationTool scratchTool = TestUpgrade::toolFor(p.tool, scratch);
    QStringList testCommand = p.tool.settings().testCommand;
    if (c.parser.isSet(QStringLiteral("test-command"))) {
        // Arguments for the project's interpreter, split as a shell would (quotes kept together).
        testCommand = QProcess::splitCommand(c.parser.value(QStringLiteral("test-command")));
        if (testCommand.isEmpty()) {
            c.err << "headway-cli: --test-command is empty\n";
            return UsageError;
        }
    }
    if (c.parser.isSet(QStringLiteral("no-project-tests")))
        testCommand = {QStringLiteral("-c"), QStringLiteral("pass")};
    QList<CommandStep> steps = TestUpgrade::steps(p.repository, scratchTool, scratch.file, testCommand);
    if (c.parser.isSet(QStringLiteral("no-project-tests")))
        steps.removeLast();
    if (c.parser.isSet(QStringLiteral("dry-run"))) {
        QJsonArray planned;
        for (const CommandStep &step : std::as_const(steps)) {
            planned.append(QJsonObject{{QStringLiteral("title"), step.title}, {QStringLiteral("command"), commandJson(step.line)}});
            if (!jsonOutput(c))
                c.out << "# " << step.title << '\n' << step.line.shellText() << '\n';
        }
        if (jsonOutput(c))
            printJson(c, {{QStringLiteral("dry_run"), true}, {QStringLiteral("database_url"), scratch.url},
                          {QStringLiteral("steps"), planned}});
        return Success;
    }
    QObject owner;
    CommandSequence *sequence = runSteps(c, steps, p.tool, &owner, Echo::StepsAndCommand);
    const bool ok = sequence->succeeded();
    FailureSite site;
    QJsonArray stepsJson;
    for (const StepResult &result : sequence->results()) {
        const QString status = result.skipped ? QStringLiteral("skipped")
                               : result.result.succeeded() ? QStringLiteral("passed")
                                                           : QStringLiteral("failed");
        QJsonObject step{{QStringLiteral("title"), result.step.title},
                         {QStringLiteral("status"), status},
                         {QStringLiteral("elapsed_ms"), result.result.elapsedMs},
                         {QStringLiteral("command"), result.step.line.shellText()}};
        if (status == QLatin1String("failed")) {
            step.insert(QStringLiteral("output"), result.result.output);
            step.insert(QStringLiteral("explanation"), explanationJson(result.explanation));
            if (site.failingRevision < 0)
                site = FailureSite::locate(p.repository, result.result.output);
        }
        stepsJson.append(step);
        if (!jsonOutput(c))
            c.out << QStringLiteral("%1  %2  (%3 ms)\n").arg(status.toUpper(), -7).arg(result.step.title).arg(result.result.elapsedMs);
    }
    if (jsonOutput(c)) {
        QJsonObject failure;
        if (site.failingRevision >= 0)
            failure = {{QStringLiteral("summary"), site.summary},
                       {QStringLiteral("revision"), p.repository.graph.node(site.failingRevision).id},
                       {QStringLiteral("object"), site.objectName},
                       {QStringLiteral("creators"), ids(p.repository.graph, site.creators)}};
        printJson(c, {{QStringLiteral("ok"), ok}, {QStringLiteral("database_url"), scratch.url},
                      {QStringLiteral("steps"), stepsJson}, {QStringLiteral("failure"), failure}});
    } else if (!ok) {
        for (const StepResult &result : sequence->results()) {
            if (!result.skipped && !result.result.succeeded()) {
                c.out << "\nFailed: " << result.step.title << '\n';
                if (!site.summary.isEmpty())
                    c.out << site.summary << '\n';
                if (result.explanation.recognised())
                    c.out << result.explanation.summary << "\nFix: " << result.explanation.fix << '\n';
                break;
            }
        }
    } else {
        c.out << "\nTest upgrade passed: " << steps.size() << " steps on a scratch database.\n";
    }
    return ok ? Success : CommandFailed;
}

} // namespace headway::cli
