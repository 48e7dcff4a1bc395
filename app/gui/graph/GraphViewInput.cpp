#include "GraphViewInput.h"

#include "BranchLabelBadge.h"
#include "CollapsedRunItem.h"
#include "GraphView.h"
#include "GraphScene.h"
#include "GraphZoom.h"
#include "RevisionItem.h"

#include <QGestureEvent>
#include <QKeyEvent>
#include <QNativeGestureEvent>
#include <QTimer>

#include <cmath>

namespace headway {

namespace {

constexpr qreal kWheelZoomPerDegree = 1.0015; // angleDelta is in eighths of a degree

} // namespace

GraphViewInput::GraphViewInput(GraphView *view, GraphZoom *zoom)
    : QObject(view)
    , m_view(view)
    , m_viewport(view->viewport())
    , m_zoom(zoom)
{
    // Keys go to the view, which has the focus; everything pointed goes to the viewport.
    view->installEventFilter(this);
    view->viewport()->installEventFilter(this);
    view->viewport()->grabGesture(Qt::PinchGesture);
}

bool GraphViewInput::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view)
        return event->type() == QEvent::KeyPress && keyPressed(static_cast<QKeyEvent *>(event));
    if (watched != m_viewport)
        return false;
    switch (event->type()) {
    case QEvent::Wheel:
        return wheelTurned(static_cast<QWheelEvent *>(event));
    case QEvent::Gesture:
        return gestured(static_cast<QGestureEvent *>(event));
    case QEvent::NativeGesture:
        return nativeGestured(static_cast<QNativeGestureEvent *>(event));
    case QEvent::MouseButtonPress:
        return mousePressed(static_cast<QMouseEvent *>(event));
    case QEvent::MouseButtonRelease:
        mouseReleased(static_cast<QMouseEvent *>(event));
        return false;
    case QEvent::MouseButtonDblClick:
        return doubleClicked(static_cast<QMouseEvent *>(event));
    default:
        return false;
    }
}

bool GraphViewInput::keyPressed(QKeyEvent *event)
{
    const QList<int> selection = m_view->selectedRevisions();
    const Qt::KeyboardModifiers modifiers = event->modifiers() & ~Qt::KeypadModifier;
    const bool plain = modifiers == Qt::NoModifier && !selection.isEmpty();
    if (plain || modifiers == Qt::AltModifier) {
        // The arrows follow the drawing: newer revisions above their parents (Up:
        // child), or to their right when laid out left to right (Right: child).
        const bool across = m_view->graphScene()->layoutDirection() == LayoutDirection::LeftRight;
        const int key = event->key();
        if (key == (across ? Qt::Key_Right : Qt::Key_Up)) {
            m_view->selectChild();
            return true;
        }
        if (key == (across ? Qt::Key_Left : Qt::Key_Down)) {
            m_view->selectParent();
            return true;
        }
        if (key == (across ? Qt::Key_Up : Qt::Key_Left)) {
            m_view->selectPreviousSibling();
            return true;
        }
        if (key == (across ? Qt::Key_Down : Qt::Key_Right)) {
            m_view->selectNextSibling();
            return true;
        }
    }
    if (plain && (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter)) {
        Q_EMIT revisionActivated(selection.last());
        return true;
    }
    if (plain && event->key() == Qt::Key_Escape) {
        m_view->selectRevisions({}, false);
        return true;
    }
    return false; // arrows scroll, page keys page
}

bool GraphViewInput::wheelTurned(QWheelEvent *event)
{
    // Plain wheel and two-finger touchpad swipes scroll, as in every scroll area;
    // Ctrl+wheel zooms around the pointer.
    if (!(event->modifiers() & Qt::ControlModifier))
        return false;
    if (const int degrees = event->angleDelta().y(); degrees != 0)
        m_zoom->zoomBy(std::pow(kWheelZoomPerDegree, degrees), event->position());
    event->accept();
    return true;
}

bool GraphViewInput::gestured(QGestureEvent *event)
{
    auto *pinch = static_cast<QPinchGesture *>(event->gesture(Qt::PinchGesture));
    if (!pinch)
        return false;
    if (pinch->changeFlags() & QPinchGesture::ScaleFactorChanged)
        m_zoom->zoomBy(pinch->scaleFactor(), m_view->viewport()->mapFromGlobal(pinch->centerPoint()));
    event->accept(pinch);
    return true;
}

bool GraphViewInput::nativeGestured(QNativeGestureEvent *event)
{
    // Touchpad pinch on macOS and Wayland arrives as a native zoom gesture.
    if (event->gestureType() != Qt::ZoomNativeGesture)
        return false;
    m_zoom->zoomBy(1.0 + event->value(), event->position());
    return true;
}

bool GraphViewInput::mousePressed(QMouseEvent *event)
{
    // A right click acts on the revision under the pointer: select it first, unless it
    // is already part of the selection (then the context menu acts on all of it).
    if (event->button() == Qt::RightButton) {
        if (const RevisionItem *revision = revisionAt(event->position().toPoint())) {
            if (!m_view->selectedRevisions().contains(revision->revision()))
                m_view->selectRevisions({revision->revision()}, false);
            event->accept();
            return true;
        }
    }
    // Shift+drag selects with a rubber band; a plain drag off the boxes pans. Every
    // left press picks its own mode, so a rubber band never outlives its drag.
    if (event->button() == Qt::LeftButton && !(event->modifiers() & Qt::ShiftModifier)) {
        if (const auto *run = qgraphicsitem_cast<const CollapsedRunItem *>(m_view->itemAt(event->position().toPoint()))) {
            Q_EMIT runClicked(run);
            event->accept();
            return true;
        }
    }
    if (event->button() == Qt::LeftButton) {
        m_leftButtonDown = true;
        const bool rubberBand = event->modifiers() & Qt::ShiftModifier;
        m_view->setDragMode(rubberBand ? QGraphicsView::RubberBandDrag : QGraphicsView::ScrollHandDrag);
    }
    return false;
}

void GraphViewInput::mouseReleased(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton)
        return;
    m_leftButtonDown = false;
    if (m_view->dragMode() != QGraphicsView::RubberBandDrag)
        return;
    // Back to panning (and its open-hand cursor) once QGraphicsView has ended the
    // rubber band with this release: a filter sees the release before the view does.
    QTimer::singleShot(0, this, [this] {
        if (!m_leftButtonDown)
            m_view->setDragMode(QGraphicsView::ScrollHandDrag);
    });
}

bool GraphViewInput::doubleClicked(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton)
        return false;
    const RevisionItem *revision = revisionAt(event->position().toPoint());
    if (!revision)
        return false;
    Q_EMIT revisionActivated(revision->revision());
    event->accept();
    return true;
}

RevisionItem *GraphViewInput::revisionAt(QPoint viewportPoint) const
{
    QGraphicsItem *item = m_view->itemAt(viewportPoint);
    if (item && item->type() == BranchLabelBadge::Type)
        item = item->parentItem();
    return qgraphicsitem_cast<RevisionItem *>(item);
}

} // namespace headway
