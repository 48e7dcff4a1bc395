#include "DotReport.h"

namespace headway {

namespace {

QString quoted(QString text)
{
    text.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    text.replace(QLatin1Char('"'), QLatin1String("\\\""));
    text.replace(QLatin1Char('\n'), QLatin1String("\\n"));
    return QLatin1Char('"') + text + QLatin1Char('"');
}

QString firstLine(const QString &text, int limit = 48)
{
    QString line = text.section(QLatin1Char('\n'), 0, 0);
    if (line.size() > limit)
        line = line.left(limit - 1) + QChar(0x2026);
    return line;
}

} // namespace

QString dotDocument(const Repository &repository)
{
    const RevisionGraph &graph = repository.graph;
    QString out = QStringLiteral("digraph revisions {\n"
                                 "  rankdir=BT;\n"
                                 "  node [shape=box, style=\"rounded,filled\", fillcolor=\"#ffffff\", "
                                 "fontname=\"Helvetica\", fontsize=10];\n"
                                 "  edge [arrowsize=0.7];\n");
    QStringList ghosts;
    for (int index : graph.historyOrder()) {
        const RevisionNode &node = graph.node(index);
        QString label = node.id.left(12);
        const QString message = firstLine(repository.fileOf(index).doc);
        if (!message.isEmpty())
            label += QLatin1Char('\n') + message;
        QStringList attributes{QStringLiteral("label=%1").arg(quoted(label))};
        if (node.inCycle)
            attributes += QStringLiteral("fillcolor=\"#f8d0d0\", color=\"#c02020\"");
        else if (node.isHead())
            attributes += QStringLiteral("fillcolor=\"#d8ecff\", penwidth=2");
        else if (node.isBase())
            attributes += QStringLiteral("fillcolor=\"#eeeeee\"");
        out += QStringLiteral("  %1 [%2];\n").arg(quoted(node.id), attributes.join(QLatin1String(", ")));
        for (int parent : node.parents)
            out += QStringLiteral("  %1 -> %2;\n").arg(quoted(graph.node(parent).id), quoted(node.id));
        for (int dependency : node.dependencies)
            out += QStringLiteral("  %1 -> %2 [style=dashed];\n")
                       .arg(quoted(graph.node(dependency).id), quoted(node.id));
        for (const QString &missing : node.missingParents) {
            if (!ghosts.contains(missing)) {
                ghosts += missing;
                out += QStringLiteral("  %1 [label=%2, style=\"rounded,dashed\", color=\"#c02020\"];\n")
                           .arg(quoted(missing), quoted(missing.left(12) + QStringLiteral("\n(missing)")));
            }
            out += QStringLiteral("  %1 -> %2 [style=dashed, color=\"#c02020\"];\n")
                       .arg(quoted(missing), quoted(node.id));
        }
    }
    out += QStringLiteral("}\n");
    return out;
}

} // namespace headway
