#include "HistoryOrder.h"

#include <algorithm>

namespace headway {

namespace {

// Nodes by index, with their edges stored flat: a history of 100,000
// revisions is walked without one allocation per node.
class Adjacency
{
public:
    void reset(std::size_t size)
    {
        m_start.assign(size + 1, 0);
        m_targets.clear();
    }
    // Rows are filled in node order: begin row i, push its targets, then i + 1.
    void push(int target) { m_targets.push_back(target); }
    void endRow(int node) { m_start[std::size_t(node) + 1] = static_cast<int>(m_targets.size()); }

    const int *begin(int node) const { return m_targets.data() + m_start[std::size_t(node)]; }
    const int *end(int node) const { return m_targets.data() + m_start[std::size_t(node) + 1]; }

private:
    std::vector<int> m_start;
    std::vector<int> m_targets;
};

// Alembic's RevisionMap._topological_sort, step for step, without its two
// costs: it keeps one ancestor set per open head (recomputed at every merge
// and branch point) and asks every head "is the candidate your ancestor?" at
// every step. Both have a cheaper exact answer here, because everything the
// walk lists has all its descendants listed before it (the listed set is
// closed upwards) and every revision not yet listed lies below an open head:
// - the candidate is an ancestor of another open head exactly when it still
//   has a child to list, which a per-node count answers;
// - which head then goes first is found by searching up from the candidate
//   through unlisted revisions only, which is done only when it is blocked.
//   The search steps over linear runs (chains) in one go: a run is unlisted
//   from its bottom up to its lowest listed revision, which is kept per run.
// Both facts hold among the revisions below the starting heads; the others
// never take part in Alembic's walk either, and are listed after it.
class TopologicalSort
{
public:
    explicit TopologicalSort(const std::vector<RevisionNode> &nodes)
        : m_nodes(nodes)
        , m_size(static_cast<int>(nodes.size()))
    {
        m_down.reset(nodes.size());
        for (int i = 0; i < m_size; ++i) {
            if (isSortable(i))
                addDownRevisions(i);
            m_down.endRow(i);
        }
    }

    QList<int> run(QList<int> heads)
    {
        prepareHeads(heads);
        markReachable();
        countChildren();
        buildChains();

        QList<int> output;
        output.reserve(m_size);
        std::size_t current = 0;
        while (!m_heads.empty()) {
            const int candidate = m_heads[current];
            if (m_pendingChildren[candidate] > 0) {
                // Another open head still has to pass through the candidate: it goes first.
                const std::size_t first = firstHeadAbove(candidate, current);
                if (first != current) {
                    current = first;
                    continue;
                }
            }
            output += candidate;
            m_listed[candidate] = true;
            int &lowestListed = m_chains[std::size_t(m_chainOf[candidate])].listed;
            lowestListed = std::min(lowestListed, m_chainPosition[candidate]);
            m_isHead[candidate] = false;
            std::vector<int> next;
            for (const int *p = m_down.begin(candidate); p != m_down.end(candidate); ++p) {
                --m_pendingChildren[*p];
                if (!m_listed[*p] && !m_isHead[*p])
                    next.push_back(*p);
            }
            if (next.empty()) {
                m_heads.erase(m_heads.begin() + static_cast<std::ptrdiff_t>(current));
                current = current > 0 ? current - 1 : 0;
                continue;
            }
            m_heads[current] = next.front();
            for (int head : next) {
                m_isHead[head] = true;
                if (head != next.front())
                    m_heads.push_back(head);
            }
        }
        // What lies below no starting head (an irregular graph) still gets listed.
        for (int i = 0; i < m_size; ++i)
            if (isSortable(i) && !m_listed[i])
                output += i;
        return output;
    }

private:
    bool isSortable(int i) const { return !m_nodes[i].shadowed && !m_nodes[i].inCycle; }

    // Alembic's _normalized_down_revisions: parents, then dependencies no
    // ancestor implies; each once.
    void addDownRevisions(int i)
    {
        const int *rowBegin = nullptr;
        int count = 0;
        for (const QList<int> *list : {&m_nodes[i].parents, &m_nodes[i].normalizedDependencies}) {
            for (int r : *list) {
                rowBegin = m_down.begin(i);
                if (isSortable(r) && std::find(rowBegin, rowBegin + count, r) == rowBegin + count) {
                    m_down.push(r);
                    ++count;
                }
            }
        }
    }

