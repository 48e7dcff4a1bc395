// The test-upgrade dock: where it runs (the engine: SQLite, a throwaway
// PostgreSQL / MariaDB server, or the user's server); one row per step of a test
// upgrade on a scratch database (what it does, passed / failed / skipped, how long it took); the
// selected step's output below; and on failure, above everything, which
// migration fails and why, with the migrations it names as links that select
// them in the graph.
#pragma once

#include "database/MigrationController.h"

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QTableWidget;

namespace headway {

class TestUpgradePanel : public QWidget
{
    Q_OBJECT

public:
    enum Column { TitleColumn, ResultColumn, TimeColumn };

    explicit TestUpgradePanel(MigrationController *controller, QWidget *parent = nullptr);

    QString summaryText() const; // plain text of the verdict
    QString engineText() const;  // where the last test upgrade ran
    int stepCount() const;
    QString stepTitle(int row) const;
    QString stepResult(int row) const;
    void selectStep(int row);
    QString shownOutput() const;

Q_SIGNALS:
    void revisionActivated(const QString &id); // a migration named in the verdict was clicked
    void started();                            // a test upgrade began: the window shows the dock

private:
    void start(const QList<CommandStep> &steps);
    void stepStarted(int index);
    void stepFinished(int index, const StepResult &result);
    void finish(bool succeeded, const QString &message);
    void showFailure(const FailureSite &site);
    void showSelectedOutput();
    void setSummary(const QString &html, bool failed);

    MigrationController *m_controller;
    QLabel *m_engine;
    QLabel *m_summary;
    QTableWidget *m_steps;
    QPlainTextEdit *m_output;
    QStringList m_outputs; // per step
};

} // namespace headway
