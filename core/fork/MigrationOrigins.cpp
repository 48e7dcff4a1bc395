#include "MigrationOrigins.h"

#include "repository/Repository.h"
#include "repository/VersionScanner.h"

#include <QFileInfo>

#include <future>

namespace headway {

QString originName(Origin origin)
{
    switch (origin) {
    case Origin::Fork: return QStringLiteral("fork");
    case Origin::Upstream: return QStringLiteral("upstream");
    case Origin::Shared: return QStringLiteral("shared");
    case Origin::Uncommitted: return QStringLiteral("uncommitted");
    case Origin::Untracked: return QStringLiteral("untracked");
    }
    return {};
}

const RevisionOrigin *OriginReport::ofNode(int node) const
{
    const auto it = byNode.constFind(node);
    return it == byNode.cend() ? nullptr : &revisions.at(*it);
}

const RevisionOrigin *OriginReport::ofRevision(const QString &revision) const
{
    for (const RevisionOrigin &origin : revisions)
        if (origin.revision == revision)
            return &origin;
    return nullptr;
}

Diagnostics MigrationOrigins::trackedMissingWarnings(const OriginReport &report)
{
    Diagnostics warnings;
    for (const QString &path : report.trackedMissing)
        warnings += Diagnostic::warning(QStringLiteral("tracked-file-missing"),
                                        QStringLiteral("git still tracks %1, but the work tree has no such file: it was deleted or "
                                                       "moved, and databases that ran it will miss it").arg(path),
                                        report.checkout.absolutePath(path), 0,
                                        QStringLiteral("Put it back (git checkout -- %1, or headway-cli restore REV) unless "
                                                       "removing it is meant and no database ever ran it.").arg(path));
    return warnings;
}

QStringList MigrationOrigins::versionFolders(const Repository &repository, const GitCheckout &checkout)
{
    QStringList folders;
    for (const QString &directory : repository.layout.versionDirectories)
        if (const QString relative = checkout.relativePath(directory); !relative.isEmpty() && !folders.contains(relative))
            folders += relative;
    return folders;
}

namespace {

// The fork as it was just before it last merged upstream: the first parent of the
// newest first-parent merge that brought in upstream's commits. Empty when the
// fork never merged upstream: then whatever both have is shared.
QString beforeLastUpstreamMerge(const GitObjects &objects, const QString &head, const QString &upstream, QString &merge)
{
    const QSet<QString> upstreamCommits = objects.reachable(upstream);
    for (const QStringList &entry : objects.firstParentChain(head)) {
        for (qsizetype parent = 2; parent < entry.size(); ++parent)
            if (upstreamCommits.contains(entry.at(parent))) {
                merge = entry.at(0);
                return entry.at(1);
            }
    }
    return {};
}

} // namespace

OriginReport MigrationOrigins::classify(const Repository &repository, const QString &upstream, const std::atomic<bool> *cancel)
{
    OriginReport report;
    report.checkout = GitCheckout::open(repository.layout.baseDirectory.isEmpty() ? repository.layout.argument
                                                                                  : repository.layout.baseDirectory,
                                        cancel);
    if (!report.checkout.found) {
        report.note = QStringLiteral("Origins are off: %1.").arg(report.checkout.problem);
        return report;
    }
    const GitObjects objects(report.checkout, cancel);
    report.upstream = UpstreamRef::find(objects, upstream);
    if (!report.upstream.found()) {
        report.note = QStringLiteral("Origins are off: %1").arg(report.upstream.problem);
        return report;
    }
    const QStringList folders = versionFolders(repository, report.checkout);
    if (folders.isEmpty()) { // an empty pathspec would mean the whole tree
        report.note = QStringLiteral("Origins are off: the version folders are outside the git work tree %1.").arg(report.checkout.topLevel);
        return report;
    }
    const QString &head = report.checkout.head;
    // The history walk is most of the time: it runs beside the tree and ref reads.
    std::future<QHash<QString, CommitStamp>> added = std::async(std::launch::async, [&] {
        return head.isEmpty() ? QHash<QString, CommitStamp>{} : objects.addingCommits(head, folders);
    });
    const TreeFiles upstreamTree = objects.treeFiles(report.upstream.commit, folders).value_or(TreeFiles{});
    const TreeFiles headTree = head.isEmpty() ? TreeFiles{} : objects.treeFiles(head, folders).value_or(TreeFiles{});
    const QString prior = head.isEmpty() ? QString() : beforeLastUpstreamMerge(objects, head, report.upstream.commit, report.lastUpstreamMerge);
    const TreeFiles priorTree = prior.isEmpty() ? TreeFiles{} : objects.treeFiles(prior, folders).value_or(TreeFiles{});
    const QSet<QString> indexed = objects.indexed(folders);
    for (const QString &path : indexed)
        if (VersionScanner::isRevisionFileName(path.section(QLatin1Char('/'), -1)) && !QFileInfo::exists(report.checkout.absolutePath(path)))
            report.trackedMissing += path;
    report.trackedMissing.sort();
    const QHash<QString, CommitStamp> addedBy = added.get();
    if (cancel && cancel->load())
        return report;

    QStringList committed;
    for (int node : repository.graph.historyOrder()) {
        const RevisionNode &revision = repository.graph.node(node);
        if (revision.fileIndex < 0)
            continue;
        RevisionOrigin origin;
        origin.node = node;
        origin.revision = revision.id;
        origin.path = report.checkout.relativePath(repository.files.at(revision.fileIndex).path);
        if (origin.path.isEmpty() || !headTree.contains(origin.path)) {
            origin.origin = indexed.contains(origin.path) ? Origin::Uncommitted : Origin::Untracked;
        } else {
            origin.origin = !upstreamTree.contains(origin.path) ? Origin::Fork
                            : !prior.isEmpty() && !priorTree.contains(origin.path) ? Origin::Upstream
                                                                                    : Origin::Shared;
            origin.added = addedBy.value(origin.path);
            committed += origin.path;
        }
        report.byNode.insert(node, static_cast<int>(report.revisions.size()));
        report.revisions.append(origin);
    }
    // Committed files changed since: one hash-object for them all.
    const QStringList hashes = objects.hashFiles(committed);
    QHash<QString, QString> workTreeBlob;
    for (qsizetype i = 0; i < hashes.size(); ++i)
        workTreeBlob.insert(committed.at(i), hashes.at(i));
    for (RevisionOrigin &origin : report.revisions)
        if (const auto blob = workTreeBlob.constFind(origin.path); blob != workTreeBlob.cend())
            origin.modified = *blob != headTree.value(origin.path).blob;
    report.available = true;
    if (report.checkout.shallow)
        report.note = QStringLiteral("The clone is shallow: files older than its first commit show that commit as where they were added "
                                     "(git fetch --unshallow gives the real ones).");
    return report;
}

} // namespace headway
