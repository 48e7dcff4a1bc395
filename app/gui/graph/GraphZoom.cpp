#include "GraphZoom.h"

#include "CollapsedRunItem.h"
#include "GhostItem.h"
#include "GraphScene.h"
#include "GraphStyle.h"
#include "RevisionItem.h"

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

bool GraphZoom::fit(const QRect &covered)
{
    const qreal whole = fitScale();
    const QRectF rect = m_view->sceneRect();
    m_view->setAlignment(Qt::AlignCenter);
    if (whole >= graphstyle::readableLod || !m_scene->hasGraph() || rect.isEmpty() || room().isEmpty()) {
        qreal zoom = std::clamp(whole, minimum(), 1.0);
        m_view->setTransform(QTransform::fromScale(zoom, zoom));
        m_view->centerOn(rect.center());
        if (coversABox(covered)) {
            // A graph smaller than the viewport is placed by the alignment: above or right of the legend.
            m_view->setAlignment(besideCovered(covered, &zoom));
            m_view->setTransform(QTransform::fromScale(zoom, zoom));
            m_view->centerOn(rect.center());
        }
        Q_EMIT changed(zoom);
        return true;
    }
    // Specks otherwise: fit the short side (the branches side by side) and show the
    // newest end of the long one, where merges are made; the Overview has the rest.
    const qreal acrossWidth = room().width() / rect.width();
    const qreal acrossHeight = room().height() / rect.height();
    const bool tall = acrossWidth > acrossHeight;
    const qreal across = tall ? acrossWidth : acrossHeight;
    const qreal zoom = std::clamp(across, graphstyle::readableLod, 1.0);
    m_view->setTransform(QTransform::fromScale(zoom, zoom));
    QPointF target = newestHead();
    if (across >= graphstyle::readableLod) { // the whole breadth shows: centre it
        if (tall)
            target.setX(rect.center().x());
        else
            target.setY(rect.center().y());
    }
    m_view->centerOn(target);
    Q_EMIT changed(zoom);
    return false;
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
    const QSizeF space = room();
    if (rect.isEmpty() || space.isEmpty())
        return 1.0;
    return std::min(space.width() / rect.width(), space.height() / rect.height());
}

qreal GraphZoom::scaleInto(QSizeF space) const
{
    const QRectF rect = m_view->sceneRect();
    if (rect.isEmpty() || space.width() <= 0 || space.height() <= 0)
        return 0;
    return std::min({space.width() / rect.width(), space.height() / rect.height(), 1.0});
}

bool GraphZoom::coversABox(const QRect &covered) const
{
    if (covered.isEmpty())
        return false;
    const QList<QGraphicsItem *> under = m_view->items(covered);
    return std::any_of(under.cbegin(), under.cend(), [](const QGraphicsItem *item) {
        return dynamic_cast<const RevisionItem *>(item) || dynamic_cast<const CollapsedRunItem *>(item)
               || dynamic_cast<const GhostItem *>(item);
    });
}

Qt::Alignment GraphZoom::besideCovered(const QRect &covered, qreal *zoom) const
{
    if (covered.isEmpty())
        return Qt::AlignCenter;
    const QSize viewport = m_view->viewport()->size();
    const qreal above = scaleInto(QSizeF(viewport.width(), covered.top()) - QSizeF(2 * kFitMargin, 2 * kFitMargin));
    const qreal right = scaleInto(QSizeF(viewport.width() - covered.right() - 1, viewport.height())
                                  - QSizeF(2 * kFitMargin, 2 * kFitMargin));
    const qreal best = std::max(above, right);
    if (best < std::min(*zoom, graphstyle::readableLod))
        return Qt::AlignCenter; // under the legend then: it can be hidden (View menu)
    *zoom = std::min(*zoom, best);
    return above >= right ? Qt::AlignHCenter | Qt::AlignTop : Qt::AlignRight | Qt::AlignVCenter;
}

QSizeF GraphZoom::room() const
{
    return m_view->viewport()->size() - QSize(2 * kFitMargin, 2 * kFitMargin);
}

QPointF GraphZoom::newestHead() const
{
    const QList<int> heads = m_scene->headRevisions(); // history order: the newest first
    const RevisionItem *item = heads.isEmpty() ? nullptr : m_scene->revisionItem(heads.first());
    return item ? item->sceneBoundingRect().center() : m_view->sceneRect().center();
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
