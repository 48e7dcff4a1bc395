// The rows of the history dock: the repository's revisions in `alembic
// history` order, each line and tooltip formatted only when a view asks for
// it. Holds the repository it shows.
#pragma once

#include <QAbstractListModel>

#include <memory>

namespace headway {

struct Repository;

class HistoryModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role { RevisionRole = Qt::UserRole }; // the row's graph node index

    explicit HistoryModel(QObject *parent = nullptr);

    void setRepository(std::shared_ptr<const Repository> repository);
    int rowOf(int revision) const { return revision >= 0 && revision < m_rowOf.size() ? m_rowOf.at(revision) : -1; }
    int revisionAt(int row) const { return row >= 0 && row < m_order.size() ? m_order.at(row) : -1; }

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    std::shared_ptr<const Repository> m_repository;
    QList<int> m_order; // row -> graph node index
    QList<int> m_rowOf; // graph node index -> row, -1 for none
};

} // namespace headway
