#include "BranchSpans.h"

#include "graph/GraphWalk.h"

#include <algorithm>

namespace headway {

BranchSpans::BranchSpans(const RevisionGraph &graph, const QList<int> &heads)
    : m_heads(heads)
    , m_masks(std::size_t(graph.size()))
    , m_common(std::size_t(graph.size()), 0)
{
    const std::size_t count = std::size_t(heads.size());
    for (std::size_t i = 0; i < count; ++i)
        forEachReachable(graph.nodes(), heads.at(qsizetype(i)), EdgeKind::ParentsAndDependencies, [&](int node) {
            std::vector<char> &mask = m_masks[std::size_t(node)];
            mask.resize(count, 0);
            mask[i] = 1;
        });
    for (int node = 0; node < graph.size(); ++node) {
        const std::vector<char> &mask = maskOf(node);
        if (mask.empty())
            continue;
        if (std::all_of(mask.begin(), mask.end(), [](char set) { return set; }))
            m_common[std::size_t(node)] = 1;
    }
    // Oldest first: the reverse of `alembic history`, which lists children before parents.
    const QList<int> &history = graph.historyOrder();
    for (auto it = history.crbegin(); it != history.crend(); ++it)
        if (inSpan(*it))
            m_revisions += *it;
    // The merge base: common ancestors with no child that is itself common.
    for (int node = 0; node < graph.size(); ++node) {
        if (!m_common[std::size_t(node)])
            continue;
        const RevisionNode &revision = graph.node(node);
        const bool newest = std::none_of(revision.allChildren.cbegin(), revision.allChildren.cend(),
                                         [&](int child) { return m_common[std::size_t(child)] != 0; });
        if (newest)
            m_commonHeads += node;
    }
}

bool BranchSpans::inSpan(int node) const
{
    return node >= 0 && std::size_t(node) < m_masks.size() && !maskOf(node).empty() && !m_common[std::size_t(node)];
}

QList<int> BranchSpans::branch(int branch) const
{
    QList<int> nodes;
    for (int node : m_revisions)
        if (maskOf(node)[std::size_t(branch)])
            nodes += node;
    return nodes;
}

QList<int> BranchSpans::branchesOf(int node) const
{
    QList<int> branches;
    if (node < 0 || std::size_t(node) >= m_masks.size())
        return branches;
    const std::vector<char> &mask = maskOf(node);
    for (std::size_t i = 0; i < mask.size(); ++i)
        if (mask[i])
            branches += int(i);
    return branches;
}

bool BranchSpans::concurrent(int first, int second) const
{
    if (!inSpan(first) || !inSpan(second) || first == second)
        return false;
    const std::vector<char> &a = maskOf(first);
    const std::vector<char> &b = maskOf(second);
    bool aOnly = false, bOnly = false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        aOnly = aOnly || (a[i] && !b[i]);
        bOnly = bOnly || (b[i] && !a[i]);
    }
    return aOnly && bOnly;
}

} // namespace headway
