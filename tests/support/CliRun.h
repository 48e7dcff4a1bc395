// Runs the built headway-cli ($HEADWAY_CLI, set by CTest) as scripts do, and the
// small list helpers the tests that compare its answers share.
#pragma once

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStringList>

namespace headway::test {

struct CliRun {
    int exitCode = -1; // -2: did not finish in time, -3: crashed (a signal, not an exit)
    QString out;
    QString err;

    QJsonObject json() const { return QJsonDocument::fromJson(out.toUtf8()).object(); }
};

struct CliOptions {
    QString workingDirectory;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    int timeoutMs = 120000;
    bool noTerminal = false; // stdin from /dev/null: nobody can confirm
};

inline CliRun runCli(const QStringList &arguments, const CliOptions &options = {})
{
    QProcess process;
    process.setProcessEnvironment(options.environment);
    if (!options.workingDirectory.isEmpty())
        process.setWorkingDirectory(options.workingDirectory);
    if (options.noTerminal)
        process.setStandardInputFile(QProcess::nullDevice());
    process.start(qEnvironmentVariable("HEADWAY_CLI"), arguments);
    if (!process.waitForFinished(options.timeoutMs)) {
        process.kill();
        process.waitForFinished();
        return {-2, {}, QStringLiteral("headway-cli did not finish within %1 s").arg(options.timeoutMs / 1000)};
    }
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -3,
            QString::fromUtf8(process.readAllStandardOutput()), QString::fromUtf8(process.readAllStandardError())};
}

// The strings of a JSON array, in order.
inline QStringList jsonStrings(const QJsonValue &value)
{
    QStringList list;
    for (const QJsonValue &v : value.toArray())
        list += v.toString();
    return list;
}

} // namespace headway::test
