#include "session/VersionDirectoryWatcher.h"

#include "repository/Repository.h"

#include <QFileInfo>
#include <QSet>

namespace headway {

VersionDirectoryWatcher::VersionDirectoryWatcher(QObject *parent)
    : QObject(parent)
{
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(300);
    connect(&m_debounce, &QTimer::timeout, this, &VersionDirectoryWatcher::changed);
    connect(&m_watcher, &QFileSystemWatcher::directoryChanged, this, &VersionDirectoryWatcher::noticeChange);
    connect(&m_watcher, &QFileSystemWatcher::fileChanged, this, &VersionDirectoryWatcher::noticeChange);
}

void VersionDirectoryWatcher::watch(const Repository &repository)
{
    clear();
    if (!m_enabled)
        return;
    // Recursive version locations hold files in subdirectories: watch those too.
    QSet<QString> directories(repository.layout.versionDirectories.cbegin(),
                              repository.layout.versionDirectories.cend());
    QStringList files;
    for (const MigrationFile &file : repository.files) {
        directories.insert(QFileInfo(file.path).absolutePath());
        files.append(file.path);
    }
    QStringList paths(directories.cbegin(), directories.cend());
    if (files.size() <= maxWatchedFiles)
        paths += files;
    if (!paths.isEmpty())
        m_watcher.addPaths(paths); // paths that vanished meanwhile are skipped
}

void VersionDirectoryWatcher::clear()
{
    m_debounce.stop();
    const QStringList watched = m_watcher.files() + m_watcher.directories();
    if (!watched.isEmpty())
        m_watcher.removePaths(watched);
}

void VersionDirectoryWatcher::setEnabled(bool enabled)
{
    m_enabled = enabled;
    if (!enabled)
        clear();
}

void VersionDirectoryWatcher::noticeChange()
{
    if (m_enabled)
        m_debounce.start(); // restarts: one signal after the burst settles
}

} // namespace headway
