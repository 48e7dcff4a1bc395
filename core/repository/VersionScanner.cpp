#include "VersionScanner.h"

#include <QFile>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>
#include <unordered_set>
#include <vector>

#include <dirent.h>
#include <sys/stat.h>

namespace headway {

namespace {

struct Entry {
    std::string name; // bytes: sorting them is Python's code point order
    unsigned char type;
};

QString fromBytes(const std::string &path)
{
    return QFile::decodeName(path.c_str());
}

std::string realPath(const std::string &path)
{
    char buffer[PATH_MAX];
    return ::realpath(path.c_str(), buffer) ? std::string(buffer) : std::string();
}

// POSIX directory reads: d_type spares a stat per file, which matters at
// tens of thousands of files.
class Walker
{
public:
    // Without `findDuplicates` no file's real path is kept: one directory's plain files
    // cannot repeat, and a link makes the walk stop (linkSeen) so it can be redone with it.
    Walker(const RepositoryLayout &layout, VersionFiles &out, bool findDuplicates)
        : m_layout(layout)
        , m_out(out)
        , m_findDuplicates(findDuplicates)
    {
    }

    bool linkSeen() const { return m_linkSeen; }

    // `real` is the directory with symbolic links resolved, for spotting duplicates.
    void walk(const std::string &directory, const std::string &real)
    {
        if (m_linkSeen)
            return;
        if (directory.size() >= 11 && directory.compare(directory.size() - 11, 11, "__pycache__") == 0)
            return;
        std::vector<Entry> entries;
        if (!list(directory, entries))
            return;
        std::sort(entries.begin(), entries.end(),
                  [](const Entry &a, const Entry &b) { return a.name < b.name; });
        std::vector<std::string> subdirectories;
        for (Entry &entry : entries) {
            const std::string path = directory + '/' + entry.name;
            unsigned char type = entry.type;
            if (type == DT_UNKNOWN) { // some file systems do not fill d_type
                struct stat info {};
                if (::lstat(path.c_str(), &info) == 0)
                    type = S_ISDIR(info.st_mode) ? DT_DIR : S_ISREG(info.st_mode) ? DT_REG
                                                          : S_ISLNK(info.st_mode) ? DT_LNK : DT_FIFO;
            }
            if (type == DT_DIR) {
                subdirectories.push_back(std::move(entry.name));
                continue;
            }
            const QString name = QFile::decodeName(entry.name.c_str());
            if (!VersionScanner::isRevisionFileName(name))
                continue;
            if (type == DT_LNK) {
                struct stat target {};
                if (::stat(path.c_str(), &target) == 0 && S_ISDIR(target.st_mode))
                    continue; // os.walk lists links to directories as directories, and skips them
                if (!m_findDuplicates) {
                    m_linkSeen = true; // it may name a file listed here too
                    return;
                }
            }
            addFile(path, real, entry.name, type);
        }
        if (m_layout.recursive)
            for (const std::string &sub : subdirectories)
                walk(directory + '/' + sub, real + '/' + sub);
    }

private:
    bool list(const std::string &directory, std::vector<Entry> &entries)
    {
        const std::unique_ptr<DIR, int (*)(DIR *)> dir(::opendir(directory.c_str()), ::closedir);
        if (!dir) {
            m_out.diagnostics += Diagnostic::error(
                QStringLiteral("unreadable-directory"),
                QStringLiteral("Cannot list %1: %2").arg(fromBytes(directory), QString::fromLocal8Bit(std::strerror(errno))),
                fromBytes(directory), 0, QStringLiteral("Check the directory's permissions."));
            return false;
        }
        while (const dirent *entry = ::readdir(dir.get())) {
            if (std::strcmp(entry->d_name, ".") != 0 && std::strcmp(entry->d_name, "..") != 0)
                entries.push_back({entry->d_name, entry->d_type});
        }
        return true;
    }

    void addFile(const std::string &path, const std::string &realDirectory, const std::string &name, unsigned char type)
    {
        const QString qpath = fromBytes(path);
        if (type != DT_REG && type != DT_LNK) {
            m_out.diagnostics += Diagnostic::warning(
                QStringLiteral("not-a-file"),
                QStringLiteral("%1 is not a regular file (a pipe, socket or device); Headway "
                               "skips it, Alembic would hang or fail on it")
                    .arg(qpath),
                qpath, 0, QStringLiteral("Move it out of the versions directory."));
            return;
        }
        if (!m_findDuplicates) {
            m_out.paths += qpath;
            return;
        }
        // The same file reached twice (overlapping version locations, links) loads once.
        std::string key = type == DT_LNK ? realPath(path) : realDirectory + '/' + name;
        if (key.empty())
            key = path; // a broken link: reading it will report the problem
        if (!m_seen.insert(key).second) {
            m_out.diagnostics += Diagnostic::warning(
                QStringLiteral("file-loaded-twice"),
                QStringLiteral("File %1 loaded twice! ignoring. Please ensure version_locations "
                               "is unique.")
                    .arg(fromBytes(key)),
                qpath, 0, QStringLiteral("Remove the overlapping entry from version_locations."));
            return;
        }
        m_out.paths += qpath;
    }

    const RepositoryLayout &m_layout;
    VersionFiles &m_out;
    const bool m_findDuplicates;
    bool m_linkSeen = false;
    std::unordered_set<std::string> m_seen;
};

} // namespace

bool VersionScanner::isRevisionFileName(const QString &name)
{
    return name.endsWith(QLatin1String(".py")) && !name.startsWith(QLatin1String(".#"))
           && !name.startsWith(QLatin1String("__init__")) && !name.contains(QLatin1Char('\n'));
}

namespace {

VersionFiles walkAll(const RepositoryLayout &layout, bool findDuplicates, bool &linkSeen)
{
    VersionFiles files;
    Walker walker(layout, files, findDuplicates);
    for (const QString &directory : layout.versionDirectories) {
        const std::string path = QFile::encodeName(directory).toStdString();
        // A canonical directory makes its plain files' real paths cheap to derive.
        const std::string real = realPath(path);
        walker.walk(path, real.empty() ? path : real);
    }
    linkSeen = walker.linkSeen();
    return files;
}

} // namespace

VersionFiles VersionScanner::scan(const RepositoryLayout &layout)
{
    // Keeping every file's real path costs a third of the scan of a long history; only
    // several directories or a linked file can make one file appear twice.
    const bool severalDirectories = layout.versionDirectories.size() > 1;
    bool linkSeen = false;
    VersionFiles files = walkAll(layout, severalDirectories, linkSeen);
    if (linkSeen)
        files = walkAll(layout, true, linkSeen);
    return files;
}

} // namespace headway
