#include "details/DetailsText.h"

#include "fork/MigrationOrigins.h"

#include "report/RevisionName.h"
#include "repository/Repository.h"

#include <QCoreApplication>

namespace headway {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("headway::DetailsPanel", text);
}

// Cut first: a hostile file's megabyte value must not cost seconds of text layout.
QString escaped(const QString &text)
{
    return displayedText(text, 4000).toHtmlEscaped();
}

QString revisionLink(const Repository &repository, int revision)
{
    return QStringLiteral("<a href=\"revision:%1\"><code>%2</code></a>")
        .arg(revision)
        .arg(escaped(repository.graph.node(revision).id));
}

QString links(const Repository &repository, const QList<int> &revisions)
{
    QStringList parts;
    for (int revision : revisions)
        parts.append(revisionLink(repository, revision));
    return parts.join(QLatin1String(", "));
}

QString missing(const QStringList &ids)
{
    QStringList parts;
    for (const QString &id : ids)
        parts.append(QStringLiteral("<code>%1</code> <span style=\"color:#c62828\">(%2)</span>")
                         .arg(escaped(id), tr("missing")));
    return parts.join(QLatin1String(", "));
}

QString row(const QString &label, const QString &html)
{
    return html.isEmpty() ? QString()
                          : QStringLiteral("<tr><td style=\"padding-right:8px\"><b>%1</b></td><td>%2</td></tr>")
                                .arg(label, html);
}

QString joinNonEmpty(const QStringList &parts)
{
    QStringList kept = parts;
    kept.removeAll(QString());
    return kept.join(QLatin1String(", "));
}

QString roles(const RevisionNode &node)
{
    QStringList list;
    if (node.shadowed)
        list += tr("shadowed by a later file with the same id (Alembic ignores this one)");
    if (node.isRealHead())
        list += tr("head");
    else if (node.isEffectiveHeadOnly())
        list += tr("effective head");
    if (node.isBase())
        list += tr("base");
    if (node.isBranchPoint())
        list += tr("branch point");
    if (node.isMergePoint())
        list += tr("merge point");
    if (node.inCycle)
        list += tr("in a cycle");
    return list.join(QLatin1String(", "));
}

QString diagnosticsHtml(const Repository &repository, const QString &path)
{
    QString items;
    for (const Diagnostic &diagnostic : repository.diagnostics) {
        if (diagnostic.path != path)
            continue;
        const QString where = diagnostic.line > 0
                                  ? QStringLiteral(" (<a href=\"line:%1\">%2</a>)")
                                        .arg(diagnostic.line)
                                        .arg(tr("line %1").arg(diagnostic.line))
                                  : QString();
        items += QStringLiteral("<li><b>%1</b>: %2%3").arg(severityName(diagnostic.severity),
                                                            escaped(diagnostic.message), where);
        if (!diagnostic.hint.isEmpty())
            items += QStringLiteral("<br><i>%1</i> %2").arg(tr("Fix:"), escaped(diagnostic.hint));
        items += QStringLiteral("</li>");
    }
    return items.isEmpty() ? QString()
                           : QStringLiteral("<h4>%1</h4><ul style=\"margin-left:12px\">%2</ul>")
                                 .arg(tr("Problems in this file"), items);
}

} // namespace

