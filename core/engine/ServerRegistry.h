// Throwaway servers and test-upgrade scratch directories on record: one small
// file per directory in Headway's runtime directory (the server's pid if any,
// the Headway that made it, the directory).
// A Headway that was killed leaves its record behind; the next test upgrade (and
// the GUI at start-up) stops such servers and removes their directories.
// reapLeftovers() waits for processes to end: call it off the GUI thread.
#pragma once

#include <QString>
#include <QStringList>

namespace headway {

class ServerRegistry
{
public:
    explicit ServerRegistry(QString directory = defaultDirectory());

    // Before anything is written into a server's directory (serverPid 0), and again once it runs.
    void record(const QString &serverDirectory, const QString &engine, qint64 serverPid = 0) const;
    void remove(const QString &serverDirectory) const;
    // Stops the servers whose Headway is gone and removes their directories;
    // returns a line for each ("Stopped a PostgreSQL server left by Headway 1234 ...").
    QStringList reapLeftovers() const;

    static QString defaultDirectory(); // $XDG_RUNTIME_DIR/headway/servers, or Qt's fallback
    // Only directories Headway names this way (headway-server-*, headway-test-upgrade-*) are ever removed.
    static bool isServerDirectory(const QString &path);

private:
    QString recordPath(const QString &serverDirectory) const;
    QString m_directory;
};

} // namespace headway
