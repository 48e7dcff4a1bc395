// The middle of a long linear run, collapsed into one box: a stack of cards
// saying "⋯ 37 revisions" with the ids it runs between. Clicking it, moving
// onto one of its revisions from the keyboard, or finding one expands it (the
// view asks the session to lay the graph out again with the run open).
#pragma once

#include "GraphStyle.h"

#include <QGraphicsItem>
#include <QList>

namespace headway {

class CollapsedRunItem : public QGraphicsItem
{
public:
    enum { Type = UserType + 5 };

    // `members`: graph indices, oldest first; `oldestId` / `newestId` their ends' ids.
    CollapsedRunItem(QList<int> members, const QString &oldestId, const QString &newestId, QSizeF size);

    int type() const override { return Type; }
    const QList<int> &members() const { return m_members; }
    const QString &oldestId() const { return m_oldestId; }
    const QString &newestId() const { return m_newestId; }
    QString label() const; // "⋯ 37 revisions"

    void setEmphasis(graphstyle::Emphasis emphasis);
    graphstyle::Emphasis emphasis() const { return m_emphasis; }

    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    QList<int> m_members;
    QString m_oldestId;
    QString m_newestId;
    QRectF m_box;
    graphstyle::Emphasis m_emphasis = graphstyle::Emphasis::Normal;
};

} // namespace headway
