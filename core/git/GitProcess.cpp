#include "GitProcess.h"

#include "runner/ChildSetup.h"

#include <QProcess>

namespace headway {

namespace {
constexpr int pollMs = 50;
constexpr int graceMs = 1000;
constexpr qint64 limitMs = 10 * 60 * 1000; // a git read that takes this long has hung
}

GitProcess::GitProcess(QString directory, const std::atomic<bool> *cancel)
    : m_directory(std::move(directory))
    , m_cancel(cancel)
{
}

GitOutput GitProcess::run(const QStringList &arguments, const QByteArray &input) const
{
    GitOutput result;
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("LC_ALL"), QStringLiteral("C"));
    environment.insert(QStringLiteral("GIT_OPTIONAL_LOCKS"), QStringLiteral("0"));
    environment.insert(QStringLiteral("GIT_TERMINAL_PROMPT"), QStringLiteral("0"));
    environment.insert(QStringLiteral("GIT_PAGER"), QStringLiteral("cat"));
    process.setProcessEnvironment(environment);
    process.setWorkingDirectory(m_directory);
    process.setChildProcessModifier(childProcessSetup({}));
    // core.quotepath off: paths come back as bytes, not C-quoted, even without -z.
    process.start(QStringLiteral("git"), QStringList{QStringLiteral("-c"), QStringLiteral("core.quotepath=off")} + arguments);
    if (!process.waitForStarted()) {
        result.error = QStringLiteral("Cannot run git: %1. Install git (Debian: apt install git).").arg(process.errorString());
        return result;
    }
    if (!input.isEmpty())
        process.write(input);
    process.closeWriteChannel();
    qint64 waited = 0;
    while (!process.waitForFinished(pollMs)) {
        waited += pollMs;
        const bool cancelled = m_cancel && m_cancel->load();
        if (!cancelled && waited < limitMs && process.state() != QProcess::NotRunning)
            continue;
        if (process.state() == QProcess::NotRunning)
            break;
        result.cancelled = cancelled;
        process.terminate();
        if (!process.waitForFinished(graceMs)) {
            process.kill();
            process.waitForFinished(graceMs);
        }
        result.error = cancelled ? QStringLiteral("cancelled")
                                 : QStringLiteral("git %1 did not finish in %2 minutes").arg(arguments.value(0)).arg(limitMs / 60000);
        return result;
    }
    result.out = process.readAllStandardOutput();
    result.exitCode = process.exitCode();
    result.ok = process.exitStatus() == QProcess::NormalExit && result.exitCode == 0;
    if (!result.ok)
        result.error = QString::fromUtf8(process.readAllStandardError()).trimmed();
    return result;
}

QList<QByteArray> GitProcess::splitNul(const QByteArray &bytes)
{
    QList<QByteArray> records;
    qsizetype start = 0;
    while (start < bytes.size()) {
        qsizetype end = bytes.indexOf('\0', start);
        if (end < 0)
            end = bytes.size();
        if (end > start)
            records.append(bytes.mid(start, end - start));
        start = end + 1;
    }
    return records;
}

} // namespace headway
