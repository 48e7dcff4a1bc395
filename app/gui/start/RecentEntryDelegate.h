// Draws one recent repository in the start page's list: an icon for its state,
// its name in bold, what it holds ("5 revisions · 2 heads · 1 warning") and
// its path, dimmed. Colours come from the palette, so dark themes work.
#pragma once

#include <QStyledItemDelegate>

namespace headway {

class RecentEntryDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    static QIcon stateIcon(const QModelIndex &index, const QWidget *widget);
};

} // namespace headway
