// Runs commands one after another (a test upgrade's many steps, or a single
// upgrade): streams their output, stops at the first failure unless a step
// says otherwise, and cancels the running step on request. Each step's result
// is kept with the explanation of its failure.
#pragma once

#include "FailureExplainer.h"
#include "MigrationCommand.h"

#include <QObject>
#include <memory>

namespace headway {

struct CommandStep {
    QString title;            // "Upgrade to heads", "Undo b3a83eea3022 (add user preferences)"
    CommandLine line;
    bool optional = false;    // a failure is reported but the sequence goes on
};

struct StepResult {
    CommandStep step;
    CommandResult result;
    FailureExplanation explanation; // for failed steps
    bool skipped = false;           // not run: an earlier step failed or the run was cancelled
};

class CommandSequence : public QObject
{
    Q_OBJECT

public:
    explicit CommandSequence(QList<CommandStep> steps, QObject *parent = nullptr);
    ~CommandSequence() override;

    void setTimeout(int milliseconds) { m_timeoutMs = milliseconds; }
    void start(); // on the next event-loop turn
    void cancel();
    bool isRunning() const { return m_running; }
    const QList<CommandStep> &steps() const { return m_steps; }
    const QList<StepResult> &results() const { return m_results; }
    bool succeeded() const; // every non-optional step succeeded

    // For command-line use: runs the sequence in a local event loop until it ends.
    void runToEnd();

Q_SIGNALS:
    void stepStarted(int index, const headway::CommandStep &step);
    void outputLine(const QString &line);
    void stepFinished(int index, const headway::StepResult &result);
    void finished(bool succeeded);

private:
    void runNext();
    void onStepFinished(const CommandResult &result);
    void finish();

    QList<CommandStep> m_steps;
    QList<StepResult> m_results;
    std::unique_ptr<MigrationCommand> m_current;
    int m_timeoutMs = 30 * 60 * 1000;
    bool m_running = false;
    bool m_cancelled = false;
    bool m_failed = false;
};

} // namespace headway

Q_DECLARE_METATYPE(headway::CommandStep)
Q_DECLARE_METATYPE(headway::StepResult)
