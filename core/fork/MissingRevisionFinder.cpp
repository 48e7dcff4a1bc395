#include "MissingRevisionFinder.h"

#include "MigrationOrigins.h"
#include "parser/MigrationParser.h"
#include "repository/Repository.h"
#include "repository/VersionScanner.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace headway {

namespace {

struct Candidate {
    QString blob;
    QString path;
    QString how;
    CommitStamp commit;
};

QString text(const QByteArray &bytes)
{
    return QString::fromUtf8(bytes);
}

// Files deleted under the folders in the history of every ref, newest first; a deletion whose
// blob reappears elsewhere in the same commit was a move.
QList<Candidate> deletions(const GitProcess &git, const QStringList &folders)
{
    QList<Candidate> found;
    const GitOutput walk = git.run({QStringLiteral("rev-list"), QStringLiteral("--all")});
    if (!walk.ok || walk.out.isEmpty())
        return found;
    const GitOutput diffs = git.run(QStringList{QStringLiteral("diff-tree"), QStringLiteral("--stdin"), QStringLiteral("-r"),
                                                QStringLiteral("-z"), QStringLiteral("--no-renames"), QStringLiteral("--raw"),
                                                QStringLiteral("--no-abbrev"), QStringLiteral("--format=%x01%H%x00%an%x00%aI%x00%s"),
                                                QStringLiteral("--")}
                                        + folders,
                                    walk.out);
    for (const QByteArray &record : diffs.out.split('\x01')) {
        const QList<QByteArray> fields = record.split('\0');
        if (fields.size() < 5)
            continue;
        const CommitStamp stamp{text(fields.at(0)), text(fields.at(1)), text(fields.at(2))};
        // Then pairs: ":<mode> <mode> <old> <new> <status>" and the path.
        QList<Candidate> deleted;
        QSet<QString> added;
        for (qsizetype i = 4; i + 1 < fields.size(); i += 2) {
            QByteArray meta = fields.at(i);
            while (meta.startsWith('\n'))
                meta.remove(0, 1);
            const QList<QByteArray> parts = meta.split(' ');
            if (parts.size() < 5)
                continue;
            if (parts.at(4) == "D")
                deleted += {text(parts.at(2)), text(fields.at(i + 1)), QString(), stamp};
            else if (parts.at(4) == "A")
                added.insert(text(parts.at(3)));
        }
        for (Candidate &candidate : deleted) {
            candidate.how = QStringLiteral("%1 in %2").arg(added.contains(candidate.blob) ? QStringLiteral("moved away")
                                                                                            : QStringLiteral("deleted"),
                                                           stamp.commit.left(10));
            found += candidate;
        }
    }
    return found;
}

// The walk saw only the version folders: whether the deleting commit added the same file elsewhere
// (moved out of them) takes one look at that commit's whole change.
QString movedOrDeleted(const GitProcess &git, const Candidate &candidate)
{
    const GitOutput change = git.run({QStringLiteral("diff-tree"), QStringLiteral("-r"), QStringLiteral("-z"), QStringLiteral("--no-renames"),
                                      QStringLiteral("--raw"), QStringLiteral("--no-abbrev"), QStringLiteral("--no-commit-id"),
                                      candidate.commit.commit});
    const QList<QByteArray> fields = change.out.split('\0');
    for (qsizetype i = 0; i + 1 < fields.size(); i += 2) {
        const QList<QByteArray> parts = fields.at(i).trimmed().split(' ');
        if (parts.size() >= 5 && parts.at(4) == "A" && text(parts.at(3)) == candidate.blob)
            return QStringLiteral("moved away to %1 in %2").arg(text(fields.at(i + 1)), candidate.commit.commit.left(10));
    }
    return candidate.how;
}

} // namespace

