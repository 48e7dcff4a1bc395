#include "HealthCheck.h"

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

HealthVerdict assessHealth(const Repository &repository)
{
    HealthVerdict verdict;
    const int errors = static_cast<int>(std::count_if(
        repository.diagnostics.cbegin(), repository.diagnostics.cend(),
        [](const Diagnostic &d) { return d.severity == Severity::Error; }));
    const int heads = static_cast<int>(repository.graph.heads().size());
    if (!repository.found() || errors > 0) {
        verdict.status = HealthVerdict::Status::Broken;
        verdict.summary = repository.found()
                              ? QStringLiteral("Broken: %1 error(s) in the revision graph").arg(errors)
                              : QStringLiteral("No migrations found");
    } else if (heads > 1) {
        verdict.status = HealthVerdict::Status::MultipleHeads;
        verdict.summary = QStringLiteral("%1 heads: create a merge migration").arg(heads);
    } else if (heads == 1) {
        verdict.summary = QStringLiteral("OK: one head (%1), %2 revision(s)")
                              .arg(repository.graph.node(repository.graph.heads().first()).id)
                              .arg(std::count_if(repository.graph.nodes().cbegin(), repository.graph.nodes().cend(),
                                                 [](const RevisionNode &node) { return !node.shadowed; }));
    } else {
        verdict.summary = QStringLiteral("OK: no revisions yet");
    }
    return verdict;
}

} // namespace headway
