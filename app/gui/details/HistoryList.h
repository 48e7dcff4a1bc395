// The history dock: every revision as `flask db history` prints it, newest
// first. Its selection follows the graph's and leads it: selecting lines here
// (several with Ctrl or Shift) selects those revisions in the graph. Lines and
// tooltips are made when a row is drawn (HistoryModel), so a history of a
// hundred thousand revisions costs no more to show than the rows on screen.
#pragma once

#include <QListView>

#include <memory>

namespace headway {

struct Repository;
class HistoryModel;

class HistoryList : public QListView
{
    Q_OBJECT

public:
    explicit HistoryList(QWidget *parent = nullptr);

    // Keeps `repository` alive while it is shown; null shows nothing.
    void setRepository(std::shared_ptr<const Repository> repository);
    // Selects `revisions` without reporting it back as the user's choice.
    void selectRevisions(const QList<int> &revisions);
    QList<int> selectedRevisions() const;
    int rowOf(int revision) const;
    int count() const;
    QString lineAt(int row) const; // as displayed

Q_SIGNALS:
    void revisionsSelected(const QList<int> &revisions); // by the user
    void revisionActivated(int revision);                // double-click or Enter

private:
    void reportSelection();

    HistoryModel *m_model;
    bool m_updating = false;
};

} // namespace headway