MissingRevisionSource MissingRevisionFinder::find(const Repository &repository, const QString &revision,
                                                  const std::atomic<bool> *cancel)
{
    MissingRevisionSource source;
    source.revision = revision;
    const GitCheckout checkout = GitCheckout::open(repository.layout.baseDirectory, cancel);
    if (!checkout.found) {
        source.error = QStringLiteral("Cannot search git for %1: %2.").arg(revision, checkout.problem);
        return source;
    }
    const QStringList folders = MigrationOrigins::versionFolders(repository, checkout);
    if (folders.isEmpty()) { // an empty pathspec would mean the whole tree
        source.error = QStringLiteral("Cannot search git for %1: the version folders are outside the git work tree %2.")
                           .arg(revision, checkout.topLevel);
        return source;
    }
    const GitObjects objects(checkout, cancel);
    QList<Candidate> candidates = deletions(checkout.git(cancel), folders);
    // Then every branch, remote-tracking ref and tag that has a file the work tree lacks.
    for (const GitRef &ref : objects.refs()) {
        const std::optional<TreeFiles> tree = objects.treeFiles(ref.commit, folders);
        for (auto it = tree ? tree->cbegin() : TreeFiles::const_iterator(); tree && it != tree->cend(); ++it)
            if (!QFileInfo::exists(checkout.absolutePath(it.key())) && VersionScanner::isRevisionFileName(QFileInfo(it.key()).fileName()))
                candidates += {it->blob, it.key(), QStringLiteral("on %1").arg(ref.name), {ref.commit, {}, {}}};
    }
    QStringList blobs;
    for (const Candidate &candidate : std::as_const(candidates))
        if (!blobs.contains(candidate.blob))
            blobs += candidate.blob;
    const QHash<QString, QByteArray> contents = objects.blobs(blobs);
    const QByteArray id = revision.toUtf8();
    for (const Candidate &candidate : std::as_const(candidates)) {
        const QByteArray bytes = contents.value(candidate.blob);
        if (!bytes.contains(id)) // most candidates are other revisions: skip parsing them
            continue;
        if (MigrationParser::parse(checkout.absolutePath(candidate.path), bytes).revisionId() != revision)
            continue;
        source.path = candidate.path;
        source.blob = candidate.blob;
        source.how = candidate.how;
        if (candidate.how.startsWith(QLatin1String("deleted")))
            source.how = movedOrDeleted(checkout.git(cancel), candidate);
        source.commit = candidate.commit;
        const GitOutput subject = checkout.git(cancel).run({QStringLiteral("rev-list"), QStringLiteral("-1"), QStringLiteral("--no-commit-header"),
                                                            QStringLiteral("--format=%an%x00%aI%x00%s"), candidate.commit.commit});
        const QList<QByteArray> fields = subject.out.trimmed().split('\0');
        if (fields.size() == 3) {
            source.commit.author = text(fields.at(0));
            source.commit.date = text(fields.at(1));
            source.subject = text(fields.at(2));
        }
        return source;
    }
    source.error = QStringLiteral("git has no file defining %1: not in the history of any ref under %2, nor on any branch, "
                                  "tag or remote-tracking ref. Fetch the branch it came from (git fetch --all) and look again.")
                       .arg(revision, folders.join(QStringLiteral(", ")));
    return source;
}

RestoreResult MissingRevisionFinder::restore(const Repository &repository, const MissingRevisionSource &source)
{
    RestoreResult result;
    const GitCheckout checkout = GitCheckout::open(repository.layout.baseDirectory);
    if (!source.found() || !checkout.found) {
        result.error = source.found() ? checkout.problem : source.error;
        return result;
    }
    result.path = checkout.absolutePath(source.path);
    const QHash<QString, QByteArray> contents = GitObjects(checkout).blobs({source.blob});
    if (!contents.contains(source.blob)) {
        result.error = QStringLiteral("git cannot read %1 any more").arg(source.blob);
        return result;
    }
    QDir().mkpath(QFileInfo(result.path).absolutePath());
    // NewOnly: the system refuses if anything is there, even one made a moment ago.
    QFile file(result.path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly)) {
        result.error = QFileInfo::exists(result.path)
                           ? QStringLiteral("%1 exists: Headway never overwrites a file. Move it aside to restore %2 there.")
                                 .arg(result.path, source.revision)
                           : QStringLiteral("Cannot write %1: %2").arg(result.path, file.errorString());
        return result;
    }
    const QByteArray &bytes = contents.value(source.blob);
    if (file.write(bytes) != bytes.size() || !file.flush()) {
        result.error = QStringLiteral("Cannot write %1: %2").arg(result.path, file.errorString());
        file.close();
        file.remove(); // ours, half written: nothing of the user's is lost
    }
    return result;
}

} // namespace headway
