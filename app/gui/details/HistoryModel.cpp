#include "details/HistoryModel.h"

#include "report/AlembicText.h"
#include "report/RevisionName.h"
#include "repository/Repository.h"

namespace headway {

HistoryModel::HistoryModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

void HistoryModel::setRepository(std::shared_ptr<const Repository> repository)
{
    beginResetModel();
    m_repository = std::move(repository);
    m_order = m_repository ? m_repository->graph.historyOrder() : QList<int>();
    m_rowOf = QList<int>(m_repository ? m_repository->graph.size() : 0, -1);
    for (int row = 0; row < m_order.size(); ++row)
        m_rowOf[m_order.at(row)] = row;
    endResetModel();
}

int HistoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_order.size());
}

QVariant HistoryModel::data(const QModelIndex &index, int role) const
{
    const int revision = revisionAt(index.row());
    if (revision < 0 || index.column() != 0)
        return {};
    switch (role) {
    case Qt::DisplayRole:
        // Cut: a hostile file's megabyte id must not cost seconds of text layout.
        return displayedText(AlembicText(*m_repository).historyLine(revision), 400);
    case Qt::ToolTipRole:
        return m_repository->relativePath(m_repository->fileOf(revision).path);
    case RevisionRole:
        return revision;
    default:
        return {};
    }
}

} // namespace headway
