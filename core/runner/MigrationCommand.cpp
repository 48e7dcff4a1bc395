#include "MigrationCommand.h"

#include "ChildSetup.h"

#include <algorithm>

namespace headway {

namespace {
constexpr int teardownGraceMs = 1000; // the destructor blocks for this long at most before it kills
}

MigrationCommand::MigrationCommand(CommandLine line, QObject *parent)
    : QObject(parent)
    , m_line(std::move(line))
{
    m_process.setProcessChannelMode(QProcess::MergedChannels);
    m_process.setInputChannelMode(QProcess::ManagedInputChannel);
    m_process.setChildProcessModifier(childProcessSetup(m_line));
    m_timeout.setSingleShot(true);
    m_killTimer.setSingleShot(true);
    connect(&m_process, &QProcess::readyReadStandardOutput, this, [this] { readOutput(false); });
    connect(&m_process, &QProcess::started, this, &MigrationCommand::started);
    connect(&m_process, &QProcess::finished, this, &MigrationCommand::onFinished);
    connect(&m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error != QProcess::FailedToStart || m_reported)
            return;
        m_reported = true;
        Q_EMIT finished({CommandResult::Outcome::FailedToStart, -1,
                         QStringLiteral("Cannot start %1: %2").arg(m_line.program, m_process.errorString()),
                         elapsedMs()});
    });
    connect(&m_timeout, &QTimer::timeout, this, [this] { stop(CommandResult::Outcome::TimedOut); });
    connect(&m_killTimer, &QTimer::timeout, this, [this] { m_process.kill(); });
}

MigrationCommand::~MigrationCommand()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    // Only at teardown: never leave an orphan behind, but let Python clean up (and
    // SQLite roll back) first, as Cancel does. Nobody is told: the object is going.
    disconnect(&m_process, nullptr, this, nullptr);
    m_process.terminate();
    if (!m_process.waitForFinished(std::min(m_graceMs, teardownGraceMs))) {
        m_process.kill();
        m_process.waitForFinished(1000);
    }
}

void MigrationCommand::start()
{
    QTimer::singleShot(0, this, &MigrationCommand::launch);
}

void MigrationCommand::launch()
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (auto it = m_line.environment.cbegin(); it != m_line.environment.cend(); ++it)
        environment.insert(it.key(), it.value());
    environment.insert(QStringLiteral("PYTHONUNBUFFERED"), QStringLiteral("1")); // see output as it happens
    m_process.setProcessEnvironment(environment);
    m_process.setWorkingDirectory(m_line.workingDirectory);
    m_process.setStandardInputFile(QProcess::nullDevice()); // a prompt must not hang the command
    m_clock.start();
    m_timeout.start(m_timeoutMs);
    m_process.start(m_line.program, m_line.arguments, QIODevice::ReadOnly);
}

void MigrationCommand::cancel()
{
    stop(CommandResult::Outcome::Cancelled);
}

void MigrationCommand::stop(CommandResult::Outcome reason)
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_stopReason = reason;
    m_process.terminate(); // let Python clean up (and SQLite roll back) first
    m_killTimer.start(m_graceMs);
}

void MigrationCommand::readOutput(bool flush)
{
    m_partialLine += m_process.readAllStandardOutput();
    qsizetype newline;
    while ((newline = m_partialLine.indexOf('\n')) >= 0) {
        const QString line = QString::fromUtf8(m_partialLine.left(newline)).remove(QLatin1Char('\r'));
        m_partialLine.remove(0, newline + 1);
        m_output += line + QLatin1Char('\n');
        Q_EMIT outputLine(line);
    }
    if (flush && !m_partialLine.isEmpty()) {
        const QString line = QString::fromUtf8(m_partialLine);
        m_partialLine.clear();
        m_output += line;
        Q_EMIT outputLine(line);
    }
}

void MigrationCommand::onFinished(int exitCode, QProcess::ExitStatus status)
{
    readOutput(true);
    m_timeout.stop();
    m_killTimer.stop();
    if (m_reported)
        return;
    m_reported = true;
    CommandResult result;
    result.exitCode = status == QProcess::NormalExit ? exitCode : -1;
    result.output = m_output;
    result.elapsedMs = elapsedMs();
    if (m_stopReason)
        result.outcome = *m_stopReason;
    else
        result.outcome = status == QProcess::NormalExit && exitCode == 0 ? CommandResult::Outcome::Succeeded
                                                                         : CommandResult::Outcome::Failed;
    Q_EMIT finished(result);
}

} // namespace headway
