// One run of the project's own migration tool in a subprocess, and the one
// wrapper every process Headway starts goes through. Argument lists only, never
// a shell; Headway's own file descriptors stay out of the child; output arrives
// line by line; Cancel terminates, then kills; a timeout ends a hung command.
// The QProcess stays inside: callers see domain signals, and a cancel is
// reported apart from a failure.
#pragma once

#include "CommandLine.h"

#include <QElapsedTimer>
#include <QObject>
#include <QProcess>
#include <QTimer>

namespace headway {

struct CommandResult {
    enum class Outcome { Succeeded, Failed, Cancelled, TimedOut, FailedToStart };
    Outcome outcome = Outcome::Failed;
    int exitCode = -1;
    QString output; // stdout and stderr interleaved, as the user would have seen it
    qint64 elapsedMs = 0;
    bool succeeded() const { return outcome == Outcome::Succeeded; }
};

class MigrationCommand : public QObject
{
    Q_OBJECT

public:
    explicit MigrationCommand(CommandLine line, QObject *parent = nullptr);
    // A command still running is terminated, given a short grace, then killed.
    ~MigrationCommand() override;

    const CommandLine &commandLine() const { return m_line; }
    void setTimeout(int milliseconds) { m_timeoutMs = milliseconds; }
    void setCancelGrace(int milliseconds) { m_graceMs = milliseconds; }

    // Starts on the next event-loop turn, so callers can connect first.
    void start();
    void cancel();
    bool isRunning() const { return m_process.state() != QProcess::NotRunning; }
    qint64 elapsedMs() const { return m_clock.isValid() ? m_clock.elapsed() : 0; }
    qint64 processId() const { return m_process.processId(); }
    // Starts the time limit again: a driver running many steps in one process limits each step.
    void restartTimeout() { if (m_timeout.isActive()) m_timeout.start(m_timeoutMs); }

Q_SIGNALS:
    void started();
    void outputLine(const QString &line);
    void finished(const headway::CommandResult &result);

private:
    void launch();
    void readOutput(bool flush);
    void stop(CommandResult::Outcome reason);
    void onFinished(int exitCode, QProcess::ExitStatus status);

    CommandLine m_line;
    QProcess m_process;
    QTimer m_timeout;
    QTimer m_killTimer;
    QElapsedTimer m_clock;
    QByteArray m_partialLine;
    QString m_output;
    int m_timeoutMs = 30 * 60 * 1000;
    int m_graceMs = 3000;
    std::optional<CommandResult::Outcome> m_stopReason;
    bool m_reported = false;
};

} // namespace headway

Q_DECLARE_METATYPE(headway::CommandResult)
