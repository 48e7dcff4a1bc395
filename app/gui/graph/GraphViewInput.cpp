// GraphView's zoom, where it looks (first view of a graph, the place kept
// across reloads) and its input: wheel, gestures, keys and mouse. The graph,
// selection, navigation, Find and export are in GraphView.cpp.
#include "GraphView.h"

#include "BranchLabelBadge.h"
#include "GraphLegend.h"
#include "GraphScene.h"
#include "GraphStyle.h"
#include "RevisionItem.h"

#include <QGestureEvent>
#include <QKeyEvent>
#include <QLineF>
#include <QNativeGestureEvent>
#include <QScrollBar>

#include <algorithm>
#include <cmath>

namespace headway {

namespace {

constexpr qreal kZoomStep = 1.25;
constexpr qreal kMaximumZoom = 8;
constexpr qreal kMinimumZoom = 0.05; // lower still when that is what fits the graph
constexpr qreal kWheelZoomPerDegree = 1.0015; // angleDelta is in eighths of a degree
constexpr int kFitMargin = 16;
constexpr qreal kMaximumCachedZoom = 2;

} // namespace

// Zoom ----------------------------------------------------------------------

qreal GraphView::zoomFactor() const
{
    return transform().m11();
}

void GraphView::zoomIn()
{
    zoomAt(zoomFactor() * kZoomStep, QRectF(viewport()->rect()).center());
}

void GraphView::zoomOut()
{
    zoomAt(zoomFactor() / kZoomStep, QRectF(viewport()->rect()).center());
}

void GraphView::resetZoom()
{
    zoomAt(1.0, QRectF(viewport()->rect()).center());
}

void GraphView::fitToWindow()
{
    const qreal zoom = std::clamp(fitScale(), minimumZoom(), 1.0);
    setTransform(QTransform::fromScale(zoom, zoom));
    centerOn(sceneRect().center());
    updateItemCaching();
    Q_EMIT zoomChanged(zoom);
}

void GraphView::zoomAt(qreal zoom, QPointF viewportPoint)
{
    zoom = std::clamp(zoom, minimumZoom(), kMaximumZoom);
    if (qFuzzyCompare(zoom, zoomFactor()))
        return;
    const QPointF scenePoint = mapToScene(viewportPoint.toPoint());
    setTransform(QTransform::fromScale(zoom, zoom));
    // Scroll the same scene point back under the anchor.
    const QPointF drift = QPointF(mapFromScene(scenePoint)) - viewportPoint;
    horizontalScrollBar()->setValue(horizontalScrollBar()->value() + qRound(drift.x()));
    verticalScrollBar()->setValue(verticalScrollBar()->value() + qRound(drift.y()));
    updateItemCaching();
    Q_EMIT zoomChanged(zoom);
}

qreal GraphView::fitScale() const
{
    const QRectF rect = sceneRect();
    const QSizeF room = viewport()->size() - QSize(2 * kFitMargin, 2 * kFitMargin);
    if (rect.isEmpty() || room.isEmpty())
        return 1.0;
    return std::min(room.width() / rect.width(), room.height() / rect.height());
}

qreal GraphView::minimumZoom() const
{
    return m_scene->hasGraph() ? std::min(kMinimumZoom, fitScale()) : kMinimumZoom;
}

void GraphView::showInitialView()
{
    if (!isVisible()) {
        m_initialViewPending = true; // fitting needs the viewport's real size
        return;
    }
    m_initialViewPending = false;
    if (fitScale() >= 0.5) {
        fitToWindow();
        return;
    }
    // A big history: 1:1 at the newest head is more useful than a picture of specks.
    setTransform(QTransform());
    const QList<int> heads = m_scene->headRevisions();
    const RevisionItem *start = m_scene->revisionItem(heads.value(0, -1));
    centerOn(start ? start->pos() : sceneRect().center());
    Q_EMIT zoomChanged(zoomFactor());
}

GraphView::ViewAnchor GraphView::currentAnchor() const
{
    ViewAnchor anchor;
    anchor.center = mapToScene(viewport()->rect().center());
    qreal nearest = qInf();
    for (const QGraphicsItem *item : items(viewport()->rect())) {
        if (const auto *revision = qgraphicsitem_cast<const RevisionItem *>(item)) {
            const qreal distance = QLineF(revision->pos(), anchor.center).length();
            if (distance < nearest) {
                nearest = distance;
                anchor.id = revision->revisionId();
                anchor.offset = anchor.center - revision->pos();
            }
        }
    }
    return anchor;
}

void GraphView::restoreAnchor(const ViewAnchor &anchor)
{
    const RevisionItem *item = m_scene->revisionItem(m_scene->repository().graph.indexOf(anchor.id));
    centerOn(item ? item->pos() + anchor.offset : anchor.center);
}

void GraphView::updateItemCaching()
{
    // A cached pixmap pays only while the box carries text (bench_paint: 1:1 frames take
    // about half as long); zoomed in far, box-sized pixmaps would crowd QPixmapCache.
    const qreal zoom = zoomFactor();
    m_scene->setItemCaching(zoom >= graphstyle::fullDetailLod && zoom <= kMaximumCachedZoom);
}

// Events ---------------------------------------------------------------------

void GraphView::wheelEvent(QWheelEvent *event)
{
    // Plain wheel and two-finger touchpad swipes scroll, as in every scroll area;
    // Ctrl+wheel zooms around the pointer.
    if (event->modifiers() & Qt::ControlModifier) {
        const int degrees = event->angleDelta().y();
        if (degrees != 0)
            zoomAt(zoomFactor() * std::pow(kWheelZoomPerDegree, degrees), event->position());
        event->accept();
        return;
    }
    QGraphicsView::wheelEvent(event);
}

bool GraphView::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::Gesture && handleGesture(static_cast<QGestureEvent *>(event)))
        return true;
    if (event->type() == QEvent::NativeGesture) {
        // Touchpad pinch on macOS and Wayland arrives as a native zoom gesture.
        const auto *gesture = static_cast<QNativeGestureEvent *>(event);
        if (gesture->gestureType() == Qt::ZoomNativeGesture) {
            zoomAt(zoomFactor() * (1.0 + gesture->value()), gesture->position());
            return true;
        }
    }
    return QGraphicsView::viewportEvent(event);
}

