#include "RevisionResolver.h"

namespace headway {

Resolution RevisionResolver::resolve(const QString &identifier) const
{
    // As written first: Alembic does not trim, and a branch label may start or end
    // with a space. Then trimmed, for text typed with stray spaces.
    // The trimmed text is tried only when the text as written names nothing: a label
    // " expand" with several heads answers "multiple heads", as Alembic does.
    const QString trimmed = identifier.trimmed();
    if (trimmed != identifier) {
        const Resolution exact = resolveText(identifier);
        const bool namesNothing = exact.error.startsWith(QLatin1String("No such branch"))
                                  || exact.error.startsWith(QLatin1String("Can't locate revision"));
        if (!namesNothing)
            return exact;
    }
    return resolveText(trimmed);
}

Resolution RevisionResolver::resolveText(const QString &id) const
{
    const qsizetype at = id.indexOf(QLatin1Char('@'));
    if (at >= 0) {
        const QString branch = id.left(at);
        const QString symbol = id.mid(at + 1);
        if (symbol != QLatin1String("head") && symbol != QLatin1String("heads"))
            return resolveOne(symbol);
        QList<int> heads = headsOfBranch(branch);
        if (heads.isEmpty())
            return {{}, QStringLiteral("No such branch: '%1'").arg(branch)};
        if (symbol == QLatin1String("head") && heads.size() > 1)
            return {{}, QStringLiteral("Multiple heads are present for given argument '%1'; %2")
                            .arg(id, [&] {
                                QStringList ids;
                                for (int h : heads)
                                    ids += m_graph.node(h).id;
                                return ids.join(QLatin1String(", "));
                            }())};
        return {heads, {}};
    }
    if (id == QLatin1String("heads"))
        return {m_graph.realHeads(), {}};
    if (id == QLatin1String("head")) {
        if (m_graph.heads().size() > 1)
            return {{}, QStringLiteral("Multiple head revisions are present for given argument "
                                       "'head'; please specify a specific target revision, "
                                       "'<branchname>@head' to narrow to a specific head, or "
                                       "'heads' for all heads")};
        return {m_graph.heads(), {}};
    }
    if (id == QLatin1String("base"))
        return {m_graph.bases(), {}};
    return resolveOne(id);
}

Resolution RevisionResolver::resolveOne(const QString &identifier) const
{
    int exact = m_graph.indexOf(identifier);
    if (exact < 0)
        exact = m_graph.indexOfLabel(identifier);
    if (exact >= 0)
        return {{exact}, {}};
    // Partial ids, as Alembic matches them: any id or label longer than three
    // characters that starts with what was typed.
    QList<int> matches;
    QStringList names;
    for (int i = 0; i < m_graph.size(); ++i) {
        const RevisionNode &node = m_graph.node(i);
        if (node.shadowed)
            continue;
        QStringList keys{node.id};
        keys += node.ownBranchLabels;
        for (const QString &key : keys) {
            if (key.size() > 3 && key.startsWith(identifier) && !matches.contains(i)) {
                matches += i;
                names += key;
            }
        }
    }
    if (matches.isEmpty()) {
        return {{}, QStringLiteral("Can't locate revision identified by '%1'%2")
                        .arg(identifier,
                             identifier.size() < 4
                                 ? QStringLiteral("; please ensure at least four characters are "
                                                  "present for partial revision identifier matches")
                                 : QString())};
    }
    if (matches.size() > 1) {
        QStringList quoted;
        for (const QString &name : names.mid(0, 3))
            quoted += QStringLiteral("'%1'").arg(name);
        return {{}, QStringLiteral("Multiple revisions start with '%1': %2...")
                        .arg(identifier, quoted.join(QLatin1String(", ")))};
    }
    return {matches, {}};
}

QList<int> RevisionResolver::headsOfBranch(const QString &branch) const
{
    const Resolution root = resolveOne(branch);
    if (!root.ok())
        return {};
    const RevisionNode &rootNode = m_graph.node(root.revisions.first());
    const QList<int> lineage = m_graph.descendants(root.revisions.first(), false);
    QList<int> heads;
    for (int head : m_graph.heads()) {
        const bool labelled = m_graph.indexOfLabel(branch) >= 0
                              && m_graph.node(head).branchLabels.contains(branch);
        if (labelled || lineage.contains(head) || rootNode.id == m_graph.node(head).id)
            heads += head;
    }
    return heads;
}

} // namespace headway
