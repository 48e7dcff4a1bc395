#include "GraphNavigation.h"

#include "graph/RevisionGraph.h"

#include <algorithm>

namespace headway {

GraphNavigation::GraphNavigation(const RevisionGraph &graph)
    : m_graph(graph)
    , m_rank(graph.size(), -1)
{
    const QList<int> &order = graph.historyOrder();
    for (int position = 0; position < order.size(); ++position)
        m_rank[order.at(position)] = position;
    for (int revision : order)
        if (graph.node(revision).parents.isEmpty())
            m_roots.append(revision);
}

QList<int> GraphNavigation::inHistoryOrder(QList<int> revisions) const
{
    revisions.removeIf([this](int r) { return rank(r) < 0; });
    std::sort(revisions.begin(), revisions.end(), [this](int a, int b) { return rank(a) < rank(b); });
    return revisions;
}

int GraphNavigation::parent(int revision, int preferred) const
{
    if (revision < 0 || revision >= m_graph.size())
        return -1;
    const QList<int> &parents = m_graph.node(revision).parents;
    if (preferred >= 0 && parents.contains(preferred))
        return preferred;
    return parents.value(0, -1);
}

int GraphNavigation::child(int revision, int preferred) const
{
    if (revision < 0 || revision >= m_graph.size())
        return -1;
    const QList<int> children = inHistoryOrder(m_graph.node(revision).children);
    if (preferred >= 0 && children.contains(preferred))
        return preferred;
    return children.value(0, -1);
}

QList<int> GraphNavigation::siblings(int revision) const
{
    if (rank(revision) < 0)
        return {};
    const int first = parent(revision);
    return first < 0 ? m_roots : inHistoryOrder(m_graph.node(first).children);
}

int GraphNavigation::stepSibling(int revision, int step) const
{
    const QList<int> all = siblings(revision);
    const qsizetype position = all.indexOf(revision);
    if (position < 0 || all.size() < 2)
        return -1;
    const qsizetype count = all.size();
    return all.at((position + step + count) % count);
}

int GraphNavigation::nextSibling(int revision) const
{
    return stepSibling(revision, 1);
}

int GraphNavigation::previousSibling(int revision) const
{
    return stepSibling(revision, -1);
}

QList<int> GraphNavigation::ancestors(int revision) const
{
    if (rank(revision) < 0)
        return {};
    QList<int> result = m_graph.ancestors(revision);
    result.removeOne(revision);
    return inHistoryOrder(result);
}

QList<int> GraphNavigation::descendants(int revision) const
{
    if (rank(revision) < 0)
        return {};
    QList<int> result = m_graph.descendants(revision);
    result.removeOne(revision);
    return inHistoryOrder(result);
}

// Breadth-first towards the bases, so the first time `ancestor` is reached is
// along a shortest chain; cycles are harmless since every node is seen once.
QList<int> GraphNavigation::shortestPathToAncestor(int from, int ancestor) const
{
    QList<int> cameFrom(m_graph.size(), -2);
    QList<int> queue{from};
    cameFrom[from] = -1;
    for (qsizetype head = 0; head < queue.size(); ++head) {
        const int current = queue.at(head);
        if (current == ancestor) {
            QList<int> path;
            for (int step = current; step >= 0; step = cameFrom.at(step))
                path.prepend(step);
            return path;
        }
        for (int parent : m_graph.node(current).parents) {
            if (cameFrom.at(parent) == -2) {
                cameFrom[parent] = current;
                queue.append(parent);
            }
        }
    }
    return {};
}

QList<int> GraphNavigation::path(int from, int to) const
{
    if (rank(from) < 0 || rank(to) < 0)
        return {};
    QList<int> result = shortestPathToAncestor(from, to);
    if (result.isEmpty()) {
        result = shortestPathToAncestor(to, from);
        std::reverse(result.begin(), result.end());
    }
    return result;
}

} // namespace headway
