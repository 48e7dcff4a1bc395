#include "BranchLabelBadge.h"

#include "GraphStyle.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QStyleOptionGraphicsItem>

#include <algorithm>

namespace headway {

using namespace graphstyle;

namespace {
constexpr qreal kHeight = 14;
constexpr qreal kPadding = 5;
constexpr qreal kGap = 4;
} // namespace

BranchLabelBadge::BranchLabelBadge(const QString &label, QGraphicsItem *parent)
    : QGraphicsItem(parent)
    , m_label(label)
{
    // Few labels exist, so measuring here is cheap and keeps boundingRect exact.
    const qreal textWidth = QFontMetricsF(badgeFont()).horizontalAdvance(label);
    m_rect = QRectF(0, 0, std::min(textWidth + 2 * kPadding, 140.0), kHeight);
    setAcceptedMouseButtons(Qt::NoButton); // clicks and drags go to the box or the view
}

QRectF BranchLabelBadge::boundingRect() const
{
    return m_rect.adjusted(-1, -1, 1, 1);
}

QPainterPath BranchLabelBadge::shape() const
{
    QPainterPath path;
    path.addRoundedRect(m_rect, kHeight / 2, kHeight / 2);
    return path;
}

void BranchLabelBadge::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    if (option->levelOfDetailFromTransform(painter->worldTransform()) < fullDetailLod)
        return; // text-sized detail: hidden with the boxes' text
    painter->setRenderHint(QPainter::Antialiasing); // the view does not save painter state
    painter->setPen(badgeBorder());
    painter->setBrush(badgeFill());
    painter->drawRoundedRect(m_rect, kHeight / 2, kHeight / 2);
    painter->setPen(badgeTextColor());
    painter->setFont(badgeFont());
    const QRectF text = m_rect.adjusted(kPadding, 0, -kPadding, 0);
    painter->drawText(text, Qt::AlignCenter,
                      QFontMetricsF(painter->font()).elidedText(m_label, Qt::ElideRight, text.width()));
}

void BranchLabelBadge::arrange(const QList<BranchLabelBadge *> &badges, const QRectF &box)
{
    qreal right = box.right() - cornerRadius;
    for (BranchLabelBadge *badge : badges) {
        badge->setPos(right - badge->width(), box.top() - kHeight / 2);
        right -= badge->width() + kGap;
    }
}

} // namespace headway
