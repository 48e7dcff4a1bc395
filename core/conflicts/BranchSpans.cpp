#include "BranchSpans.h"

#include "graph/GraphWalk.h"

#include <algorithm>

namespace headway {

BranchSpans::BranchSpans(const RevisionGraph &graph, const QList<int> &heads)
    : m_heads(heads)
    , m_count(std::size_t(heads.size()))
    , m_flags(std::size_t(graph.size()) * m_count, 0)
    , m_under(std::size_t(graph.size()), 0)
    , m_common(std::size_t(graph.size()), 0)
{
    for (std::size_t i = 0; i < m_count; ++i)
        forEachReachable(graph.nodes(), heads.at(qsizetype(i)), EdgeKind::ParentsAndDependencies, [&](int node) {
            m_flags[std::size_t(node) * m_count + i] = 1;
            ++m_under[std::size_t(node)];
        });
    for (std::size_t node = 0; node < m_under.size(); ++node)
        m_common[node] = m_under[node] == int(m_count);
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
    return node >= 0 && std::size_t(node) < m_under.size() && m_under[std::size_t(node)] > 0 && !m_common[std::size_t(node)];
}

QList<int> BranchSpans::branch(int branch) const
{
    QList<int> nodes;
    for (int node : m_revisions)
        if (flag(node, std::size_t(branch)))
            nodes += node;
    return nodes;
}

QList<int> BranchSpans::branchesOf(int node) const
{
    QList<int> branches;
    if (node < 0 || std::size_t(node) >= m_under.size())
        return branches;
    for (std::size_t i = 0; i < m_count; ++i)
        if (flag(node, i))
            branches += int(i);
    return branches;
}

bool BranchSpans::concurrent(int first, int second) const
{
    if (!inSpan(first) || !inSpan(second) || first == second)
        return false;
    bool firstOnly = false, secondOnly = false;
    for (std::size_t i = 0; i < m_count; ++i) {
        firstOnly = firstOnly || (flag(first, i) && !flag(second, i));
        secondOnly = secondOnly || (flag(second, i) && !flag(first, i));
    }
    return firstOnly && secondOnly;
}

} // namespace headway
