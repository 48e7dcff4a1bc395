// The zoom of one graph view: steps in and out, 1:1, fit to window, and zooming
// around a point so that what is under the pointer stays under it. Factor 1 is
// 1:1 (one scene unit, a Graphviz point, per pixel). Zooms in no further than
// 8x and out no further than 0.05x, or than what shows the whole graph when that
// is smaller. Fit never goes below a zoom where ids are readable: a history too
// long for that is fitted across its branches instead, at its newest revisions.
// Owned by the view it zooms; reports every change it makes.
#pragma once

#include <QObject>
#include <QPointF>
#include <QRect>
#include <QSizeF>

class QGraphicsView;

namespace headway {

class GraphScene;

class GraphZoom : public QObject
{
    Q_OBJECT

public:
    // `view` shows `scene`; both outlive this object (the view is its parent).
    GraphZoom(QGraphicsView *view, const GraphScene *scene);

    qreal factor() const;
    void zoomIn();
    void zoomOut();
    void reset();  // 1:1 around the view's centre
    // The whole graph, centred, never magnified beyond 1:1, when that leaves the ids
    // readable, and true. Otherwise every branch side by side (at least as large as
    // readableLod) around the newest head, and false. `covered` is the part of the
    // viewport a legend in its bottom-left corner draws over: when it would hide a box,
    // the whole graph goes above or to the right of it if it stays readable there.
    bool fit(const QRect &covered = {});
    // Multiplies the factor by `ratio`, keeping the scene point under `viewportPoint` in place.
    void zoomBy(qreal ratio, QPointF viewportPoint);
    // 1:1 without keeping any point in place: the caller centres the view next.
    void setActualSize();
    // The factor that would show the whole scene in the viewport (with a margin).
    qreal fitScale() const;

Q_SIGNALS:
    void changed(qreal factor);

private:
    void zoomAt(qreal factor, QPointF viewportPoint);
    QPointF viewportCenter() const;
    qreal minimum() const;
    QSizeF room() const;
    QPointF newestHead() const;
    qreal scaleInto(QSizeF space) const;
    bool coversABox(const QRect &covered) const;
    Qt::Alignment besideCovered(const QRect &covered, qreal *zoom) const;

    QGraphicsView *m_view;
    const GraphScene *m_scene;
};

} // namespace headway
