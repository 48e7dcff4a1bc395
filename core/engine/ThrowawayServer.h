// A database server that lives for one test upgrade: started from the installed
// binaries in a fresh temporary directory, listening only on a unix socket in
// that directory (no TCP port), fsync off, trust authentication on the socket,
// as an unprivileged account when Headway is root. Stopping it (or destroying
// this object, or Headway dying) ends the server; its directory is removed.
// Started and stopped asynchronously, on the thread that owns it (the server
// ends with that thread's process through its parent-death signal).
#pragma once

#include "DatabaseEngine.h"
#include "ServerAccount.h"
#include "ServerBinaries.h"
#include "ServerRegistry.h"
#include "runner/CommandLine.h"

#include <QObject>
#include <QTimer>

#include <memory>

namespace headway {

class MigrationCommand;
struct CommandResult;

class ThrowawayServer : public QObject
{
    Q_OBJECT

public:
    explicit ThrowawayServer(DatabaseEngine engine, ServerRegistry registry = ServerRegistry(),
                             QObject *parent = nullptr);
    // Stops a running server (briefly blocking) and removes its directory.
    ~ThrowawayServer() override;

    DatabaseEngine engine() const { return m_engine; }
    void setStartTimeout(int milliseconds) { m_startTimeoutMs = milliseconds; }
    void start(); // on the next event-loop turn: ready() or failed()
    void stop();  // stopped() once the server has ended and its directory is gone
    bool isRunning() const { return m_ready; }

    QString directory() const { return m_directory; } // empty before start
    QString socketPath() const;  // the socket file (MariaDB) or directory (PostgreSQL) clients use
    // `dialect+driver://user@/database?host=...` for this server; database may be empty.
    QString url(const QString &dialect, const QString &driver, const QString &database) const;
    // The same for a server of `engine` whose socket is `socket` (a placeholder before it runs).
    static QString urlAt(DatabaseEngine engine, const QString &dialect, const QString &driver, const QString &database,
                         const QString &socket);
    // "PostgreSQL 15, throwaway, unix socket in /tmp/headway-server-…"
    QString description() const;
    qint64 serverPid() const { return m_serverPid; }
    static int defaultStartTimeoutMs() { return 60 * 1000; }

Q_SIGNALS:
    void outputLine(const QString &line); // what initdb / the server print
    void ready();
    void failed(const QString &message);
    void stopped();

private:
    void initialise();
    void launchServer();
    void onInitialised(const CommandResult &result);
    void onServerLine(const QString &line);
    void onServerEnded(const CommandResult &result);
    void fail(const QString &message);
    void removeDirectory();
    CommandLine asAccount(CommandLine line) const;

    DatabaseEngine m_engine;
    ServerRegistry m_registry;
    ServerBinaries m_binaries;
    ServerAccount m_account;
    QString m_directory;
    std::unique_ptr<MigrationCommand> m_init;
    std::unique_ptr<MigrationCommand> m_server;
    QTimer m_startTimer;
    QString m_log; // the server's last lines, to explain a failed start
    int m_startTimeoutMs = defaultStartTimeoutMs();
    qint64 m_serverPid = 0;
    bool m_ready = false;
    bool m_stopping = false;
    bool m_failed = false;
    bool m_removed = false;
};

} // namespace headway
