// headway-cli merge and fix over the core workflow: merging any number of
// heads with a message that says what is merged, then the verified result
// (one new file, the heads left) and the git add to run.
#include "ToolRunning.h"

#include "graph/RevisionResolver.h"
#include "plan/MergeRequest.h"
#include "report/HealthCheck.h"
#include "report/JsonReport.h"

#include <QFileInfo>

namespace headway::cli {

namespace {

int mergeHeads(Context &c, const Prepared &p, const QStringList &requested, bool fixMode)
{
    const Repository &before = *p.repository;
    QList<int> headNodes;
    if (requested.isEmpty()) {
        headNodes = before.graph.heads();
    } else {
        // Ids, unique prefixes and branch labels, as `alembic merge` takes them.
        const RevisionResolver resolver(before.graph);
        for (const QString &head : requested) {
            const Resolution resolution = resolver.resolve(head);
            const int match = resolution.ok() && resolution.revisions.size() == 1 ? resolution.revisions.first() : -1;
            if (match < 0 || !before.graph.node(match).isHead()) {
                c.err << "headway-cli: " << head << " is not a head"
                      << (resolution.ok() ? QString() : QStringLiteral(" (%1)").arg(resolution.error)) << ". Heads: ";
                for (int h : before.graph.heads())
                    c.err << before.graph.node(h).id << ' ';
                c.err << '\n';
                return Broken;
            }
            headNodes += match;
        }
    }
    QStringList heads;
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
    OperationRequest request;
    request.kind = OperationKind::Merge;
    request.heads = heads;
    request.message = message;
    const CommandLine line = p.tool.merge(heads, message);
    if (dryRun(c, line))
        return Success;
    const OperationResult result = runOperation(c, p, {}, request, Echo::Command);
    const MergeVerification &verification = result.merge;
    if (!result.repositoryAfter) {
        reportFailure(c, result);
        if (jsonOutput(c)) {
            const StepResult *step = mainStep(result);
            printJson(c, {{QStringLiteral("ok"), false}, {QStringLiteral("heads"), QJsonArray::fromStringList(heads)},
                          {QStringLiteral("command"), commandJson(line)},
                          {QStringLiteral("explanation"), explanationJson(result.explanation)},
                          {QStringLiteral("output"), step ? step->result.output : QString()}});
        }
        return exitCodeFor(result);
    }
    const Repository &after = *result.repositoryAfter;
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
        c.out << "Heads now: " << after.graph.heads().size() << '\n';
        if (verification.ok() && !gitAdd.isEmpty())
            c.out << "Commit it: " << gitAdd << '\n';
    }
    if (!result.succeeded()) {
        c.err << "headway-cli: " << result.message << '\n';
        return CommandFailed;
    }
    return Success;
}

} // namespace

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
    const NamedBranches &named = repository->graph.namedBranches();
    const QList<int> suggested = MergeRequest::suggestedHeads(*repository);
    if (suggested.isEmpty()) {
        // Named branches kept on purpose need no merge; unlabelled heads beside them
        // need the user to say which branch each belongs to.
        const bool byDesign = named.byDesign();
        if (jsonOutput(c))
            printJson(c, {{QStringLiteral("ok"), byDesign},
                          {QStringLiteral("status"), byDesign ? QStringLiteral("named-branches") : QStringLiteral("unlabelled-heads")},
                          {QStringLiteral("heads_before"), ids(repository->graph, repository->graph.heads())},
                          {QStringLiteral("named_branches"), JsonReport(*repository).namedBranches()}});
        if (byDesign) {
            if (!jsonOutput(c))
                c.out << named.summary() << ": kept on purpose, nothing to merge.\n";
            return Success;
        }
        c.err << "headway-cli: " << assessHealth(*repository).summary
              << ".\n  Merge the heads you choose: headway-cli merge HEAD HEAD... -m MSG, or give the unlabelled heads "
                 "a branch label.\n";
        return MultipleHeads;
    }
    auto prepared = prepare(c, repositoryArgument(c.parser, 0));
    if (const int *code = std::get_if<int>(&prepared))
        return *code;
    QStringList heads;
    for (int head : suggested)
        heads += repository->graph.node(head).id;
    return mergeHeads(c, std::get<Prepared>(prepared), heads, true);
}

} // namespace headway::cli
