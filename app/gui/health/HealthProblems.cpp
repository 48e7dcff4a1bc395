#include "health/HealthProblems.h"

#include "report/HealthCheck.h"
#include "repository/Repository.h"

#include <QCoreApplication>

namespace headway {

namespace {

constexpr int shortIdLength = 7;
constexpr int shortMessageLength = 32;

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

HealthProblem headsProblem(const Repository &repository)
{
    HealthProblem problem;
    problem.level = HealthProblem::Level::Warning;
    const QList<int> &heads = repository.graph.heads();
    QStringList names;
    for (int head : heads)
        names.append(shortRevisionName(repository, head));
    problem.text = tr("%1 heads: %2").arg(heads.size()).arg(names.join(QLatin1String(", ")));
    problem.revisions = heads;
    for (const Diagnostic &diagnostic : repository.diagnostics)
        if (diagnostic.code == QLatin1String("multiple-heads"))
            problem.fix = diagnostic.hint;
    if (problem.fix.isEmpty())
        problem.fix = tr("Create a merge migration for all heads (flask db merge heads), then commit it.");
    problem.action = QStringLiteral("merge-heads");
    problem.actionText = tr("Merge all heads…");
    return problem;
}

} // namespace

QString shortRevisionName(const Repository &repository, int revision)
{
    const RevisionNode &node = repository.graph.node(revision);
    QString message = repository.fileOf(revision).doc.section(QLatin1Char('\n'), 0, 0).trimmed();
    if (message.size() > shortMessageLength)
        message = message.left(shortMessageLength - 1).trimmed() + QChar(0x2026);
    const QString id = node.id.left(shortIdLength);
    return message.isEmpty() ? id : QStringLiteral("%1 (%2)").arg(id, message);
}

QList<HealthProblem> healthProblems(const Repository &repository, const Diagnostics &layoutDiagnostics)
{
    QList<HealthProblem> errors, warnings;
    for (const Diagnostic &diagnostic : repository.diagnostics + layoutDiagnostics) {
        if (diagnostic.code == QLatin1String("multiple-heads") || diagnostic.severity == Severity::Note)
            continue;
        (diagnostic.severity == Severity::Error ? errors : warnings).append(problemFrom(repository, diagnostic));
    }
    QList<HealthProblem> problems = errors;
    if (repository.graph.heads().size() > 1)
        problems.append(headsProblem(repository));
    problems += warnings;
    if (problems.isEmpty()) {
        HealthProblem ok;
        ok.text = assessHealth(repository).summary;
        ok.revisions = repository.graph.heads();
        problems.append(ok);
    }
    return problems;
}

} // namespace headway
