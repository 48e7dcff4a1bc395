// Tells when a repository's migrations change on disk: watches its version
// directories (and, up to a limit, its migration files) and reports one change
// per burst of edits, so a git checkout touching fifty files means one reload.
#pragma once

#include <QFileSystemWatcher>
#include <QObject>
#include <QTimer>

namespace headway {

struct Repository;

class VersionDirectoryWatcher : public QObject
{
    Q_OBJECT

public:
    // Beyond this many files only the directories are watched (inotify watches are
    // a per-user resource); adding, removing and renaming files is still seen.
    static constexpr int maxWatchedFiles = 1000;

    explicit VersionDirectoryWatcher(QObject *parent = nullptr);

    // Replaces what is watched with `repository`'s version directories and files.
    void watch(const Repository &repository);
    void clear();
    void setEnabled(bool enabled);
    void setDelay(int milliseconds) { m_debounce.setInterval(milliseconds); }
    QStringList watchedDirectories() const { return m_watcher.directories(); }

Q_SIGNALS:
    void changed();

private:
    void noticeChange();

    QFileSystemWatcher m_watcher;
    QTimer m_debounce;
    bool m_enabled = true;
};

} // namespace headway
