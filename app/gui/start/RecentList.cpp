#include "start/RecentList.h"

#include "start/RecentSummaryModel.h"

#include <QApplication>
#include <QContextMenuEvent>
#include <QKeyEvent>
#include <QMenu>

#include <algorithm>

namespace headway {

RecentList::RecentList(QWidget *parent)
    : QListView(parent)
{
    setObjectName(QStringLiteral("recentRepositoryList"));
    setAccessibleName(tr("Recent repositories"));
    setAccessibleDescription(tr("Press Enter to open the selected repository, Delete to remove it from the list"));
    setToolTip(tr("Click or press Enter to open a repository; Delete or the context menu removes it from the list"));
    setSelectionMode(QAbstractItemView::SingleSelection);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setUniformItemSizes(true);
    setMouseTracking(true); // hover highlight: the entries are clickable
    connect(this, &QAbstractItemView::clicked, this, &RecentList::openClicked);
}

QString RecentList::currentPath() const
{
    return currentIndex().data(RecentSummaryModel::PathRole).toString();
}

void RecentList::keyPressEvent(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Return:
    case Qt::Key_Enter:
        if (currentIndex().isValid()) {
            open(currentIndex());
            return;
        }
        break;
    case Qt::Key_Delete:
    case Qt::Key_Backspace:
        if (currentIndex().isValid()) {
            remove(currentIndex());
            return;
        }
        break;
    default:
        break;
    }
    QListView::keyPressEvent(event);
}

void RecentList::contextMenuEvent(QContextMenuEvent *event)
{
    // From the keyboard (the Menu key) the menu is about the current entry.
    const QModelIndex index = event->reason() == QContextMenuEvent::Mouse ? indexAt(event->pos()) : currentIndex();
    if (!index.isValid())
        return;
    QMenu menu(this);
    QAction *openAction = menu.addAction(tr("&Open"));
    openAction->setStatusTip(tr("Open this repository"));
    QAction *removeAction = menu.addAction(tr("&Remove from List"));
    removeAction->setStatusTip(tr("Forget this repository here and in File > Open Recent; nothing is deleted"));
    const QPersistentModelIndex entry(index);
    QAction *chosen = menu.exec(event->globalPos());
    if (!entry.isValid()) // the list changed while the menu was open
        return;
    if (chosen == openAction)
        open(entry);
    else if (chosen == removeAction)
        remove(entry);
}

void RecentList::focusInEvent(QFocusEvent *event)
{
    // Tabbing in lands on an entry, so Enter opens something at once.
    if (!currentIndex().isValid() && model() && model()->rowCount() > 0)
        setCurrentIndex(model()->index(0, 0));
    QListView::focusInEvent(event);
}

void RecentList::open(const QModelIndex &index)
{
    const QString path = index.data(RecentSummaryModel::PathRole).toString();
    if (!path.isEmpty())
        Q_EMIT openRequested(path);
}

void RecentList::openClicked(const QModelIndex &index)
{
    const QString path = index.data(RecentSummaryModel::PathRole).toString();
    if (path == m_clicked && m_sinceClick.isValid() && m_sinceClick.elapsed() < QApplication::doubleClickInterval())
        return;
    m_clicked = path;
    m_sinceClick.start();
    open(index);
}

void RecentList::remove(const QModelIndex &index)
{
    const int row = index.row();
    const QString path = index.data(RecentSummaryModel::PathRole).toString();
    Q_EMIT removeRequested(path);
    // Keep the keyboard where it was: on the entry that took the removed one's place.
    const int rows = model() ? model()->rowCount() : 0;
    if (rows > 0)
        setCurrentIndex(model()->index(std::min(row, rows - 1), 0));
}

} // namespace headway
