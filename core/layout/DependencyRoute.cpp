#include "DependencyRoute.h"

#include <algorithm>

namespace headway {

BezierCurve dependencyRoute(const NodeGeometry &from, const NodeGeometry &to, qreal arrowLength)
{
    const QRectF a = from.rect();
    const QRectF b = to.rect();
    const qreal dx = b.center().x() - a.center().x();
    if (qAbs(dx) < (a.width() + b.width()) / 2) {
        const QPointF start(a.right(), a.center().y());
        const QPointF tip(b.right(), b.center().y());
        const QPointF end = tip + QPointF(arrowLength, 0);
        const QPointF bulge(std::clamp(qAbs(tip.y() - start.y()) / 4, 24.0, 160.0), 0);
        return {{start, start + bulge, end + bulge, end}, std::nullopt, tip};
    }
    const qreal side = dx > 0 ? 1 : -1;
    const QPointF start(dx > 0 ? a.right() : a.left(), a.center().y());
    const QPointF tip(dx > 0 ? b.left() : b.right(), b.center().y());
    const QPointF end = tip - QPointF(side * arrowLength, 0);
    const QPointF half((end.x() - start.x()) / 2, 0);
    return {{start, start + half, end - half, end}, std::nullopt, tip};
}

} // namespace headway
