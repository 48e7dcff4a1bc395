// The roles one revision plays in its graph, as the graph view draws them and
// its tooltips name them: head, base, branch and merge point, and what is wrong
// with it (on a cycle, declared twice, naming a missing parent).
#pragma once

#include <QFlags>
#include <QStringList>

namespace headway {

class RevisionGraph;

enum class RevisionRole {
    Head = 0x01,
    Base = 0x02,
    BranchPoint = 0x04,
    MergePoint = 0x08,
    InCycle = 0x10,
    Duplicate = 0x20,     // another file declares the same id (Alembic uses this one)
    MissingParent = 0x40, // a down_revision names a revision no file declares
    BranchLabel = 0x80,   // declares branch labels of its own
    ResolvedByPython = 0x100, // some identifiers were read by importing the file, on request
};
Q_DECLARE_FLAGS(RevisionRoles, RevisionRole)
Q_DECLARE_OPERATORS_FOR_FLAGS(RevisionRoles)

// Roles of every node, indexed like RevisionGraph::nodes(). A shadowed node (the
// duplicate Alembic ignores) gets Duplicate only.
QList<RevisionRoles> revisionRoles(const RevisionGraph &graph);

// "head", "branch point", ... in a fixed order, for tooltips and exports.
QStringList roleNames(RevisionRoles roles);

// A revision whose graph is broken at that revision: drawn in the error colour.
inline bool isErrorRole(RevisionRoles roles)
{
    return roles & (RevisionRoles(RevisionRole::InCycle) | RevisionRole::Duplicate);
}

} // namespace headway
