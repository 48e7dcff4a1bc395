#include "ViewAnchor.h"

#include "GraphScene.h"
#include "RevisionItem.h"

#include <QGraphicsView>
#include <QLineF>

namespace headway {

ViewAnchor ViewAnchor::of(const QGraphicsView &view)
{
    ViewAnchor anchor;
    const QRect visible = view.viewport()->rect();
    anchor.m_center = view.mapToScene(visible.center());
    qreal nearest = qInf();
    for (const QGraphicsItem *item : view.items(visible)) {
        if (const auto *revision = qgraphicsitem_cast<const RevisionItem *>(item)) {
            const qreal distance = QLineF(revision->pos(), anchor.m_center).length();
            if (distance < nearest) {
                nearest = distance;
                anchor.m_id = revision->revisionId();
                anchor.m_offset = anchor.m_center - revision->pos();
            }
        }
    }
    return anchor;
}

void ViewAnchor::restore(QGraphicsView &view, const GraphScene &scene) const
{
    const RevisionItem *item = scene.revisionItem(scene.repository().graph.indexOf(m_id));
    view.centerOn(item ? item->pos() + m_offset : m_center);
}

} // namespace headway
