#include "health/HealthProblems.h"

#include "report/HealthCheck.h"
#include "report/RevisionName.h"
#include "repository/Repository.h"

#include <QCoreApplication>

namespace headway {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("headway::HealthProblems", text);
}

QList<int> revisionsInFile(const Repository &repository, const QString &path)
{
    QList<int> revisions;
    if (path.isEmpty())
        return revisions;
    for (int node = 0; node < repository.graph.size(); ++node)
        if (!repository.graph.node(node).shadowed && repository.fileOf(node).path == path)
            revisions.append(node);
    return revisions;
}

HealthProblem problemFrom(const Repository &repository, const Diagnostic &diagnostic)
{
    HealthProblem problem;
    problem.level = diagnostic.severity == Severity::Error ? HealthProblem::Level::Error
                                                           : HealthProblem::Level::Warning;
    const QString where = diagnostic.path.isEmpty() ? QString() : repository.relativePath(diagnostic.path);
    problem.text = where.isEmpty() ? diagnostic.message
                                   : QStringLiteral("%1: %2").arg(where, diagnostic.message);
    problem.fix = diagnostic.hint;
    problem.revisions = revisionsInFile(repository, diagnostic.path);
    if (diagnostic.code == QLatin1String("non-literal-value")) {
        problem.action = QStringLiteral("resolve-with-python");
        problem.actionText = tr("Resolve with Python");
    }
    problem.path = diagnostic.path;
    problem.line = diagnostic.line;
    return problem;
}

HealthProblem headsProblem(const Repository &repository, const HealthVerdict &verdict)
{
    HealthProblem problem;
    problem.level = HealthProblem::Level::Warning;
    const QList<int> &heads = repository.graph.heads();
    const NamedBranches &named = repository.graph.namedBranches();
    if (named.branches().isEmpty()) {
        QStringList names;
        for (int head : heads)
            names.append(revisionName(repository, head));
        problem.text = tr("%1 heads: %2").arg(heads.size()).arg(joinedNames(names));
    } else {
        problem.text = verdict.summary; // which named branch diverged, which heads have no label
    }
    problem.revisions = heads;
    for (const Diagnostic &diagnostic : repository.diagnostics)
        if (diagnostic.code == QLatin1String("multiple-heads"))
            problem.fix = diagnostic.hint;
    if (problem.fix.isEmpty())
        problem.fix = tr("Create a merge migration for all heads (flask db merge heads), then commit it.");
    problem.action = QStringLiteral("merge-heads");
    const QList<NamedBranch> diverged = named.diverged();
    problem.actionText = named.branches().isEmpty() ? tr("Merge all heads…")
                         : diverged.isEmpty()       ? tr("Choose heads to merge…")
                                                    : tr("Merge the heads of %1…").arg(diverged.first().label);
    return problem;
}

} // namespace

QList<HealthProblem> healthProblems(const Repository &repository, const Diagnostics &layoutDiagnostics)
{
    // The same verdict as `headway-cli check`: it decides whether the banner says OK
    // and whether the heads are the problem to fix.
    const HealthVerdict verdict = assessHealth(repository);
    const bool headsLine = verdict.status == HealthVerdict::Status::MultipleHeads;
    QList<HealthProblem> errors, warnings;
    for (const Diagnostic &diagnostic : repository.diagnostics + layoutDiagnostics) {
        if ((headsLine && diagnostic.code == QLatin1String("multiple-heads")) || diagnostic.severity == Severity::Note)
            continue;
        (diagnostic.severity == Severity::Error ? errors : warnings).append(problemFrom(repository, diagnostic));
    }
    QList<HealthProblem> problems;
    if (verdict.status == HealthVerdict::Status::Healthy) {
        HealthProblem ok;
        ok.text = verdict.summary;
        ok.revisions = repository.graph.heads();
        problems.append(ok);
    }
    problems += errors;
    if (headsLine)
        problems.append(headsProblem(repository, verdict));
    problems += warnings;
    return problems;
}

} // namespace headway
