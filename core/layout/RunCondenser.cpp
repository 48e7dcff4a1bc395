#include "RunCondenser.h"

#include <algorithm>

namespace headway {

namespace {

struct Degrees {
    QList<int> in, out;
    QList<bool> dependency; // touches a depends_on edge
    QList<int> onlyOut;     // the single outgoing edge, or -1
};

Degrees degreesOf(const LayoutInput &input)
{
    const qsizetype count = input.nodes.size();
    Degrees d{QList<int>(count, 0), QList<int>(count, 0), QList<bool>(count, false),
              QList<int>(count, -1)};
    for (int e = 0; e < input.edges.size(); ++e) {
        const LayoutEdge &edge = input.edges.at(e);
        ++d.out[edge.from];
        ++d.in[edge.to];
        d.onlyOut[edge.from] = e;
        if (edge.kind == LayoutEdge::Kind::Dependency)
            d.dependency[edge.from] = d.dependency[edge.to] = true;
    }
    return d;
}

} // namespace

RunCondenser::RunCondenser(const LayoutInput &input)
    : m_input(input)
{
    findRuns();
    buildCondensedGraph();
}

void RunCondenser::findRuns()
{
    const Degrees d = degreesOf(m_input);
    const auto joinable = [&](int node) { return !m_input.nodes.at(node).ghost && !d.dependency.at(node); };
    // The member above `node` in its run, or -1.
    const auto nextInRun = [&](int node) {
        const int e = d.out.at(node) == 1 ? d.onlyOut.at(node) : -1;
        if (e < 0)
            return -1;
        const LayoutEdge &edge = m_input.edges.at(e);
        const bool joins = edge.kind == LayoutEdge::Kind::Parent && edge.to != node
            && d.in.at(edge.to) == 1 && joinable(node) && joinable(edge.to);
        return joins ? edge.to : -1;
    };

    const qsizetype count = m_input.nodes.size();
    QList<bool> continued(count, false); // some node's run continues into it
    for (int node = 0; node < count; ++node) {
        const int next = nextInRun(node);
        if (next >= 0)
            continued[next] = true;
    }
    m_runOf = QList<int>(count, -1);
    m_joins = QList<bool>(m_input.edges.size(), false);
    for (int start = 0; start < count; ++start) {
        if (continued.at(start))
            continue;
        QList<int> members;
        for (int node = start; node >= 0;) {
            m_runOf[node] = int(m_runs.size());
            members.append(node);
            const int next = nextInRun(node);
            if (next >= 0)
                m_joins[d.onlyOut.at(node)] = true;
            node = next;
        }
        m_runs.append(members);
    }
    // Left over: rings (only reachable through themselves, so cycles). Single nodes.
    for (int node = 0; node < count; ++node) {
        if (m_runOf.at(node) < 0) {
            m_runOf[node] = int(m_runs.size());
            m_runs.append(QList<int>{node});
        }
    }
}

void RunCondenser::buildCondensedGraph()
{
    m_condensed.options = m_input.options;
    m_condensed.nodes.reserve(m_runs.size());
    for (const QList<int> &members : std::as_const(m_runs)) {
        const LayoutNode &first = m_input.nodes.at(members.first());
        qreal width = 0;
        qreal height = m_input.options.rankSeparation * qreal(members.size() - 1);
        for (int member : members) {
            width = std::max(width, m_input.nodes.at(member).size.width());
            height += m_input.nodes.at(member).size.height();
        }
        m_condensed.nodes.append({first.id, QSizeF(width, height), first.revision, first.ghost, {}});
    }

    m_condensedEdgeOf = QList<int>(m_input.edges.size(), -1);
    for (int e = 0; e < m_input.edges.size(); ++e) {
        const LayoutEdge &edge = m_input.edges.at(e);
        if (m_joins.at(e))
            continue;
        m_condensedEdgeOf[e] = int(m_condensed.edges.size());
        m_condensed.edges.append({m_runOf.at(edge.from), m_runOf.at(edge.to), edge.kind});
    }
}

GraphLayout RunCondenser::expand(const GraphLayout &condensedLayout) const
{
    GraphLayout layout = condensedLayout;
    layout.nodes.clear();
    layout.edges.clear();
    if (!condensedLayout.succeeded)
        return layout;

    layout.nodes.resize(m_input.nodes.size());
    for (int r = 0; r < m_runs.size(); ++r) {
        const QRectF box = condensedLayout.nodes.at(r).rect();
        qreal bottom = box.bottom();
        for (int member : m_runs.at(r)) {
            const QSizeF size = m_input.nodes.at(member).size;
            layout.nodes[member] = {QPointF(box.center().x(), bottom - size.height() / 2), size};
            bottom -= size.height() + m_input.options.rankSeparation;
        }
    }

    layout.edges.resize(m_input.edges.size());
    for (int e = 0; e < m_input.edges.size(); ++e) {
        const LayoutEdge &edge = m_input.edges.at(e);
        EdgeGeometry &geometry = layout.edges[e];
        const int condensed = m_condensedEdgeOf.at(e);
        if (condensed >= 0)
            geometry = condensedLayout.edges.at(condensed);
        else
            geometry.curves = {straightArrow(layout.nodes.at(edge.from), layout.nodes.at(edge.to))};
        geometry.from = edge.from;
        geometry.to = edge.to;
        geometry.kind = edge.kind;
    }
    return layout;
}

// From the top centre of the older member up to the bottom centre of the newer one.
BezierCurve RunCondenser::straightArrow(const NodeGeometry &tail, const NodeGeometry &head) const
{
    const QPointF start(tail.center.x(), tail.rect().top());
    const QPointF tip(head.center.x(), head.rect().bottom());
    const qreal arrow = std::min(m_input.options.arrowLength, start.y() - tip.y());
    const QPointF end(tip.x(), tip.y() + arrow);
    const QPointF step = (end - start) / 3;
    return {{start, start + step, start + 2 * step, end}, std::nullopt, tip};
}

} // namespace headway
