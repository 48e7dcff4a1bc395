#include "ForkFormats.h"

#include "CheckFormats.h"
#include "ConflictFormats.h"
#include "JsonReport.h"
#include "RevisionName.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>

#include <algorithm>
#include <QTextStream>

namespace headway {

namespace ForkFormats {

namespace {

QString shortCommit(const QString &commit)
{
    return commit.left(10);
}

QStringList headIds(const Repository &repository)
{
    QStringList ids;
    for (int head : repository.graph.heads())
        ids += repository.graph.node(head).id;
    return ids;
}

} // namespace

QJsonObject originsJson(const OriginReport &report)
{
    QJsonArray revisions;
    for (const RevisionOrigin &origin : report.revisions)
        revisions.append(QJsonObject{{QStringLiteral("id"), origin.revision},
                                     {QStringLiteral("origin"), originName(origin.origin)},
                                     {QStringLiteral("commit"), origin.added.commit.isEmpty() ? QJsonValue() : origin.added.commit},
                                     {QStringLiteral("author"), origin.added.commit.isEmpty() ? QJsonValue() : origin.added.author},
                                     {QStringLiteral("date"), origin.added.commit.isEmpty() ? QJsonValue() : origin.added.date},
                                     {QStringLiteral("path"), origin.path},
                                     {QStringLiteral("modified"), origin.modified}});
    return {{QStringLiteral("upstream"), report.upstream.name.isEmpty() ? QJsonValue() : report.upstream.name},
            {QStringLiteral("upstream_commit"), report.upstream.commit.isEmpty() ? QJsonValue() : report.upstream.commit},
            {QStringLiteral("available"), report.available},
            {QStringLiteral("note"), report.note.isEmpty() ? QJsonValue() : report.note},
            {QStringLiteral("shallow"), report.checkout.shallow},
            {QStringLiteral("tracked_missing"), QJsonArray::fromStringList(report.trackedMissing)},
            {QStringLiteral("revisions"), revisions}};
}

QString originsText(const OriginReport &report)
{
    QString out;
    QTextStream stream(&out);
    if (!report.available) {
        stream << report.note << '\n';
        return out;
    }
    stream << "Upstream: " << report.upstream.name << " (" << shortCommit(report.upstream.commit) << ")";
    if (!report.lastUpstreamMerge.isEmpty())
        stream << ", last merged in " << shortCommit(report.lastUpstreamMerge);
    stream << '\n';
    QHash<Origin, int> counts;
    for (const RevisionOrigin &origin : report.revisions) {
        ++counts[origin.origin];
        stream << displayedId(origin.revision).leftJustified(14) << ' ' << originName(origin.origin).leftJustified(11) << ' '
               << (origin.added.commit.isEmpty() ? QStringLiteral("-").leftJustified(10) : shortCommit(origin.added.commit)) << "  "
               << origin.added.date.left(10).leftJustified(10) << "  " << origin.path << (origin.modified ? "  (modified)" : "")
               << '\n';
    }
    QStringList summary;
    for (Origin origin : {Origin::Fork, Origin::Upstream, Origin::Shared, Origin::Uncommitted, Origin::Untracked})
        if (counts.value(origin))
            summary += QStringLiteral("%1 %2").arg(counts.value(origin)).arg(originName(origin));
    stream << summary.join(QStringLiteral(", ")) << '\n';
    if (!report.note.isEmpty())
        stream << report.note << '\n';
    for (const Diagnostic &warning : MigrationOrigins::trackedMissingWarnings(report))
        stream << "warning [" << warning.code << "]: " << warning.message << " Fix: " << warning.hint << '\n';
    return out;
}

QJsonObject previewJson(const MergePreviewResult &preview)
{
    if (!preview.ok())
        return {{QStringLiteral("ref"), preview.ref}, {QStringLiteral("status"), QStringLiteral("error")},
                {QStringLiteral("exit_code"), preview.exitCode()}, {QStringLiteral("error"), preview.error}};
    const JsonReport json(preview.merged);
    QJsonArray gitConflicts;
    for (const GitFileConflict &conflict : preview.gitConflicts)
        gitConflicts.append(QJsonObject{{QStringLiteral("path"), conflict.path}, {QStringLiteral("reason"), conflict.reason}});
    const bool mergeNeeded = preview.verdict.status == HealthVerdict::Status::MultipleHeads;
    return {{QStringLiteral("ref"), preview.ref},
            {QStringLiteral("ref_commit"), preview.refCommit},
            {QStringLiteral("head"), preview.head.isEmpty() ? QJsonValue() : preview.head},
            {QStringLiteral("merge_base"), preview.base.isEmpty() ? QJsonValue() : preview.base},
            {QStringLiteral("already_merged"), preview.alreadyMerged},
            {QStringLiteral("status"), preview.gitConflicts.isEmpty() ? preview.verdict.statusName() : QStringLiteral("broken")},
            {QStringLiteral("exit_code"), preview.exitCode()},
            {QStringLiteral("summary"), preview.verdict.summary},
            {QStringLiteral("heads"), json.ids(preview.merged.graph.heads())},
            {QStringLiteral("incoming"), QJsonArray::fromStringList(preview.incoming)},
            {QStringLiteral("merge_migration_needed"), mergeNeeded},
            {QStringLiteral("git_conflicts"), gitConflicts},
            {QStringLiteral("rebase"), QJsonObject{{QStringLiteral("offered"), preview.rebase.offered},
                                                   {QStringLiteral("revision"), preview.rebase.revision.isEmpty() ? QJsonValue() : preview.rebase.revision},
                                                   {QStringLiteral("onto"), preview.rebase.onto.isEmpty() ? QJsonValue() : preview.rebase.onto},
                                                   {QStringLiteral("reason"), preview.rebase.reason}}},
            {QStringLiteral("conflicts"), mergeNeeded ? QJsonValue(ConflictFormats::json(preview.conflicts)) : QJsonValue()},
            {QStringLiteral("diagnostics"), json.diagnostics()}};
}

QString previewText(const MergePreviewResult &preview)
{
    QString out;
    QTextStream stream(&out);
    if (!preview.ok()) {
        stream << preview.error << '\n';
        return out;
    }
    stream << "Merging " << preview.ref << " (" << shortCommit(preview.refCommit) << ") into "
           << (preview.head.isEmpty() ? QStringLiteral("an empty HEAD") : QStringLiteral("HEAD (%1)").arg(shortCommit(preview.head)))
           << ", merge base " << (preview.base.isEmpty() ? QStringLiteral("none") : shortCommit(preview.base)) << ", with the work tree's changes:\n";
    if (preview.alreadyMerged)
        stream << "  " << preview.ref << " is already merged: nothing comes in.\n";
    else
        stream << "  brings in " << preview.incoming.size() << " revision(s)"
               << (preview.incoming.isEmpty() ? QString() : QStringLiteral(": ") + preview.incoming.join(QStringLiteral(", "))) << '\n';
    stream << "  heads after the merge: " << headIds(preview.merged).join(QStringLiteral(", ")) << '\n';
    for (const GitFileConflict &conflict : preview.gitConflicts)
        stream << "  git conflict: " << conflict.path << ": " << conflict.reason << '\n';
    for (const Diagnostic &d : preview.merged.diagnostics)
        if (d.severity == Severity::Error && d.code != QLatin1String("git-merge-conflict"))
            stream << "  " << preview.merged.relativePath(d.path) << (d.line ? QStringLiteral(":%1").arg(d.line) : QString())
                   << ": error: " << d.message << '\n';
    if (preview.verdict.status == HealthVerdict::Status::MultipleHeads) {
        stream << "  A merge migration will be needed after `git merge " << preview.ref << "`: headway-cli merge (Merge Heads in Headway).\n";
        if (preview.rebase.offered)
            stream << "  Or rebase instead: " << preview.rebase.reason << " After the merge: headway-cli rebase "
                   << preview.rebase.revision << " --onto " << preview.rebase.onto << '\n';
        else if (!preview.rebase.reason.isEmpty())
            stream << "  " << preview.rebase.reason << '\n';
        stream << '\n';
        stream << ConflictFormats::text(preview.conflicts);
    }
    stream << (preview.gitConflicts.isEmpty() ? preview.verdict.summary : QStringLiteral("Broken: git will stop on %1 migration file(s)").arg(preview.gitConflicts.size()))
           << '\n';
    return out;
}

QList<CiAnnotation> previewAnnotations(const MergePreviewResult &preview)
{
    QList<CiAnnotation> annotations = CheckFormats::annotations(preview.merged, preview.verdict);
    annotations += ConflictFormats::annotations(preview.conflicts);
    const QString root = preview.merged.layout.baseDirectory;
    for (CiAnnotation &annotation : annotations)
        std::stable_partition(annotation.locations.begin(), annotation.locations.end(), [&](const CiLocation &location) {
            return QFileInfo::exists(QDir(root).filePath(location.path));
        });
    return annotations;
}

QList<CiRule> previewRules(const QList<CiAnnotation> &annotations)
{
    QList<CiAnnotation> health;
    const QList<CiRule> conflictRules = ConflictFormats::rules();
    for (const CiAnnotation &annotation : annotations)
        if (std::none_of(conflictRules.cbegin(), conflictRules.cend(), [&](const CiRule &rule) { return rule.code == annotation.code; }))
            health += annotation;
    return CheckFormats::rules(health) + conflictRules;
}

} // namespace ForkFormats

} // namespace headway
