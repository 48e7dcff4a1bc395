#include "LayoutDirection.h"

namespace headway {

namespace {

QPointF rotated(QPointF p)
{
    return {-p.y(), p.x()};
}

} // namespace

LayoutInput turnedForLeftRight(const LayoutInput &input)
{
    LayoutInput turned = input;
    turned.options.direction = LayoutDirection::TopDown;
    for (LayoutNode &node : turned.nodes)
        node.size.transpose();
    return turned;
}

GraphLayout rotatedToLeftRight(GraphLayout layout)
{
    for (NodeGeometry &node : layout.nodes) {
        node.center = rotated(node.center);
        node.size.transpose();
    }
    for (EdgeGeometry &edge : layout.edges) {
        for (BezierCurve &curve : edge.curves) {
            for (QPointF &p : curve.points)
                p = rotated(p);
            if (curve.startArrowTip)
                curve.startArrowTip = rotated(*curve.startArrowTip);
            if (curve.endArrowTip)
                curve.endArrowTip = rotated(*curve.endArrowTip);
        }
    }
    if (layout.boundingRect.isValid()) {
        const QRectF box = layout.boundingRect;
        layout.boundingRect = QRectF(rotated(box.topLeft()), rotated(box.bottomRight())).normalized();
    }
    return layout;
}

} // namespace headway
