#include "details/HistoryList.h"

#include "report/AlembicText.h"
#include "report/RevisionName.h"
#include "repository/Repository.h"

#include <QFontDatabase>
#include <QScopedValueRollback>

namespace headway {

namespace {
constexpr int revisionRole = Qt::UserRole;
}

HistoryList::HistoryList(QWidget *parent)
    : QListWidget(parent)
{
    setObjectName(QStringLiteral("historyList"));
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setUniformItemSizes(true); // thousands of lines stay fast
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setAccessibleName(tr("Revision history"));
    connect(this, &QListWidget::itemSelectionChanged, this, &HistoryList::reportSelection);
    connect(this, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        Q_EMIT revisionActivated(item->data(revisionRole).toInt());
    });
}

void HistoryList::setRepository(const Repository &repository)
{
    const QScopedValueRollback<bool> updating(m_updating, true);
    clear();
    m_rowOf.clear();
    const AlembicText text(repository);
    for (int revision : repository.graph.historyOrder()) {
        // Cut: a hostile file's megabyte id must not cost seconds of text layout.
        auto *item = new QListWidgetItem(displayedText(text.historyLine(revision), 400), this);
        item->setData(revisionRole, revision);
        item->setToolTip(repository.relativePath(repository.fileOf(revision).path));
        m_rowOf.insert(revision, count() - 1);
    }
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
            selection.select(model()->index(row, 0), model()->index(row, 0));
    }
    selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect);
    if (!revisions.isEmpty() && rowOf(revisions.first()) >= 0) {
        const QModelIndex first = model()->index(rowOf(revisions.first()), 0);
        selectionModel()->setCurrentIndex(first, QItemSelectionModel::NoUpdate);
        scrollTo(first);
    }
}

QList<int> HistoryList::selectedRevisions() const
{
    QList<int> revisions;
    for (const QModelIndex &index : selectionModel()->selectedRows())
        revisions.append(index.data(revisionRole).toInt());
    std::sort(revisions.begin(), revisions.end());
    return revisions;
}

void HistoryList::reportSelection()
{
    if (!m_updating)
        Q_EMIT revisionsSelected(selectedRevisions());
}

} // namespace headway