QString revisionDetailsHtml(const Repository &repository, int revision)
{
    const RevisionNode &node = repository.graph.node(revision);
    const MigrationFile &file = repository.fileOf(revision);
    QString html = QStringLiteral("<h3><code>%1</code></h3>").arg(escaped(node.id));
    if (!file.doc.isEmpty())
        html += QStringLiteral("<p>%1</p>").arg(escaped(file.doc).replace(QLatin1Char('\n'), QLatin1String("<br>")));
    html += QStringLiteral("<table>");
    html += row(tr("Created"), escaped(file.createDate));
    html += row(tr("Role"), escaped(roles(node)));
    html += row(node.isMergePoint() ? tr("Merges") : tr("Parent"),
                joinNonEmpty({links(repository, node.parents), missing(node.missingParents)}));
    if (node.parents.isEmpty() && node.missingParents.isEmpty())
        html += row(tr("Parent"), QStringLiteral("&lt;base&gt;"));
    html += row(tr("Children"), links(repository, node.children));
    html += row(tr("Branch labels"), escaped(node.branchLabels.join(QLatin1String(", "))));
    html += row(tr("Depends on"),
                joinNonEmpty({links(repository, node.dependencies), missing(node.missingDependencies)}));
    QStringList resolved;
    const std::pair<QString, const AssignedValue *> values[] = {{QStringLiteral("revision"), &file.revision},
                                                                {QStringLiteral("down_revision"), &file.downRevision},
                                                                {QStringLiteral("branch_labels"), &file.branchLabels},
                                                                {QStringLiteral("depends_on"), &file.dependsOn}};
    for (const auto &[name, value] : values)
        if (value->resolvedByPython)
            resolved += QStringLiteral("<code>%1 = %2</code>").arg(name, escaped(value->sourceText));
    if (!resolved.isEmpty())
        html += row(tr("Resolved through Python"), resolved.join(QLatin1String("<br>")));
    QStringList fromModules;
    for (const auto &[name, value] : values) {
        QStringList references = value->resolvedFromModule.keys();
        references.sort();
        for (const QString &reference : std::as_const(references))
            fromModules += QStringLiteral("<code>%1 = %2</code> &rarr; %3")
                               .arg(name, escaped(reference), escaped(value->resolvedFromModule.value(reference)));
    }
    if (!fromModules.isEmpty())
        html += row(tr("Read from module"), fromModules.join(QLatin1String("<br>")));
    html += row(tr("File"), QStringLiteral("%1<br><a href=\"open:\">%2</a>")
                                .arg(escaped(repository.relativePath(file.path)), tr("Open in editor")));
    html += QStringLiteral("</table>");
    html += diagnosticsHtml(repository, file.path);
    return html;
}

QString selectionSummaryHtml(const Repository &repository, const QList<int> &revisions)
{
    if (revisions.isEmpty())
        return QStringLiteral("<p>%1</p>").arg(tr("Select a revision in the graph or the history to see its "
                                                  "details."));
    QString html = QStringLiteral("<h3>%1</h3><ul>").arg(tr("%1 revisions selected").arg(revisions.size()));
    constexpr int listed = 200; // a label with thousands of links helps nobody
    for (int revision : revisions.mid(0, listed))
        html += QStringLiteral("<li>%1 %2</li>")
                    .arg(revisionLink(repository, revision),
                         escaped(repository.fileOf(revision).doc.section(QLatin1Char('\n'), 0, 0)));
    if (revisions.size() > listed)
        html += QStringLiteral("<li>%1</li>").arg(tr("and %1 more").arg(revisions.size() - listed));
    return html + QStringLiteral("</ul>");
}

QString originHtml(const OriginReport *origins, const QString &revision)
{
    const RevisionOrigin *origin = origins && origins->available ? origins->ofRevision(revision) : nullptr;
    if (!origin)
        return {};
    static const char *const words[] = {QT_TRANSLATE_NOOP("DetailsText", "the fork's own"), QT_TRANSLATE_NOOP("DetailsText", "from upstream"),
                                        QT_TRANSLATE_NOOP("DetailsText", "shared with upstream"), QT_TRANSLATE_NOOP("DetailsText", "uncommitted"),
                                        QT_TRANSLATE_NOOP("DetailsText", "untracked")};
    QString html = QCoreApplication::translate("DetailsText", "<p><b>Origin:</b> %1 (against %2)")
                       .arg(QCoreApplication::translate("DetailsText", words[int(origin->origin)]), origins->upstream.name.toHtmlEscaped());
    if (!origin->added.commit.isEmpty())
        html += QCoreApplication::translate("DetailsText", "<br/>Added in <code>%1</code> by %2 on %3")
                    .arg(origin->added.commit.left(10), origin->added.author.toHtmlEscaped(), origin->added.date.left(10));
    if (origin->modified)
        html += QCoreApplication::translate("DetailsText", "<br/>Changed since, not committed.");
    return html + QStringLiteral("</p>");
}

} // namespace headway
