// headway-cli rehearse over the core workflow: every path a deployed database
// can take to the merged state, on scratch databases of the project's engine;
// each path's result, its failing step and the migrations behind it, and any
// path that ends with a different schema. Exit 0 only when every path passes
// with one schema.
#include "ToolRunning.h"

#include "plan/MergeRehearsal.h"
#include "workflow/RehearsalOperation.h"

namespace headway::cli {

namespace {

QString kindKey(RehearsalPath::Kind kind)
{
    switch (kind) {
    case RehearsalPath::Kind::AlembicOrder: return QStringLiteral("alembic-order");
    case RehearsalPath::Kind::BranchOrder: return QStringLiteral("branch-order");
    case RehearsalPath::Kind::Deployed: return QStringLiteral("deployed");
    case RehearsalPath::Kind::FromAncestor: return QStringLiteral("from-ancestor");
    }
    return {};
}

QString statusOf(const RehearsalPathResult &path)
{
    switch (path.outcome) {
    case RehearsalPathResult::Outcome::Passed: return path.schemaDiffers() ? QStringLiteral("differs") : QStringLiteral("passed");
    case RehearsalPathResult::Outcome::Failed: return QStringLiteral("failed");
    case RehearsalPathResult::Outcome::NotRun: return QStringLiteral("not_run");
    }
    return {};
}

QJsonObject pathJson(const RevisionGraph &graph, const RehearsalPathResult &path)
{
    QJsonObject object{{QStringLiteral("title"), path.path.title},
                       {QStringLiteral("kind"), kindKey(path.path.kind)},
                       {QStringLiteral("start"), path.path.start},
                       {QStringLiteral("targets"), QJsonArray::fromStringList(path.path.targets)},
                       {QStringLiteral("status"), statusOf(path)},
                       {QStringLiteral("elapsed_ms"), path.elapsedMs},
                       {QStringLiteral("schema_differs"), path.schemaDiffers()},
                       {QStringLiteral("only_here"), QJsonArray::fromStringList(path.onlyHere)},
                       {QStringLiteral("missing_here"), QJsonArray::fromStringList(path.missingHere)}};
    if (path.outcome == RehearsalPathResult::Outcome::Failed) {
        object.insert(QStringLiteral("failing_step"), path.failingStep);
        object.insert(QStringLiteral("error"), path.error);
        QJsonObject failure{{QStringLiteral("summary"), path.site.summary}, {QStringLiteral("object"), path.site.objectName},
                            {QStringLiteral("creators"), ids(graph, path.site.creators)}};
        if (path.site.failingRevision >= 0)
            failure.insert(QStringLiteral("revision"), graph.node(path.site.failingRevision).id);
        object.insert(QStringLiteral("failure"), failure);
    }
    return object;
}

void printPath(Context &c, int number, const RehearsalPathResult &path)
{
    c.out << QStringLiteral("%1  %2. %3  (%4 ms)\n").arg(statusOf(path).toUpper(), -7).arg(number).arg(path.path.title).arg(path.elapsedMs);
    if (path.outcome == RehearsalPathResult::Outcome::Failed) {
        c.out << "         failing step: " << path.failingStep << '\n';
        if (!path.error.isEmpty())
            c.out << "         " << path.error << '\n';
        if (!path.site.summary.isEmpty())
            c.out << "         " << path.site.summary << '\n';
    }
    for (const QString &line : path.onlyHere)
        c.out << "         only on this path: " << line << '\n';
    for (const QString &line : path.missingHere)
        c.out << "         missing on this path: " << line << '\n';
}

// No heads named: the current heads, or with one head the newest merge's parents.
std::optional<QList<int>> headsToRehearse(Context &c, const Repository &repository, const QStringList &arguments)
{
    std::optional<QList<int>> heads = resolveHeads(c, repository, arguments);
    if (!heads || !heads->isEmpty())
        return heads;
    if (repository.graph.heads().size() > 1)
        return repository.graph.heads();
    for (int node : repository.graph.historyOrder())
        if (repository.graph.node(node).parents.size() > 1) {
            c.err << "headway-cli: one head: rehearsing the newest merge, " << repository.graph.node(node).id << '\n';
            return repository.graph.node(node).parents;
        }
    c.err << "headway-cli: one head and no merge: there is nothing to rehearse; name two revisions\n";
    return std::nullopt;
}

} // namespace

int rehearse(Context &c)
{
    const HeadsArguments arguments = headsArguments(c.parser);
    auto prepared = prepare(c, arguments.repository);
    if (const int *code = std::get_if<int>(&prepared))
        return *code;
    const Prepared &p = std::get<Prepared>(prepared);
    const std::optional<QList<int>> heads = headsToRehearse(c, *p.repository, arguments.heads);
    if (!heads)
        return Broken;
    OperationRequest request = OperationRequest::of(OperationKind::Rehearse);
    for (int head : *heads)
        request.heads += p.repository->graph.node(head).id;
    if (!readScratchOptions(c, request))
        return UsageError;
    if (c.parser.isSet(QStringLiteral("dry-run")))
        return printDryRun(c, p, request, [](const OperationContext &context, const OperationRequest &request,
                                              const TestUpgradeTarget &target, const QString &directory, const QString &url) {
            return RehearsalOperation::prepare(context, request, target, directory, url).run;
        });
    const OperationResult result = runOperation(c, p, {}, request, Echo::Silent);
    const RehearsalReport &report = result.rehearsal;
    if (jsonOutput(c)) {
        QJsonArray paths;
        for (const RehearsalPathResult &path : report.paths)
            paths.append(pathJson(p.repository->graph, path));
        printJson(c, {{QStringLiteral("ok"), result.succeeded()}, {QStringLiteral("outcome"), outcomeName(result.outcome)},
                      {QStringLiteral("message"), result.message}, {QStringLiteral("engine"), result.engine},
                      {QStringLiteral("server"), result.server}, {QStringLiteral("heads"), QJsonArray::fromStringList(request.heads)},
                      {QStringLiteral("merge"), report.merge}, {QStringLiteral("paths"), paths}});
    } else {
        if (!report.paths.isEmpty())
            c.out << "Rehearsal of " << request.heads.join(QStringLiteral(" + ")) << " on " << result.server << ":\n";
        for (qsizetype i = 0; i < report.paths.size(); ++i)
            printPath(c, int(i + 1), report.paths.at(i));
        (report.paths.isEmpty() ? c.err : c.out) << (report.paths.isEmpty() ? "headway-cli: " : "\n") << result.message << '\n';
    }
    switch (result.outcome) {
    case OperationResult::Outcome::Succeeded: return Success;
    case OperationResult::Outcome::Failed:
    case OperationResult::Outcome::TimedOut: return report.paths.isEmpty() ? CommandFailed : MultipleHeads;
    default: return exitCodeFor(result);
    }
}

} // namespace headway::cli
