// What the window shows while no repository is open: what Headway does, with
// a picture; "Open Repository…" and "Open the Demo"; and the recent
// repositories, each with what it holds (read in the background while the
// page is on screen). A folder or alembic.ini dropped on it is opened.
#pragma once

#include <QWidget>

class QLabel;
class QPushButton;

namespace headway {

class RecentList;
class RecentSummaryModel;

class StartPage : public QWidget
{
    Q_OBJECT

public:
    explicit StartPage(QWidget *parent = nullptr);

    // Newest first, as RecentRepositories keeps them.
    void setRecentPaths(const QStringList &paths);
    // Puts the keyboard on the newest recent entry, or on Open Repository… when there is none.
    void focusFirst();

    RecentSummaryModel *recentModel() const { return m_model; }
    RecentList *recentList() const { return m_list; }
    QPushButton *openButton() const { return m_open; }
    QPushButton *demoButton() const { return m_demo; }

Q_SIGNALS:
    void openRequested(); // choose a folder
    void demoRequested();
    void repositoryRequested(const QString &path);
    void removeRequested(const QString &path);

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    QWidget *makeIntroduction();
    QWidget *makeRecentColumn();
    void updateEmptyNote();
    void applyTabOrder();

    RecentSummaryModel *m_model;
    RecentList *m_list;
    QPushButton *m_open = nullptr;
    QPushButton *m_demo = nullptr;
    QLabel *m_emptyNote = nullptr;
};

} // namespace headway
