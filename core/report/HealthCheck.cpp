#include "HealthCheck.h"

#include "RevisionName.h"

#include <algorithm>

namespace headway {

QString HealthVerdict::statusName() const
{
    switch (status) {
    case Status::Healthy:
        return QStringLiteral("ok");
    case Status::MultipleHeads:
        return QStringLiteral("multiple-heads");
    case Status::Broken:
        return QStringLiteral("broken");
    }
    return {};
}

namespace {

QString multipleHeadsText(const Repository &repository)
{
    const NamedBranches &named = repository.graph.namedBranches();
    QStringList problems;
    for (const NamedBranch &branch : named.diverged())
        problems += QStringLiteral("branch %1 has %2 heads (%3)")
                        .arg(branch.label)
                        .arg(branch.heads.size())
                        .arg(branch.headsText());
    if (!named.branches().isEmpty() && !named.unlabelledHeads().isEmpty())
        problems += QStringLiteral("%1 without a branch label").arg(named.unlabelledText());
    const qsizetype heads = repository.graph.heads().size();
    if (problems.isEmpty())
        return QStringLiteral("%1 heads: create a merge migration").arg(heads);
    return QStringLiteral("%1 heads: %2; merge within a branch, never across named branches")
        .arg(heads)
        .arg(problems.join(QLatin1String("; ")));
}

} // namespace

HealthVerdict assessHealth(const Repository &repository)
{
    HealthVerdict verdict;
    const int errors = static_cast<int>(std::count_if(
        repository.diagnostics.cbegin(), repository.diagnostics.cend(),
        [](const Diagnostic &d) { return d.severity == Severity::Error; }));
    const int heads = static_cast<int>(repository.graph.heads().size());
    const NamedBranches &named = repository.graph.namedBranches();
    auto revisionCount = [&] {
        return QString::number(std::count_if(repository.graph.nodes().cbegin(), repository.graph.nodes().cend(),
                                             [](const RevisionNode &node) { return !node.shadowed; }));
    };
    if (!repository.found() || errors > 0) {
        verdict.status = HealthVerdict::Status::Broken;
        verdict.summary = repository.found()
                              ? QStringLiteral("Broken: %1 error(s) in the revision graph").arg(errors)
                              : QStringLiteral("No migrations found");
    } else if (named.byDesign()) {
        verdict.summary = QStringLiteral("OK: %1, %2 revision(s)").arg(named.summary(), revisionCount());
    } else if (heads > 1) {
        verdict.status = HealthVerdict::Status::MultipleHeads;
        verdict.summary = multipleHeadsText(repository);
    } else if (heads == 1) {
        verdict.summary = QStringLiteral("OK: one head (%1), %2 revision(s)")
                              .arg(displayedId(repository.graph.node(repository.graph.heads().first()).id),
                                   revisionCount());
    } else {
        verdict.summary = QStringLiteral("OK: no revisions yet");
    }
    return verdict;
}

} // namespace headway
