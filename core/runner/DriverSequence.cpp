#include "DriverSequence.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

namespace headway {

DriverSequence::DriverSequence(CommandLine driver, QList<CommandStep> steps, QString marker, QObject *parent)
    : StepRunner(parent)
    , m_driver(std::move(driver))
    , m_steps(std::move(steps))
    , m_marker(std::move(marker) + QLatin1Char(' '))
{
    m_driver.endsWithHeadway = true; // a killed Headway must not leave it running against a dying server
}

DriverSequence::~DriverSequence() = default;

void DriverSequence::start()
{
    m_results.clear();
    m_process = std::make_unique<MigrationCommand>(m_driver);
    m_process->setTimeout(m_timeoutMs);
    connect(m_process.get(), &MigrationCommand::outputLine, this, &DriverSequence::onLine);
    connect(m_process.get(), &MigrationCommand::finished, this, &DriverSequence::onProcessFinished);
    m_process->start();
}

void DriverSequence::cancel()
{
    m_cancelled = true;
    if (m_process)
        m_process->cancel();
}

void DriverSequence::onLine(const QString &line)
{
    if (line.startsWith(m_marker)) {
        const QJsonDocument event = QJsonDocument::fromJson(line.mid(m_marker.size()).toUtf8());
        if (event.isObject()) {
            onEvent(event.object());
            return;
        }
    }
    if (m_running)
        m_stepOutput += line + QLatin1Char('\n');
    Q_EMIT outputLine(line);
}

void DriverSequence::onEvent(const QJsonObject &event)
{
    const QString kind = event.value(QStringLiteral("event")).toString();
    const int index = event.value(QStringLiteral("index")).toInt(-1);
    if (index != m_results.size() || index >= m_steps.size())
        return; // not the step the plan says comes next: ignored, the process's end reports what is missing
    if (kind == QLatin1String("started") && !m_running) {
        m_running = index;
        m_stepOutput.clear();
        m_stepClock.start();
        m_process->restartTimeout();
        Q_EMIT stepStarted(index, m_steps.at(index));
    } else if (kind == QLatin1String("finished") && m_running == index
               && event.value(QStringLiteral("status")).toString() == QLatin1String("skipped")) {
        // The rest of a failed rehearsal path: not run, not a failure of its own.
        m_running.reset();
        m_results.append(StepResult::skippedOf(m_steps.at(index)));
        Q_EMIT stepFinished(index, m_results.constLast());
    } else if (kind == QLatin1String("finished") && m_running == index) {
        const bool passed = event.value(QStringLiteral("status")).toString() == QLatin1String("passed");
        QString error;
        QStringList frames;
        const QJsonObject exception = event.value(QStringLiteral("error")).toObject();
        if (!exception.isEmpty()) {
            error = exception.value(QStringLiteral("type")).toString() + QStringLiteral(": ")
                    + exception.value(QStringLiteral("message")).toString();
            for (const QJsonValue frame : exception.value(QStringLiteral("frames")).toArray())
                frames += QStringLiteral("%1:%2")
                              .arg(frame.toObject().value(QStringLiteral("file")).toString())
                              .arg(frame.toObject().value(QStringLiteral("line")).toInt());
        }
        QStringList data;
        for (const QJsonValue line : event.value(QStringLiteral("data")).toArray())
            data += line.toString();
        finishStep(passed ? CommandResult::Outcome::Succeeded : CommandResult::Outcome::Failed,
                   event.value(QStringLiteral("seconds")).toDouble(), error, frames, data);
    }
}

void DriverSequence::finishStep(CommandResult::Outcome outcome, double seconds, const QString &error,
                                const QStringList &frames, const QStringList &data)
{
    const int index = *m_running;
    m_running.reset();
    StepResult result;
    result.step = m_steps.at(index);
    result.result.outcome = outcome;
    result.result.exitCode = outcome == CommandResult::Outcome::Succeeded ? 0 : 1;
    result.result.elapsedMs = seconds >= 0 ? qint64(seconds * 1000 + 0.5) : m_stepClock.elapsed();
    result.error = error;
    result.errorFrames = frames;
    result.data = data;
    // The exception comes last: the summary of a failure is what failed it, not an earlier line.
    result.result.output = error.isEmpty() ? m_stepOutput : m_stepOutput + error + QLatin1Char('\n');
    if (!result.result.succeeded())
        result.explanation = FailureExplainer::explain(error.isEmpty() ? result.result.output : error);
    if (!result.result.succeeded() && !result.step.optional)
        m_failed = true;
    m_results.append(result);
    Q_EMIT stepFinished(index, result);
}

void DriverSequence::onProcessFinished(const CommandResult &process)
{
    // A step still running ended with the process: cancelled, timed out, or the driver died.
    if (m_running) {
        const CommandResult::Outcome outcome = process.outcome == CommandResult::Outcome::Succeeded
                                                   ? CommandResult::Outcome::Failed
                                                   : process.outcome;
        const QString why = outcome == CommandResult::Outcome::Failed
                                ? tr("The test-upgrade driver ended during this step (exit %1)").arg(process.exitCode)
                                : QString();
        finishStep(outcome, -1, why);
    } else if (m_results.isEmpty() && !m_steps.isEmpty()
               && (process.outcome == CommandResult::Outcome::Failed || process.outcome == CommandResult::Outcome::FailedToStart)) {
        // It failed before its first step (a Python too old for it, a broken interpreter); a
        // cancel or a timeout this early leaves every step skipped.
        m_running = 0;
        m_stepOutput = process.output;
        finishStep(CommandResult::Outcome::Failed, -1,
                   tr("The test-upgrade driver failed to start: %1").arg(process.output.trimmed().section(QLatin1Char('\n'), -1)));
    }
    m_process.release()->deleteLater(); // it emitted this signal
    finish(process);
}

void DriverSequence::finish(const CommandResult &process)
{
    const bool complete = m_results.size() == m_steps.size();
    while (m_results.size() < m_steps.size())
        m_results.append(StepResult::skippedOf(m_steps.at(m_results.size())));
    const bool succeeded = complete && !m_failed && !m_cancelled && process.succeeded();
    QTimer::singleShot(0, this, [this, succeeded] { Q_EMIT finished(succeeded); });
}

} // namespace headway
