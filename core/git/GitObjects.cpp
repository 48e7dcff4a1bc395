#include "GitObjects.h"

namespace headway {

namespace {

const QString separator = QStringLiteral("--");

QString text(const QByteArray &bytes)
{
    return QString::fromUtf8(bytes);
}

QStringList lines(const QByteArray &bytes)
{
    return text(bytes).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

} // namespace

GitObjects::GitObjects(const GitCheckout &checkout, const std::atomic<bool> *cancel)
    : m_checkout(checkout)
    , m_process(checkout.topLevel, cancel)
{
}

GitOutput GitObjects::git(const QStringList &arguments, const QByteArray &input) const
{
    return m_process.run(arguments, input);
}

QString GitObjects::commitOf(const QString &revision, QString *error) const
{
    // --end-of-options: a revision typed as "-x" is a name, never an option.
    const GitOutput out = git({QStringLiteral("rev-parse"), QStringLiteral("-q"), QStringLiteral("--verify"),
                               QStringLiteral("--end-of-options"), revision + QStringLiteral("^{commit}")});
    if (!out.ok) {
        if (error)
            *error = out.exitCode < 0 ? out.error : QStringLiteral("git knows no commit '%1'").arg(revision);
        return {};
    }
    return text(out.out).trimmed();
}

std::optional<TreeFiles> GitObjects::treeFiles(const QString &commit, const QStringList &folders, QString *error) const
{
    const GitOutput out = git(QStringList{QStringLiteral("ls-tree"), QStringLiteral("-r"), QStringLiteral("-z"),
                                          QStringLiteral("--full-tree"), commit, separator} + folders);
    if (!out.ok) {
        if (error)
            *error = out.error;
        return std::nullopt;
    }
    TreeFiles files;
    // "<mode> SP <type> SP <id> TAB <path>"
    for (const QByteArray &record : GitProcess::splitNul(out.out)) {
        const qsizetype tab = record.indexOf('\t');
        const QList<QByteArray> fields = record.left(tab).split(' ');
        if (tab < 0 || fields.size() != 3 || fields.at(1) != "blob")
            continue; // submodules and trees are not migration files
        files.insert(text(record.mid(tab + 1)), {text(fields.at(2)), fields.at(0) == "120000"});
    }
    return files;
}

QHash<QString, QByteArray> GitObjects::blobs(const QStringList &ids) const
{
    QHash<QString, QByteArray> contents;
    if (ids.isEmpty())
        return contents;
    const GitOutput out = git({QStringLiteral("cat-file"), QStringLiteral("--batch")},
                              (ids.join(QLatin1Char('\n')) + QLatin1Char('\n')).toUtf8());
    // "<id> blob <size>\n<bytes>\n", or "<name> missing\n"
    const QByteArray &bytes = out.out;
    qsizetype at = 0;
    while (at < bytes.size()) {
        const qsizetype end = bytes.indexOf('\n', at);
        if (end < 0)
            break;
        const QList<QByteArray> header = bytes.mid(at, end - at).split(' ');
        at = end + 1;
        if (header.size() != 3)
            continue;
        const qsizetype size = header.at(2).toLongLong();
        if (size < 0 || at + size > bytes.size())
            break;
        if (header.at(1) == "blob")
            contents.insert(text(header.at(0)), bytes.mid(at, size));
        at += size + 1;
    }
    return contents;
}

QStringList GitObjects::hashFiles(const QStringList &relativePaths) const
{
    if (relativePaths.isEmpty())
        return {};
    const GitOutput out = git({QStringLiteral("hash-object"), QStringLiteral("--stdin-paths")},
                              (relativePaths.join(QLatin1Char('\n')) + QLatin1Char('\n')).toUtf8());
    QStringList ids = lines(out.out);
    return ids.size() == relativePaths.size() ? ids : QStringList{};
}

QStringList GitObjects::untracked(const QStringList &folders) const
{
    const GitOutput out = git(QStringList{QStringLiteral("ls-files"), QStringLiteral("-z"), QStringLiteral("--others"),
                                          QStringLiteral("--exclude-standard"), QStringLiteral("--full-name"), separator}
                              + folders);
    QStringList paths;
    for (const QByteArray &record : GitProcess::splitNul(out.out))
        paths += text(record);
    return paths;
}

QSet<QString> GitObjects::indexed(const QStringList &folders) const
{
    const GitOutput out = git(QStringList{QStringLiteral("ls-files"), QStringLiteral("-z"), QStringLiteral("--full-name"), separator}
                              + folders);
    QSet<QString> paths;
    for (const QByteArray &record : GitProcess::splitNul(out.out))
        paths.insert(text(record));
    return paths;
}

QList<GitRef> GitObjects::refs() const
{
    const GitOutput out = git({QStringLiteral("for-each-ref"),
                               QStringLiteral("--format=%(refname)%00%(objectname)%00%(*objectname)%00%(upstream)"),
                               QStringLiteral("refs/heads"), QStringLiteral("refs/remotes"), QStringLiteral("refs/tags")});
    QList<GitRef> refs;
    // Four NUL-separated fields per ref, one ref per line (ref names hold no newline).
    for (const QByteArray &line : out.out.split('\n')) {
        const QList<QByteArray> fields = line.split('\0');
        if (fields.size() < 4 || fields.at(0).isEmpty())
            continue;
        refs.append({text(fields.at(0)), text(fields.at(2).isEmpty() ? fields.at(1) : fields.at(2)), text(fields.at(3))});
    }
    return refs;
}

QString GitObjects::mergeBase(const QString &a, const QString &b) const
{
    const GitOutput out = git({QStringLiteral("merge-base"), a, b});
    return out.ok ? text(out.out).trimmed() : QString();
}

QStringList GitObjects::publishingRefs(const QString &commit) const
{
    const GitOutput out = git({QStringLiteral("for-each-ref"), QStringLiteral("--format=%(refname)"),
                               QStringLiteral("--contains=") + commit, QStringLiteral("refs/remotes"), QStringLiteral("refs/tags")});
    return lines(out.out);
}

QSet<QString> GitObjects::reachable(const QString &commit) const
{
    const GitOutput out = git({QStringLiteral("rev-list"), commit});
    const QStringList commits = lines(out.out);
    return QSet<QString>(commits.cbegin(), commits.cend());
}

QList<QStringList> GitObjects::firstParentChain(const QString &commit) const
{
    const GitOutput out = git({QStringLiteral("rev-list"), QStringLiteral("--first-parent"), QStringLiteral("--parents"), commit});
    QList<QStringList> chain;
    for (const QString &line : lines(out.out))
        chain.append(line.split(QLatin1Char(' '), Qt::SkipEmptyParts));
    return chain;
}

QHash<QString, CommitStamp> GitObjects::addingCommits(const QString &commit, const QStringList &folders) const
{
    QHash<QString, CommitStamp> added;
    // Every commit, without path limiting: diff-tree compares each with its parent under the
    // folders anyway, and a path-limited rev-list would do that work a second time.
    const GitOutput walk = git({QStringLiteral("rev-list"), commit});
    if (!walk.ok || walk.out.isEmpty())
        return added;
    // Newest first: the first time a path shows as added is the commit that added it last.
    const GitOutput diffs = git(QStringList{QStringLiteral("diff-tree"), QStringLiteral("--stdin"), QStringLiteral("-r"),
                                            QStringLiteral("--root"), QStringLiteral("-z"), QStringLiteral("--no-renames"),
                                            QStringLiteral("--diff-filter=A"), QStringLiteral("--name-only"),
                                            QStringLiteral("--format=%x01%H%x00%an%x00%aI"), separator}
                                    + folders,
                                walk.out);
    for (const QByteArray &record : diffs.out.split('\x01')) {
        const QList<QByteArray> fields = record.split('\0');
        if (fields.size() < 4)
            continue;
        const CommitStamp stamp{text(fields.at(0)), text(fields.at(1)), text(fields.at(2))};
        for (qsizetype i = 3; i < fields.size(); ++i) {
            QByteArray path = fields.at(i);
            if (path.startsWith('\n'))
                path.remove(0, 1);
            if (!path.isEmpty() && !added.contains(text(path)))
                added.insert(text(path), stamp);
        }
    }
    return added;
}

} // namespace headway
