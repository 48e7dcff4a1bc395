// One revision in the graph, with its edges resolved to node indices and its
// roles computed exactly as Alembic's RevisionMap computes them.
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace headway {

struct RevisionNode {
    QString id;
    int fileIndex = -1;   // index into the repository's files
    int orderKey = 0;     // Alembic's insertion order: position of the id's first file

    QStringList downRevisions;   // as written, in order (Alembic's _versioned_down_revisions)
    QStringList dependsOn;       // as written: revision ids or branch labels
    QStringList ownBranchLabels; // as written
    QStringList branchLabels;    // after Alembic's propagation, sorted

    QList<int> parents;                // present versioned parents, deduplicated
    QList<int> dependencies;           // resolved depends_on (Alembic's _resolved_dependencies)
    QList<int> normalizedDependencies; // those not already implied by an ancestor
    QList<int> children;               // revisions naming this one in down_revision (nextrev)
    QList<int> allChildren;            // ... or in depends_on (_all_nextrev)
    QStringList missingParents;        // down_revision ids no file declares
    QStringList missingDependencies;   // depends_on names that resolve to nothing

    bool shadowed = false; // a later file declares the same id; Alembic ignores this one
    bool resolvedByPython = false; // some identifier came from importing the file, on request
    bool inCycle = false;

    bool isHead() const { return !shadowed && children.isEmpty(); }
    bool isRealHead() const { return !shadowed && allChildren.isEmpty(); }
    bool isEffectiveHeadOnly() const { return isHead() && !isRealHead(); }
    bool isBase() const { return downRevisions.isEmpty(); }
    bool isRealBase() const { return downRevisions.isEmpty() && dependsOn.isEmpty(); }
    bool isBranchPoint() const { return children.size() > 1; }
    bool isRealBranchPoint() const { return allChildren.size() > 1; }
    bool isMergePoint() const { return downRevisions.size() > 1; }
};

} // namespace headway
