#include "ForkFlow.h"

#include <QCoreApplication>

namespace headway {

namespace ForkFlow {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ForkFlow", text);
}

QString link(const char *action, const QString &text)
{
    return QStringLiteral("<a href=\"action:%1\">%2</a>").arg(QLatin1String(action), text.toHtmlEscaped());
}

} // namespace

QString flowHtml(const ForkState &state, int heads); // the after-merge steps, below

QString bannerHtml(const ForkState &state, int heads)
{
    QStringList lines;
    for (const QString &path : state.origins ? state.origins->trackedMissing : QStringList{})
        lines += tr("git still tracks <code>%1</code>, but it is gone from the work tree: put it back (git checkout -- %1) "
                    "unless no database ever ran it.").arg(path.toHtmlEscaped());
    if (state.missingParent)
        lines += tr("A parent is missing: %1").arg(link("restore-missing", tr("Restore it from git…")));
    const QString flow = flowHtml(state, heads);
    if (!flow.isEmpty())
        lines += flow;
    return lines.join(QStringLiteral("<br/>"));
}

QString flowHtml(const ForkState &state, int heads)
{
    if (heads < 2) {
        // Merged or rebased to one head, not committed yet: the rest of the way.
        if (!state.afterUpstreamMerge || state.ownUnsaved.isEmpty())
            return {};
        const QString upstream = state.origins ? state.origins->upstream.name : QString();
        return tr("<b>After merging %1:</b> one head again. Next: %2 &rarr; %3")
            .arg(upstream.toHtmlEscaped(), link("test-upgrade", tr("Test upgrade")),
                 link("commit-migration", tr("Commit the migration…")));
    }
    const RebaseAdvice &advice = state.advice;
    const QString rebase = advice.offered ? tr(" or %1").arg(link("rebase", tr("rebase %1 onto %2…").arg(advice.revision.left(12), advice.onto.left(12))))
                                          : QString();
    if (state.afterUpstreamMerge) {
        const QString upstream = state.origins ? state.origins->upstream.name : QString();
        QString html = tr("<b>After merging %1:</b> 1. %2%3 &rarr; 2. %4 &rarr; 3. %5")
                           .arg(upstream.toHtmlEscaped(), link("merge-heads", tr("Create the merge migration…")), rebase,
                                link("test-upgrade", tr("Test upgrade")), link("commit-migration", tr("Commit the migration…")));
        if (!advice.offered && !advice.reason.isEmpty())
            html += QStringLiteral(" <small>(%1)</small>").arg(advice.reason.toHtmlEscaped());
        return html;
    }
    if (advice.offered)
        return tr("%1 Rebasing keeps one line of history: %2").arg(advice.reason.toHtmlEscaped(),
                                                                   link("rebase", tr("Rebase onto upstream's head…")));
    return advice.reason.isEmpty() ? QString() : advice.reason.toHtmlEscaped();
}

} // namespace ForkFlow

} // namespace headway
