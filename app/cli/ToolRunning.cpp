#include "ToolRunning.h"

#include "database/CurrentRevisions.h"
#include "database/DatabaseLocation.h"

#include <QFileInfo>
#include <QJsonObject>

#include <unistd.h>

namespace headway::cli {

bool jsonOutput(const Context &c)
{
    return c.parser.isSet(QStringLiteral("json"));
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
        environment.insert(it.key(), it.value());
    return {{QStringLiteral("program"), line.program},
            {QStringLiteral("arguments"), QJsonArray::fromStringList(line.arguments)},
            {QStringLiteral("working_directory"), line.workingDirectory},
            {QStringLiteral("environment"), environment},
            {QStringLiteral("shell"), line.shellText()}};
}

std::variant<Prepared, int> prepare(Context &c, const QString &repositoryPath)
{
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
    if (c.parser.isSet(QStringLiteral("timeout")))
        settings.timeoutSeconds = c.parser.value(QStringLiteral("timeout")).toInt();
    MigrationTool tool = MigrationTool::prepare(*repository, settings);
    if (!tool.ready()) {
        if (jsonOutput(c))
            printJson(c, {{QStringLiteral("ok"), false}, {QStringLiteral("error"), tool.problem()}});
        c.err << "headway-cli: " << tool.problem() << '\n';
        return tool.python().isEmpty() ? NoInterpreter : UsageError;
    }
    return Prepared{std::move(*repository), std::move(tool)};
}

// Runs steps, streaming the tool's output to stderr (stdout is for results).
CommandSequence *runSteps(Context &c, const QList<CommandStep> &steps, const MigrationTool &tool, QObject *owner,
                          Echo echo)
{
    auto *sequence = new CommandSequence(steps, owner);
    sequence->setTimeout(tool.settings().timeoutSeconds * 1000);
    const bool loud = echo != Echo::Quiet || c.parser.isSet(QStringLiteral("verbose"));
    QObject::connect(sequence, &CommandSequence::stepStarted, owner, [&c, echo, loud](int, const CommandStep &step) {
        if (echo == Echo::StepsAndCommand)
            c.err << "==> " << step.title << '\n';
        if (loud)
            c.err << "$ " << step.line.shellText() << '\n';
        c.err.flush();
    });
    QObject::connect(sequence, &CommandSequence::outputLine, owner, [&c, loud](const QString &line) {
        if (!loud)
            return;
        c.err << line << '\n';
        c.err.flush();
    });
    QObject::connect(sequence, &CommandSequence::stepFinished, owner, [&c, loud](int, const StepResult &result) {
        if (!loud && !result.result.succeeded())
            c.err << "$ " << result.step.line.shellText() << '\n' << result.result.output;
    });
    sequence->runToEnd();
    return sequence;
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

void reportFailure(Context &c, const StepResult &result)
{
    if (result.result.outcome == CommandResult::Outcome::TimedOut)
        c.err << "headway-cli: the command timed out after " << result.result.elapsedMs / 1000 << " s\n";
    else if (result.result.outcome == CommandResult::Outcome::FailedToStart)
        c.err << "headway-cli: " << result.result.output << '\n';
    if (result.explanation.recognised())
        c.err << "headway-cli: " << result.explanation.summary << "\n  Fix: " << result.explanation.fix << '\n';
}

int exitCodeFor(const StepResult &result)
{
    return result.result.outcome == CommandResult::Outcome::Cancelled ? NotConfirmed : CommandFailed;
}

// The database's revisions, from the tool's own `current`.
std::optional<QStringList> currentRevisions(Context &c, const Prepared &p, QObject *owner, QString *output)
{
    CommandSequence *sequence = runSteps(c, {{QStringLiteral("current"), p.tool.current()}}, p.tool, owner, Echo::Quiet);
    const StepResult &result = sequence->results().constFirst();
    if (output)
        *output = result.result.output;
    if (!result.result.succeeded()) {
        reportFailure(c, result);
        return std::nullopt;
    }
    return CurrentRevisions::parse(result.result.output, p.repository.graph).revisions;
}

bool confirmed(Context &c, const QString &question)
{
    if (c.parser.isSet(QStringLiteral("yes")))
        return true;
    if (!isatty(STDIN_FILENO)) {
        c.err << "headway-cli: " << question << " Nobody can answer here: pass --yes to go ahead.\n";
        return false;
    }
    c.err << question << " [y/N] ";
    c.err.flush();
    QTextStream in(stdin);
    const QString answer = in.readLine().trimmed().toLower();
    return answer == QLatin1String("y") || answer == QLatin1String("yes");
}

// Copies a SQLite database aside before a command changes it.
std::optional<SqliteBackupCopy> backUpDatabase(Context &c, const Prepared &p, QObject *owner)
{
    if (c.parser.isSet(QStringLiteral("no-backup")))
        return SqliteBackupCopy{};
    DatabaseLocation location = DatabaseLocator::locateStatically(p.tool);
    if (!location.known() && p.tool.backend().kind == MigrationBackend::Kind::FlaskMigrate) {
        CommandSequence *probe = runSteps(c, {{QStringLiteral("locate the database"), DatabaseLocator::probeCommand(p.tool)}},
                                          p.tool, owner, Echo::Quiet);
        location = DatabaseLocator::parseProbeOutput(probe->results().constFirst().result.output);
    }
    if (!location.known()) {
        c.err << "headway-cli: cannot tell where the database is, so it is not backed up ("
              << location.error.section(QLatin1Char('\n'), 0, 0) << ").\n";
        return SqliteBackupCopy{};
    }
    if (!location.isSqliteFile() || !QFileInfo::exists(location.sqliteFile))
        return SqliteBackupCopy{};
    SqliteBackupCopy backup = SqliteBackup::make(location.sqliteFile);
    if (!backup.made()) {
        c.err << "headway-cli: " << backup.error << "\n  Pass --no-backup to go ahead without a backup.\n";
        return std::nullopt;
    }
    c.err << "Backed up " << backup.original << " to " << backup.copy << "\n  To restore it: cp "
          << shellQuote(backup.copy) << ' ' << shellQuote(backup.original) << '\n';
    return backup;
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

QString describe(const Repository &repository, int revision)
{
    const QString doc = repository.fileOf(revision).doc.simplified();
    return doc.isEmpty() ? repository.graph.node(revision).id
                         : QStringLiteral("%1  %2").arg(repository.graph.node(revision).id, doc);
}

} // namespace headway::cli