bool GraphView::handleGesture(QGestureEvent *event)
{
    auto *pinch = static_cast<QPinchGesture *>(event->gesture(Qt::PinchGesture));
    if (!pinch)
        return false;
    if (pinch->changeFlags() & QPinchGesture::ScaleFactorChanged)
        zoomAt(zoomFactor() * pinch->scaleFactor(), viewport()->mapFromGlobal(pinch->centerPoint()));
    event->accept(pinch);
    return true;
}

void GraphView::keyPressEvent(QKeyEvent *event)
{
    const Qt::KeyboardModifiers modifiers = event->modifiers() & ~Qt::KeypadModifier;
    const bool plain = modifiers == Qt::NoModifier && !m_selection.isEmpty();
    if (plain || modifiers == Qt::AltModifier) {
        switch (event->key()) {
        case Qt::Key_Up:
            return selectChild(); // newer revisions are drawn above their parents
        case Qt::Key_Down:
            return selectParent();
        case Qt::Key_Left:
            return selectPreviousSibling();
        case Qt::Key_Right:
            return selectNextSibling();
        default:
            break;
        }
    }
    if (plain && (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter)) {
        Q_EMIT revisionActivated(currentRevision());
        return;
    }
    if (plain && event->key() == Qt::Key_Escape) {
        selectRevisions({}, false);
        return;
    }
    QGraphicsView::keyPressEvent(event); // arrows scroll, page keys page
}

void GraphView::mousePressEvent(QMouseEvent *event)
{
    // A right click acts on the revision under the pointer: select it first, unless it
    // is already part of the selection (then the context menu acts on all of it).
    if (event->button() == Qt::RightButton) {
        QGraphicsItem *item = itemAt(event->pos());
        if (item && item->type() == BranchLabelBadge::Type)
            item = item->parentItem();
        if (const auto *revision = qgraphicsitem_cast<RevisionItem *>(item)) {
            if (!m_selection.contains(revision->revision()))
                selectRevisions({revision->revision()}, false);
            event->accept();
            return;
        }
    }
    // Shift+drag selects with a rubber band; a plain drag off the boxes pans.
    if (event->button() == Qt::LeftButton && (event->modifiers() & Qt::ShiftModifier))
        setDragMode(RubberBandDrag);
    QGraphicsView::mousePressEvent(event);
}

void GraphView::mouseReleaseEvent(QMouseEvent *event)
{
    QGraphicsView::mouseReleaseEvent(event);
    if (dragMode() == RubberBandDrag && event->button() == Qt::LeftButton)
        setDragMode(ScrollHandDrag);
}

void GraphView::mouseDoubleClickEvent(QMouseEvent *event)
{
    QGraphicsItem *item = event->button() == Qt::LeftButton ? itemAt(event->pos()) : nullptr;
    if (item && item->type() == BranchLabelBadge::Type)
        item = item->parentItem();
    if (const auto *revision = qgraphicsitem_cast<RevisionItem *>(item)) {
        Q_EMIT revisionActivated(revision->revision());
        event->accept();
        return;
    }
    QGraphicsView::mouseDoubleClickEvent(event);
}

void GraphView::resizeEvent(QResizeEvent *event)
{
    QGraphicsView::resizeEvent(event);
    placeLegend();
    if (m_initialViewPending)
        showInitialView();
}

void GraphView::showEvent(QShowEvent *event)
{
    QGraphicsView::showEvent(event);
    if (m_initialViewPending)
        showInitialView();
}

void GraphView::placeLegend()
{
    const QSize size = m_legend->sizeHint();
    const QRect area = viewport()->geometry();
    m_legend->setGeometry(area.left() + 8, area.bottom() - size.height() - 8, size.width(), size.height());
}

} // namespace headway
