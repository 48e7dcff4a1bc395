#include "ModuleSearchPath.h"

#include "EnvSysPath.h"

#include <QDir>
#include <QFileInfo>

namespace headway {

namespace {

// A .git above this many levels belongs to something else (a home directory under git).
constexpr int maxLevelsUp = 32;

bool isInside(const QString &path, const QString &directory)
{
    return path == directory || directory == QLatin1String("/")
           || path.startsWith(directory + QLatin1Char('/'));
}

QString parentOf(const QString &directory)
{
    const QString parent = QFileInfo(directory).absolutePath();
    return parent == directory ? QString() : parent;
}

// The directory holding .git (a directory, or a file in a worktree) above `start`, if any.
QString gitRoot(const QString &start)
{
    QString directory = start;
    for (int level = 0; level < maxLevelsUp && !directory.isEmpty(); ++level) {
        if (QFileInfo::exists(directory + QStringLiteral("/.git")))
            return directory;
        directory = parentOf(directory);
    }
    return {};
}

} // namespace

QString ModuleSearchPath::display(const QString &path) const
{
    if (repositoryRoot.isEmpty() || !isInside(path, repositoryRoot))
        return path;
    const QString relative = QDir(repositoryRoot).relativeFilePath(path);
    return relative.isEmpty() ? QStringLiteral(".") : relative;
}

ModuleSearchPath ModuleSearchPath::forLayout(const RepositoryLayout &layout)
{
    ModuleSearchPath searchPath;
    const QString iniDirectory = layout.iniPath.isEmpty() ? QString() : QFileInfo(layout.iniPath).absolutePath();
    const QString argumentDirectory = QFileInfo(layout.argument).isDir() ? layout.argument
                                                                          : QFileInfo(layout.argument).absolutePath();
    const QString first = layout.versionDirectories.value(0, layout.scriptDirectory);
    QString root = gitRoot(QDir::cleanPath(first));
    if (root.isEmpty()) {
        // No git checkout: the outermost directory the user or alembic.ini names.
        for (const QString &candidate : {layout.baseDirectory, iniDirectory, argumentDirectory, layout.scriptDirectory}) {
            const QString clean = candidate.isEmpty() ? QString() : QDir::cleanPath(candidate);
            if (!clean.isEmpty() && isInside(QDir::cleanPath(first), clean) && (root.isEmpty() || isInside(root, clean)))
                root = clean;
        }
    }
    searchPath.repositoryRoot = root;

    auto add = [&](const QString &directory) {
        const QString clean = QDir::cleanPath(directory);
        // Alembic loads revision files by path: their own directories are not on sys.path.
        const bool versions = std::any_of(layout.versionDirectories.cbegin(), layout.versionDirectories.cend(),
                                          [&](const QString &v) { return isInside(clean, QDir::cleanPath(v)); });
        if (!clean.isEmpty() && !versions && !searchPath.roots.contains(clean))
            searchPath.roots += clean;
    };
    for (const QString &versions : layout.versionDirectories) {
        const QString clean = QDir::cleanPath(versions);
        if (root.isEmpty() || !isInside(clean, root)) {
            add(parentOf(clean));
            continue;
        }
        for (QString directory = parentOf(clean); !directory.isEmpty(); directory = parentOf(directory)) {
            add(directory);
            if (directory == root)
                break;
        }
    }
    for (const QString &directory : {layout.scriptDirectory, iniDirectory, layout.baseDirectory})
        if (!directory.isEmpty())
            add(directory);
    if (!layout.scriptDirectory.isEmpty()) {
        const QString workingDirectory = iniDirectory.isEmpty() ? layout.baseDirectory : iniDirectory;
        for (const QString &entry : EnvSysPath::read(layout.scriptDirectory + QStringLiteral("/env.py"), workingDirectory))
            add(entry);
    }
    return searchPath;
}

} // namespace headway
