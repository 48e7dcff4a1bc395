#include "AlembicText.h"

#include <QDir>

namespace headway {

namespace {
const QString comma = QStringLiteral(", ");
}

QString AlembicText::downRevisionText(int node) const
{
    const RevisionNode &n = m_repository.graph.node(node);
    return n.downRevisions.isEmpty() ? QStringLiteral("<base>") : n.downRevisions.join(comma);
}

QString AlembicText::displayPath(int node) const
{
    const QString path = m_repository.fileOf(node).path;
    const QString relative = QDir::current().relativeFilePath(path);
    return relative.startsWith(QLatin1String("..")) ? path : relative;
}

QString AlembicText::shortLine(int node, LineParts parts) const
{
    const RevisionNode &n = m_repository.graph.node(node);
    QString text = n.id;
    if (parts.parents) {
        text = n.dependsOn.isEmpty()
                   ? QStringLiteral("%1 -> %2").arg(downRevisionText(node), text)
                   : QStringLiteral("%1 (%2) -> %3").arg(downRevisionText(node), n.dependsOn.join(comma), text);
    }
    if (parts.branches && !n.branchLabels.isEmpty())
        text += QStringLiteral(" (%1)").arg(n.branchLabels.join(comma));
    if (n.isRealHead())
        text += QLatin1String(" (head)");
    if (n.isEffectiveHeadOnly())
        text += QLatin1String(" (effective head)");
    if (parts.treeIndicators) {
        if (n.isBranchPoint())
            text += QLatin1String(" (branchpoint)");
        if (n.isMergePoint())
            text += QLatin1String(" (mergepoint)");
    }
    if (parts.doc)
        text += QStringLiteral(", %1").arg(m_repository.fileOf(node).doc);
    return text;
}

QString AlembicText::headLine(int node, bool verbose) const
{
    return verbose ? logEntry(node) : shortLine(node, {true, false, false, false});
}

QString AlembicText::historyLine(int node, bool verbose) const
{
    return verbose ? logEntry(node) : shortLine(node, {true, true, true, true});
}

QString AlembicText::logEntry(int node) const
{
    const RevisionNode &n = m_repository.graph.node(node);
    QString entry = QStringLiteral("Rev: %1%2%3%4\n")
                        .arg(n.id, n.isHead() ? QStringLiteral(" (head)") : QString(),
                             n.isBranchPoint() ? QStringLiteral(" (branchpoint)") : QString(),
                             n.isMergePoint() ? QStringLiteral(" (mergepoint)") : QString());
    entry += QStringLiteral("%1: %2\n")
                 .arg(n.isMergePoint() ? QStringLiteral("Merges") : QStringLiteral("Parent"),
                      downRevisionText(node));
    if (!n.dependsOn.isEmpty())
        entry += QStringLiteral("Also depends on: %1\n").arg(n.dependsOn.join(comma));
    if (n.isBranchPoint()) {
        QStringList children;
        for (int child : n.children)
            children += m_repository.graph.node(child).id;
        children.sort();
        entry += QStringLiteral("Branches into: %1\n").arg(children.join(comma));
    }
    if (!n.branchLabels.isEmpty())
        entry += QStringLiteral("Branch names: %1\n").arg(n.branchLabels.join(comma));
    entry += QStringLiteral("Path: %1\n").arg(displayPath(node));
    QStringList lines;
    const QString &longDoc = m_repository.fileOf(node).longDoc;
    if (!longDoc.isEmpty())
        for (const QString &line : longDoc.split(QLatin1Char('\n')))
            lines += QStringLiteral("    ") + line;
    entry += QStringLiteral("\n%1\n").arg(lines.join(QLatin1Char('\n')));
    return entry;
}

QString AlembicText::branchesEntry(int node, bool verbose) const
{
    const RevisionNode &n = m_repository.graph.node(node);
    QString text = verbose ? logEntry(node) : shortLine(node, {true, false, false, true});
    QList<int> children = n.children;
    std::sort(children.begin(), children.end(), [&](int a, int b) {
        return m_repository.graph.node(a).id < m_repository.graph.node(b).id;
    });
    QStringList lines;
    const QString indent(n.id.size(), QLatin1Char(' '));
    for (int child : children)
        lines += QStringLiteral("%1 -> %2").arg(indent, shortLine(child, {true, verbose, false, true}));
    return QStringLiteral("%1\n%2\n").arg(text, lines.join(QLatin1Char('\n')));
}

} // namespace headway
