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
    const std::vector<char> &maskOf(int node) const { return m_masks[std::size_t(node)]; }

    QList<int> m_heads;
    std::vector<std::vector<char>> m_masks; // per node: one flag per head
    std::vector<char> m_common;             // per node: under every head
    QList<int> m_revisions;
    QList<int> m_commonHeads;
};

} // namespace headway
