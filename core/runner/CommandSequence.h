// Runs commands one after another (a test upgrade's many steps, or a single
// upgrade): streams their output, stops at the first failure unless a step
// says otherwise, and cancels the running step on request. Each step's result
// is kept with the explanation of its failure.
#pragma once

#include "StepRunner.h"

#include <memory>

namespace headway {

class CommandSequence : public StepRunner
{
    Q_OBJECT

public:
    explicit CommandSequence(QList<CommandStep> steps, QObject *parent = nullptr);
    ~CommandSequence() override;

    void setTimeout(int milliseconds) override { m_timeoutMs = milliseconds; }
    void start() override; // on the next event-loop turn
    void cancel() override;
    bool isRunning() const { return m_running; }
    const QList<CommandStep> &steps() const { return m_steps; }
    const QList<StepResult> &results() const override { return m_results; }
    bool succeeded() const; // every non-optional step succeeded

    // For command-line use: runs the sequence in a local event loop until it ends.
    void runToEnd();

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
