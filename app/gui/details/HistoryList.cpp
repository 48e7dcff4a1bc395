#include "details/HistoryList.h"

#include "details/HistoryModel.h"
#include "repository/Repository.h"

#include <QFontDatabase>
#include <QScopedValueRollback>

namespace headway {

HistoryList::HistoryList(QWidget *parent)
    : QListView(parent)
    , m_model(new HistoryModel(this))
{
    setObjectName(QStringLiteral("historyList"));
    setModel(m_model);
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setUniformItemSizes(true); // only the rows on screen are ever measured
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setAccessibleName(tr("Revision history"));
    connect(selectionModel(), &QItemSelectionModel::selectionChanged, this, &HistoryList::reportSelection);
    connect(this, &QListView::activated, this, [this](const QModelIndex &index) {
        Q_EMIT revisionActivated(m_model->revisionAt(index.row()));
    });
}

void HistoryList::setRepository(std::shared_ptr<const Repository> repository)
{
    const QScopedValueRollback<bool> updating(m_updating, true);
    m_model->setRepository(std::move(repository));
}

int HistoryList::rowOf(int revision) const
{
    return m_model->rowOf(revision);
}

int HistoryList::count() const
{
    return m_model->rowCount();
}

QString HistoryList::lineAt(int row) const
{
    return m_model->index(row).data().toString();
}

void HistoryList::selectRevisions(const QList<int> &revisions)
{
    QList<int> sorted = revisions;
    std::sort(sorted.begin(), sorted.end());
    if (sorted == selectedRevisions())
        return; // already so: leave the current row alone, the user may be extending a range
    const QScopedValueRollback<bool> updating(m_updating, true);
    QItemSelection selection;
    for (int revision : revisions) {
        const int row = rowOf(revision);
        if (row >= 0)
            selection.select(m_model->index(row), m_model->index(row));
    }
    selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect);
    if (!revisions.isEmpty() && rowOf(revisions.first()) >= 0) {
        const QModelIndex first = m_model->index(rowOf(revisions.first()));
        selectionModel()->setCurrentIndex(first, QItemSelectionModel::NoUpdate);
        scrollTo(first);
    }
}

QList<int> HistoryList::selectedRevisions() const
{
    QList<int> revisions;
    for (const QModelIndex &index : selectionModel()->selectedRows())
        revisions.append(m_model->revisionAt(index.row()));
    std::sort(revisions.begin(), revisions.end());
    return revisions;
}

void HistoryList::reportSelection()
{
    if (!m_updating)
        Q_EMIT revisionsSelected(selectedRevisions());
}

} // namespace headway
