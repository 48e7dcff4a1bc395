// Makes long histories cheap to lay out: every linear run of revisions becomes
// one tall node, so Graphviz sees a graph the size of the history's branching
// structure instead of its length; afterwards the run's members are stacked
// back into that node's box, bottom (oldest) to top (newest).
#pragma once

#include "GraphLayout.h"
#include "LayoutInput.h"

namespace headway {

class RunCondenser
{
public:
    // An edge u -> v joins u and v into one run when it is a Parent edge, it is u's
    // only outgoing and v's only incoming edge, and neither u nor v is a ghost or has
    // a depends_on edge. So only a run's bottom member has edges coming in from
    // outside and only its top member has edges going out; Graphviz attaches Parent
    // and Missing edges at the bottom and top centre of a box (see GraphvizGraph.h),
    // which keeps every route it draws valid after expansion. (The engine takes
    // depends_on edges out before condensing and routes them itself; the rule keeps
    // this class right for inputs that still hold them.) Nodes on a cycle with no
    // way in stay single.
    explicit RunCondenser(const LayoutInput &input);

    // One node per run, sized to hold its members with `rankSeparation` between
    // them; the edges between runs, in input order.
    const LayoutInput &condensed() const { return m_condensed; }
    int runCount() const { return int(m_runs.size()); }
    // Members of a run, bottom (oldest) to top (newest).
    const QList<int> &run(int index) const { return m_runs.at(index); }

    // The layout of the input, given a layout of condensed(): Graphviz's routes for
    // edges between runs, straight arrows between the members of a run.
    GraphLayout expand(const GraphLayout &condensedLayout) const;

private:
    void findRuns();
    void buildCondensedGraph();
    BezierCurve straightArrow(const NodeGeometry &tail, const NodeGeometry &head) const;

    LayoutInput m_input;
    QList<QList<int>> m_runs;
    QList<int> m_runOf;            // per input node
    QList<bool> m_joins;           // per input edge: joins two consecutive members of a run
    QList<int> m_condensedEdgeOf;  // per input edge; -1 inside a run
    LayoutInput m_condensed;
};

} // namespace headway
