#include "ServerRegistry.h"

#include "io/AtomicFile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QThread>

#include <csignal>
#include <unistd.h>

namespace headway {

namespace {

bool isAlive(qint64 pid)
{
    return pid > 0 && (::kill(pid_t(pid), 0) == 0 || errno == EPERM);
}

// The process still is the server we started (pids are reused): its command line names its directory.
bool runsIn(qint64 pid, const QString &directory)
{
    QFile cmdline(QStringLiteral("/proc/%1/cmdline").arg(pid));
    if (!cmdline.open(QIODevice::ReadOnly))
        return false;
    return cmdline.readAll().contains(directory.toLocal8Bit());
}

void stopProcess(qint64 pid)
{
    ::kill(pid_t(pid), SIGTERM);
    for (int waited = 0; waited < 100 && isAlive(pid); ++waited) // 10 s: a server shuts down cleanly in far less
        QThread::msleep(100);
    if (isAlive(pid))
        ::kill(pid_t(pid), SIGKILL);
}

} // namespace

ServerRegistry::ServerRegistry(QString directory)
    : m_directory(std::move(directory))
{
}

QString ServerRegistry::defaultDirectory()
{
    // $XDG_RUNTIME_DIR, else a folder of this user's in the temporary directory (as Qt's fallback,
    // without its warning on every call: CI and containers rarely set the variable).
    const QString runtime = qEnvironmentVariable("XDG_RUNTIME_DIR");
    if (!runtime.isEmpty() && QFileInfo(runtime).isDir())
        return QDir(runtime).filePath(QStringLiteral("headway/servers"));
    return QDir(QDir::tempPath()).filePath(QStringLiteral("headway-runtime-%1/servers").arg(::getuid()));
}

bool ServerRegistry::isServerDirectory(const QString &path)
{
    const QFileInfo info(path);
    return info.isAbsolute()
           && (info.fileName().startsWith(QLatin1String("headway-server-"))
               || info.fileName().startsWith(QLatin1String("headway-test-upgrade-")));
}

QString ServerRegistry::recordPath(const QString &serverDirectory) const
{
    return QDir(m_directory).filePath(QFileInfo(serverDirectory).fileName() + QStringLiteral(".json"));
}

void ServerRegistry::record(const QString &serverDirectory, const QString &engine, qint64 serverPid) const
{
    QDir().mkpath(m_directory);
    QFile::setPermissions(m_directory, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    const QJsonObject record{{QStringLiteral("server_pid"), serverPid},
                             {QStringLiteral("headway_pid"), QCoreApplication::applicationPid()},
                             {QStringLiteral("directory"), serverDirectory},
                             {QStringLiteral("engine"), engine}};
    // Without a record the server still ends with Headway (its parent-death signal); only a
    // directory could be left then, so a failed write is not worth failing the run for.
    AtomicFile::write(recordPath(serverDirectory), QJsonDocument(record).toJson(QJsonDocument::Compact));
}

void ServerRegistry::remove(const QString &serverDirectory) const
{
    QFile::remove(recordPath(serverDirectory));
}

QStringList ServerRegistry::reapLeftovers() const
{
    QStringList stopped;
    const QDir directory(m_directory);
    // Records anyone else could have written are not acted on.
    if (!QFileInfo(m_directory).isDir() || QFileInfo(m_directory).ownerId() != ::getuid())
        return stopped;
    for (const QString &name : directory.entryList({QStringLiteral("*.json")}, QDir::Files)) {
        QFile file(directory.filePath(name));
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const QJsonObject record = QJsonDocument::fromJson(file.read(64 * 1024)).object();
        file.close();
        const qint64 headwayPid = record.value(QStringLiteral("headway_pid")).toInteger();
        if (headwayPid == QCoreApplication::applicationPid() || isAlive(headwayPid))
            continue; // that Headway still runs it
        const qint64 serverPid = record.value(QStringLiteral("server_pid")).toInteger();
        const QString serverDirectory = record.value(QStringLiteral("directory")).toString();
        const QString engine = record.value(QStringLiteral("engine")).toString();
        QString line;
        if (isAlive(serverPid) && isServerDirectory(serverDirectory) && runsIn(serverPid, serverDirectory)) {
            stopProcess(serverPid);
            line = QStringLiteral("Stopped a throwaway %1 server (pid %2) left running by Headway %3, which ended without stopping it")
                       .arg(engine).arg(serverPid).arg(headwayPid);
        }
        if (isServerDirectory(serverDirectory) && QFileInfo(serverDirectory).isDir()) {
            QDir(serverDirectory).removeRecursively();
            if (line.isEmpty())
                line = QStringLiteral("Removed %1 (%2), left by Headway %3, which ended without removing it")
                           .arg(serverDirectory, engine).arg(headwayPid);
        }
        if (!line.isEmpty())
            stopped += line;
        QFile::remove(directory.filePath(name));
    }
    return stopped;
}

} // namespace headway
