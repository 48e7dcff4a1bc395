#include "GraphvizLayoutEngine.h"

#include "LayeredLayout.h"

#include "DependencyRoute.h"
#include "GraphvizContext.h"
#include "GraphvizGraph.h"
#include "LayoutDirection.h"
#include "RunCondenser.h"

#include <QElapsedTimer>

#include <algorithm>

namespace headway {

namespace {

bool edgesAreValid(const LayoutInput &input)
{
    const qsizetype count = input.nodes.size();
    return std::all_of(input.edges.cbegin(), input.edges.cend(), [count](const LayoutEdge &edge) {
        return edge.from >= 0 && edge.to >= 0 && edge.from < count && edge.to < count;
    });
}

LayoutInput withoutDependencies(const LayoutInput &input)
{
    LayoutInput result = input;
    result.edges.removeIf([](const LayoutEdge &edge) { return edge.kind == LayoutEdge::Kind::Dependency; });
    return result;
}

// Graphviz's bounding box holds the curves, not necessarily their control points,
// and not the depends_on arcs: the GUI's scene must hold everything it paints.
QRectF extentOf(const GraphLayout &layout)
{
    qreal left = layout.boundingRect.left(), top = layout.boundingRect.top();
    qreal right = layout.boundingRect.right(), bottom = layout.boundingRect.bottom();
    const auto include = [&](QPointF p) {
        left = std::min(left, p.x());
        right = std::max(right, p.x());
        top = std::min(top, p.y());
        bottom = std::max(bottom, p.y());
    };
    for (const NodeGeometry &node : layout.nodes) {
        include(node.rect().topLeft());
        include(node.rect().bottomRight());
    }
    for (const EdgeGeometry &edge : layout.edges) {
        for (const BezierCurve &curve : edge.curves) {
            for (QPointF p : curve.points)
                include(p);
            if (curve.startArrowTip)
                include(*curve.startArrowTip);
            if (curve.endArrowTip)
                include(*curve.endArrowTip);
        }
    }
    return QRectF(QPointF(left, top), QPointF(right, bottom));
}

} // namespace

GraphLayout GraphvizLayoutEngine::layout(const LayoutInput &input) const
{
    if (input.options.direction == LayoutDirection::LeftRight)
        return rotatedToLeftRight(layout(turnedForLeftRight(input)));
    QElapsedTimer timer;
    timer.start();
    if (!edgesAreValid(input)) {
        GraphLayout invalid;
        invalid.diagnostics += Diagnostic::error(
            QStringLiteral("layout-invalid-input"), QStringLiteral("An edge of the graph to lay out names no node"),
            {}, 0, QStringLiteral("This is a bug in Headway; please report it with the repository's history."));
        return invalid;
    }
    const GraphvizMessageCapture messages;

    // depends_on edges are drawn over the result: see DependencyRoute.h.
    const LayoutInput ranked = withoutDependencies(input);
    GraphLayout placed;
    // Past the node limit dot takes seconds to minutes (branchy histories): draw a
    // simpler layered layout at once instead, and say so.
    const auto place = [&](const LayoutInput &graph) {
        if (graph.nodes.size() <= graph.options.graphvizNodeLimit)
            return layOutWithGraphviz(m_context, graph);
        GraphLayout simple = layOutLayered(graph);
        simple.diagnostics += Diagnostic::note(
            QStringLiteral("layout-simplified"),
            QStringLiteral("This history is too branchy for Graphviz to lay out quickly (%1 nodes after joining "
                           "linear runs); a simpler layered layout is shown")
                .arg(graph.nodes.size()));
        return simple;
    };
    if (input.options.condenseRuns) {
        const RunCondenser condenser(ranked);
        placed = condenser.expand(place(condenser.condensed()));
    } else {
        placed = place(ranked);
    }

    GraphLayout result = placed;
    if (placed.succeeded) {
        result.edges.clear();
        result.edges.reserve(input.edges.size());
        qsizetype next = 0; // ranked.edges keeps input order
        for (const LayoutEdge &edge : input.edges) {
            if (edge.kind != LayoutEdge::Kind::Dependency) {
                result.edges.append(placed.edges.at(next++));
                continue;
            }
            const BezierCurve arc = dependencyRoute(placed.nodes.at(edge.from), placed.nodes.at(edge.to),
                                                    input.options.arrowLength);
            result.edges.append({edge.from, edge.to, edge.kind, {arc}});
        }
        result.boundingRect = extentOf(result);
    }
    result.diagnostics = messages.diagnostics() + result.diagnostics;
    result.elapsedMs = timer.elapsed();
    return result;
}

} // namespace headway
