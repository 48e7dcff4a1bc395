#include "ForkStatus.h"

#include "repository/Repository.h"
#include "workflow/BackgroundWork.h"

namespace headway {

ForkStatus::ForkStatus(QObject *parent)
    : QObject(parent)
{
}

ForkState ForkStatus::compute(const Repository &repository, const QString &upstream)
{
    ForkState state;
    auto origins = std::make_shared<OriginReport>(MigrationOrigins::classify(repository, upstream));
    QSet<QString> own;
    for (const RevisionOrigin &origin : origins->revisions) {
        if (origin.origin == Origin::Upstream || origin.origin == Origin::Shared)
            continue;
        own.insert(origin.revision);
        if (origin.origin != Origin::Fork || origin.modified)
            state.ownUnsaved += origin.path;
    }
    const bool severalHeads = repository.graph.heads().size() > 1;
    for (const RevisionNode &node : repository.graph.nodes())
        state.missingParent = state.missingParent || (!node.missingParents.isEmpty() && origins->checkout.found);
    if (origins->available && severalHeads)
        state.advice = MigrationRebase::advise(repository, own, *origins);
    const GitCheckout &checkout = origins->checkout;
    state.afterUpstreamMerge = checkout.found
                               && (!checkout.mergeHead.isEmpty()
                                   || (!origins->lastUpstreamMerge.isEmpty() && origins->lastUpstreamMerge == checkout.head));
    state.origins = std::move(origins);
    return state;
}

void ForkStatus::refresh(std::shared_ptr<const Repository> repository, const QString &upstream)
{
    const int job = ++m_job;
    if (!repository) {
        clear();
        return;
    }
    m_refreshing = true;
    runInBackground(
        this, [repository, upstream] { return compute(*repository, upstream); },
        [this, job](const ForkState &state) {
            if (job != m_job)
                return; // a newer load asked again
            m_refreshing = false;
            m_state = std::make_shared<const ForkState>(state);
            Q_EMIT stateChanged(m_state);
        });
}

void ForkStatus::clear()
{
    ++m_job;
    m_refreshing = false;
    m_state.reset();
    Q_EMIT stateChanged(nullptr);
}

} // namespace headway
