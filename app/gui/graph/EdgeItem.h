// One edge of the revision graph: the route the layout computed (chains of
// cubic Béziers; a straight line when the layout drew none), its arrowheads,
// and its kind's line style: solid down_revision, dashed depends_on, dashed red
// for a parent no file declares. Not clickable: drags over it pan the view.
#pragma once

#include "GraphLayout.h"
#include "GraphStyle.h"

#include <QGraphicsItem>
#include <QLineF>
#include <QPainterPath>

namespace headway {

class EdgeItem : public QGraphicsItem
{
public:
    enum { Type = UserType + 3 };

    // Coordinates are scene coordinates; the item stays at pos() (0, 0). The boxes
    // are needed only when the layout gave no route.
    EdgeItem(const EdgeGeometry &geometry, const QRectF &fromBox, const QRectF &toBox, qreal arrowLength);

    int type() const override { return Type; }
    LayoutEdge::Kind kind() const { return m_kind; }
    const QPainterPath &path() const { return m_path; }

    void setEmphasis(graphstyle::Emphasis emphasis);
    graphstyle::Emphasis emphasis() const { return m_emphasis; }

    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    void addCurve(const BezierCurve &curve);
    void addStraightLine(const QRectF &fromBox, const QRectF &toBox, qreal arrowLength);
    void addArrow(QPointF base, QPointF tip);

    LayoutEdge::Kind m_kind;
    graphstyle::Emphasis m_emphasis = graphstyle::Emphasis::Normal;
    QPainterPath m_path;
    QLineF m_ends; // the route's first and last point, drawn instead when tiny
    QList<QPolygonF> m_arrows;
    QRectF m_bounds;
    // Stroking is costly and only hit tests need it: built on the first shape() call.
    mutable QPainterPath m_shape;
};

} // namespace headway
