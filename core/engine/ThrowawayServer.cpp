#include "ThrowawayServer.h"

#include "runner/MigrationCommand.h"

#include <QDir>
#include <QFileInfo>
#include <QStorageInfo>
#include <QTemporaryDir>

#include <unistd.h>

namespace headway {

namespace {

constexpr int socketPathLimit = 100; // sockaddr_un holds 108 bytes; PostgreSQL adds /.s.PGSQL.5432
constexpr int stopGraceMs = 10 * 1000;
constexpr int serverLifetimeMs = 24 * 60 * 60 * 1000;

// Another account must reach the directory: every ancestor searchable by others.
bool traversableByOthers(const QString &path)
{
    for (QDir dir(path);; ) {
        if (!QFileInfo(dir.absolutePath()).permission(QFileDevice::ExeOther))
            return false;
        if (dir.isRoot() || !dir.cdUp())
            return true;
    }
}

// A memory file system when there is one shared by every account (/dev/shm): initdb writes
// thousands of small files, and on a disk that is most of a server's start (2.0 s against 0.6 s).
QString parentDirectory(const ServerAccount &account)
{
    // Containers often give /dev/shm 64 MB: a server's files and its shared memory need more.
    constexpr qint64 enoughMemory = 512 * 1024 * 1024;
    const QFileInfo shared(QStringLiteral("/dev/shm"));
    if (shared.isDir() && shared.isWritable() && shared.permission(QFileDevice::WriteOther | QFileDevice::ExeOther)
        && QStorageInfo(shared.absoluteFilePath()).bytesAvailable() >= enoughMemory)
        return shared.absoluteFilePath();
    const QString temp = QDir::tempPath();
    if (temp.size() > socketPathLimit - 40 || (account.switches() && !traversableByOthers(temp)))
        return QStringLiteral("/tmp");
    return temp;
}

QString lastLines(const QString &text, int count)
{
    QStringList lines = text.trimmed().split(QLatin1Char('\n'));
    if (lines.size() > count)
        lines = lines.mid(lines.size() - count);
    return lines.join(QLatin1Char('\n'));
}

} // namespace

ThrowawayServer::ThrowawayServer(DatabaseEngine engine, ServerRegistry registry, QObject *parent)
    : QObject(parent)
    , m_engine(engine)
    , m_registry(std::move(registry))
{
    m_startTimer.setSingleShot(true);
    connect(&m_startTimer, &QTimer::timeout, this, [this] {
        fail(tr("The throwaway %1 server did not start within %2 s:\n%3")
                 .arg(engineDisplayName(m_engine)).arg(m_startTimeoutMs / 1000).arg(lastLines(m_log, 8)));
    });
}

ThrowawayServer::~ThrowawayServer()
{
    // The command objects terminate, then kill, whatever still runs.
    m_init.reset();
    m_server.reset();
    removeDirectory();
}

QString ThrowawayServer::socketPath() const
{
    if (m_engine == DatabaseEngine::MariaDb)
        return QDir(m_directory).filePath(QStringLiteral("mysqld.sock"));
    return m_directory;
}

QString ThrowawayServer::url(const QString &dialect, const QString &driver, const QString &database) const
{
    return urlAt(m_engine, dialect, driver, database, socketPath());
}

QString ThrowawayServer::urlAt(DatabaseEngine engine, const QString &dialect, const QString &driver,
                               const QString &database, const QString &socket)
{
    const QString scheme = driver.isEmpty() ? dialect : dialect + QLatin1Char('+') + driver;
    if (engine == DatabaseEngine::MariaDb)
        return QStringLiteral("%1://root@localhost/%2?unix_socket=%3").arg(scheme, database, socket);
    return QStringLiteral("%1://headway@/%2?host=%3").arg(scheme, database.isEmpty() ? QStringLiteral("postgres") : database,
                                                         socket);
}

QString ThrowawayServer::description() const
{
    QString name = engineDisplayName(m_engine);
    if (!m_binaries.version.isEmpty())
        name += QLatin1Char(' ') + m_binaries.version;
    QString text = tr("%1, throwaway server on a unix socket in %2").arg(name, m_directory);
    if (m_account.switches())
        text += tr(", as user %1").arg(m_account.name);
    return text;
}

void ThrowawayServer::start()
{
    QTimer::singleShot(0, this, &ThrowawayServer::initialise);
}

CommandLine ThrowawayServer::asAccount(CommandLine line) const
{
    line.workingDirectory = m_directory;
    line.userId = m_account.userId;
    line.groupId = m_account.groupId;
    line.endsWithHeadway = true;
    return line;
}

void ThrowawayServer::initialise()
{
    m_binaries = ServerBinaries::locate(m_engine);
    if (!m_binaries.found()) {
        fail(m_binaries.problem);
        return;
    }
    m_account = ServerAccount::forServer(m_engine);
    if (!m_account.problem.isEmpty()) {
        fail(m_account.problem);
        return;
    }
    QTemporaryDir directory(QDir(parentDirectory(m_account)).filePath(QStringLiteral("headway-server-%1-XXXXXX").arg(engineKey(m_engine))));
    if (!directory.isValid()) {
        fail(tr("Cannot create a directory for the throwaway %1 server: %2").arg(engineDisplayName(m_engine), directory.errorString()));
        return;
    }
    directory.setAutoRemove(false); // removed when the server has stopped, or by the next Headway
    m_directory = directory.path();
    m_registry.record(m_directory, engineKey(m_engine));
    if (m_account.switches()
        && ::chown(QFile::encodeName(m_directory).constData(), uid_t(m_account.userId), gid_t(m_account.groupId)) != 0) {
        fail(tr("Cannot hand %1 to the user %2 the server runs as").arg(m_directory, m_account.name));
        return;
    }
    const QString data = QDir(m_directory).filePath(QStringLiteral("data"));
    CommandLine init;
    init.program = m_binaries.initProgram;
    if (m_engine == DatabaseEngine::PostgreSql)
        init.arguments = {QStringLiteral("-D"), data, QStringLiteral("-A"), QStringLiteral("trust"), QStringLiteral("-U"),
                          QStringLiteral("headway"), QStringLiteral("--no-sync"), QStringLiteral("-E"), QStringLiteral("UTF8"),
                          QStringLiteral("--locale=C")};
    else
        init.arguments = {QStringLiteral("--no-defaults"), QStringLiteral("--datadir=") + data,
                          QStringLiteral("--auth-root-authentication-method=normal"), QStringLiteral("--skip-test-db"),
                          QStringLiteral("--skip-name-resolve")};
    m_startTimer.start(m_startTimeoutMs);
    m_init = std::make_unique<MigrationCommand>(asAccount(init));
    m_init->setTimeout(m_startTimeoutMs);
    connect(m_init.get(), &MigrationCommand::outputLine, this, [this](const QString &line) {
        m_log += line + QLatin1Char('\n');
        Q_EMIT outputLine(line);
    });
    connect(m_init.get(), &MigrationCommand::finished, this, &ThrowawayServer::onInitialised);
    m_init->start();
}

void ThrowawayServer::onInitialised(const CommandResult &result)
{
    m_init.release()->deleteLater(); // it emitted this signal
    if (!result.succeeded()) {
        fail(tr("Cannot initialise the throwaway %1 server (%2 exited with %3):\n%4")
                 .arg(engineDisplayName(m_engine), QFileInfo(m_binaries.initProgram).fileName())
                 .arg(result.exitCode).arg(lastLines(result.output, 8)));
        return;
    }
    launchServer();
}

void ThrowawayServer::launchServer()
{
    const QString data = QDir(m_directory).filePath(QStringLiteral("data"));
    CommandLine server;
    server.program = m_binaries.serverProgram;
    if (m_engine == DatabaseEngine::PostgreSql) {
        server.arguments = {QStringLiteral("-D"), data, QStringLiteral("-k"), m_directory};
        for (const char *setting : {"listen_addresses=", "fsync=off", "full_page_writes=off", "synchronous_commit=off",
                                    "max_connections=20", "shared_buffers=16MB", "logging_collector=off"})
            server.arguments << QStringLiteral("-c") << QString::fromLatin1(setting);
    } else {
        server.arguments = {QStringLiteral("--no-defaults"), QStringLiteral("--datadir=") + data,
                            QStringLiteral("--socket=") + socketPath(), QStringLiteral("--skip-networking"),
                            QStringLiteral("--pid-file=") + QDir(m_directory).filePath(QStringLiteral("mysqld.pid")),
                            QStringLiteral("--innodb-flush-log-at-trx-commit=0"), QStringLiteral("--innodb-doublewrite=0"),
                            QStringLiteral("--innodb-buffer-pool-size=32M"), QStringLiteral("--skip-log-bin"),
                            QStringLiteral("--character-set-server=utf8mb4"), QStringLiteral("--collation-server=utf8mb4_unicode_ci")};
    }
    m_server = std::make_unique<MigrationCommand>(asAccount(server));
    m_server->setTimeout(serverLifetimeMs);
    m_server->setCancelGrace(stopGraceMs);
    connect(m_server.get(), &MigrationCommand::started, this, [this] {
        m_serverPid = m_server->processId();
        m_registry.record(m_directory, engineKey(m_engine), m_serverPid);
    });
    connect(m_server.get(), &MigrationCommand::outputLine, this, &ThrowawayServer::onServerLine);
    connect(m_server.get(), &MigrationCommand::finished, this, &ThrowawayServer::onServerEnded);
    m_server->start();
}

void ThrowawayServer::onServerLine(const QString &line)
{
    m_log += line + QLatin1Char('\n');
    if (m_log.size() > 64 * 1024)
        m_log = m_log.right(32 * 1024);
    Q_EMIT outputLine(line);
    if (m_ready || m_failed || m_stopping)
        return;
    const bool isReady = m_engine == DatabaseEngine::PostgreSql
                             ? line.contains(QLatin1String("database system is ready to accept connections"))
                             : line.contains(QLatin1String("ready for connections"));
    if (isReady) {
        m_startTimer.stop();
        m_ready = true;
        Q_EMIT ready();
    }
}

void ThrowawayServer::onServerEnded(const CommandResult &result)
{
    m_server.release()->deleteLater();
    const bool wasReady = m_ready;
    m_ready = false;
    if (!wasReady && !m_stopping) {
        fail(tr("The throwaway %1 server exited before it was ready (exit %2):\n%3")
                 .arg(engineDisplayName(m_engine)).arg(result.exitCode).arg(lastLines(m_log, 8)));
        return;
    }
    removeDirectory();
    if (m_stopping)
        Q_EMIT stopped();
    else
        Q_EMIT outputLine(tr("The throwaway %1 server ended by itself (exit %2)").arg(engineDisplayName(m_engine)).arg(result.exitCode));
}

void ThrowawayServer::stop()
{
    m_stopping = true;
    m_startTimer.stop();
    if (m_server) {
        m_server->cancel(); // SIGTERM: both servers shut down cleanly on it; killed after the grace
        return;
    }
    m_init.reset();
    removeDirectory();
    QTimer::singleShot(0, this, &ThrowawayServer::stopped);
}

void ThrowawayServer::fail(const QString &message)
{
    if (m_failed)
        return;
    m_failed = true;
    m_startTimer.stop();
    m_init.reset();
    m_server.reset();
    removeDirectory();
    Q_EMIT failed(message);
}

void ThrowawayServer::removeDirectory()
{
    if (m_directory.isEmpty() || m_removed)
        return;
    QDir(m_directory).removeRecursively();
    m_registry.remove(m_directory);
    m_removed = true; // the path stays known: results still describe where the server ran
}

} // namespace headway
