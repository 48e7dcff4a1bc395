// A branch label (Alembic's branch_labels) as a small badge straddling the top
// edge of its revision's box. A child of the RevisionItem, so it moves, dims
// and disappears with it; hidden with the other text when zoomed out.
#pragma once

#include <QGraphicsItem>

namespace headway {

class BranchLabelBadge : public QGraphicsItem
{
public:
    enum { Type = UserType + 4 };

    BranchLabelBadge(const QString &label, QGraphicsItem *parent);

    int type() const override { return Type; }
    const QString &label() const { return m_label; }
    qreal width() const { return m_rect.width(); }

    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

    // Places badges right to left along the top edge of `box` (in the parent's
    // coordinates), the rightmost first.
    static void arrange(const QList<BranchLabelBadge *> &badges, const QRectF &box);

private:
    QString m_label;
    QRectF m_rect; // origin at the badge's top-left corner
};

} // namespace headway
