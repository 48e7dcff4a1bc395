#include "RevisionRoles.h"

#include "graph/RevisionGraph.h"

namespace headway {

QList<RevisionRoles> revisionRoles(const RevisionGraph &graph)
{
    // Ids declared by more than one file: the survivor is marked too, since the
    // problem is visible only on the node that is drawn.
    QHash<QString, int> declarations;
    for (const RevisionNode &node : graph.nodes())
        ++declarations[node.id];

    QList<RevisionRoles> roles(graph.size());
    for (int index = 0; index < graph.size(); ++index) {
        const RevisionNode &node = graph.node(index);
        RevisionRoles &r = roles[index];
        if (declarations.value(node.id) > 1)
            r |= RevisionRole::Duplicate;
        if (node.shadowed)
            continue;
        if (node.isHead())
            r |= RevisionRole::Head;
        if (node.isBase())
            r |= RevisionRole::Base;
        if (node.isBranchPoint())
            r |= RevisionRole::BranchPoint;
        if (node.isMergePoint())
            r |= RevisionRole::MergePoint;
        if (node.inCycle)
            r |= RevisionRole::InCycle;
        if (!node.missingParents.isEmpty())
            r |= RevisionRole::MissingParent;
        if (!node.ownBranchLabels.isEmpty())
            r |= RevisionRole::BranchLabel;
        if (node.resolvedByPython)
            r |= RevisionRole::ResolvedByPython;
    }
    return roles;
}

QStringList roleNames(RevisionRoles roles)
{
    static const std::pair<RevisionRole, const char *> names[] = {
        {RevisionRole::Head, "head"},
        {RevisionRole::Base, "base"},
        {RevisionRole::BranchPoint, "branch point"},
        {RevisionRole::MergePoint, "merge point"},
        {RevisionRole::BranchLabel, "branch label"},
        {RevisionRole::InCycle, "in a cycle"},
        {RevisionRole::Duplicate, "duplicate id"},
        {RevisionRole::MissingParent, "missing parent"},
        {RevisionRole::ResolvedByPython, "resolved through Python"},
    };
    QStringList result;
    for (const auto &[role, name] : names)
        if (roles & role)
            result += QLatin1String(name);
    return result;
}

} // namespace headway