    // Alembic starts from a set of heads, sorted by the revision map's order.
    void prepareHeads(QList<int> heads)
    {
        heads.erase(std::remove_if(heads.begin(), heads.end(), [&](int h) { return !isSortable(h); }),
                    heads.end());
        std::stable_sort(heads.begin(), heads.end(),
                         [&](int a, int b) { return m_nodes[a].orderKey < m_nodes[b].orderKey; });
        m_isHead.assign(std::size_t(m_size), false);
        for (int head : heads) {
            if (!m_isHead[head]) {
                m_isHead[head] = true;
                m_heads.push_back(head);
            }
        }
    }

    void markReachable()
    {
        m_reachable.assign(std::size_t(m_size), false);
        std::vector<int> stack(m_heads.begin(), m_heads.end());
        while (!stack.empty()) {
            const int node = stack.back();
            stack.pop_back();
            if (m_reachable[node])
                continue;
            m_reachable[node] = true;
            for (const int *p = m_down.begin(node); p != m_down.end(node); ++p)
                if (!m_reachable[*p])
                    stack.push_back(*p);
        }
    }

    // Children among the reachable revisions, and how many of each node's are unlisted.
    void countChildren()
    {
        m_pendingChildren.assign(std::size_t(m_size), 0);
        for (int i = 0; i < m_size; ++i)
            if (m_reachable[i])
                for (const int *p = m_down.begin(i); p != m_down.end(i); ++p)
                    ++m_pendingChildren[*p];
        std::vector<int> fill(std::size_t(m_size) + 1, 0);
        for (int i = 0; i < m_size; ++i)
            fill[std::size_t(i) + 1] = fill[std::size_t(i)] + m_pendingChildren[i];
        m_childStart = fill;
        m_children.assign(std::size_t(fill.back()), 0);
        for (int i = 0; i < m_size; ++i)
            if (m_reachable[i])
                for (const int *p = m_down.begin(i); p != m_down.end(i); ++p)
                    m_children[std::size_t(fill[std::size_t(*p)]++)] = i;
        m_listed.assign(std::size_t(m_size), false);
    }

    int childCount(int node) const
    {
        return m_childStart[std::size_t(node) + 1] - m_childStart[std::size_t(node)];
    }

    // Chains: maximal runs where each revision's only child has it as its only
    // down revision, so a search coming up enters a chain at its bottom only.
    void buildChains()
    {
        m_chainOf.assign(std::size_t(m_size), -1);
        m_chainPosition.assign(std::size_t(m_size), 0);
        m_chainNodes.clear();
        m_chainStart.clear();
        auto linksUp = [&](int node) {
            if (childCount(node) != 1)
                return -1;
            const int child = m_children[std::size_t(m_childStart[std::size_t(node)])];
            return m_down.end(child) - m_down.begin(child) == 1 ? child : -1;
        };
        auto isBottom = [&](int node) {
            return m_down.end(node) - m_down.begin(node) != 1 || linksUp(*m_down.begin(node)) != node;
        };
        for (int i = 0; i < m_size; ++i) {
            if (!m_reachable[i] || !isBottom(i))
                continue;
            const int chain = int(m_chainStart.size());
            m_chainStart.push_back(int(m_chainNodes.size()));
            int position = 0;
            for (int at = i; at >= 0; at = linksUp(at)) {
                m_chainOf[at] = chain;
                m_chainPosition[at] = position++;
                m_chainNodes.push_back(at);
            }
        }
        m_chainStart.push_back(int(m_chainNodes.size()));
        // Each chain with the chains its top's children begin, packed together: a
        // search then reads a few hundred kilobytes, not arrays as long as the history.
        const std::size_t chains = m_chainStart.size() - 1;
        m_chains.assign(chains, Chain());
        m_chainChildren.clear();
        for (std::size_t c = 0; c < chains; ++c) {
            Chain &chain = m_chains[c];
            chain.start = m_chainStart[c];
            chain.length = m_chainStart[c + 1] - m_chainStart[c];
            chain.listed = chain.length; // none listed yet
            chain.childBegin = int(m_chainChildren.size());
            const int top = m_chainNodes[std::size_t(m_chainStart[c + 1] - 1)];
            // A top's children all begin chains (see buildChains), so a child is
            // unlisted exactly when its chain's lowest listed place is above 0.
            for (int i = m_childStart[std::size_t(top)]; i < m_childStart[std::size_t(top) + 1]; ++i)
                m_chainChildren.push_back(m_chainOf[std::size_t(m_children[std::size_t(i)])]);
            chain.childEnd = int(m_chainChildren.size());
        }
    }

