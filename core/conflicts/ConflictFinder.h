// Finds what collides when branches are merged, before it reaches a database:
// every schema object touched on more than one branch since their common
// ancestor (created twice, created and dropped, dropped or renamed while the
// other branch uses it, altered on both), plus per-migration warnings
// (destructive operations, a downgrade() that leaves what upgrade() made).
// Reads operations statically; runs no Python.
#pragma once

#include "ConflictReport.h"

#include <QHash>
#include <QSet>

#include <optional>
#include <vector>

namespace headway {

class BranchSpans;
class RepositoryOperations;
struct Repository;

class ConflictFinder
{
public:
    ConflictFinder(const Repository &repository, const RepositoryOperations &operations);

    // The branches that meet at `heads` (node indices, two or more).
    ConflictReport between(const QList<int> &heads) const;
    // Every past merge point: the branches each merge revision joined.
    ConflictReport auditMerges() const;
    // The current heads when there are several; else every past merge.
    ConflictReport check() const;

private:
    // What one revision's upgrade() touches, with objects numbered once for the whole history.
    struct NodeTouch {
        int object;
        int operation;
        SchemaTouch::Action action;
    };
    const QList<NodeTouch> &touchesOfNode(int node) const;
    bool touchedMoreThanOnce(int object) const;
    // The branches' report. When auditing (`auditedRevisions` given), operations are listed only
    // where something collides, and the revisions compared are handed back for their warnings.
    ConflictReport examine(const QList<int> &heads, QList<int> *auditedRevisions) const;
    void findCollisions(const BranchSpans &spans, const QString &merge, QList<ConflictFinding> &found) const;
    static void dropImpliedByDuplicateTables(QList<ConflictFinding> &found);
    void listBranches(const BranchSpans &spans, const QString &merge, ConflictReport &report,
                      const QSet<int> &onlyNodes = {}) const;
    void addHygiene(const QList<int> &nodes, QList<ConflictFinding> &found) const;
    FindingLocation locationOf(int node, const MigrationOperation &operation) const;
    static void sortAndSilence(QList<ConflictFinding> found, ConflictReport &report,
                               const QHash<QString, QStringList> &ignoredAt);

    const Repository &m_repository;
    const RepositoryOperations &m_operations;
    // Filled as revisions are first compared: an audit compares most of them many times.
    // Not shared between threads: one finder per thread.
    mutable std::vector<std::optional<QList<NodeTouch>>> m_touches;
    mutable QList<SchemaObject> m_objects;
    mutable QHash<QString, int> m_objectIds;
    mutable QHash<int, QList<ConflictFinding>> m_hygiene;
    mutable std::vector<char> m_sharedObjects; // by object: touched by more than one revision
};

} // namespace headway
