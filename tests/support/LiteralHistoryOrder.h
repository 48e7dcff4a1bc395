// Alembic's RevisionMap._topological_sort transcribed literally: one ancestor
// set per open head, recomputed at merge and branch points, and every head
// asked about every candidate. Too slow for long histories, which is why core
// answers those questions differently; tests check the two agree.
#pragma once

#include "graph/RevisionNode.h"

#include <algorithm>
#include <cstdint>
#include <vector>

namespace headway::testsupport {

namespace reference {


// A set of node indices as bits: ancestor sets are large, and the sort asks
// "is X an ancestor of head H" for every head at every step.
class NodeSet
{
public:
    explicit NodeSet(std::size_t size = 0)
        : m_words((size + 63) / 64, 0)
    {
    }
    bool contains(int i) const { return (m_words[std::size_t(i) >> 6] >> (i & 63)) & 1u; }
    void insert(int i) { m_words[std::size_t(i) >> 6] |= std::uint64_t(1) << (i & 63); }
    void erase(int i) { m_words[std::size_t(i) >> 6] &= ~(std::uint64_t(1) << (i & 63)); }

private:
    std::vector<std::uint64_t> m_words;
};

class LiteralTopologicalSort
{
public:
    LiteralTopologicalSort(const std::vector<RevisionNode> &nodes)
        : m_nodes(nodes)
        , m_todo(nodes.size())
    {
        for (std::size_t i = 0; i < nodes.size(); ++i) {
            if (isSortable(static_cast<int>(i))) {
                m_todo.insert(static_cast<int>(i));
                ++m_remaining;
            }
        }
    }

    QList<int> run(QList<int> heads)
    {
        heads.erase(std::remove_if(heads.begin(), heads.end(),
                                   [&](int h) { return !isSortable(h); }),
                    heads.end());
        std::sort(heads.begin(), heads.end(), [&](int a, int b) {
            return m_nodes[a].orderKey < m_nodes[b].orderKey;
        });
        for (int head : heads)
            addHead(head);
        QList<int> output;
        output.reserve(m_remaining);
        std::size_t current = 0;
        while (!m_heads.empty()) {
            const int candidate = m_heads[current];
            // Another head that still has to pass through the candidate goes first.
            bool deferred = false;
            for (std::size_t other = 0; other < m_heads.size(); ++other) {
                if (other != current && m_ancestors[other].contains(candidate)) {
                    current = other;
                    deferred = true;
                    break;
                }
            }
            if (deferred)
                continue;
            if (m_todo.contains(candidate)) {
                output += candidate;
                m_todo.erase(candidate);
                --m_remaining;
            }
            std::vector<int> next;
            for (int parent : downRevisions(candidate))
                if (m_todo.contains(parent) && !isCurrentHead(parent))
                    next.push_back(parent);
            if (next.empty()) {
                m_heads.erase(m_heads.begin() + static_cast<std::ptrdiff_t>(current));
                m_ancestors.erase(m_ancestors.begin() + static_cast<std::ptrdiff_t>(current));
                current = current > 0 ? current - 1 : 0;
                continue;
            }
            const RevisionNode &node = m_nodes[candidate];
            m_heads[current] = next.front();
            if (node.normalizedDependencies.isEmpty() && node.downRevisions.size() == 1) {
                m_ancestors[current].erase(candidate); // plain step down one line
            } else {
                m_ancestors[current] = ancestorsOf(next.front());
                for (std::size_t i = 1; i < next.size(); ++i)
                    addHead(next[i]);
            }
        }
        // Defensive: whatever an irregular graph left unreached still gets listed.
        for (int i = 0; i < static_cast<int>(m_nodes.size()); ++i)
            if (m_todo.contains(i))
                output += i;
        return output;
    }

private:
    bool isSortable(int i) const { return !m_nodes[i].shadowed && !m_nodes[i].inCycle; }

    bool isCurrentHead(int i) const
    {
        return std::find(m_heads.begin(), m_heads.end(), i) != m_heads.end();
    }

    // Alembic's _normalized_down_revisions: parents, then dependencies no ancestor implies.
    std::vector<int> downRevisions(int i) const
    {
        std::vector<int> result;
        for (const QList<int> *list : {&m_nodes[i].parents, &m_nodes[i].normalizedDependencies})
            for (int r : *list)
                if (isSortable(r) && std::find(result.begin(), result.end(), r) == result.end())
                    result.push_back(r);
        return result;
    }

    NodeSet ancestorsOf(int start) const
    {
        NodeSet seen(m_nodes.size());
        m_stack.assign(1, start);
        while (!m_stack.empty()) {
            const int current = m_stack.back();
            m_stack.pop_back();
            if (seen.contains(current))
                continue;
            seen.insert(current);
            for (const QList<int> *list : {&m_nodes[current].parents, &m_nodes[current].normalizedDependencies})
                for (int r : *list)
                    if (isSortable(r) && !seen.contains(r))
                        m_stack.push_back(r);
        }
        return seen;
    }

    void addHead(int head)
    {
        m_heads.push_back(head);
        m_ancestors.push_back(ancestorsOf(head));
    }

    const std::vector<RevisionNode> &m_nodes;
    NodeSet m_todo;
    int m_remaining = 0;
    std::vector<int> m_heads;
    std::vector<NodeSet> m_ancestors;
    mutable std::vector<int> m_stack; // reused by ancestorsOf: it runs once per merge point
};

} // namespace reference

// The same heads as headway::computeHistoryOrder starts from, walked literally.
inline QList<int> literalHistoryOrder(const std::vector<RevisionNode> &nodes, const QList<int> &realHeads)
{
    QList<int> heads = realHeads;
    for (int i = 0; i < static_cast<int>(nodes.size()); ++i) {
        const RevisionNode &node = nodes[i];
        if (node.shadowed || node.inCycle || node.allChildren.isEmpty())
            continue;
        if (std::all_of(node.allChildren.begin(), node.allChildren.end(), [&](int child) { return nodes[child].inCycle; }))
            heads += i;
    }
    return reference::LiteralTopologicalSort(nodes).run(heads);
}

} // namespace headway::testsupport
