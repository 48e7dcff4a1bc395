// headway-cli subcommands that run the project's own flask db / alembic:
// current, merge, upgrade, downgrade, stamp, test-upgrade and fix. Each
// prepares the tool (interpreter, Flask app, environment presets), shows what
// it will do, backs a SQLite database up before changing it, and reports the
// tool's failure with an explanation and the fix.
#include "CliCommands.h"
#include "CliContext.h"

#include "database/CurrentRevisions.h"
#include "database/DatabaseLocation.h"
#include "database/SqliteBackup.h"
#include "plan/MergeRequest.h"
#include "plan/MigrationPlanner.h"
#include "plan/SqlPreview.h"
#include "plan/TestUpgrade.h"
#include "python/PythonValueResolver.h"
#include "report/JsonReport.h"
#include "repository/RepositoryLoader.h"
#include "runner/CommandSequence.h"
#include "runner/MigrationTool.h"

#include <QFileInfo>
#include <QProcess>
#include <QJsonArray>
#include <QTemporaryDir>

#include <unistd.h>

namespace headway::cli {

namespace {

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

// The repository as loaded, the tool ready to run, or the exit code that says why not.
struct Prepared {
    Repository repository;
    MigrationTool tool;
};

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
// Helper commands (current, the database probe) stay quiet unless they fail or --verbose is given.
enum class Echo { Quiet, Command, StepsAndCommand };

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
std::optional<QStringList> currentRevisions(Context &c, const Prepared &p, QObject *owner, QString *output = nullptr)
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

int current(Context &c)
{
    auto prepared = prepare(c, repositoryArgument(c.parser, 0));
    if (const int *code = std::get_if<int>(&prepared))
        return *code;
    Prepared &p = std::get<Prepared>(prepared);
    if (dryRun(c, p.tool.current()))
        return Success;
    QObject owner;
    const std::optional<QStringList> revisions = currentRevisions(c, p, &owner);
    if (!revisions)
        return CommandFailed;
    const MigrationPlanner planner(p.repository.graph);
    const MigrationPlan pending = planner.upgrade(*revisions, QStringLiteral("heads"));
    if (jsonOutput(c)) {
        printJson(c, {{QStringLiteral("revisions"), QJsonArray::fromStringList(*revisions)},
                      {QStringLiteral("heads"), ids(p.repository.graph, p.repository.graph.heads())},
                      {QStringLiteral("effective_heads"), ids(p.repository.graph, p.repository.graph.realHeads())},
                      {QStringLiteral("behind"), static_cast<int>(pending.revisions.size())},
                      {QStringLiteral("pending"), ids(p.repository.graph, pending.revisions)},
                      {QStringLiteral("up_to_date"), pending.revisions.isEmpty()}});
        return Success;
    }
    c.out << "Database: " << (revisions->isEmpty() ? QStringLiteral("base (no revision)") : revisions->join(QLatin1String(", ")))
          << '\n';
    if (pending.revisions.isEmpty())
        c.out << "Up to date: at every head.\n";
    else
        c.out << "Target database is not up to date: " << pending.revisions.size() << " revision(s) behind.\n";
    for (int revision : pending.revisions)
        c.out << "  pending  " << describe(p.repository, revision) << '\n';
    return Success;
}

// upgrade, downgrade and stamp: plan, confirm, back up, run, report.
int changeDatabase(Context &c, MigrationPlan::Kind kind)
{
    const QStringList positional = positionalArguments(c.parser);
    const bool isUpgrade = kind == MigrationPlan::Kind::Upgrade;
    if (!isUpgrade && positional.isEmpty()) {
        c.err << "headway-cli: " << (kind == MigrationPlan::Kind::Downgrade ? "downgrade" : "stamp")
              << " needs a target revision (e.g. -1, base, a revision id)\n";
        return UsageError;
    }
    // `upgrade [REV] [REPOSITORY]`: a lone argument that is a path is the repository.
    const bool onlyRepository = isUpgrade && positional.size() == 1 && QFileInfo::exists(positional.first());
    const QString target = onlyRepository ? QStringLiteral("heads") : positional.value(0, QStringLiteral("heads"));
    auto prepared = prepare(c, repositoryArgument(c.parser, onlyRepository ? 0 : 1));
    if (const int *code = std::get_if<int>(&prepared))
        return *code;
    Prepared &p = std::get<Prepared>(prepared);
    const bool sqlOnly = c.parser.isSet(QStringLiteral("sql"));
    QObject owner;
    const Repository &repository = p.repository;

    // Even a dry run reads where the database is (read-only): the plan starts there.
    const std::optional<QStringList> before = currentRevisions(c, p, &owner);
    if (!before)
        return CommandFailed;
    const MigrationPlanner planner(repository.graph);
    const MigrationPlan plan = kind == MigrationPlan::Kind::Upgrade     ? planner.upgrade(*before, target)
                               : kind == MigrationPlan::Kind::Downgrade ? planner.downgrade(*before, target)
                                                                        : planner.stamp(*before, target);
    if (!plan.ok()) {
        c.err << "headway-cli: Alembic would refuse this: " << plan.error << '\n';
        if (!plan.advice.isEmpty())
            c.err << "  " << plan.advice << '\n';
        if (jsonOutput(c))
            printJson(c, {{QStringLiteral("ok"), false}, {QStringLiteral("error"), plan.error},
                          {QStringLiteral("advice"), plan.advice}});
        return CommandFailed;
    }

    CommandLine line = kind == MigrationPlan::Kind::Upgrade     ? p.tool.upgrade(target)
                       : kind == MigrationPlan::Kind::Downgrade ? p.tool.downgrade(target)
                                                                : p.tool.stamp(target);
    if (sqlOnly) {
        const SqlPreview preview = SqlPreview::forPlan(p.tool, repository.graph, *before, plan);
        if (!preview.ok()) {
            c.err << "headway-cli: " << preview.error << '\n';
            return UsageError;
        }
        line = preview.line;
    }
    if (dryRun(c, line))
        return Success;

    if (!sqlOnly) {
        QTextStream &planOut = jsonOutput(c) ? c.err : c.out;
        if (kind == MigrationPlan::Kind::Stamp) {
            planOut << "Stamp " << target << " (no migration runs; the schema is left as it is):\n";
            for (int revision : plan.markedApplied)
                planOut << "  recorded as applied      " << describe(repository, revision) << '\n';
            for (int revision : plan.markedUnapplied)
                planOut << "  recorded as not applied  " << describe(repository, revision) << '\n';
        } else {
            planOut << (isUpgrade ? "Migrations to run (oldest first):\n" : "Migrations to undo (newest first):\n");
            for (int revision : plan.revisions)
                planOut << "  " << describe(repository, revision) << '\n';
            if (plan.revisions.isEmpty())
                planOut << "  none: the database is already there\n";
        }
        planOut.flush();
        if (!isUpgrade && (!plan.revisions.isEmpty() || kind == MigrationPlan::Kind::Stamp)
            && !confirmed(c, kind == MigrationPlan::Kind::Stamp ? QStringLiteral("Stamp the database?")
                                                                 : QStringLiteral("Undo these migrations?"))) {
            return NotConfirmed;
        }
    }

    std::optional<SqliteBackupCopy> backup = sqlOnly ? SqliteBackupCopy{} : backUpDatabase(c, p, &owner);
    if (!backup)
        return CommandFailed;
    CommandSequence *sequence = runSteps(c, {{QString(), line}}, p.tool, &owner, sqlOnly ? Echo::Quiet : Echo::Command);
    const StepResult &result = sequence->results().constFirst();
    if (sqlOnly) {
        if (result.result.succeeded())
            c.out << result.result.output;
        else
            reportFailure(c, result);
        return result.result.succeeded() ? Success : exitCodeFor(result);
    }
    if (!result.result.succeeded()) {
        reportFailure(c, result);
        const FailureSite site = FailureSite::locate(repository, result.result.output);
        if (!site.summary.isEmpty())
            c.err << "headway-cli: " << site.summary << '\n';
    }
    const std::optional<QStringList> after = result.result.succeeded() ? currentRevisions(c, p, &owner) : before;
    if (jsonOutput(c)) {
        printJson(c, {{QStringLiteral("ok"), result.result.succeeded()},
                      {QStringLiteral("target"), target},
                      {QStringLiteral("command"), commandJson(line)},
                      {QStringLiteral("exit_code"), result.result.exitCode},
                      {QStringLiteral("planned"), ids(repository.graph, kind == MigrationPlan::Kind::Stamp ? plan.markedApplied : plan.revisions)},
                      {QStringLiteral("before"), QJsonArray::fromStringList(*before)},
                      {QStringLiteral("after"), QJsonArray::fromStringList(after.value_or(QStringList{}))},
                      {QStringLiteral("backup"), backup->copy.isEmpty() ? QJsonValue() : QJsonValue(backup->copy)},
                      {QStringLiteral("explanation"), explanationJson(result.explanation)},
                      {QStringLiteral("output"), result.result.output}});
    } else if (result.result.succeeded()) {
        c.out << "Database now at: "
              << (after && !after->isEmpty() ? after->join(QLatin1String(", ")) : QStringLiteral("base")) << '\n';
    } else if (backup->made()) {
        c.err << "The database backup is " << backup->copy << '\n';
    }
    return result.result.succeeded() ? Success : exitCodeFor(result);
}

int upgrade(Context &c)
{
    return changeDatabase(c, MigrationPlan::Kind::Upgrade);
}

int downgrade(Context &c)
{
    return changeDatabase(c, MigrationPlan::Kind::Downgrade);
}

int stamp(Context &c)
{
    return changeDatabase(c, MigrationPlan::Kind::Stamp);
}

// Merges `heads` (all heads when empty) and checks the result; used by merge and fix.
int mergeHeads(Context &c, Prepared &p, QStringList heads, bool fixMode)
{
    const Repository &before = p.repository;
    QList<int> headNodes;
    if (heads.isEmpty()) {
        headNodes = before.graph.heads();
    } else {
        for (const QString &head : std::as_const(heads)) {
            const int node = before.graph.indexOf(head);
            int match = node;
            if (match < 0) {
                for (int h : before.graph.heads())
                    if (before.graph.node(h).id.startsWith(head) && head.size() >= 4)
                        match = h;
            }
            if (match < 0 || !before.graph.node(match).isHead()) {
                c.err << "headway-cli: " << head << " is not a head. Heads: ";
                for (int h : before.graph.heads())
                    c.err << before.graph.node(h).id << ' ';
                c.err << '\n';
                return Broken;
            }
            headNodes += match;
        }
    }
    heads.clear();
    for (int node : std::as_const(headNodes))
        heads += before.graph.node(node).id;
    if (headNodes.size() < 2) {
        c.err << "headway-cli: a merge needs two or more heads; " << (headNodes.size() == 1 ? "there is one" : "there are none")
              << ".\n";
        return fixMode ? Success : UsageError;
    }
    QString message = c.parser.value(QStringLiteral("message"));
    if (!c.parser.isSet(QStringLiteral("message")))
        message = fixMode ? MergeRequest::defaultMessage(before, headNodes) : QString();
    const QString problem = MergeRequest::messageProblem(message);
    if (!problem.isEmpty()) {
        c.err << "headway-cli: " << problem << "\n  Suggested: -m " << shellQuote(MergeRequest::defaultMessage(before, headNodes))
              << '\n';
        return UsageError;
    }
    const CommandLine line = p.tool.merge(heads, message);
    if (dryRun(c, line))
        return Success;
    QObject owner;
    CommandSequence *sequence = runSteps(c, {{QStringLiteral("merge"), line}}, p.tool, &owner, Echo::Command);
    const StepResult &result = sequence->results().constFirst();
    if (!result.result.succeeded()) {
        reportFailure(c, result);
        if (jsonOutput(c))
            printJson(c, {{QStringLiteral("ok"), false}, {QStringLiteral("heads"), QJsonArray::fromStringList(heads)},
                          {QStringLiteral("command"), commandJson(line)},
                          {QStringLiteral("explanation"), explanationJson(result.explanation)},
                          {QStringLiteral("output"), result.result.output}});
        return exitCodeFor(result);
    }
    const Repository after = RepositoryLoader::load(before.layout.argument, loadOptions());
    const MergeVerification verification = MergeRequest::verify(before, after, heads);
    const QString relativeFile = verification.newFile.isEmpty() ? QString() : after.relativePath(verification.newFile);
    const QString gitAdd = relativeFile.isEmpty() ? QString() : QStringLiteral("git add ") + shellQuote(relativeFile);
    if (jsonOutput(c)) {
        printJson(c, {{QStringLiteral("ok"), verification.ok()},
                      {QStringLiteral("status"), QStringLiteral("merged")},
                      {QStringLiteral("heads_before"), QJsonArray::fromStringList(heads)},
                      {QStringLiteral("message"), message},
                      {QStringLiteral("revision"), verification.newRevision >= 0 ? after.graph.node(verification.newRevision).id : QString()},
                      {QStringLiteral("file"), relativeFile},
                      {QStringLiteral("heads_after"), ids(after.graph, after.graph.heads())},
                      {QStringLiteral("git_add"), gitAdd},
                      {QStringLiteral("problem"), verification.problem},
                      {QStringLiteral("command"), commandJson(line)}});
    } else {
        if (verification.newRevision >= 0)
            c.out << "Created merge revision " << after.graph.node(verification.newRevision).id << " in " << relativeFile << '\n';
        c.out << "Heads now: " << ids(after.graph, after.graph.heads()).toVariantList().size() << '\n';
        if (verification.ok() && !gitAdd.isEmpty())
            c.out << "Commit it: " << gitAdd << '\n';
    }
    if (!verification.ok()) {
        c.err << "headway-cli: the merge did not do what was asked: " << verification.problem << '\n';
        return CommandFailed;
    }
    return Success;
}

int merge(Context &c)
{
    // Positionals are heads, except a trailing existing path: the repository.
    QStringList positional = positionalArguments(c.parser);
    QString repositoryPath = QStringLiteral(".");
    if (!positional.isEmpty() && QFileInfo::exists(positional.constLast()))
        repositoryPath = positional.takeLast();
    if (c.parser.isSet(QStringLiteral("all")) && !positional.isEmpty()) {
        c.err << "headway-cli: give heads or --all, not both\n";
        return UsageError;
    }
    auto prepared = prepare(c, repositoryPath);
    if (const int *code = std::get_if<int>(&prepared))
        return *code;
    return mergeHeads(c, std::get<Prepared>(prepared), positional, false);
}

int fix(Context &c)
{
    const std::optional<Repository> repository = loadRepository(c, repositoryArgument(c.parser, 0));
    if (!repository)
        return Broken;
    for (const Diagnostic &d : repository->diagnostics) {
        if (d.severity == Severity::Error && d.code != QLatin1String("multiple-heads")) {
            c.err << "headway-cli: the graph has problems a merge cannot fix:\n  " << diagnosticLine(*repository, d) << '\n';
            if (jsonOutput(c))
                printJson(c, {{QStringLiteral("ok"), false}, {QStringLiteral("status"), QStringLiteral("broken")},
                              {QStringLiteral("heads_before"), ids(repository->graph, repository->graph.heads())}});
            return Broken;
        }
    }
    if (repository->graph.heads().size() <= 1) {
        if (jsonOutput(c))
            printJson(c, {{QStringLiteral("ok"), true}, {QStringLiteral("status"), QStringLiteral("single-head")},
                          {QStringLiteral("heads_before"), ids(repository->graph, repository->graph.heads())}});
        else
            c.out << "One head: nothing to merge.\n";
        return Success;
    }
    auto prepared = prepare(c, repositoryArgument(c.parser, 0));
    if (const int *code = std::get_if<int>(&prepared))
        return *code;
    return mergeHeads(c, std::get<Prepared>(prepared), {}, true);
}

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

int resolve(Context &c)
{
    auto prepared = prepare(c, repositoryArgument(c.parser, 0));
    if (const int *code = std::get_if<int>(&prepared))
        return *code;
    Prepared &p = std::get<Prepared>(prepared);
    const QStringList paths = PythonValueResolver::filesNeedingPython(p.repository);
    if (paths.isEmpty()) {
        if (jsonOutput(c))
            printJson(c, {{QStringLiteral("ok"), true}, {QStringLiteral("files"), QJsonArray()}});
        else
            c.out << "Every revision identifier is a literal: nothing to resolve.\n";
        return Success;
    }
    const CommandLine line = PythonValueResolver::command(p.tool, paths);
    if (dryRun(c, line))
        return Success;
    QObject owner;
    CommandSequence *sequence = runSteps(c, {{QStringLiteral("resolve"), line}}, p.tool, &owner, Echo::Quiet);
    const StepResult &result = sequence->results().constFirst();
    const QList<ResolvedFile> resolved = PythonValueResolver::parseOutput(result.result.output);
    if (resolved.isEmpty()) {
        reportFailure(c, result);
        return CommandFailed;
    }
    ResolvedValueCache::store(resolved);
    const Repository after = RepositoryLoader::load(p.repository.layout.argument, loadOptions());
    QJsonArray files;
    bool allResolved = true;
    for (const ResolvedFile &file : resolved) {
        allResolved = allResolved && file.error.isEmpty();
        QJsonObject values;
        for (auto it = file.values.cbegin(); it != file.values.cend(); ++it)
            values.insert(it.key(), it.value() ? QJsonValue(QJsonArray::fromStringList(*it.value())) : QJsonValue());
        files.append(QJsonObject{{QStringLiteral("path"), after.relativePath(file.path)},
                                 {QStringLiteral("values"), values},
                                 {QStringLiteral("error"), file.error}});
        if (!jsonOutput(c)) {
            c.out << after.relativePath(file.path) << ": ";
            if (!file.error.isEmpty()) {
                c.out << "could not be imported: " << file.error << '\n';
                continue;
            }
            QStringList shown;
            for (auto it = file.values.cbegin(); it != file.values.cend(); ++it)
                shown += it.key() + QStringLiteral(" = ")
                         + (it.value() ? QStringLiteral("(%1)").arg(it.value()->join(QLatin1String(", "))) : QStringLiteral("None"));
            shown.sort();
            c.out << shown.join(QLatin1String("; ")) << '\n';
        }
    }
    if (jsonOutput(c))
        printJson(c, {{QStringLiteral("ok"), allResolved}, {QStringLiteral("files"), files},
                      {QStringLiteral("heads"), ids(after.graph, after.graph.heads())}});
    return allResolved ? Success : CommandFailed;
}

} // namespace

QList<Command> migrationCommands()
{
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print JSON."));
    const QList<QCommandLineOption> toolOptions{
        json,
        QCommandLineOption(QStringList{QStringLiteral("v"), QStringLiteral("verbose")},
                           QStringLiteral("Show every command Headway runs and its output.")),
        QCommandLineOption(QStringLiteral("python"), QStringLiteral("Run with this interpreter instead of the discovered one."),
                           QStringLiteral("path")),
        QCommandLineOption(QStringLiteral("flask-app"), QStringLiteral("FLASK_APP to use (default: .flaskenv, .env, wsgi.py, app.py)."),
                           QStringLiteral("app")),
        QCommandLineOption(QStringLiteral("env"),
                           QStringLiteral("Set NAME=VALUE for the command (repeatable; NAME= removes a preset). Presets: "
                                          "SERVER_NAME=localhost CACHE_TYPE=NullCache."),
                           QStringLiteral("assignment")),
        QCommandLineOption(QStringLiteral("timeout"), QStringLiteral("Stop a command after SECONDS (default 1800)."),
                           QStringLiteral("seconds")),
        QCommandLineOption(QStringLiteral("dry-run"), QStringLiteral("Print the command(s) as shell text and run nothing.")),
    };
    const QCommandLineOption yes(QStringList{QStringLiteral("y"), QStringLiteral("yes")},
                                 QStringLiteral("Do not ask before undoing migrations or stamping."));
    const QCommandLineOption sql(QStringLiteral("sql"), QStringLiteral("Print the SQL (Alembic's offline mode) instead of running it."));
    const QCommandLineOption noBackup(QStringLiteral("no-backup"), QStringLiteral("Do not copy a SQLite database aside first."));
    const QCommandLineOption message(QStringList{QStringLiteral("m"), QStringLiteral("message")},
                                     QStringLiteral("The merge message: say what is merged."), QStringLiteral("message"));
    return {
        {"current", "Show the database's revisions and what it lacks.", "[REPOSITORY]", current, toolOptions},
        {"upgrade", "Upgrade the database (default target: heads).", "[REV] [REPOSITORY]", upgrade,
         toolOptions + QList<QCommandLineOption>{sql, noBackup}},
        {"downgrade", "Downgrade the database after showing what is undone.", "REV [REPOSITORY]", downgrade,
         toolOptions + QList<QCommandLineOption>{sql, noBackup, yes}},
        {"stamp", "Record a revision in the database without running migrations.", "REV [REPOSITORY]", stamp,
         toolOptions + QList<QCommandLineOption>{noBackup, yes}},
        {"merge", "Merge heads (two or more; default all) into one revision.", "[HEADS...] [REPOSITORY]", merge,
         toolOptions + QList<QCommandLineOption>{message, QCommandLineOption(QStringLiteral("all"), QStringLiteral("Merge every head."))}},
        {"test-upgrade", "Upgrade, step down to base and up again on a scratch database, then run the project's migration tests.",
         "[REPOSITORY]", testUpgrade,
         toolOptions + QList<QCommandLineOption>{
             QCommandLineOption(QStringLiteral("no-project-tests"), QStringLiteral("Skip the project's own migration tests.")),
             QCommandLineOption(QStringLiteral("test-command"),
                                QStringLiteral("The project's migration tests as arguments to its Python (default: "
                                               "-m pytest -q tests/test_migration*.py if present)."),
                                QStringLiteral("arguments"))}},
        {"resolve", "Resolve non-literal revision identifiers by importing just those files with the project's Python.",
         "[REPOSITORY]", resolve, toolOptions},
        {"fix", "If there are several heads: merge them all, verify one head, print the git add.", "[REPOSITORY]", fix,
         toolOptions + QList<QCommandLineOption>{message}},
    };
}

} // namespace headway::cli
