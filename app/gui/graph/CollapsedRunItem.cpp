#include "CollapsedRunItem.h"

#include "report/RevisionName.h"

#include <QCoreApplication>
#include <QPainter>
#include <QStyleOptionGraphicsItem>

namespace headway {

using namespace graphstyle;

namespace {

constexpr qreal kCardOffset = 4; // the cards behind the front one, up and to the right

} // namespace

CollapsedRunItem::CollapsedRunItem(QList<int> members, const QString &oldestId, const QString &newestId, QSizeF size)
    : m_members(std::move(members))
    , m_oldestId(displayedId(oldestId))
    , m_newestId(displayedId(newestId))
    , m_box(-size.width() / 2, -size.height() / 2, size.width(), size.height())
{
    setZValue(1);
    setCursor(Qt::PointingHandCursor);
}

QString CollapsedRunItem::label() const
{
    // Both forms spelt out: without a translation loaded, %n plurals print "revision(s)".
    const int count = int(m_members.size());
    return count == 1 ? QCoreApplication::translate("CollapsedRunItem", "⋯ 1 revision")
                      : QCoreApplication::translate("CollapsedRunItem", "⋯ %1 revisions").arg(count);
}

void CollapsedRunItem::setEmphasis(Emphasis emphasis)
{
    if (emphasis == m_emphasis)
        return;
    m_emphasis = emphasis;
    setOpacity(emphasis == Emphasis::Dimmed ? dimmedOpacity : 1.0);
    update();
}

QRectF CollapsedRunItem::boundingRect() const
{
    return m_box.adjusted(-2, -kCardOffset * 2 - 2, kCardOffset * 2 + 2, 2);
}

QPainterPath CollapsedRunItem::shape() const
{
    QPainterPath path;
    path.addRect(m_box.adjusted(0, -kCardOffset * 2, kCardOffset * 2, 0));
    return path;
}

void CollapsedRunItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    const qreal lod = option->levelOfDetailFromTransform(painter->worldTransform());
    painter->setRenderHint(QPainter::Antialiasing, lod >= outlineLod);
    if (lod < outlineLod) {
        painter->fillRect(m_box, collapsedMarker(m_emphasis));
        return;
    }
    painter->setPen(collapsedBorder(m_emphasis));
    painter->setBrush(collapsedFill());
    // Two cards behind the front one: many revisions in one place.
    for (int card = 2; card >= 1; --card)
        painter->drawRoundedRect(m_box.translated(kCardOffset * card, -kCardOffset * card), cornerRadius, cornerRadius);
    painter->drawRoundedRect(m_box, cornerRadius, cornerRadius);
    if (lod < fullDetailLod)
        return;

    const QRectF text = m_box.adjusted(textPadding, 4, -textPadding, -4);
    const qreal row = text.height() / 3;
    painter->setPen(textColor());
    QFont bold = messageFont();
    bold.setBold(true);
    painter->setFont(bold);
    painter->drawText(QRectF(text.left(), text.top(), text.width(), row + 2), Qt::AlignLeft | Qt::AlignVCenter, label());
    painter->setPen(secondaryTextColor());
    painter->setFont(summaryFont());
    painter->drawText(QRectF(text.left(), text.top() + row + 2, text.width(), row),
                      Qt::AlignLeft | Qt::AlignVCenter,
                      QStringLiteral("%1 … %2").arg(m_oldestId.left(12), m_newestId.left(12)));
    painter->drawText(QRectF(text.left(), text.top() + 2 * row + 1, text.width(), row - 1),
                      Qt::AlignLeft | Qt::AlignVCenter,
                      QCoreApplication::translate("CollapsedRunItem", "click to expand"));
}

} // namespace headway
