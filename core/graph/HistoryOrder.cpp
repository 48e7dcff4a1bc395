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
            int &lowestListed = m_chainListed[std::size_t(m_chainOf[candidate])];
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
        const std::size_t chains = m_chainStart.size() - 1;
        m_chainListed.assign(chains, 0);
        for (std::size_t c = 0; c < chains; ++c)
            m_chainListed[c] = m_chainStart[c + 1] - m_chainStart[c]; // none listed yet
        m_chainStamp.assign(chains, 0);
        m_chainEntry.assign(chains, 0);
        m_chainLimit.assign(chains, 0);
    }

    // Enters `node`'s chain at its position and records how far up it is unlisted;
    // returns the chain's top when all of it above the entry is, else -1.
    int climb(int node)
    {
        const std::size_t chain = std::size_t(m_chainOf[node]);
        const int entry = m_chainPosition[node];
        const int length = m_chainStart[chain + 1] - m_chainStart[chain];
        int limit = m_chainListed[chain];
        if (entry >= limit) {
            // Listed below the entry (only an irregular walk lists out of order): walk it.
            limit = entry;
            while (limit < length && !m_listed[m_chainNodes[std::size_t(m_chainStart[chain] + limit)]])
                ++limit;
        }
        m_chainStamp[chain] = m_stamp;
        m_chainEntry[chain] = entry;
        m_chainLimit[chain] = limit;
        return limit == length ? m_chainNodes[std::size_t(m_chainStart[chain] + length - 1)] : -1;
    }

    bool reached(int node) const
    {
        const std::size_t chain = std::size_t(m_chainOf[node]);
        return m_chainStamp[chain] == m_stamp && m_chainEntry[chain] <= m_chainPosition[node]
               && m_chainPosition[node] < m_chainLimit[chain];
    }

    // The first open head, in Alembic's list order, that has `node` as an
    // ancestor; `current` (the node's own place) when there is none.
    std::size_t firstHeadAbove(int node, std::size_t current)
    {
        ++m_stamp;
        m_stack.clear();
        if (const int top = climb(node); top >= 0)
            m_stack.push_back(top);
        while (!m_stack.empty()) {
            const int at = m_stack.back();
            m_stack.pop_back();
            for (int i = m_childStart[std::size_t(at)]; i < m_childStart[std::size_t(at) + 1]; ++i) {
                const int child = m_children[std::size_t(i)];
                if (!m_listed[child] && m_chainStamp[std::size_t(m_chainOf[child])] != m_stamp)
                    if (const int top = climb(child); top >= 0)
                        m_stack.push_back(top);
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
    std::vector<int> m_chainListed; // chain -> its lowest listed place (its length when none)
    // What the current search reached of each chain: places entry .. limit - 1.
    std::vector<unsigned> m_chainStamp;
    std::vector<int> m_chainEntry;
    std::vector<int> m_chainLimit;
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
