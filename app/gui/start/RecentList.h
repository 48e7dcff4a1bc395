// The start page's list of recent repositories. A click or Enter opens the
// entry; Delete, or "Remove from List" in its context menu, forgets it.
#pragma once

#include <QElapsedTimer>
#include <QListView>

namespace headway {

class RecentList : public QListView
{
    Q_OBJECT

public:
    explicit RecentList(QWidget *parent = nullptr);

    QString currentPath() const;

Q_SIGNALS:
    void openRequested(const QString &path);
    void removeRequested(const QString &path);

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    void focusInEvent(QFocusEvent *event) override;

private:
    void open(const QModelIndex &index);
    void openClicked(const QModelIndex &index);
    void remove(const QModelIndex &index);

    // The second click of a double click would open the same entry again.
    QElapsedTimer m_sinceClick;
    QString m_clicked;
};

} // namespace headway
