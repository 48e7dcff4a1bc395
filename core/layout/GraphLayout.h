// A finished layout in scene coordinates (y down, 1 unit = 1 point): node boxes
// and edge curves as plain values, ready for the GUI to turn into items.
#pragma once

#include "LayoutInput.h"
#include "diagnostics/Diagnostic.h"

#include <QList>
#include <QMetaType>
#include <QPointF>
#include <QRectF>
#include <QSizeF>

#include <optional>

namespace headway {

struct NodeGeometry {
    QPointF center;
    QSizeF size;

    QRectF rect() const { return {center.x() - size.width() / 2, center.y() - size.height() / 2,
                                  size.width(), size.height()}; }
};

// One piece of an edge's route: a chain of cubic Bézier segments. An arrowhead, if
// any, runs from the curve's end point to its tip, as Graphviz draws it.
struct BezierCurve {
    QList<QPointF> points; // the start point, then 3 control points per segment
    std::optional<QPointF> startArrowTip; // arrowhead from points.first() to here
    std::optional<QPointF> endArrowTip;   // arrowhead from points.last() to here
};

struct EdgeGeometry {
    int from = -1;
    int to = -1;
    LayoutEdge::Kind kind = LayoutEdge::Kind::Parent;
    // Usually one curve. Empty when Graphviz drew no route (a diagnostic says so):
    // the GUI then draws a straight line between the boxes.
    QList<BezierCurve> curves;
};

struct GraphLayout {
    bool succeeded = false;
    QList<NodeGeometry> nodes; // parallel to LayoutInput::nodes
    QList<EdgeGeometry> edges; // parallel to LayoutInput::edges
    QRectF boundingRect;       // holds every box, control point and arrowhead
    Diagnostics diagnostics;   // Graphviz's messages, and why a layout failed

    // What it cost, for the status bar and the benchmark.
    qint64 elapsedMs = 0;
    int graphvizNodes = 0;        // nodes Graphviz laid out, after run condensation
    bool reducedQuality = false;  // the large-graph settings were used
};

} // namespace headway

Q_DECLARE_METATYPE(headway::GraphLayout)
