#include "CommandSequence.h"

#include <QEventLoop>
#include <QTimer>

namespace headway {

CommandSequence::CommandSequence(QList<CommandStep> steps, QObject *parent)
    : StepRunner(parent)
    , m_steps(std::move(steps))
{
}

CommandSequence::~CommandSequence() = default;

void CommandSequence::start()
{
    if (m_running)
        return;
    m_running = true;
    m_cancelled = false;
    m_failed = false;
    m_results.clear();
    QTimer::singleShot(0, this, &CommandSequence::runNext);
}

void CommandSequence::cancel()
{
    if (!m_running)
        return;
    m_cancelled = true;
    if (m_current)
        m_current->cancel();
}

bool CommandSequence::succeeded() const
{
    if (m_results.size() != m_steps.size())
        return false;
    for (const StepResult &result : m_results)
        if (!result.step.optional && (result.skipped || !result.result.succeeded()))
            return false;
    return true;
}

void CommandSequence::runToEnd()
{
    QEventLoop loop;
    connect(this, &CommandSequence::finished, &loop, &QEventLoop::quit);
    start();
    loop.exec();
}

void CommandSequence::runNext()
{
    const int index = static_cast<int>(m_results.size());
    if (index >= m_steps.size() || m_cancelled || m_failed) {
        finish();
        return;
    }
    const CommandStep &step = m_steps.at(index);
    m_current = std::make_unique<MigrationCommand>(step.line);
    m_current->setTimeout(m_timeoutMs);
    connect(m_current.get(), &MigrationCommand::outputLine, this, &CommandSequence::outputLine);
    connect(m_current.get(), &MigrationCommand::finished, this, &CommandSequence::onStepFinished);
    // A cancel that came before the deferred launch (say, from a stepStarted slot) found no
    // process to stop: stop it as soon as there is one.
    connect(m_current.get(), &MigrationCommand::started, this, [this] {
        if (m_cancelled && m_current)
            m_current->cancel();
    });
    Q_EMIT stepStarted(index, step);
    m_current->start();
}

void CommandSequence::onStepFinished(const CommandResult &result)
{
    const int index = static_cast<int>(m_results.size());
    StepResult stepResult;
    stepResult.step = m_steps.at(index);
    stepResult.result = result;
    if (!result.succeeded())
        stepResult.explanation = FailureExplainer::explain(result.output);
    m_results.append(stepResult);
    if (result.outcome == CommandResult::Outcome::Cancelled)
        m_cancelled = true;
    else if (!result.succeeded() && !stepResult.step.optional)
        m_failed = true;
    // The command object emitted this signal: delete it once it has returned.
    m_current.release()->deleteLater();
    Q_EMIT stepFinished(index, stepResult);
    QTimer::singleShot(0, this, &CommandSequence::runNext);
}

void CommandSequence::finish()
{
    while (m_results.size() < m_steps.size())
        m_results.append(StepResult::skippedOf(m_steps.at(m_results.size())));
    m_running = false;
    Q_EMIT finished(succeeded());
}

} // namespace headway
