// The console dock: the exact command line and environment of the step that
// runs, its output as it streams, the elapsed time, Cancel, the exit status,
// and for a failure what it means and the fix, with a button for the fix
// Headway can run itself. Shows what the MigrationController reports.
#pragma once

#include "database/MigrationController.h"

#include <QElapsedTimer>
#include <QTimer>
#include <QWidget>

#include <optional>

class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace headway {

class CommandConsole : public QWidget
{
    Q_OBJECT

public:
    explicit CommandConsole(MigrationController *controller, QWidget *parent = nullptr);

    QString commandText() const;     // the shown step's command, as a shell would run it
    QString outputText() const;      // everything printed so far
    QString statusText() const;      // "Running…", "Exit code 1", ...
    QString explanationText() const; // what a failure means and the fix; empty when none
    QPushButton *fixButton() const { return m_fix; }
    QPushButton *cancelButton() const { return m_cancel; }
    void copyShellCommand() const;

Q_SIGNALS:
    void mergeRequested();   // the fix for several heads
    void upgradeRequested(); // the fix for a database that is not up to date
    void testUpgradeRequested(); // finds the two migrations behind an "already exists"
    void settingsRequested();    // the interpreter, the Flask app or the environment is wrong

private:
    void startOperation(const QString &title);
    void startStep(const CommandStep &step);
    void finishStep(const StepResult &result);
    void finishOperation(bool succeeded, const QString &message);
    void showExplanation(const FailureExplanation &explanation);
    void updateElapsed();
    void append(const QString &text);

    MigrationController *m_controller;
    QLabel *m_title;
    QLabel *m_command;
    QLabel *m_elapsed;
    QLabel *m_status;
    QPushButton *m_copy;
    QPushButton *m_cancel;
    QPlainTextEdit *m_output;
    QLabel *m_explanation;
    QPushButton *m_fix;
    CommandLine m_line;
    QString m_fixCode;
    QTimer m_ticker;
    QElapsedTimer m_clock;
    std::optional<CommandResult::Outcome> m_stoppedBy; // a step of this operation was cancelled or timed out
};

} // namespace headway
