// Predicts, from the migration files alone, what an upgrade, downgrade or stamp
// will do to a database at given revisions, with Alembic's rules
// (_collect_upgrade_revisions / _collect_downgrade_revisions): which migrations
// run, which are undone, what the database will be at afterwards. It also says
// when Alembic will refuse ("Ambiguous walk", several heads for `head`) and
// offers the targets that work instead, so Headway never offers a failing step.
#pragma once

#include "graph/RevisionGraph.h"

namespace headway {

struct MigrationPlan {
    enum class Kind { Upgrade, Downgrade, Stamp };
    Kind kind = Kind::Upgrade;
    QString target;
    QList<int> revisions;       // run (upgrade: oldest first) or undone (downgrade: newest first)
    QList<int> markedApplied;   // stamp: recorded as applied without running
    QList<int> markedUnapplied; // stamp: recorded as not applied, schema left as it is
    QList<int> resulting;       // the database's revisions afterwards
    QString error;              // why Alembic would refuse; empty when it will run
    QString advice;             // what to do instead
    bool ok() const { return error.isEmpty(); }
};

// One way to step the database back by exactly one migration.
struct UndoStep {
    int revision = -1;  // the migration undone
    QString target;     // the downgrade argument: "<rev>@-1", or "<merge>@<parent>" at a merge point
};

class MigrationPlanner
{
public:
    explicit MigrationPlanner(const RevisionGraph &graph)
        : m_graph(graph)
    {
    }

    MigrationPlan upgrade(const QStringList &current, const QString &target) const;
    MigrationPlan downgrade(const QStringList &current, const QString &target) const;
    MigrationPlan stamp(const QStringList &current, const QString &target) const;

    // The downgrade argument that undoes exactly `revision` (a revision the database is at).
    QString undoTarget(int revision) const;
    // One choice per revision the database is at; `downgrade -1` is only safe when there is one.
    QList<UndoStep> undoChoices(const QStringList &current) const;
    // Migrations the database lacks to be at every head.
    int revisionsBehind(const QStringList &current) const;
    // Every migration in dependency order, oldest first (a step-by-step walk up).
    QList<int> oldestFirst() const;

private:
    std::vector<char> appliedSet(const QList<int> &revisions) const; // with ancestors and dependencies
    QList<int> indicesOf(const QStringList &ids, QString *error) const;
    QList<int> inHistoryOrder(const std::vector<char> &set, bool newestFirst) const;
    QList<int> headsOf(const std::vector<char> &set) const;
    QString idList(const QList<int> &revisions) const;

    const RevisionGraph &m_graph;
};

} // namespace headway
