#include "MergeRequest.h"

#include "report/RevisionName.h"

#include <QRegularExpression>
#include <QSet>

namespace headway {

QString MergeRequest::defaultMessage(const Repository &repository, const QList<int> &heads)
{
    QStringList parts;
    for (int head : heads) {
        QString doc = repository.fileOf(head).doc.simplified();
        if (doc.isEmpty() || doc.compare(QLatin1String("empty message"), Qt::CaseInsensitive) == 0)
            doc = repository.graph.node(head).id;
        if (!parts.contains(doc))
            parts += doc;
    }
    return QStringLiteral("merge heads: ") + parts.join(QLatin1String(", "));
}

QString MergeRequest::messageProblem(const QString &message)
{
    if (message.trimmed().isEmpty())
        return QStringLiteral("The merge message is empty. Say what is merged (e.g. which features or branches), "
                              "so the history stays readable.");
    // Words that describe every merge and therefore none.
    static const QSet<QString> generic{QStringLiteral("merge"), QStringLiteral("merged"), QStringLiteral("merging"),
                                       QStringLiteral("head"), QStringLiteral("heads"), QStringLiteral("migration"),
                                       QStringLiteral("migrations"), QStringLiteral("alembic"), QStringLiteral("the"),
                                       QStringLiteral("revision"), QStringLiteral("revisions")};
    static const QRegularExpression word(QStringLiteral(R"(\w+)"), QRegularExpression::UseUnicodePropertiesOption);
    auto words = word.globalMatch(message.toLower());
    while (words.hasNext())
        if (!generic.contains(words.next().captured()))
            return {};
    return QStringLiteral("\"%1\" does not say what is merged. Name the branches or features being merged "
                          "(e.g. \"merge user preferences with upstream post slugs\").")
        .arg(message.trimmed());
}

QList<int> MergeRequest::suggestedHeads(const Repository &repository)
{
    const RevisionGraph &graph = repository.graph;
    const NamedBranches &named = graph.namedBranches();
    if (graph.heads().size() < 2 || named.byDesign())
        return {};
    if (named.branches().isEmpty())
        return graph.heads();
    const QList<NamedBranch> diverged = named.diverged();
    return diverged.isEmpty() ? QList<int>{} : diverged.first().heads;
}

QString MergeRequest::acrossBranchesWarning(const Repository &repository, const QList<int> &heads)
{
    const NamedBranches &named = repository.graph.namedBranches();
    if (!named.spanBranches(heads))
        return {};
    QStringList where;
    for (int head : heads) {
        const QStringList &labels = repository.graph.node(head).branchLabels;
        where += labels.isEmpty() ? QStringLiteral("%1 (no label)").arg(displayedId(repository.graph.node(head).id))
                                  : QStringLiteral("%1 on %2").arg(displayedId(repository.graph.node(head).id),
                                                                   labels.join(QLatin1Char('+')));
    }
    return QStringLiteral("These heads are on different named branches (%1). Projects keep such branches "
                          "apart on purpose and upgrade them with `heads` or `<label>@head`; a merge joins "
                          "them for good.")
        .arg(where.join(QLatin1String(", ")));
}

MergeVerification MergeRequest::verify(const Repository &before, const Repository &after, const QStringList &mergedHeads)
{
    MergeVerification verification;
    verification.headsBefore = static_cast<int>(before.graph.heads().size());
    verification.headsAfter = static_cast<int>(after.graph.heads().size());
    QHash<QString, QString> revisionByPath;
    for (const MigrationFile &file : after.files)
        revisionByPath.insert(file.path, file.revisionId());
    QStringList problems;
    for (const MigrationFile &file : before.files) {
        if (!revisionByPath.contains(file.path))
            problems += QStringLiteral("%1 is gone").arg(before.relativePath(file.path));
        else if (revisionByPath.value(file.path) != file.revisionId())
            problems += QStringLiteral("%1 now declares another revision").arg(before.relativePath(file.path));
        revisionByPath.remove(file.path);
    }
    if (revisionByPath.size() != 1) {
        problems += QStringLiteral("expected one new migration file, found %1").arg(revisionByPath.size());
    } else {
        verification.newFile = revisionByPath.cbegin().key();
        verification.newRevision = after.graph.indexOf(revisionByPath.cbegin().value());
        if (verification.newRevision < 0) {
            problems += QStringLiteral("the new file %1 declares no revision Headway can read").arg(verification.newFile);
        } else {
            QStringList parents = after.graph.node(verification.newRevision).downRevisions;
            QStringList wanted = mergedHeads;
            parents.sort();
            wanted.sort();
            if (parents != wanted)
                problems += QStringLiteral("the new revision merges %1 instead of %2")
                                .arg(parents.join(QLatin1String(", ")), wanted.join(QLatin1String(", ")));
        }
    }
    const int expectedHeads = verification.headsBefore - static_cast<int>(mergedHeads.size()) + 1;
    if (verification.headsAfter != expectedHeads)
        problems += QStringLiteral("%1 head(s) after the merge, expected %2").arg(verification.headsAfter).arg(expectedHeads);
    verification.problem = problems.join(QLatin1String("; "));
    return verification;
}

} // namespace headway
