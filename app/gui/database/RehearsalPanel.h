// The merge dialog's "Rehearsal" section: a Rehearse button that runs the merge
// rehearsal of the ticked heads through the MigrationController (on scratch
// databases, never the user's), its progress and Cancel while it runs, and
// the verdict with one row per path (RehearsalView) when it ends. It keeps to
// the rehearsal it started: other operations' steps and results pass by.
#pragma once

#include <QStringList>
#include <QWidget>

#include <memory>

class QLabel;
class QProgressBar;
class QPushButton;

namespace headway {

class MigrationController;
class RehearsalView;
struct CommandStep;
struct OperationResult;
struct Repository;

class RehearsalPanel : public QWidget
{
    Q_OBJECT

public:
    explicit RehearsalPanel(MigrationController *controller, QWidget *parent = nullptr);

    // The heads a rehearsal would run for (full ids); a shown result for other heads is marked stale.
    void setHeads(const QStringList &heads);
    // Starts the rehearsal of the heads; false (and the reason shown) when it cannot start now.
    bool rehearse();
    void cancel();

    bool isRunning() const { return m_running; }
    QString summaryText() const;
    RehearsalView *view() const { return m_view; }
    QPushButton *rehearseButton() const { return m_rehearse; }
    QPushButton *cancelButton() const { return m_cancel; }

Q_SIGNALS:
    void revisionsActivated(const QStringList &ids); // a path or a migration named in the result
    void runningChanged(bool running);
    void finished(bool passed); // the rehearsal this panel started ended; its result is shown

private:
    void stepsPlanned(const QList<CommandStep> &steps);
    void stepStarted(int index, const QString &title);
    void showResult(const OperationResult &result);
    void updateButtons();
    void setSummary(const QString &text, bool failed);

    MigrationController *m_controller;
    QPushButton *m_rehearse;
    QPushButton *m_cancel;
    QProgressBar *m_progress;
    QLabel *m_summary;
    RehearsalView *m_view;
    QStringList m_heads;
    QStringList m_rehearsing; // the running rehearsal's heads
    QStringList m_shownHeads; // whose result the view shows
    QString m_verdict;        // the last rehearsal's one-line result
    bool m_verdictFailed = false;
    std::shared_ptr<const Repository> m_ranOn; // the repository the running rehearsal got
    bool m_running = false;
};

} // namespace headway
