#include "MigrationRebase.h"

#include "conflicts/BranchSpans.h"
#include "graph/RevisionResolver.h"
#include "io/AtomicFile.h"
#include "repository/Repository.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

namespace headway {

const Publication *RebaseCheck::firstPublished() const
{
    for (const Publication &publication : moved)
        if (!publication.refs.isEmpty())
            return &publication;
    return nullptr;
}

namespace {

int resolveOne(const RevisionGraph &graph, const QString &argument, QString &error)
{
    const Resolution resolution = RevisionResolver(graph).resolve(argument);
    if (!resolution.ok()) {
        error = resolution.error;
        return -1;
    }
    if (resolution.revisions.size() != 1) {
        error = QStringLiteral("'%1' names %2 revisions; name one").arg(argument).arg(resolution.revisions.size());
        return -1;
    }
    return resolution.revisions.first();
}

// The revision and everything above it, oldest first.
QList<int> withDescendants(const RevisionGraph &graph, int node)
{
    QList<int> found{node};
    QSet<int> seen{node};
    for (qsizetype i = 0; i < found.size(); ++i)
        for (int child : graph.node(found.at(i)).children)
            if (!seen.contains(child)) {
                seen.insert(child);
                found += child;
            }
    return found;
}

// Which of `nodes` are published: their file's adding commit is held by a remote-tracking ref or a tag.
QList<Publication> publications(const Repository &repository, const QList<int> &nodes, const OriginReport &origins,
                                const GitObjects &objects)
{
    QHash<QString, QStringList> refsByCommit;
    QList<Publication> list;
    for (int node : nodes) {
        Publication publication;
        publication.revision = repository.graph.node(node).id;
        if (const RevisionOrigin *origin = origins.ofRevision(publication.revision)) {
            publication.path = origin->path;
            publication.commit = origin->added.commit;
        }
        if (!publication.commit.isEmpty()) {
            if (!refsByCommit.contains(publication.commit))
                refsByCommit.insert(publication.commit, objects.publishingRefs(publication.commit));
            publication.refs = refsByCommit.value(publication.commit);
        }
        list += publication;
    }
    return list;
}

} // namespace

RebaseCheck MigrationRebase::check(const Repository &repository, const QString &revision, const QString &target,
                                   const std::atomic<bool> *cancel)
{
    RebaseCheck check;
    const RevisionGraph &graph = repository.graph;
    check.revisionNode = resolveOne(graph, revision, check.error);
    if (check.revisionNode < 0)
        return check;
    check.targetNode = resolveOne(graph, target, check.error);
    if (check.targetNode < 0)
        return check;
    const RevisionNode &node = graph.node(check.revisionNode);
    const MigrationFile &file = repository.fileOf(check.revisionNode);
    if (node.downRevisions.size() != 1 || !file.downRevision.literal) {
        check.error = node.downRevisions.isEmpty()
                          ? QStringLiteral("%1 is a base revision: it has no parent to move").arg(node.id)
                      : node.downRevisions.size() > 1
                          ? QStringLiteral("%1 is a merge revision: rebase one of the revisions it merges instead").arg(node.id)
                          : QStringLiteral("%1's down_revision is not a literal; edit it by hand").arg(node.id);
        return check;
    }
    check.oldParent = node.downRevisions.first();
    const QList<int> moved = withDescendants(graph, check.revisionNode);
    if (moved.contains(check.targetNode)) {
        check.error = QStringLiteral("%1 lies above %2: the graph would become a cycle").arg(graph.node(check.targetNode).id, node.id);
        return check;
    }
    const OriginReport origins = MigrationOrigins::classify(repository, {}, cancel);
    if (!origins.checkout.found) {
        check.error = QStringLiteral("Cannot tell whether %1 is published: %2. Rebase only what nobody has yet.")
                          .arg(node.id, origins.checkout.problem);
        return check;
    }
    const GitObjects objects(origins.checkout, cancel);
    // Publication is about every remote-tracking ref and tag, not upstream alone: without an
    // upstream, classifying against HEAD still finds each file's adding commit.
    OriginReport located = origins;
    if (!origins.available)
        located = MigrationOrigins::classify(repository, QStringLiteral("HEAD"), cancel);
    check.moved = publications(repository, moved, located, objects);
    if (const Publication *published = check.firstPublished())
        check.error = QStringLiteral("%1 is published: %2 holds %3 (added in %4). Databases may already be stamped with it, "
                                     "and moving it onto %5 would strand them; create a merge migration instead "
                                     "(headway-cli merge).")
                          .arg(node.id, published->refs.first(), published->revision, published->commit.left(10),
                               graph.node(check.targetNode).id);
    return check;
}

QByteArray MigrationRebase::rewritten(const QByteArray &source, const MigrationFile &file, const QString &target, QString *error)
{
    const QString text = QString::fromUtf8(source);
    QStringList lines = text.split(QLatin1Char('\n'));
    const int index = file.downRevision.line - 1;
    const QString &expression = file.downRevision.sourceText;
    if (index < 0 || index >= lines.size() || !lines.at(index).contains(expression)) {
        if (error)
            *error = QStringLiteral("%1:%2: down_revision is not written on one line as read; edit it by hand")
                         .arg(file.path).arg(file.downRevision.line);
        return {};
    }
    const QChar quote = expression.startsWith(QLatin1Char('"')) ? QLatin1Char('"') : QLatin1Char('\'');
    QString &line = lines[index];
    const qsizetype at = line.indexOf(QLatin1Char('='));
    const qsizetype valueAt = line.indexOf(expression, at < 0 ? 0 : at);
    line.replace(valueAt, expression.size(), quote + target + quote);
    // The docstring's header says the same; Alembic writes it and people read it.
    static const QRegularExpression revises(QStringLiteral(R"(^(Revises:[ \t]*)(.*?)([ \t\r]*)$)"));
    for (qsizetype i = 0; i < lines.size() && i < index; ++i)
        if (const QRegularExpressionMatch match = revises.match(lines.at(i)); match.hasMatch()) {
            lines[i] = match.captured(1) + target + match.captured(3);
            break;
        }
    return lines.join(QLatin1Char('\n')).toUtf8();
}

CommandConfirmation MigrationRebase::confirmationFor(const Repository &repository, const RebaseCheck &check,
                                                    const QString &backupDirectory)
{
    CommandConfirmation confirmation;
    const QString revision = repository.graph.node(check.revisionNode).id;
    const QString target = repository.graph.node(check.targetNode).id;
    const QString path = repository.relativePath(repository.fileOf(check.revisionNode).path);
    confirmation.title = QStringLiteral("Rebase %1 onto %2?").arg(revision, target);
    confirmation.question = QStringLiteral("Point %1 (and the %2 revision(s) above it) at %3 instead of %4, by editing %5:")
                                .arg(revision).arg(check.moved.size() - 1).arg(target, check.oldParent, path);
    confirmation.effects = {QStringLiteral("down_revision = '%1'  ->  '%2'").arg(check.oldParent, target),
                            QStringLiteral("Revises: %1  ->  %2").arg(check.oldParent, target),
                            QStringLiteral("the file as it is now is copied to %1 first").arg(backupDirectory)};
    confirmation.warning = QStringLiteral("Only for migrations nobody has run: a database already at %1 would not know the new order.")
                               .arg(revision);
    confirmation.acceptText = QStringLiteral("Rebase");
    return confirmation;
}

RebaseResult MigrationRebase::apply(const Repository &repository, const RebaseCheck &check, const QString &backupDirectory)
{
    RebaseResult result;
    if (!check.ok()) {
        result.error = check.error;
        return result;
    }
    const MigrationFile &file = repository.fileOf(check.revisionNode);
    result.path = file.path;
    QFile input(file.path);
    if (!input.open(QIODevice::ReadOnly)) {
        result.error = QStringLiteral("Cannot read %1: %2").arg(file.path, input.errorString());
        return result;
    }
    const QByteArray source = input.readAll();
    const QByteArray changed = rewritten(source, file, repository.graph.node(check.targetNode).id, &result.error);
    if (changed.isEmpty())
        return result;
    // The backup is not a .py file and lives outside the project: it can never load as a migration.
    result.backup = QDir(backupDirectory).filePath(QStringLiteral("%1.%2.bak")
                                                       .arg(QFileInfo(file.path).fileName(),
                                                            QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmsszzz"))));
    if (const QString error = AtomicFile::write(result.backup, source); !error.isEmpty()) {
        result.error = QStringLiteral("No change made: the backup failed: %1").arg(error);
        return result;
    }
    if (const QString error = AtomicFile::write(file.path, changed, AtomicFile::MissingFolder::Fail); !error.isEmpty())
        result.error = error;
    return result;
}

RebaseAdvice MigrationRebase::advise(const Repository &repository, const QSet<QString> &forkOwn, const OriginReport &origins)
{
    RebaseAdvice advice;
    const RevisionGraph &graph = repository.graph;
    const QList<int> heads = graph.heads();
    if (heads.size() != 2)
        return advice;
    const BranchSpans spans(graph, heads);
    // The fork's side: the head whose whole branch is the fork's own.
    for (int side = 0; side < 2; ++side) {
        const QList<int> branch = spans.branch(side);
        if (branch.isEmpty())
            continue;
        const bool allOwn = std::all_of(branch.cbegin(), branch.cend(), [&](int node) { return forkOwn.contains(graph.node(node).id); });
        if (!allOwn)
            continue;
        QList<int> roots;
        for (int node : branch)
            if (std::none_of(graph.node(node).parents.cbegin(), graph.node(node).parents.cend(),
                             [&](int parent) { return branch.contains(parent); }))
                roots += node;
        advice.onto = graph.node(heads.at(1 - side)).id;
        if (roots.size() != 1) {
            advice.reason = QStringLiteral("The fork's branch starts at %1 revisions: create a merge migration.").arg(roots.size());
            return advice;
        }
        advice.revision = graph.node(roots.first()).id;
        const GitObjects objects(origins.checkout);
        const QList<Publication> published = origins.checkout.found ? publications(repository, branch, origins, objects) : QList<Publication>{};
        for (const Publication &publication : published)
            if (!publication.refs.isEmpty()) {
                advice.reason = QStringLiteral("The fork's %1 is published on %2: databases stamped with %3 would be stranded "
                                               "by a rebase, so only a merge migration is safe.")
                                    .arg(publication.revision, publication.refs.first(), advice.revision);
                return advice;
            }
        advice.offered = origins.checkout.found;
        advice.reason = advice.offered
                            ? QStringLiteral("The fork's %1 revision(s) from %2 are unpublished: they can move onto %3, "
                                             "leaving one head without a merge migration.")
                                  .arg(branch.size()).arg(advice.revision, advice.onto)
                            : QStringLiteral("Not a git checkout: Headway cannot tell whether the fork's migrations are published.");
        return advice;
    }
    advice.reason = QStringLiteral("Neither head is the fork's own alone: create a merge migration.");
    return advice;
}

} // namespace headway
