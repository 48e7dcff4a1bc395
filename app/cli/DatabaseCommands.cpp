// headway-cli current, upgrade, downgrade and stamp: where the database is,
// and changing it with a plan shown first, a question before anything is
// undone, a SQLite backup, and the tool's failure explained.
#include "ToolRunning.h"

#include "plan/MigrationPlanner.h"
#include "plan/SqlPreview.h"
#include "plan/TestUpgrade.h"

#include <QFileInfo>

namespace headway::cli {

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

namespace {

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
    if (isUpgrade && (positional.isEmpty() || onlyRepository) && repository.graph.heads().size() > 1)
        c.err << "headway-cli: there are " << repository.graph.heads().size()
              << " heads, so `upgrade head` (what `flask db upgrade` does) would fail; upgrading to every head "
                 "instead. Merge the heads (headway-cli fix) to get one.\n";
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

} // namespace

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

} // namespace headway::cli
