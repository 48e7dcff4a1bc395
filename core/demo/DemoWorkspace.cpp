#include "DemoWorkspace.h"

#include "io/AtomicFile.h"
#include "runner/RunToCompletion.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>

namespace headway {

namespace {

const QString marker = QStringLiteral(".headway-demo");
const QString manifestName = QStringLiteral("headway-demo.json");
// A package carries no VCS files (lintian), so the installed demo's .gitignore
// is named without its dot; the copy, a git repository, gets the dot back.
const QString shippedGitignore = QStringLiteral("gitignore");

bool copyTree(const QString &source, const QString &target, QString &error)
{
    QDirIterator it(source, QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QString relative = QDir(source).relativeFilePath(path);
        if (relative.contains(QLatin1String("__pycache__")) || relative.endsWith(QLatin1String(".pyc"))
            || relative.endsWith(QLatin1String(".db")))
            continue;
        const QString destination =
            QDir(target).filePath(relative == shippedGitignore ? QStringLiteral(".gitignore") : relative);
        QDir().mkpath(QFileInfo(destination).absolutePath());
        if (!QFile::copy(path, destination)) {
            error = QStringLiteral("Cannot copy %1 to %2").arg(path, destination);
            return false;
        }
        // Installed files are read-only; the copy must not be.
        QFile::setPermissions(destination, QFile::permissions(destination) | QFileDevice::WriteOwner);
    }
    return true;
}

// Runs git with a fixed identity and dates, so every copy has the same story.
bool git(const QString &directory, const QStringList &arguments, QString &error, int step)
{
    const QString date = QStringLiteral("2024-0%1-01T12:00:00+00:00").arg(step);
    const QStringList identity{QStringLiteral("-c"), QStringLiteral("user.name=Headway Demo"),
                               QStringLiteral("-c"), QStringLiteral("user.email=demo@headway.invalid"),
                               QStringLiteral("-c"), QStringLiteral("commit.gpgsign=false")};
    const CommandLine line{QStringLiteral("git"), identity + arguments, directory,
                           {{QStringLiteral("GIT_AUTHOR_DATE"), date},
                            {QStringLiteral("GIT_COMMITTER_DATE"), date},
                            {QStringLiteral("GIT_CONFIG_NOSYSTEM"), QStringLiteral("1")}}};
    const CommandResult result = runToCompletion(line, 60000);
    if (result.outcome == CommandResult::Outcome::FailedToStart) {
        error = QStringLiteral("%1: install git to get the demo's fork history").arg(result.output);
        return false;
    }
    if (!result.succeeded()) {
        error = QStringLiteral("git %1 failed: %2").arg(arguments.join(QLatin1Char(' ')), result.output.trimmed());
        return false;
    }
    return true;
}

QStringList manifestList(const QJsonObject &manifest, const char *key)
{
    QStringList list;
    for (const QJsonValue &value : manifest.value(QLatin1String(key)).toArray())
        list += value.toString();
    return list;
}

// Replays the history: shared base on main, fork's migration on main,
// upstream's migration on the "upstream/main" branch (what discovery finds first), then the merge.
bool makeHistory(const QString &target, QString &error)
{
    QFile manifestFile(QDir(target).filePath(manifestName));
    if (!manifestFile.open(QIODevice::ReadOnly)) {
        error = QStringLiteral("The demo lacks %1").arg(manifestName);
        return false;
    }
    const QJsonObject manifest = QJsonDocument::fromJson(manifestFile.readAll()).object();
    const QStringList forkOnly = manifestList(manifest, "fork_only");
    const QStringList upstreamOnly = manifestList(manifest, "upstream_only");
    const QString stash = QDir(target).filePath(QStringLiteral(".headway-demo-staging"));
    QDir().mkpath(stash);
    for (const QString &file : forkOnly + upstreamOnly)
        QFile::rename(QDir(target).filePath(file), QDir(stash).filePath(QFileInfo(file).fileName()));
    auto restore = [&](const QStringList &files) {
        for (const QString &file : files)
            QFile::rename(QDir(stash).filePath(QFileInfo(file).fileName()), QDir(target).filePath(file));
    };
    const bool ok = git(target, {QStringLiteral("init"), QStringLiteral("-q"), QStringLiteral("-b"), QStringLiteral("main")}, error, 1)
                    && git(target, {QStringLiteral("add"), QStringLiteral("-A"), QStringLiteral("."), QStringLiteral(":!.headway-demo-staging")}, error, 1)
                    && git(target, {QStringLiteral("commit"), QStringLiteral("-q"), QStringLiteral("-m"), QStringLiteral("Upstream history: users, posts, created_at")}, error, 1)
                    && git(target, {QStringLiteral("branch"), QStringLiteral("upstream/main")}, error, 2)
                    && (restore(forkOnly), true)
                    && git(target, {QStringLiteral("add"), QStringLiteral("-A"), QStringLiteral("."), QStringLiteral(":!.headway-demo-staging")}, error, 3)
                    && git(target, {QStringLiteral("commit"), QStringLiteral("-q"), QStringLiteral("-m"), QStringLiteral("Fork: add user preferences")}, error, 3)
                    && git(target, {QStringLiteral("checkout"), QStringLiteral("-q"), QStringLiteral("upstream/main")}, error, 4)
                    && (restore(upstreamOnly), true)
                    && git(target, {QStringLiteral("add"), QStringLiteral("-A"), QStringLiteral("."), QStringLiteral(":!.headway-demo-staging")}, error, 4)
                    && git(target, {QStringLiteral("commit"), QStringLiteral("-q"), QStringLiteral("-m"), QStringLiteral("Upstream: add post slug")}, error, 4)
                    && git(target, {QStringLiteral("checkout"), QStringLiteral("-q"), QStringLiteral("main")}, error, 5)
                    && git(target, {QStringLiteral("merge"), QStringLiteral("-q"), QStringLiteral("--no-edit"), QStringLiteral("-m"),
                                    QStringLiteral("Merge upstream into the fork"), QStringLiteral("upstream/main")}, error, 5);
    // Whatever happened, every migration file ends up back in place.
    restore(forkOnly + upstreamOnly);
    QDir(stash).removeRecursively();
    return ok;
}

} // namespace

QString DemoWorkspace::bundledDemoDirectory()
{
    const QString installed = QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("../share/headway/demo"));
    if (QFileInfo(installed + QStringLiteral("/app.py")).isFile())
        return QDir::cleanPath(installed);
    return QStringLiteral(HEADWAY_SOURCE_DIR "/resources/demo");
}

