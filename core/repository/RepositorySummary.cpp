#include "RepositorySummary.h"

#include "RepositoryLoader.h"

#include <QFileInfo>

#include <algorithm>

namespace headway {

RepositorySummary summarizeRepository(const QString &path, const std::atomic<bool> *cancel)
{
    RepositorySummary summary;
    summary.path = path;
    if (!QFileInfo::exists(path)) {
        summary.state = RepositorySummary::State::Missing;
        summary.firstError = QStringLiteral("%1 does not exist").arg(path);
        return summary;
    }

    LoadOptions options;
    // One thread: several summaries run at once, next to the repository the user opens.
    options.threads = 1;
    options.cancel = cancel;
    const Repository repository = RepositoryLoader::load(path, options);
    if (repository.cancelled || (cancel && cancel->load())) {
        summary.cancelled = true;
        return summary;
    }

    for (const Diagnostic &diagnostic : repository.diagnostics) {
        if (diagnostic.severity == Severity::Error) {
            if (summary.firstError.isEmpty())
                summary.firstError = diagnostic.message;
            ++summary.errors;
        } else if (diagnostic.severity == Severity::Warning) {
            ++summary.warnings;
        }
    }
    if (!repository.found()) {
        summary.state = RepositorySummary::State::Unreadable;
        if (summary.firstError.isEmpty())
            summary.firstError = QStringLiteral("No Alembic migrations found at %1").arg(path);
        return summary;
    }
    summary.state = RepositorySummary::State::Readable;
    const std::vector<RevisionNode> &nodes = repository.graph.nodes();
    summary.revisions = int(std::count_if(nodes.cbegin(), nodes.cend(), [](const RevisionNode &n) { return !n.shadowed; }));
    summary.heads = int(repository.graph.heads().size());
    return summary;
}

} // namespace headway
