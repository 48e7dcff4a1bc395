#include "MergePreview.h"

#include "conflicts/ConflictFinder.h"
#include "parser/MigrationParser.h"
#include "repository/VersionScanner.h"

#include <QFile>

#include <algorithm>

namespace headway {

int MergePreviewResult::exitCode() const
{
    if (!ok() || !gitConflicts.isEmpty())
        return static_cast<int>(HealthVerdict::Status::Broken);
    return verdict.exitCode();
}

namespace {

// One path under the version folders and its three versions' blob ids (empty: absent).
struct ThreeWay {
    QString base;
    QString ours;
    QString theirs;
};

struct Placement {
    int folder = -1;
    QStringList parts; // below the folder
};

// Where a path sits among the version folders, as VersionScanner would walk to it; folder -1: not a migration file.
Placement placementOf(const QString &path, const QStringList &folders, bool recursive)
{
    for (int i = 0; i < folders.size(); ++i) {
        const QString &folder = folders.at(i);
        QString rest;
        if (folder == QLatin1String("."))
            rest = path;
        else if (path.startsWith(folder + QLatin1Char('/')))
            rest = path.mid(folder.size() + 1);
        else
            continue;
        const QStringList parts = rest.split(QLatin1Char('/'));
        if ((!recursive && parts.size() > 1) || parts.contains(QLatin1String("__pycache__"))
            || !VersionScanner::isRevisionFileName(parts.constLast()))
            return {};
        return {i, parts};
    }
    return {};
}

// Alembic's load order: folders in order; within a directory, its files by name, then its subdirectories by name.
bool loadsBefore(const Placement &a, const Placement &b)
{
    if (a.folder != b.folder)
        return a.folder < b.folder;
    for (qsizetype i = 0; i < std::min(a.parts.size(), b.parts.size()); ++i) {
        const bool aFile = i == a.parts.size() - 1;
        const bool bFile = i == b.parts.size() - 1;
        if (aFile != bFile)
            return aFile;
        const QByteArray x = a.parts.at(i).toUtf8();
        const QByteArray y = b.parts.at(i).toUtf8();
        if (x != y)
            return x < y;
    }
    return a.parts.size() < b.parts.size();
}

QString conflictReason(const ThreeWay &v)
{
    if (v.base.isEmpty())
        return QStringLiteral("added on both sides with different content");
    if (v.ours.isEmpty())
        return QStringLiteral("deleted here, changed upstream");
    if (v.theirs.isEmpty())
        return QStringLiteral("changed here, deleted upstream");
    return QStringLiteral("changed on both sides");
}

} // namespace

MergePreviewResult MergePreview::preview(const Repository &current, const QString &ref, const LoadOptions &options)
{
    MergePreviewResult result;
    result.ref = ref;
    const GitCheckout checkout = GitCheckout::open(current.layout.baseDirectory, options.cancel);
    if (!checkout.found) {
        result.error = QStringLiteral("Cannot preview a merge: %1.").arg(checkout.problem);
        return result;
    }
    const GitObjects objects(checkout, options.cancel);
    result.refCommit = objects.commitOf(ref, &result.error);
    if (result.refCommit.isEmpty())
        return result;
    result.error.clear();
    result.head = checkout.head;
    result.base = result.head.isEmpty() ? QString() : objects.mergeBase(result.head, result.refCommit);
    result.alreadyMerged = !result.head.isEmpty() && result.base == result.refCommit;
    const QStringList folders = MigrationOrigins::versionFolders(current, checkout);
    if (folders.isEmpty()) {
        result.error = QStringLiteral("Cannot preview a merge: the version folders are outside the git work tree %1.").arg(checkout.topLevel);
        return result;
    }

    // The three sides' blob ids per path: ours is the work tree, hashed as git would store it.
    QHash<QString, ThreeWay> paths;
    QStringList oursPaths;
    QHash<QString, QString> oursAbsolute;
    for (const MigrationFile &file : current.files)
        if (const QString relative = checkout.relativePath(file.path); !relative.isEmpty()) {
            oursPaths += relative;
            oursAbsolute.insert(relative, file.path);
        }
    const QStringList oursIds = objects.hashFiles(oursPaths);
    if (oursIds.size() != oursPaths.size()) {
        result.error = QStringLiteral("Cannot preview a merge: git could not hash the work tree's migration files.");
        return result;
    }
    for (qsizetype i = 0; i < oursPaths.size(); ++i)
        paths[oursPaths.at(i)].ours = oursIds.at(i);
    const TreeFiles theirs = objects.treeFiles(result.refCommit, folders, &result.error).value_or(TreeFiles{});
    const TreeFiles base = result.base.isEmpty() ? TreeFiles{} : objects.treeFiles(result.base, folders).value_or(TreeFiles{});
    if (!result.error.isEmpty())
        return result;
    for (auto it = theirs.cbegin(); it != theirs.cend(); ++it)
        paths[it.key()].theirs = it->blob;
    for (auto it = base.cbegin(); it != base.cend(); ++it)
        paths[it.key()].base = it->blob;

    // Combine as git would; where both sides changed a file differently, git stops and ours stays.
    struct Chosen {
        Placement placement;
        QString path;
        QString blob;  // from git objects; empty: the work tree's file
    };
    QList<Chosen> chosen;
    for (auto it = paths.cbegin(); it != paths.cend(); ++it) {
        const ThreeWay &v = *it;
        const Placement placement = placementOf(it.key(), folders, current.layout.recursive);
        if (placement.folder < 0)
            continue;
        QString take; // "ours", "theirs" or nothing (deleted)
        if (v.ours == v.theirs || v.theirs == v.base)
            take = v.ours.isEmpty() ? QString() : QStringLiteral("ours");
        else if (v.ours == v.base)
            take = v.theirs.isEmpty() ? QString() : QStringLiteral("theirs");
        else {
            result.gitConflicts += {it.key(), conflictReason(v)};
            take = v.ours.isEmpty() ? QStringLiteral("theirs") : QStringLiteral("ours");
        }
        if (take.isEmpty())
            continue;
        chosen += {placement, it.key(), take == QLatin1String("theirs") ? v.theirs : QString()};
    }
    std::sort(chosen.begin(), chosen.end(), [](const Chosen &a, const Chosen &b) { return loadsBefore(a.placement, b.placement); });
    std::sort(result.gitConflicts.begin(), result.gitConflicts.end(),
              [](const GitFileConflict &a, const GitFileConflict &b) { return a.path < b.path; });

    QStringList wanted;
    for (const Chosen &file : std::as_const(chosen))
        if (!file.blob.isEmpty())
            wanted += file.blob;
    const QHash<QString, QByteArray> contents = objects.blobs(wanted);
    QList<MigrationFile> files;
    QStringList sourcePaths;
    QList<QByteArray> sources;
    for (const Chosen &file : std::as_const(chosen)) {
        const QString absolute = file.blob.isEmpty() ? oursAbsolute.value(file.path) : checkout.absolutePath(file.path);
        QByteArray bytes;
        if (file.blob.isEmpty()) {
            QFile source(absolute);
            if (source.size() <= MigrationParser::maximumFileSize && source.open(QIODevice::ReadOnly))
                bytes = source.readAll();
            files += MigrationParser::parseFile(absolute);
        } else {
            bytes = contents.value(file.blob);
            files += MigrationParser::parse(absolute, bytes);
        }
        sourcePaths += absolute;
        sources += bytes;
    }
    LoadOptions assembling;
    assembling.interpreterPaths = options.interpreterPaths;
    result.merged = RepositoryLoader::assemble(current.layout, std::move(files), assembling);
    for (const GitFileConflict &conflict : std::as_const(result.gitConflicts))
        result.merged.diagnostics += Diagnostic::error(
            QStringLiteral("git-merge-conflict"),
            QStringLiteral("git will stop on %1: %2; the preview uses this side's version").arg(conflict.path, conflict.reason),
            checkout.absolutePath(conflict.path), 0,
            QStringLiteral("Resolve the file by hand after the merge, keeping one revision id per file."));
    result.operations = RepositoryOperations::fromSources(sourcePaths, sources);
    result.verdict = assessHealth(result.merged);

    QSet<QString> known;
    for (const RevisionNode &node : current.graph.nodes())
        known.insert(node.id);
    for (int node : result.merged.graph.historyOrder())
        if (!known.contains(result.merged.graph.node(node).id))
            result.incoming += result.merged.graph.node(node).id;
    if (result.verdict.status == HealthVerdict::Status::MultipleHeads) {
        result.conflicts = ConflictFinder(result.merged, result.operations).between(result.merged.graph.heads());
        // Against REF, the fork's own are the files REF lacks: those a rebase could move.
        const OriginReport origins = MigrationOrigins::classify(current, ref, options.cancel);
        QSet<QString> own;
        for (const RevisionOrigin &origin : origins.revisions)
            if (origin.origin != Origin::Upstream && origin.origin != Origin::Shared)
                own.insert(origin.revision);
        if (origins.available)
            result.rebase = MigrationRebase::advise(result.merged, own, origins);
    }
    return result;
}

} // namespace headway
