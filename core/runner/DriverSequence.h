// Runs many steps in one process: Headway's test-upgrade driver, started with
// the project's interpreter, reports each step on its output as a marked JSON
// line (started; finished with status, time and the exception that failed it).
// The lines between belong to the running step. Each step keeps the command a
// user would type for it; Cancel terminates the one process; the time limit
// counts for each step.
#pragma once

#include "StepRunner.h"

#include <memory>
#include <optional>

namespace headway {

class DriverSequence : public StepRunner
{
    Q_OBJECT

public:
    // `driver`: the process to run; `steps`: what it will report, in its order;
    // `marker`: the prefix of its protocol lines.
    DriverSequence(CommandLine driver, QList<CommandStep> steps, QString marker, QObject *parent = nullptr);
    ~DriverSequence() override;

    void setTimeout(int milliseconds) override { m_timeoutMs = milliseconds; }
    void start() override;
    void cancel() override;
    const QList<StepResult> &results() const override { return m_results; }
    const CommandLine &driverLine() const { return m_process ? m_process->commandLine() : m_driver; }

private:
    void onLine(const QString &line);
    void onEvent(const QJsonObject &event);
    void onProcessFinished(const CommandResult &result);
    void finishStep(CommandResult::Outcome outcome, double seconds, const QString &error,
                    const QStringList &frames = {}, const QStringList &data = {});
    void finish(const CommandResult &process);

    CommandLine m_driver;
    QList<CommandStep> m_steps;
    QString m_marker;
    QList<StepResult> m_results;
    std::unique_ptr<MigrationCommand> m_process;
    std::optional<int> m_running; // the step that started and has not finished
    QString m_stepOutput;
    QElapsedTimer m_stepClock;
    int m_timeoutMs = 30 * 60 * 1000;
    bool m_cancelled = false;
    bool m_failed = false;
};

} // namespace headway
