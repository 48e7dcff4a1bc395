#include "GraphZoom.h"

#include "GraphScene.h"

#include <QGraphicsView>
#include <QScrollBar>

#include <algorithm>

namespace headway {

namespace {

constexpr qreal kZoomStep = 1.25;
constexpr qreal kMaximumZoom = 8;
constexpr qreal kMinimumZoom = 0.05; // lower still when that is what fits the graph
constexpr int kFitMargin = 16;

} // namespace

GraphZoom::GraphZoom(QGraphicsView *view, const GraphScene *scene)
    : QObject(view)
    , m_view(view)
    , m_scene(scene)
{
}

qreal GraphZoom::factor() const
{
    return m_view->transform().m11();
}

void GraphZoom::zoomIn()
{
    zoomAt(factor() * kZoomStep, viewportCenter());
}

void GraphZoom::zoomOut()
{
    zoomAt(factor() / kZoomStep, viewportCenter());
}

void GraphZoom::reset()
{
    zoomAt(1.0, viewportCenter());
}

void GraphZoom::zoomBy(qreal ratio, QPointF viewportPoint)
{
    zoomAt(factor() * ratio, viewportPoint);
}

void GraphZoom::fit()
{
    const qreal zoom = std::clamp(fitScale(), minimum(), 1.0);
    m_view->setTransform(QTransform::fromScale(zoom, zoom));
    m_view->centerOn(m_view->sceneRect().center());
    Q_EMIT changed(zoom);
}

void GraphZoom::setActualSize()
{
    m_view->setTransform(QTransform());
    Q_EMIT changed(factor());
}

void GraphZoom::zoomAt(qreal zoom, QPointF viewportPoint)
{
    zoom = std::clamp(zoom, minimum(), kMaximumZoom);
    if (qFuzzyCompare(zoom, factor()))
        return;
    // The view's transformation anchor is NoAnchor: this keeps its own.
    const QPointF scenePoint = m_view->mapToScene(viewportPoint.toPoint());
    m_view->setTransform(QTransform::fromScale(zoom, zoom));
    // Scroll the same scene point back under the anchor.
    const QPointF drift = QPointF(m_view->mapFromScene(scenePoint)) - viewportPoint;
    QScrollBar *horizontal = m_view->horizontalScrollBar();
    QScrollBar *vertical = m_view->verticalScrollBar();
    horizontal->setValue(horizontal->value() + qRound(drift.x()));
    vertical->setValue(vertical->value() + qRound(drift.y()));
    Q_EMIT changed(zoom);
}

qreal GraphZoom::fitScale() const
{
    const QRectF rect = m_view->sceneRect();
    const QSizeF room = m_view->viewport()->size() - QSize(2 * kFitMargin, 2 * kFitMargin);
    if (rect.isEmpty() || room.isEmpty())
        return 1.0;
    return std::min(room.width() / rect.width(), room.height() / rect.height());
}

QPointF GraphZoom::viewportCenter() const
{
    return QRectF(m_view->viewport()->rect()).center();
}

qreal GraphZoom::minimum() const
{
    return m_scene->hasGraph() ? std::min(kMinimumZoom, fitScale()) : kMinimumZoom;
}

} // namespace headway
