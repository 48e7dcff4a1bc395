// The branches that meet when a set of heads is merged: every revision an
// upgrade to those heads applies that is not below all of them (the common
// ancestors). Each revision knows which heads it lies under; two revisions
// ran concurrently (neither is the other's ancestor) when each lies under a
// head the other does not: exactly the pairs whose order differs between
// databases.
#pragma once

#include "graph/RevisionGraph.h"

#include <QList>

#include <vector>

namespace headway {

class BranchSpans
{
public:
    BranchSpans(const RevisionGraph &graph, const QList<int> &heads);

    const QList<int> &heads() const { return m_heads; }
    // Revisions under at least one head and not under all, oldest first (an upgrade order).
    const QList<int> &revisions() const { return m_revisions; }
    // Those under head `branch` (an index into heads()), oldest first.
    QList<int> branch(int branch) const;
    // The newest revisions every head lies on (the merge base), usually one; empty for unrelated roots.
    const QList<int> &commonAncestors() const { return m_commonHeads; }

    bool inSpan(int node) const;
    bool concurrent(int first, int second) const;
    // Head positions `node` lies under, as an index list.
    QList<int> branchesOf(int node) const;

private:
    bool flag(int node, std::size_t head) const { return m_flags[std::size_t(node) * m_count + head] != 0; }

    QList<int> m_heads;
    std::size_t m_count = 0;       // heads
    std::vector<char> m_flags;     // per node, one flag per head: the node lies under it
    std::vector<int> m_under;      // per node: how many heads it lies under
    std::vector<char> m_common;             // per node: under every head
    QList<int> m_revisions;
    QList<int> m_commonHeads;
};

} // namespace headway
