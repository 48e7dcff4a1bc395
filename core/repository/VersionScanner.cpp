#include "VersionScanner.h"

#include <QFile>
#include <QSet>

#include <algorithm>
#include <filesystem>
#include <system_error>

namespace headway {

namespace fs = std::filesystem;

namespace {

struct Entry {
    std::string name; // bytes: sorting them is Python's code point order
    fs::file_type type;
};

QString toQString(const fs::path &path)
{
    return QFile::decodeName(path.native().c_str());
}

class Walker
{
public:
    Walker(const RepositoryLayout &layout, VersionFiles &out)
        : m_layout(layout)
        , m_out(out)
    {
    }

    // `real` is the directory with symbolic links resolved, for spotting duplicates.
    void walk(const fs::path &directory, const fs::path &real)
    {
        const std::string text = directory.native();
        if (text.size() >= 11 && text.compare(text.size() - 11, 11, "__pycache__") == 0)
            return;
        std::error_code error;
        std::vector<Entry> entries;
        for (fs::directory_iterator it(directory, error), end; !error && it != end; it.increment(error))
            entries.push_back({it->path().filename().native(), it->symlink_status(error).type()});
        if (error) {
            m_out.diagnostics += Diagnostic::error(
                QStringLiteral("unreadable-directory"),
                QStringLiteral("Cannot list %1: %2")
                    .arg(toQString(directory), QString::fromStdString(error.message())),
                toQString(directory), 0, QStringLiteral("Check the directory's permissions."));
            return;
        }
        std::sort(entries.begin(), entries.end(),
                  [](const Entry &a, const Entry &b) { return a.name < b.name; });
        std::vector<std::string> subdirectories;
        for (const Entry &entry : entries) {
            const fs::path path = directory / entry.name;
            if (entry.type == fs::file_type::directory) {
                subdirectories.push_back(entry.name);
                continue;
            }
            const QString name = QFile::decodeName(entry.name.c_str());
            if (!VersionScanner::isRevisionFileName(name))
                continue;
            if (entry.type == fs::file_type::symlink && fs::is_directory(path, error))
                continue; // os.walk lists links to directories as directories, and skips them
            addFile(path, real / entry.name, entry.type);
        }
        if (m_layout.recursive)
            for (const std::string &sub : subdirectories)
                walk(directory / sub, real / sub);
    }

private:
    void addFile(const fs::path &path, const fs::path &realPath, fs::file_type type)
    {
        const QString qpath = toQString(path);
        if (type != fs::file_type::regular && type != fs::file_type::symlink) {
            m_out.diagnostics += Diagnostic::warning(
                QStringLiteral("not-a-file"),
                QStringLiteral("%1 is not a regular file (a pipe, socket or device); Headway "
                               "skips it, Alembic would hang or fail on it")
                    .arg(qpath),
                qpath, 0, QStringLiteral("Move it out of the versions directory."));
            return;
        }
        // The same file reached twice (overlapping version locations, links) loads once.
        std::error_code error;
        const fs::path real = type == fs::file_type::symlink ? fs::canonical(path, error) : realPath;
        const QString key = error ? qpath : toQString(real);
        if (m_seen.contains(key)) {
            m_out.diagnostics += Diagnostic::warning(
                QStringLiteral("file-loaded-twice"),
                QStringLiteral("File %1 loaded twice! ignoring. Please ensure version_locations "
                               "is unique.")
                    .arg(key),
                qpath, 0, QStringLiteral("Remove the overlapping entry from version_locations."));
            return;
        }
        m_seen.insert(key);
        m_out.paths += qpath;
    }

    const RepositoryLayout &m_layout;
    VersionFiles &m_out;
    QSet<QString> m_seen;
};

} // namespace

bool VersionScanner::isRevisionFileName(const QString &name)
{
    return name.endsWith(QLatin1String(".py")) && !name.startsWith(QLatin1String(".#"))
           && !name.startsWith(QLatin1String("__init__")) && !name.contains(QLatin1Char('\n'));
}

VersionFiles VersionScanner::scan(const RepositoryLayout &layout)
{
    VersionFiles files;
    Walker walker(layout, files);
    for (const QString &directory : layout.versionDirectories) {
        std::error_code error;
        const fs::path path(QFile::encodeName(directory).toStdString());
        // A canonical directory makes its plain files' real paths cheap to derive.
        const fs::path canonical = fs::canonical(path, error);
        walker.walk(path, error ? path : canonical);
    }
    return files;
}

} // namespace headway
