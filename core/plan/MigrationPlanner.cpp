#include "MigrationPlanner.h"

#include "graph/RevisionResolver.h"

#include <QRegularExpression>

namespace headway {

namespace {

// Alembic's relative forms: [branch@][symbol](+|-)N.
const QRegularExpression &relativeDestination()
{
    static const QRegularExpression pattern(QStringLiteral(R"(^(?:(.+?)@)?(\w+)?((?:\+|-)\d+)$)"));
    return pattern;
}

} // namespace

std::vector<char> MigrationPlanner::appliedSet(const QList<int> &revisions) const
{
    std::vector<char> set(static_cast<std::size_t>(m_graph.size()), 0);
    for (int revision : revisions)
        for (int ancestor : m_graph.ancestors(revision, true))
            set[static_cast<std::size_t>(ancestor)] = 1;
    return set;
}

QList<int> MigrationPlanner::indicesOf(const QStringList &ids, QString *error) const
{
    QList<int> result;
    const RevisionResolver resolver(m_graph);
    for (const QString &id : ids) {
        const Resolution resolution = resolver.resolve(id);
        if (!resolution.ok()) {
            *error = resolution.error;
            return {};
        }
        result += resolution.revisions;
    }
    return result;
}

QList<int> MigrationPlanner::inHistoryOrder(const std::vector<char> &set, bool newestFirst) const
{
    QList<int> result;
    for (int revision : m_graph.historyOrder())
        if (set[static_cast<std::size_t>(revision)])
            result += revision;
    if (!newestFirst)
        std::reverse(result.begin(), result.end());
    return result;
}

QList<int> MigrationPlanner::headsOf(const std::vector<char> &set) const
{
    QList<int> heads;
    for (int revision : m_graph.historyOrder()) {
        if (!set[static_cast<std::size_t>(revision)])
            continue;
        bool covered = false;
        for (int child : m_graph.node(revision).allChildren)
            covered = covered || set[static_cast<std::size_t>(child)];
        if (!covered)
            heads += revision;
    }
    return heads;
}

QString MigrationPlanner::idList(const QList<int> &revisions) const
{
    QStringList ids;
    for (int revision : revisions)
        ids += m_graph.node(revision).id;
    return ids.join(QLatin1String(", "));
}

MigrationPlan MigrationPlanner::upgrade(const QStringList &current, const QString &target) const
{
    MigrationPlan plan;
    plan.kind = MigrationPlan::Kind::Upgrade;
    plan.target = target;
    const QList<int> currentRevisions = indicesOf(current, &plan.error);
    if (!plan.ok())
        return plan;
    if (target == QLatin1String("head") && m_graph.heads().size() > 1) {
        plan.error = QStringLiteral("Multiple head revisions are present for given argument 'head'");
        const MigrationPlan all = upgrade(current, QStringLiteral("heads"));
        if (m_graph.namedBranches().byDesign())
            plan.advice = QStringLiteral("`upgrade head` needs a single head, and this project keeps %1: run "
                                         "`upgrade heads` to apply every branch (%2 migration(s)), or "
                                         "`<label>@head` for one.")
                              .arg(m_graph.namedBranches().summary())
                              .arg(all.revisions.size());
        else
            plan.advice = QStringLiteral("`upgrade head` needs a single head, and there are %1 (%2). Merge the heads "
                                         "first, or run `upgrade heads` to apply every branch (%3 migration(s)) and "
                                         "leave the database at several heads.")
                              .arg(m_graph.heads().size())
                              .arg(idList(m_graph.heads()))
                              .arg(all.revisions.size());
        return plan;
    }
    QList<int> targets;
    const QRegularExpressionMatch relative = relativeDestination().match(target);
    if (relative.hasMatch()) {
        plan.error = QStringLiteral("Relative upgrade targets are not previewed");
        plan.advice = QStringLiteral("Choose the revision to upgrade to.");
        return plan;
    }
    targets = indicesOf({target}, &plan.error);
    if (!plan.ok())
        return plan;
    const std::vector<char> applied = appliedSet(currentRevisions);
    std::vector<char> wanted = appliedSet(targets);
    std::vector<char> result = applied;
    for (std::size_t i = 0; i < wanted.size(); ++i) {
        wanted[i] = wanted[i] && !applied[i];
        result[i] = result[i] || wanted[i];
    }
    plan.revisions = inHistoryOrder(wanted, false);
    plan.resulting = headsOf(result);
    return plan;
}

MigrationPlan MigrationPlanner::downgrade(const QStringList &current, const QString &target) const
{
    MigrationPlan plan;
    plan.kind = MigrationPlan::Kind::Downgrade;
    plan.target = target;
    const QList<int> currentRevisions = indicesOf(current, &plan.error);
    if (!plan.ok())
        return plan;

    QString branch;
    int targetRevision = -1; // -1: base
    const QRegularExpressionMatch relative = relativeDestination().match(target);
    if (relative.hasMatch()) {
        branch = relative.captured(1);
        const QString symbol = relative.captured(2);
        const int steps = relative.captured(3).toInt();
        if (steps >= 0) {
            plan.error = QStringLiteral("Relative revision %1 didn't produce %2 migrations").arg(relative.captured(3)).arg(steps);
            return plan;
        }
        int start = -1;
        if (!symbol.isEmpty()) {
            start = indicesOf({symbol}, &plan.error).value(0, -1);
        } else if (!branch.isEmpty()) {
            const QList<int> labelled = indicesOf({branch}, &plan.error);
            if (!plan.ok())
                return plan;
            // The current revision on that branch's lineage (ancestry without depends_on).
            const QList<int> lineage = m_graph.ancestors(labelled.value(0), false);
            QList<int> onLineage;
            for (int revision : currentRevisions)
                if (lineage.contains(revision) || m_graph.ancestors(revision, false).contains(labelled.value(0)))
                    onLineage += revision;
            if (onLineage.isEmpty()) {
                // The branch may be reached only through depends_on: look at the branch heads
                // of everything applied, dependencies included (Alembic's _get_all_current).
                const std::vector<char> applied = appliedSet(currentRevisions);
                for (int revision = 0; revision < m_graph.size(); ++revision) {
                    if (!applied[static_cast<std::size_t>(revision)])
                        continue;
                    bool branchHead = true;
                    for (int descendant : m_graph.descendants(revision, false))
                        branchHead = branchHead && (descendant == revision || !applied[static_cast<std::size_t>(descendant)]);
                    if (branchHead && (lineage.contains(revision) || m_graph.ancestors(revision, false).contains(labelled.value(0))))
                        onLineage += revision;
                }
            }
            if (onLineage.size() > 1) {
                plan.error = QStringLiteral("Ambiguous walk: the database is at %1 on branch %2").arg(idList(onLineage), branch);
                return plan;
            }
            start = onLineage.value(0, -1);
        } else if (currentRevisions.size() > 1) {
            // Alembic warns and steps back whichever head the database lists first.
            plan.error = QStringLiteral("downgrade %1 from multiple heads is ambiguous").arg(target);
            QStringList choices;
            for (const UndoStep &step : undoChoices(current))
                choices += QStringLiteral("`%1` undoes %2").arg(step.target, m_graph.node(step.revision).id);
            plan.advice = QStringLiteral("The database is at %1, and Alembic would step back whichever the database "
                                         "lists first. Name the branch to step back: %2.")
                              .arg(idList(currentRevisions), choices.join(QLatin1String("; ")));
            return plan;
        } else {
            start = currentRevisions.value(0, -1);
            branch = start >= 0 ? m_graph.node(start).id : QString();
        }
        if (!plan.ok())
            return plan;
        if (start < 0) {
            plan.error = QStringLiteral("Relative revision %1 didn't produce %2 migrations").arg(relative.captured(3)).arg(-steps);
            return plan;
        }
        int at = start;
        for (int step = 0; step < -steps; ++step) {
            if (at < 0) {
                plan.error = QStringLiteral("Relative revision %1 didn't produce %2 migrations").arg(relative.captured(3)).arg(-steps);
                return plan;
            }
            const QList<int> &parents = m_graph.node(at).parents;
            if (parents.size() > 1) {
                plan.error = QStringLiteral("Ambiguous walk");
                QStringList choices;
                for (int parent : parents)
                    choices += QStringLiteral("`%1@%2`").arg(m_graph.node(at).id, m_graph.node(parent).id);
                plan.advice = QStringLiteral("%1 is a merge point with %2 parents, so one step down is ambiguous. "
                                             "Downgrade to one parent instead (%3): each undoes %1 only.")
                                  .arg(m_graph.node(at).id)
                                  .arg(parents.size())
                                  .arg(choices.join(QLatin1String(" or ")));
                return plan;
            }
            at = parents.value(0, -1);
        }
        targetRevision = at;
    } else if (target != QLatin1String("base")) {
        const qsizetype atSign = target.lastIndexOf(QLatin1Char('@'));
        if (atSign >= 0)
            branch = target.left(atSign);
        const QString symbol = atSign >= 0 ? target.mid(atSign + 1) : target;
        if (symbol != QLatin1String("base")) {
            const QList<int> resolved = indicesOf({symbol}, &plan.error);
            if (!plan.ok())
                return plan;
            if (resolved.size() != 1) {
                plan.error = QStringLiteral("'%1' names %2 revisions; downgrade needs one").arg(target).arg(resolved.size());
                return plan;
            }
            targetRevision = resolved.first();
        }
    }

    QList<int> roots;
    if (targetRevision < 0)
        roots = m_graph.bases();
    else
        roots = m_graph.node(targetRevision).children;
    if (!branch.isEmpty() && roots.size() > 1) {
        const QList<int> labelled = indicesOf({branch}, &plan.error);
        if (!plan.ok())
            return plan;
        // Alembic narrows the roots by the branch's ancestry without depends_on.
        std::vector<char> lineage(static_cast<std::size_t>(m_graph.size()), 0);
        for (int revision : labelled)
            for (int ancestor : m_graph.ancestors(revision, false))
                lineage[static_cast<std::size_t>(ancestor)] = 1;
        QList<int> kept;
        for (int root : roots)
            if (lineage[static_cast<std::size_t>(root)])
                kept += root;
        if (kept.isEmpty()) {
            plan.error = QStringLiteral("Not a valid downgrade target from current heads");
            return plan;
        }
        roots = kept;
    }
    const std::vector<char> active = appliedSet(currentRevisions);
    std::vector<char> undone(active.size(), 0);
    for (int root : roots)
        for (int descendant : m_graph.descendants(root, true))
            undone[static_cast<std::size_t>(descendant)] = active[static_cast<std::size_t>(descendant)];
    plan.revisions = inHistoryOrder(undone, true);
    if (targetRevision >= 0 && plan.revisions.isEmpty() && !currentRevisions.contains(targetRevision)) {
        plan.error = QStringLiteral("Nothing to drop: %1 is not below the database's revisions (%2)")
                         .arg(m_graph.node(targetRevision).id, idList(currentRevisions));
        return plan;
    }
    std::vector<char> remaining = active;
    for (std::size_t i = 0; i < remaining.size(); ++i)
        remaining[i] = remaining[i] && !undone[i];
    plan.resulting = headsOf(remaining);
    return plan;
}

MigrationPlan MigrationPlanner::stamp(const QStringList &current, const QString &target) const
{
    MigrationPlan plan;
    plan.kind = MigrationPlan::Kind::Stamp;
    plan.target = target;
    const QList<int> currentRevisions = indicesOf(current, &plan.error);
    if (!plan.ok())
        return plan;
    QList<int> targets;
    if (target != QLatin1String("base")) {
        targets = indicesOf({target}, &plan.error);
        if (!plan.ok())
            return plan;
    }
    const std::vector<char> before = appliedSet(currentRevisions);
    const std::vector<char> after = appliedSet(targets);
    std::vector<char> added(before.size(), 0), removed(before.size(), 0);
    for (std::size_t i = 0; i < before.size(); ++i) {
        added[i] = after[i] && !before[i];
        removed[i] = before[i] && !after[i];
    }
    plan.markedApplied = inHistoryOrder(added, false);
    plan.markedUnapplied = inHistoryOrder(removed, true);
    plan.resulting = headsOf(after);
    return plan;
}

QString MigrationPlanner::undoTarget(int revision) const
{
    const RevisionNode &node = m_graph.node(revision);
    if (node.parents.size() > 1)
        return node.id + QLatin1Char('@') + m_graph.node(node.parents.first()).id;
    return node.id + QStringLiteral("@-1");
}

QList<UndoStep> MigrationPlanner::undoChoices(const QStringList &current) const
{
    QString error;
    QList<UndoStep> choices;
    for (int revision : indicesOf(current, &error))
        choices += UndoStep{revision, undoTarget(revision)};
    return choices;
}

int MigrationPlanner::revisionsBehind(const QStringList &current) const
{
    return static_cast<int>(upgrade(current, QStringLiteral("heads")).revisions.size());
}

QList<int> MigrationPlanner::oldestFirst() const
{
    QList<int> order = m_graph.historyOrder();
    std::reverse(order.begin(), order.end());
    return order;
}

} // namespace headway
