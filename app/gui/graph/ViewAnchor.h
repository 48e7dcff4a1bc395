// Where a graph view looks, remembered by revision id rather than by position,
// so a reload that renumbers or moves revisions puts the view back on the same
// place: the revision nearest the view's centre and the centre's offset from
// it, or the plain centre when no revision was in sight (or it is gone).
#pragma once

#include <QPointF>
#include <QString>

class QGraphicsView;

namespace headway {

class GraphScene;

class ViewAnchor
{
public:
    static ViewAnchor of(const QGraphicsView &view);
    // Centres `view` where the anchor was, on the graph `scene` now shows.
    void restore(QGraphicsView &view, const GraphScene &scene) const;

private:
    QString m_id;     // the revision nearest the view's centre
    QPointF m_offset; // from that revision's centre to the view's centre
    QPointF m_center; // the view's centre, for when no revision was near
};

} // namespace headway
