#include "start/RecentEntryDelegate.h"

#include "repository/RepositorySummary.h"
#include "start/RecentSummaryModel.h"

#include <QApplication>
#include <QDir>
#include <QPainter>

#include <algorithm>

namespace headway {

namespace {

constexpr int margin = 6;
constexpr int iconSize = 32;

QFont boldFont(QFont font)
{
    font.setBold(true);
    return font;
}

} // namespace

QIcon RecentEntryDelegate::stateIcon(const QModelIndex &index, const QWidget *widget)
{
    const QStyle *style = widget ? widget->style() : QApplication::style();
    const int state = index.data(RecentSummaryModel::StateRole).toInt();
    if (state == int(RepositorySummary::State::Missing) || state == int(RepositorySummary::State::Unreadable))
        return style->standardIcon(QStyle::SP_MessageBoxCritical, nullptr, widget);
    if (index.data(RecentSummaryModel::ProblemsRole).toInt() > 0)
        return style->standardIcon(QStyle::SP_MessageBoxWarning, nullptr, widget);
    return style->standardIcon(QStyle::SP_DirIcon, nullptr, widget);
}

void RecentEntryDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    // The style draws the background, selection and focus; the three lines are ours.
    QStyleOptionViewItem background = option;
    initStyleOption(&background, index);
    background.text.clear();
    background.icon = QIcon();
    const QWidget *widget = option.widget;
    const QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &background, painter, widget);

    const bool selected = option.state & QStyle::State_Selected;
    const QPalette::ColorGroup group = !(option.state & QStyle::State_Enabled) ? QPalette::Disabled
                                       : (option.state & QStyle::State_Active) ? QPalette::Active
                                                                               : QPalette::Inactive;
    const QColor text = option.palette.color(group, selected ? QPalette::HighlightedText : QPalette::Text);
    QColor dim = selected ? text : option.palette.color(group, QPalette::PlaceholderText);

    const QRect area = option.rect.adjusted(margin, margin, -margin, -margin);
    const QRect iconRect(area.left(), area.top() + (area.height() - iconSize) / 2, iconSize, iconSize);
    stateIcon(index, widget).paint(painter, iconRect, Qt::AlignCenter, selected ? QIcon::Selected : QIcon::Normal);

    const int left = iconRect.right() + 1 + margin * 2;
    const int width = area.right() - left;
    const QFontMetrics plain(option.font);
    const QFont bold = boldFont(option.font);
    const QFontMetrics boldMetrics(bold);
    int top = area.top();
    painter->save();
    painter->setPen(text);
    painter->setFont(bold);
    painter->drawText(QRect(left, top, width, boldMetrics.height()), Qt::AlignLeft | Qt::AlignVCenter,
                      boldMetrics.elidedText(index.data(RecentSummaryModel::NameRole).toString(), Qt::ElideRight, width));
    top += boldMetrics.height();
    painter->setFont(option.font);
    painter->drawText(QRect(left, top, width, plain.height()), Qt::AlignLeft | Qt::AlignVCenter,
                      plain.elidedText(index.data(RecentSummaryModel::StateTextRole).toString(), Qt::ElideRight, width));
    top += plain.height();
    painter->setPen(dim);
    const QString path = QDir::toNativeSeparators(index.data(RecentSummaryModel::PathRole).toString());
    painter->drawText(QRect(left, top, width, plain.height()), Qt::AlignLeft | Qt::AlignVCenter,
                      plain.elidedText(path, Qt::ElideMiddle, width));
    painter->restore();
}

QSize RecentEntryDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    const int lines = QFontMetrics(boldFont(option.font)).height() + 2 * QFontMetrics(option.font).height();
    return {iconSize + 4 * margin + 240, std::max(iconSize, lines) + 2 * margin};
}

} // namespace headway
