// The history dock: every revision as `flask db history` prints it, newest
// first. Its selection follows the graph's and leads it: selecting lines here
// (several with Ctrl or Shift) selects those revisions in the graph.
#pragma once

#include <QHash>
#include <QListWidget>

namespace headway {

struct Repository;

class HistoryList : public QListWidget
{
    Q_OBJECT

public:
    explicit HistoryList(QWidget *parent = nullptr);

    void setRepository(const Repository &repository);
    // Selects `revisions` without reporting it back as the user's choice.
    void selectRevisions(const QList<int> &revisions);
    QList<int> selectedRevisions() const;
    int rowOf(int revision) const { return m_rowOf.value(revision, -1); }

Q_SIGNALS:
    void revisionsSelected(const QList<int> &revisions); // by the user
    void revisionActivated(int revision);                // double-click or Enter

private:
    void reportSelection();

    QHash<int, int> m_rowOf; // graph node index -> row
    bool m_updating = false;
};

} // namespace headway
