// A parent that revisions name in down_revision but no file declares: a
// dashed, grey box with the id and "missing", so the hole in the history is
// visible where it is. Not selectable: it has no file to show or revision to
// act on; its tooltip says who names it.
#pragma once

#include "GraphStyle.h"

#include <QGraphicsItem>
#include <QStringList>

namespace headway {

class GhostItem : public QGraphicsItem
{
public:
    enum { Type = UserType + 2 };

    GhostItem(const QString &id, QSizeF size);

    int type() const override { return Type; }
    const QString &revisionId() const { return m_id; }

    // Revisions (graph indices) naming this id as a parent.
    void addChild(int revision) { m_children.append(revision); }
    const QList<int> &children() const { return m_children; }

    void setEmphasis(graphstyle::Emphasis emphasis);
    graphstyle::Emphasis emphasis() const { return m_emphasis; }

    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    QString m_id;
    QRectF m_box;
    QList<int> m_children;
    graphstyle::Emphasis m_emphasis = graphstyle::Emphasis::Normal;
};

} // namespace headway