QString DemoWorkspace::defaultLocation()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation)).filePath(QStringLiteral("headway/demo"));
}

DemoWorkspaceResult DemoWorkspace::prepare(const QString &source, const QString &target)
{
    DemoWorkspaceResult result;
    if (QFileInfo(QDir(target).filePath(marker)).isFile()) {
        result.path = target;
        return result;
    }
    if (!QFileInfo(QDir(source).filePath(QStringLiteral("app.py"))).isFile()) {
        result.error = QStringLiteral("The bundled demo is missing (looked in %1); reinstall Headway.").arg(source);
        return result;
    }
    if (QDir(target).exists() && !QDir(target).isEmpty()) {
        result.error = QStringLiteral("%1 exists and is not a Headway demo copy; move it away or choose another location.").arg(target);
        return result;
    }
    if (!QDir().mkpath(target)) {
        result.error = QStringLiteral("Cannot create %1").arg(target);
        return result;
    }
    if (!copyTree(source, target, result.error))
        return result;
    QString gitError;
    if (!makeHistory(target, gitError)) // the demo still works without git; say why history is missing
        qWarning("headway: demo copy has no git history: %s", qPrintable(gitError));
    if (const QString stampError = AtomicFile::write(QDir(target).filePath(marker), {}); !stampError.isEmpty()) {
        result.error = stampError;
        return result;
    }
    // Headway's marker is no part of the project: git ignores it (when git made the history).
    if (QFileInfo(QDir(target).filePath(QStringLiteral(".git"))).isDir()) {
        const QString exclude = QDir(target).filePath(QStringLiteral(".git/info/exclude"));
        QFile existing(exclude);
        const QByteArray ignored = (existing.open(QIODevice::ReadOnly) ? existing.readAll() : QByteArray())
                                   + marker.toUtf8() + '\n';
        if (const QString excludeError = AtomicFile::write(exclude, ignored); !excludeError.isEmpty())
            qWarning("headway: %s", qPrintable(excludeError));
    }
    result.path = target;
    result.created = true;
    return result;
}

} // namespace headway
