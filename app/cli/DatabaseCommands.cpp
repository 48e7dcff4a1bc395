// headway-cli current, upgrade, downgrade and stamp over the core workflow:
// the plan is made from the database as `current` reads it, shown, confirmed
// where something is undone, and then exactly that plan runs.
#include "ToolRunning.h"

#include "report/RevisionName.h"
#include "workflow/DatabaseChange.h"
#include "workflow/Workflow.h"

#include <QFileInfo>

namespace headway::cli {

int current(Context &c)
{
    auto prepared = prepare(c, repositoryArgument(c.parser, 0));
    if (const int *code = std::get_if<int>(&prepared))
        return *code;
    const Prepared &p = std::get<Prepared>(prepared);
    if (dryRun(c, p.tool.current()))
        return Success;
    const std::optional<DatabaseState> database = readDatabase(c, p);
    if (!database)
        return CommandFailed;
    const RevisionGraph &graph = p.repository->graph;
    const MigrationPlan pending = Workflow::plan(OperationKind::Upgrade, *p.repository, *database, QStringLiteral("heads"));
    if (jsonOutput(c)) {
        printJson(c, {{QStringLiteral("revisions"), QJsonArray::fromStringList(database->revisions)},
                      {QStringLiteral("heads"), ids(graph, graph.heads())},
                      {QStringLiteral("effective_heads"), ids(graph, graph.realHeads())},
                      {QStringLiteral("behind"), static_cast<int>(pending.revisions.size())},
                      {QStringLiteral("pending"), ids(graph, pending.revisions)},
                      {QStringLiteral("up_to_date"), pending.revisions.isEmpty()}});
        return Success;
    }
    c.out << "Database: "
          << (database->revisions.isEmpty() ? QStringLiteral("base (no revision)") : database->revisions.join(QLatin1String(", ")))
          << '\n';
    if (!database->problem.isEmpty())
        c.out << database->problem << '\n';
    if (pending.revisions.isEmpty())
        c.out << "Up to date: at every head.\n";
    else
        c.out << "Target database is not up to date: " << pending.revisions.size() << " revision(s) behind.\n";
    for (int revision : pending.revisions)
        c.out << "  pending  " << revisionName(*p.repository, revision) << '\n';
    return Success;
}

namespace {

OperationKind operationFor(MigrationPlan::Kind kind)
{
    return kind == MigrationPlan::Kind::Upgrade     ? OperationKind::Upgrade
           : kind == MigrationPlan::Kind::Downgrade ? OperationKind::Downgrade
                                                    : OperationKind::Stamp;
}

void printResultJson(Context &c, const Prepared &p, const OperationResult &result)
{
    const StepResult *step = mainStep(result);
    const RevisionGraph &graph = p.repository->graph;
    const MigrationPlan &plan = result.plan;
    QJsonObject failure;
    if (result.site.failingRevision >= 0)
        failure = {{QStringLiteral("summary"), result.site.summary},
                   {QStringLiteral("revision"), graph.node(result.site.failingRevision).id},
                   {QStringLiteral("object"), result.site.objectName},
                   {QStringLiteral("creators"), ids(graph, result.site.creators)}};
    printJson(c, {{QStringLiteral("ok"), result.succeeded()},
                  {QStringLiteral("message"), result.message},
                  {QStringLiteral("failure"), failure},
                  {QStringLiteral("target"), plan.target},
                  {QStringLiteral("command"), commandJson(result.command)},
                  {QStringLiteral("exit_code"), step ? step->result.exitCode : -1},
                  {QStringLiteral("planned"),
                   ids(graph, plan.kind == MigrationPlan::Kind::Stamp ? plan.markedApplied : plan.revisions)},
                  {QStringLiteral("before"), QJsonArray::fromStringList(result.before.revisions)},
                  {QStringLiteral("after"), QJsonArray::fromStringList(result.after.revisions)},
                  {QStringLiteral("backup"), result.backup.made() ? QJsonValue(result.backup.copy) : QJsonValue()},
                  {QStringLiteral("explanation"), explanationJson(result.explanation)},
                  {QStringLiteral("output"), step ? step->result.output : QString()}});
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
    const Prepared &p = std::get<Prepared>(prepared);
    const bool sqlOnly = c.parser.isSet(QStringLiteral("sql"));

    // Even a dry run reads where the database is (read-only): the plan starts there.
    const std::optional<DatabaseState> before = readDatabase(c, p);
    if (!before)
        return CommandFailed;
    const int heads = int(p.repository->graph.heads().size());
    if (isUpgrade && (positional.isEmpty() || onlyRepository) && heads > 1) {
        // Named branches kept on purpose always upgrade to `heads`: nothing to advise.
        if (p.repository->graph.namedBranches().byDesign())
            c.err << "headway-cli: " << p.repository->graph.namedBranches().summary() << "; upgrading to every head.\n";
        else
            c.err << "headway-cli: there are " << heads
                  << " heads, so `upgrade head` (what `flask db upgrade` does) would fail; upgrading to every head "
                     "instead. Merge the heads (headway-cli fix) to get one.\n";
    }
    OperationRequest request;
    request.kind = sqlOnly ? OperationKind::PreviewSql : operationFor(kind);
    request.plan = Workflow::plan(operationFor(kind), *p.repository, *before, target);
    request.backUp = !c.parser.isSet(QStringLiteral("no-backup"));
    if (!request.plan.ok()) {
        c.err << "headway-cli: Alembic would refuse this: " << request.plan.error << '\n';
        if (!request.plan.advice.isEmpty())
            c.err << "  " << request.plan.advice << '\n';
        if (jsonOutput(c))
            printJson(c, {{QStringLiteral("ok"), false}, {QStringLiteral("error"), request.plan.error},
                          {QStringLiteral("advice"), request.plan.advice}});
        return CommandFailed;
    }
    QString error;
    const CommandLine line = DatabaseChange::commandFor({p.repository, p.tool, *before}, request, &error);
    if (!error.isEmpty()) {
        c.err << "headway-cli: " << error << '\n';
        return UsageError;
    }
    if (dryRun(c, line))
        return Success;

    const OperationResult result = runOperation(c, p, *before, request, sqlOnly ? Echo::Quiet : Echo::Command);
    if (result.outcome == OperationResult::Outcome::NotConfirmed)
        return NotConfirmed;
    reportFailure(c, result);
    if (sqlOnly) {
        if (result.succeeded())
            c.out << mainStep(result)->result.output;
        return exitCodeFor(result);
    }
    if (result.backup.made())
        c.err << "  To restore it: cp "
              << shellQuote(result.backup.copy) << ' ' << shellQuote(result.backup.original) << '\n';
    if (jsonOutput(c))
        printResultJson(c, p, result);
    else if (result.succeeded())
        c.out << "Database now at: "
              << (result.after.revisions.isEmpty() ? QStringLiteral("base") : result.after.revisions.join(QLatin1String(", ")))
              << '\n';
    return exitCodeFor(result);
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

} // namespace headway::cli
