#include "RevisionGraph.h"

#include "BranchLabels.h"
#include "CycleCheck.h"
#include "HistoryOrder.h"
#include "GraphWalk.h"
#include "report/RevisionName.h"

#include <QFileInfo>

namespace headway {

namespace {

QString shortId(const QString &id)
{
    return id.left(12);
}

void appendUnique(QList<int> &list, int value)
{
    if (!list.contains(value))
        list.append(value);
}

} // namespace

RevisionGraph::RevisionGraph(const QList<MigrationFile> &files)
{
    addNodes(files);
    mapBranchLabels(files);
    resolveEdges(files);
    normalizeDependencies();
    m_diagnostics += markCycles(m_nodes, files);
    collectRoles();
    propagateBranchLabels(m_nodes);
    reportMultipleHeads(files);
}

void RevisionGraph::addNodes(const QList<MigrationFile> &files)
{
    QHash<QString, int> firstFileOfId;
    // Sized once: rehashing 100,000 ids as the tables grow cost a tenth of the load.
    firstFileOfId.reserve(files.size());
    m_byId.reserve(files.size());
    m_nodes.reserve(std::size_t(files.size()));
    for (int fileIndex = 0; fileIndex < files.size(); ++fileIndex) {
        const MigrationFile &file = files.at(fileIndex);
        if (!file.hasRevision())
            continue; // the parser already reported why
        RevisionNode node;
        node.id = file.revisionId();
        node.fileIndex = fileIndex;
        node.downRevisions = file.downRevision.values;
        node.dependsOn = file.dependsOn.values;
        node.ownBranchLabels = file.branchLabels.values;
        node.ownBranchLabels.removeDuplicates();
        node.branchLabels = node.ownBranchLabels;
        node.resolvedByPython = file.revision.resolvedByPython || file.downRevision.resolvedByPython
                                || file.branchLabels.resolvedByPython || file.dependsOn.resolvedByPython;

        static const QString illegal = QStringLiteral("@-+");
        QStringList found;
        for (const QChar c : illegal)
            if (node.id.contains(c))
                found += QString(c);
        if (!found.isEmpty()) {
            m_diagnostics += Diagnostic::error(
                QStringLiteral("illegal-revision-id"),
                QStringLiteral("Character(s) '%1' not allowed in revision identifier '%2'")
                    .arg(found.join(QLatin1String(", ")), node.id),
                file.path, file.revision.line,
                QStringLiteral("Alembic refuses the whole history; rename the revision (and the "
                               "down_revision of its children) without '@', '-' or '+'."));
        }
        if (node.downRevisions.contains(node.id)) {
            m_diagnostics += Diagnostic::error(
                QStringLiteral("self-loop"),
                QStringLiteral("Self-loop is detected in revisions (%1)").arg(node.id), file.path,
                file.downRevision.line,
                QStringLiteral("A revision cannot follow itself: set down_revision to the "
                               "revision this one was created after."));
            node.downRevisions.removeAll(node.id);
        }
        if (node.dependsOn.contains(node.id)) {
            m_diagnostics += Diagnostic::error(
                QStringLiteral("dependency-self-loop"),
                QStringLiteral("Dependency self-loop is detected in revisions (%1)").arg(node.id),
                file.path, file.dependsOn.line,
                QStringLiteral("Remove the revision's own id from depends_on."));
            node.dependsOn.removeAll(node.id);
        }

        const int index = static_cast<int>(m_nodes.size());
        const auto first = firstFileOfId.constFind(node.id);
        if (first != firstFileOfId.constEnd()) {
            const int previous = m_byId.value(node.id);
            m_nodes[static_cast<std::size_t>(previous)].shadowed = true;
            node.orderKey = m_nodes[static_cast<std::size_t>(previous)].orderKey;
            const MigrationFile &earlier = files.at(m_nodes[static_cast<std::size_t>(previous)].fileIndex);
            m_diagnostics += Diagnostic::error(
                QStringLiteral("duplicate-revision"),
                QStringLiteral("Revision %1 is present more than once: %2 and %3 both declare "
                               "it; Alembic silently uses %3")
                    .arg(node.id, QFileInfo(earlier.path).fileName(),
                         QFileInfo(file.path).fileName()),
                file.path, file.revision.line,
                QStringLiteral("Keep one file per revision id: if one is an accidental copy, "
                               "compare them first; otherwise give one a new id and update its "
                               "children's down_revision."));
        } else {
            firstFileOfId.insert(node.id, fileIndex);
            node.orderKey = index;
        }
        m_byId.insert(node.id, index);
        m_nodes.push_back(std::move(node));
    }
}

void RevisionGraph::mapBranchLabels(const QList<MigrationFile> &files)
{
    for (int index = 0; index < size(); ++index) {
        const RevisionNode &node = m_nodes[static_cast<std::size_t>(index)];
        if (node.shadowed)
            continue;
        for (const QString &label : node.ownBranchLabels) {
            const int holder = m_byId.contains(label) ? m_byId.value(label) : m_byLabel.value(label, -1);
            if (holder >= 0) {
                const MigrationFile &file = files.at(node.fileIndex);
                m_diagnostics += Diagnostic::error(
                    QStringLiteral("branch-label-conflict"),
                    QStringLiteral("Branch name '%1' in revision %2 already used by revision %3")
                        .arg(label, node.id, m_nodes[static_cast<std::size_t>(holder)].id),
                    file.path, file.branchLabels.line,
                    QStringLiteral("Branch labels must be unique and differ from every revision "
                                   "id: rename one of them."));
                continue;
            }
            m_byLabel.insert(label, index);
        }
    }
}

void RevisionGraph::resolveEdges(const QList<MigrationFile> &files)
{
    for (int index = 0; index < size(); ++index) {
        RevisionNode &node = m_nodes[static_cast<std::size_t>(index)];
        if (node.shadowed)
            continue;
        const MigrationFile &file = files.at(node.fileIndex);
        for (const QString &dependency : std::as_const(node.dependsOn)) {
            int target = m_byId.value(dependency, -1);
            if (target < 0)
                target = m_byLabel.value(dependency, -1);
            if (target < 0) {
                node.missingDependencies += dependency;
                m_diagnostics += Diagnostic::error(
                    QStringLiteral("missing-dependency"),
                    QStringLiteral("Can't locate revision identified by '%1' (depends_on of %2)")
                        .arg(dependency, node.id),
                    file.path, file.dependsOn.line,
                    QStringLiteral("No file declares '%1' as a revision or branch label: pull "
                                   "the latest changes or fix the name in depends_on.")
                        .arg(dependency));
                continue;
            }
            appendUnique(node.dependencies, target);
        }
        for (const QString &parentId : std::as_const(node.downRevisions)) {
            const int parent = m_byId.value(parentId, -1);
            if (parent < 0) {
                if (!node.missingParents.contains(parentId)) {
                    node.missingParents += parentId;
                    m_diagnostics += Diagnostic::error(
                        QStringLiteral("missing-revision"),
                        QStringLiteral("Can't locate revision identified by '%1' (down_revision "
                                       "of %2)")
                            .arg(parentId, node.id),
                        file.path, file.downRevision.line,
                        QStringLiteral("The migration file for %1 is missing: pull the latest "
                                       "changes (git pull) or restore it from git history. Never "
                                       "delete migration files.")
                            .arg(shortId(parentId)));
                }
                continue;
            }
            appendUnique(node.parents, parent);
        }
        for (int parent : std::as_const(node.parents)) {
            appendUnique(m_nodes[static_cast<std::size_t>(parent)].children, index);
            appendUnique(m_nodes[static_cast<std::size_t>(parent)].allChildren, index);
        }
        for (int dependency : std::as_const(node.dependencies))
            appendUnique(m_nodes[static_cast<std::size_t>(dependency)].allChildren, index);
    }
}

// Alembic drops dependencies that an ancestor (by down_revision) already depends on.
void RevisionGraph::normalizeDependencies()
{
    for (RevisionNode &node : m_nodes) {
        if (node.shadowed || node.dependencies.isEmpty())
            continue;
        QList<int> normalized = node.dependencies;
        const int self = m_byId.value(node.id);
        forEachReachable(m_nodes, self, EdgeKind::Parents, [&](int ancestor) {
            if (ancestor == self)
                return;
            for (int implied : m_nodes[static_cast<std::size_t>(ancestor)].dependencies)
                normalized.removeAll(implied);
        });
        node.normalizedDependencies = normalized;
    }
}

void RevisionGraph::collectRoles()
{
    for (int index = 0; index < size(); ++index) {
        const RevisionNode &node = m_nodes[static_cast<std::size_t>(index)];
        if (node.shadowed)
            continue;
        if (node.isHead())
            m_heads += index;
        if (node.isRealHead())
            m_realHeads += index;
        if (node.isBase())
            m_bases += index;
    }
}

void RevisionGraph::reportMultipleHeads(const QList<MigrationFile> &files)
{
    m_namedBranches = NamedBranches(m_nodes, m_heads);
    if (m_heads.size() < 2)
        return;
    auto idsOf = [&](const QList<int> &nodes) {
        QStringList ids;
        for (int node : nodes)
            ids += displayedId(m_nodes[static_cast<std::size_t>(node)].id);
        return ids;
    };
    if (m_namedBranches.byDesign()) {
        m_diagnostics += Diagnostic::note(
            QStringLiteral("named-branches"), m_namedBranches.summary(),
            {}, 0,
            QStringLiteral("Kept on purpose, one head per branch label: upgrade with `flask db upgrade heads` "
                           "(or `<label>@head` for one branch); do not merge them."));
        return;
    }
    QStringList described;
    for (int head : std::as_const(m_heads)) {
        const RevisionNode &node = m_nodes[static_cast<std::size_t>(head)];
        described += revisionName(node.id, files.at(node.fileIndex).doc);
    }
    QString message = QStringLiteral("Multiple head revisions are present: %1 heads: %2")
                          .arg(m_heads.size())
                          .arg(joinedNames(described));
    const QList<NamedBranch> diverged = m_namedBranches.diverged();
    const bool anyLabel = !m_namedBranches.branches().isEmpty();
    QStringList fixes;
    for (const NamedBranch &branch : diverged.mid(0, 3)) { // a hostile history may diverge everywhere
        // Past a screenful of ids, `<label>@heads` names them all for the tool.
        const QString heads = branch.heads.size() > 20 ? branch.label + QStringLiteral("@heads")
                                                       : idsOf(branch.heads).join(QLatin1Char(' '));
        message += QStringLiteral("; branch %1 has %2 heads: %3")
                       .arg(branch.label).arg(branch.heads.size()).arg(branch.headsText());
        fixes += QStringLiteral("merge the heads of branch %1: flask db merge %2 -m \"<describe what is merged>\"")
                     .arg(branch.label, heads);
    }
    if (diverged.size() > 3)
        message += QStringLiteral("; %1 more branches have several heads").arg(diverged.size() - 3);
    if (anyLabel && !m_namedBranches.unlabelledHeads().isEmpty()) {
        const QString ids = m_namedBranches.unlabelledText();
        message += QStringLiteral("; %1 %2 no branch label")
                       .arg(ids, m_namedBranches.unlabelledHeads().size() == 1 ? QStringLiteral("has") : QStringLiteral("have"));
        fixes += QStringLiteral("give %1 a branch label of its own (branch_labels), or merge it into the named "
                                "branch it belongs to")
                     .arg(ids);
    }
    QString hint;
    if (fixes.isEmpty()) {
        // Past a screenful of ids, `heads` names them all for the tool.
        const QString heads = m_heads.size() > 20 ? QStringLiteral("heads") : idsOf(m_heads).join(QLatin1Char(' '));
        hint = QStringLiteral("Create a merge migration for all heads: flask db merge %1 -m \"<describe "
                              "what is merged>\" (or alembic merge), then commit the new file.")
                   .arg(heads);
    } else {
        hint = fixes.join(QLatin1String("; ")) + QStringLiteral(". Keep the other named branches apart.");
        hint[0] = hint[0].toUpper();
    }
    m_diagnostics += Diagnostic::warning(QStringLiteral("multiple-heads"), message, {}, 0, hint);
}

const QList<int> &RevisionGraph::historyOrder() const
{
    if (!m_history) {
        m_history = computeHistoryOrder(m_nodes, m_realHeads);
        // Revisions on a cycle have no place in Alembic's order; list them last.
        for (int i = 0; i < size(); ++i)
            if (m_nodes[static_cast<std::size_t>(i)].inCycle && !m_nodes[static_cast<std::size_t>(i)].shadowed)
                m_history->append(i);
    }
    return *m_history;
}

QList<int> RevisionGraph::ancestors(int index, bool includeDependencies) const
{
    QList<int> result;
    forEachReachable(m_nodes, index,
                     includeDependencies ? EdgeKind::ParentsAndDependencies : EdgeKind::Parents,
                     [&](int i) { result += i; });
    return result;
}

QList<int> RevisionGraph::descendants(int index, bool includeDependencies) const
{
    QList<int> result;
    forEachReachable(m_nodes, index,
                     includeDependencies ? EdgeKind::AllChildren : EdgeKind::Children,
                     [&](int i) { result += i; });
    return result;
}

} // namespace headway
