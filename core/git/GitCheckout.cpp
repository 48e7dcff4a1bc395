#include "GitCheckout.h"

#include <QDir>
#include <QFileInfo>

namespace headway {

namespace {

QString firstLine(const QByteArray &bytes)
{
    return QString::fromUtf8(bytes).section(QLatin1Char('\n'), 0, 0).trimmed();
}

// A path made canonical as far as it exists, so it compares with git's root.
QString canonical(const QString &path)
{
    QFileInfo info(path);
    QString tail;
    while (!info.exists() && !info.filePath().isEmpty() && info.filePath() != info.path()) {
        tail = tail.isEmpty() ? info.fileName() : info.fileName() + QLatin1Char('/') + tail;
        info = QFileInfo(info.path());
    }
    const QString base = info.canonicalFilePath();
    if (base.isEmpty())
        return QDir::cleanPath(QFileInfo(path).absoluteFilePath());
    return tail.isEmpty() ? base : base + QLatin1Char('/') + tail;
}

} // namespace

GitCheckout GitCheckout::open(const QString &folder, const std::atomic<bool> *cancel)
{
    GitCheckout checkout;
    const QFileInfo info(folder);
    const QString directory = info.isDir() ? info.absoluteFilePath() : info.absolutePath();
    const GitProcess git(directory, cancel);
    const GitOutput top = git.run({QStringLiteral("rev-parse"), QStringLiteral("--show-toplevel"),
                                   QStringLiteral("--absolute-git-dir"), QStringLiteral("--is-shallow-repository")});
    if (!top.ok) {
        checkout.problem = top.exitCode < 0 ? top.error
                           : top.error.contains(QLatin1String("not a git repository"))
                               ? QStringLiteral("%1 is not in a git checkout").arg(directory)
                               : QStringLiteral("git cannot read %1: %2").arg(directory, top.error);
        return checkout;
    }
    const QStringList lines = QString::fromUtf8(top.out).split(QLatin1Char('\n'));
    if (lines.size() < 3 || lines.at(0).isEmpty()) {
        checkout.problem = QStringLiteral("%1 is inside a git directory, not a work tree").arg(directory);
        return checkout;
    }
    checkout.found = true;
    checkout.topLevel = canonical(lines.at(0));
    checkout.gitDirectory = lines.at(1);
    checkout.shallow = lines.at(2) == QLatin1String("true");
    const GitProcess atTop = checkout.git(cancel);
    const GitOutput head = atTop.run({QStringLiteral("rev-parse"), QStringLiteral("-q"), QStringLiteral("--verify"),
                                      QStringLiteral("HEAD^{commit}")});
    checkout.head = head.ok ? firstLine(head.out) : QString();
    const GitOutput branch = atTop.run({QStringLiteral("symbolic-ref"), QStringLiteral("-q"), QStringLiteral("HEAD")});
    checkout.branch = branch.ok ? firstLine(branch.out) : QString();
    const GitOutput merge = atTop.run({QStringLiteral("rev-parse"), QStringLiteral("-q"), QStringLiteral("--verify"),
                                       QStringLiteral("MERGE_HEAD^{commit}")});
    checkout.mergeHead = merge.ok ? firstLine(merge.out) : QString();
    return checkout;
}

QString GitCheckout::relativePath(const QString &path) const
{
    if (!found)
        return {};
    const QString full = canonical(path);
    if (full == topLevel)
        return QStringLiteral(".");
    if (!full.startsWith(topLevel + QLatin1Char('/')))
        return {};
    return full.mid(topLevel.size() + 1);
}

QString GitCheckout::absolutePath(const QString &relative) const
{
    return relative == QLatin1String(".") ? topLevel : topLevel + QLatin1Char('/') + relative;
}

} // namespace headway
