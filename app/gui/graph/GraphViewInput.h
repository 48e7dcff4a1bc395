// What the user's keys, mouse, wheel and gestures mean on a graph view (the
// list is in GraphView.h): an event filter on the view and its viewport that
// turns them into the view's selection and navigation calls and into zoom, and
// leaves everything else (scrolling, panning, clicks on items) to QGraphicsView.
// Owned by the view; it decides what input means, the view what it does.
#pragma once

#include <QObject>
#include <QPoint>

class QGestureEvent;
class QKeyEvent;
class QMouseEvent;
class QNativeGestureEvent;
class QWheelEvent;

namespace headway {

class CollapsedRunItem;

class GraphView;
class GraphZoom;
class RevisionItem;

class GraphViewInput : public QObject
{
    Q_OBJECT

public:
    // Installs itself on `view` (keys) and its viewport (mouse, wheel, gestures).
    GraphViewInput(GraphView *view, GraphZoom *zoom);

Q_SIGNALS:
    void revisionActivated(int revision); // double click / Enter
    void runClicked(const headway::CollapsedRunItem *run); // a click on a collapsed run: expand it

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    // Each returns true when it used the event up.
    bool keyPressed(QKeyEvent *event);
    bool wheelTurned(QWheelEvent *event);
    bool gestured(QGestureEvent *event);
    bool nativeGestured(QNativeGestureEvent *event);
    bool mousePressed(QMouseEvent *event);
    void mouseReleased(QMouseEvent *event);
    bool doubleClicked(QMouseEvent *event);
    RevisionItem *revisionAt(QPoint viewportPoint) const; // also through its label badges

    GraphView *m_view;
    QObject *m_viewport; // the view's, kept to tell its events from the view's own
    GraphZoom *m_zoom;
    bool m_leftButtonDown = false;
};

} // namespace headway
