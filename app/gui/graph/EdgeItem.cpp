#include "EdgeItem.h"

#include <QLineF>
#include <QPainter>
#include <QPainterPathStroker>
#include <QStyleOptionGraphicsItem>
#include <QtNumeric>

#include <algorithm>

namespace headway {

using namespace graphstyle;

namespace {

// Where the segment from the centre of `box` towards `outside` leaves the box.
QPointF exitPoint(const QRectF &box, QPointF outside)
{
    const QPointF center = box.center();
    const QPointF d = outside - center;
    if (d.isNull())
        return center;
    const qreal sx = d.x() == 0 ? qInf() : (box.width() / 2) / qAbs(d.x());
    const qreal sy = d.y() == 0 ? qInf() : (box.height() / 2) / qAbs(d.y());
    return center + d * std::min({sx, sy, 1.0});
}

} // namespace

EdgeItem::EdgeItem(const EdgeGeometry &geometry, const QRectF &fromBox, const QRectF &toBox, qreal arrowLength)
    : m_kind(geometry.kind)
{
    for (const BezierCurve &curve : geometry.curves)
        addCurve(curve);
    if (m_path.isEmpty())
        addStraightLine(fromBox, toBox, arrowLength);

    m_ends = QLineF(m_path.elementAt(0), m_path.currentPosition());
    m_bounds = m_path.boundingRect();
    for (const QPolygonF &arrow : m_arrows)
        m_bounds |= arrow.boundingRect();
    m_bounds.adjust(-2, -2, 2, 2); // the widest edge pen at 1:1
    setAcceptedMouseButtons(Qt::NoButton);
    setZValue(0);
}

void EdgeItem::addCurve(const BezierCurve &curve)
{
    const QList<QPointF> &p = curve.points;
    if (p.isEmpty())
        return;
    m_path.moveTo(p.first());
    for (qsizetype i = 1; i + 2 < p.size(); i += 3)
        m_path.cubicTo(p.at(i), p.at(i + 1), p.at(i + 2));
    if (curve.startArrowTip)
        addArrow(p.first(), *curve.startArrowTip);
    if (curve.endArrowTip)
        addArrow(p.last(), *curve.endArrowTip);
}

void EdgeItem::addStraightLine(const QRectF &fromBox, const QRectF &toBox, qreal arrowLength)
{
    // Parent to child, like the layout's routes: the arrowhead ends on the child's box.
    const QPointF start = exitPoint(fromBox, toBox.center());
    const QPointF tip = exitPoint(toBox, fromBox.center());
    QLineF line(start, tip);
    if (line.length() <= arrowLength) {
        m_path.moveTo(start);
        m_path.lineTo(tip);
        return;
    }
    line.setLength(line.length() - arrowLength);
    m_path.moveTo(start);
    m_path.lineTo(line.p2());
    addArrow(line.p2(), tip);
}

void EdgeItem::addArrow(QPointF base, QPointF tip)
{
    const QLineF axis(base, tip);
    if (axis.length() <= 0)
        return;
    const QPointF normal = QPointF(-axis.dy(), axis.dx()) / axis.length() * (axis.length() * 0.38);
    m_arrows.append(QPolygonF({tip, base + normal, base - normal, tip}));
}

void EdgeItem::setEmphasis(Emphasis emphasis)
{
    if (emphasis == m_emphasis)
        return;
    m_emphasis = emphasis;
    setOpacity(emphasis == Emphasis::Dimmed ? dimmedOpacity : 1.0);
    update();
}

QRectF EdgeItem::boundingRect() const
{
    return m_bounds;
}

QPainterPath EdgeItem::shape() const
{
    if (m_shape.isEmpty()) {
        QPainterPathStroker stroker;
        stroker.setWidth(6); // easy to point at, still only the line
        stroker.setCapStyle(Qt::RoundCap);
        m_shape = stroker.createStroke(m_path);
        for (const QPolygonF &arrow : m_arrows)
            m_shape.addPolygon(arrow);
        m_shape.setFillRule(Qt::WindingFill);
    }
    return m_shape;
}

void EdgeItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    const EdgePens &pens = edgePens(m_kind, m_emphasis);
    const qreal lod = option->levelOfDetailFromTransform(painter->worldTransform());
    painter->setRenderHint(QPainter::Antialiasing, lod >= outlineLod);
    painter->setPen(pens.line);
    painter->setBrush(Qt::NoBrush);
    if (lod < outlineLod) {
        // A few pixels long: a line from end to end looks the same and skips stroking curves.
        painter->drawLine(m_ends);
        return;
    }
    painter->drawPath(m_path);
    painter->setPen(pens.arrow);
    painter->setBrush(pens.arrow.color());
    for (const QPolygonF &arrow : m_arrows)
        painter->drawPolygon(arrow);
}

} // namespace headway
