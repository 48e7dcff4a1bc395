// Moving around a revision graph the way the keyboard does in the graph view,
// and the sets the view highlights: lineage of a revision and the path between
// two. Every choice is deterministic:
//   parent  - the first present parent in down_revision order;
//   child   - the first child in `alembic history` order (newest first);
//   sibling - the next / previous child of the same first parent in history
//             order, wrapping around; revisions without a present parent (bases,
//             and revisions whose only parents are missing) are siblings of
//             each other.
// Either of parent and child prefers a `preferred` revision when it qualifies,
// so the view can return to where the user came from.
// Holds a reference to the graph: the graph must outlive the navigation.
#pragma once

#include <QList>

namespace headway {

class RevisionGraph;

class GraphNavigation
{
public:
    explicit GraphNavigation(const RevisionGraph &graph);

    // -1 when there is no such revision.
    int parent(int revision, int preferred = -1) const;
    int child(int revision, int preferred = -1) const;
    int nextSibling(int revision) const;
    int previousSibling(int revision) const;
    // The revision and its siblings, in history order.
    QList<int> siblings(int revision) const;

    // Lineage through down_revision and depends_on, without `revision` itself, in
    // history order.
    QList<int> ancestors(int revision) const;
    QList<int> descendants(int revision) const;

    // The shortest chain of down_revision edges from `from` to `to`, going towards
    // the bases or towards the heads, both ends included; empty when neither is an
    // ancestor of the other. {from} when from == to.
    QList<int> path(int from, int to) const;

    // Position of a revision in history order (-1 for shadowed duplicates).
    int rank(int revision) const { return m_rank.value(revision, -1); }

private:
    QList<int> inHistoryOrder(QList<int> revisions) const;
    QList<int> shortestPathToAncestor(int from, int ancestor) const;
    int stepSibling(int revision, int step) const;

    const RevisionGraph &m_graph;
    QList<int> m_rank;
    QList<int> m_roots; // revisions without a present parent, in history order
};

} // namespace headway
