#include "ToolRunning.h"

#include "InterruptCancel.h"
#include "TerminalPorts.h"
#include "workflow/Workflow.h"

#include <QJsonObject>

namespace headway::cli {

bool jsonOutput(const Context &c)
{
    return c.isGiven(QStringLiteral("json"));
}

QJsonArray ids(const RevisionGraph &graph, const QList<int> &revisions)
{
    QJsonArray array;
    for (int revision : revisions)
        array.append(graph.node(revision).id);
    return array;
}

QJsonObject commandJson(const CommandLine &line)
{
    QJsonObject environment;
    for (auto it = line.environment.cbegin(); it != line.environment.cend(); ++it)
        environment.insert(it.key(), hidePassword(it.value()));
    QStringList arguments;
    for (const QString &argument : line.arguments)
        arguments += hidePassword(argument);
    return {{QStringLiteral("program"), line.program},
            {QStringLiteral("arguments"), QJsonArray::fromStringList(arguments)},
            {QStringLiteral("working_directory"), line.workingDirectory},
            {QStringLiteral("environment"), environment},
            {QStringLiteral("shell"), line.shellText()}};
}

QJsonObject explanationJson(const FailureExplanation &explanation)
{
    if (!explanation.recognised())
        return {};
    return {{QStringLiteral("code"), explanation.code},
            {QStringLiteral("summary"), explanation.summary},
            {QStringLiteral("fix"), explanation.fix},
            {QStringLiteral("detail"), explanation.detail}};
}

std::variant<Prepared, int> prepare(Context &c, const QString &repositoryPath)
{
    // Options first: a usage error is reported before anything is read.
    std::optional<int> timeout;
    if (c.parser.isSet(QStringLiteral("timeout"))) {
        QString error;
        QString text = c.parser.value(QStringLiteral("timeout"));
        if (text.startsWith(relativeRevisionMarker)) // `--timeout -5` was taken for a relative revision
            text.remove(0, relativeRevisionMarker.size());
        timeout = RunSettings::parseTimeout(text, QStringLiteral("--timeout"), &error);
        if (!timeout) {
            c.err << "headway-cli: " << error << '\n';
            return UsageError;
        }
    }
    std::optional<Repository> repository = loadRepository(c, repositoryPath);
    if (!repository)
        return Broken;
    RunSettings settings = RunSettingsStore::load(repository->layout.baseDirectory);
    if (c.parser.isSet(QStringLiteral("python")))
        settings.python = c.parser.value(QStringLiteral("python"));
    if (c.parser.isSet(QStringLiteral("flask-app")))
        settings.flaskApp = c.parser.value(QStringLiteral("flask-app"));
    for (const QString &assignment : c.parser.values(QStringLiteral("env"))) {
        if (!settings.applyEnvironmentAssignment(assignment)) {
            c.err << "headway-cli: --env needs NAME=VALUE, got '" << assignment << "'\n";
            return UsageError;
        }
    }
    if (timeout)
        settings.timeoutSeconds = *timeout;
    MigrationTool tool = MigrationTool::prepare(*repository, settings);
    if (!tool.ready()) {
        if (jsonOutput(c))
            printJson(c, {{QStringLiteral("ok"), false}, {QStringLiteral("error"), tool.problem()}});
        c.err << "headway-cli: " << tool.problem() << '\n';
        return tool.python().isEmpty() ? NoInterpreter : UsageError;
    }
    return Prepared{std::make_shared<const Repository>(std::move(*repository)), std::move(tool)};
}

OperationResult runOperation(Context &c, const Prepared &p, const DatabaseState &database,
                             const OperationRequest &request, Echo echo)
{
    TerminalPorts terminal(c, echo);
    terminal.setRepositoryArgument(p.repository->layout.argument);
    QObject owner;
    WorkflowOperation *operation = Workflow::create({p.repository, p.tool, database}, request, terminal.ports(), &owner);
    const InterruptCancel interrupts(operation);
    return operation->runToEnd();
}

std::optional<DatabaseState> readDatabase(Context &c, const Prepared &p)
{
    const OperationResult result = runOperation(c, p, {}, OperationRequest::of(OperationKind::Current), Echo::Quiet);
    if (!result.succeeded()) {
        reportFailure(c, result);
        return std::nullopt;
    }
    return result.after;
}

const StepResult *mainStep(const OperationResult &result)
{
    for (const StepResult &step : result.steps)
        if (!step.step.optional)
            return &step;
    return nullptr;
}

void reportFailure(Context &c, const OperationResult &result)
{
    if (result.succeeded())
        return;
    const StepResult *failed = result.failedStep();
    if (failed && failed->result.outcome == CommandResult::Outcome::FailedToStart)
        c.err << "headway-cli: " << failed->result.output << '\n';
    c.err << "headway-cli: " << result.message << '\n';
    if (result.explanation.recognised())
        c.err << "  Fix: " << result.explanation.fix << '\n';
    if (!result.site.summary.isEmpty() && result.message != result.site.summary)
        c.err << "headway-cli: " << result.site.summary << '\n';
    c.err.flush();
}

int exitCodeFor(const OperationResult &result)
{
    switch (result.outcome) {
    case OperationResult::Outcome::Succeeded:
        return Success;
    case OperationResult::Outcome::Cancelled:
    case OperationResult::Outcome::NotConfirmed:
        return NotConfirmed;
    default:
        return CommandFailed;
    }
}

bool dryRun(Context &c, const CommandLine &line)
{
    if (!c.parser.isSet(QStringLiteral("dry-run")))
        return false;
    if (jsonOutput(c))
        printJson(c, {{QStringLiteral("dry_run"), true}, {QStringLiteral("command"), commandJson(line)}});
    else
        c.out << line.shellText() << '\n';
    return true;
}

} // namespace headway::cli