    // Enters chain `id` at place `entry` and records how far up it is unlisted;
    // true when all of it above the entry is, so the search goes on past its top.
    bool climb(int id, int entry)
    {
        Chain &chain = m_chains[std::size_t(id)];
        int limit = chain.listed;
        if (entry >= limit) {
            // Listed below the entry (only an irregular walk lists out of order): walk it.
            limit = entry;
            while (limit < chain.length && !m_listed[m_chainNodes[std::size_t(chain.start + limit)]])
                ++limit;
        }
        chain.stamp = m_stamp;
        chain.entry = entry;
        chain.limit = limit;
        return limit == chain.length;
    }

    bool reached(int node) const
    {
        const Chain &chain = m_chains[std::size_t(m_chainOf[node])];
        return chain.stamp == m_stamp && chain.entry <= m_chainPosition[node] && m_chainPosition[node] < chain.limit;
    }

    // The first open head, in Alembic's list order, that has `node` as an
    // ancestor; `current` (the node's own place) when there is none.
    std::size_t firstHeadAbove(int node, std::size_t current)
    {
        ++m_stamp;
        m_stack.clear();
        if (climb(m_chainOf[node], m_chainPosition[node]))
            m_stack.push_back(m_chainOf[node]);
        while (!m_stack.empty()) {
            const Chain &at = m_chains[std::size_t(m_stack.back())];
            m_stack.pop_back();
            for (int i = at.childBegin; i < at.childEnd; ++i) {
                const int child = m_chainChildren[std::size_t(i)];
                const Chain &next = m_chains[std::size_t(child)];
                if (next.listed > 0 && next.stamp != m_stamp && climb(child, 0))
                    m_stack.push_back(child);
            }
        }
        for (std::size_t i = 0; i < m_heads.size(); ++i)
            if (i != current && reached(m_heads[i]))
                return i;
        return current;
    }

    const std::vector<RevisionNode> &m_nodes;
    const int m_size;
    Adjacency m_down;
    std::vector<int> m_childStart;
    std::vector<int> m_children;
    std::vector<int> m_pendingChildren;
    std::vector<bool> m_reachable;
    std::vector<bool> m_listed;
    std::vector<bool> m_isHead;
    std::vector<int> m_heads; // Alembic's current_heads, in its order
    // Chains, flat: chain c is m_chainNodes[m_chainStart[c] .. m_chainStart[c + 1]), bottom first.
    std::vector<int> m_chainOf;       // node -> chain, -1 when unreachable
    std::vector<int> m_chainPosition; // node -> place in its chain, 0 at the bottom
    std::vector<int> m_chainNodes;
    std::vector<int> m_chainStart;
    struct Chain {
        int start = 0;  // in m_chainNodes
        int length = 0;
        int listed = 0; // its lowest listed place (its length when none)
        // What the current search reached of it: places entry .. limit - 1.
        unsigned stamp = 0;
        int entry = 0;
        int limit = 0;
        int childBegin = 0; // the chains its top's children begin, in m_chainChildren
        int childEnd = 0;
    };
    std::vector<Chain> m_chains;
    std::vector<int> m_chainChildren;
    unsigned m_stamp = 0;
    std::vector<int> m_stack;
};

} // namespace

QList<int> computeHistoryOrder(const std::vector<RevisionNode> &nodes, const QList<int> &realHeads)
{
    // Heads of the sortable part: real heads, plus revisions whose only
    // dependents sit on a cycle (Alembic would have refused such a graph).
    QList<int> heads = realHeads;
    for (int i = 0; i < static_cast<int>(nodes.size()); ++i) {
        const RevisionNode &node = nodes[i];
        if (node.shadowed || node.inCycle || node.allChildren.isEmpty())
            continue;
        const bool onlyCyclicDependents = std::all_of(
            node.allChildren.begin(), node.allChildren.end(),
            [&](int child) { return nodes[child].inCycle; });
        if (onlyCyclicDependents)
            heads += i;
    }
    return TopologicalSort(nodes).run(heads);
}

} // namespace headway
