#include "GhostItem.h"

#include <QCoreApplication>
#include <QPainter>
#include <QStyleOptionGraphicsItem>

namespace headway {

using namespace graphstyle;

GhostItem::GhostItem(const QString &id, QSizeF size)
    : m_id(id)
    , m_box(-size.width() / 2, -size.height() / 2, size.width(), size.height())
{
    setZValue(1);
}

void GhostItem::setEmphasis(Emphasis emphasis)
{
    if (emphasis == m_emphasis)
        return;
    m_emphasis = emphasis;
    setOpacity(emphasis == Emphasis::Dimmed ? dimmedOpacity : 1.0);
    update();
}

QRectF GhostItem::boundingRect() const
{
    return m_box.adjusted(-2, -2, 2, 2); // the widest border at 1:1
}

QPainterPath GhostItem::shape() const
{
    QPainterPath path;
    path.addRoundedRect(m_box, cornerRadius, cornerRadius);
    return path;
}

void GhostItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    const qreal lod = option->levelOfDetailFromTransform(painter->worldTransform());
    painter->setRenderHint(QPainter::Antialiasing, lod >= outlineLod); // as RevisionItem
    painter->setPen(ghostBorder());
    painter->setBrush(ghostFill());
    if (lod < fullDetailLod) {
        painter->drawRect(m_box);
        return;
    }
    painter->drawRoundedRect(m_box, cornerRadius, cornerRadius);

    const QRectF text = m_box.adjusted(textPadding, 4, -textPadding, -4);
    painter->setPen(ghostTextColor());
    painter->setFont(idFont());
    painter->drawText(QRectF(text.left(), text.top(), text.width(), text.height() / 2),
                      Qt::AlignLeft | Qt::AlignVCenter, m_id.left(12));
    QFont note = messageFont();
    note.setItalic(true);
    painter->setFont(note);
    painter->drawText(QRectF(text.left(), text.center().y(), text.width(), text.height() / 2),
                      Qt::AlignLeft | Qt::AlignVCenter, QCoreApplication::translate("GhostItem", "missing"));
}

} // namespace headway
