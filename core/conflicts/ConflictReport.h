// What the conflict finder reports: findings (collisions between branches and
// per-migration warnings), each branch's operations since the common ancestor,
// and what could not be analysed. `headway-cli conflicts` prints it in every
// format; its JSON field names are a public contract.
#pragma once

#include "SchemaObject.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace headway {

struct FindingLocation {
    int node = -1;
    QString revision;
    QString path; // relative to the repository
    int line = 0;
    QString operation; // the operation's summary there ("+ix ix_user_email (user.email)")
};

struct ConflictFinding {
    enum class Severity { Error, Warning };
    QString code;           // stable: "duplicate-index", "dropped-while-used", "destructive", ...
    Severity severity = Severity::Error;
    bool collision = false; // between branches (sets the exit code); false for per-migration warnings
    SchemaObject object;
    QStringList revisions;
    QList<FindingLocation> locations;
    QString merge;          // the audited merge revision, when auditing past merges
    QString message;
    QString fix;

    QString severityName() const { return severity == Severity::Error ? QStringLiteral("error") : QStringLiteral("warning"); }
};

struct BranchOperation {
    FindingLocation location;
    MigrationOperation operation;
};

struct BranchReport {
    QString head;
    QString merge; // when auditing: the merge revision this branch meets at
    QList<BranchOperation> operations; // oldest first
};

struct ConflictReport {
    QList<ConflictFinding> findings; // not silenced
    QList<ConflictFinding> silenced; // by `# headway: ignore[CODE]`
    QList<BranchReport> branches;
    QList<BranchOperation> notAnalysed; // raw SQL and unread statements on the branches
    QStringList heads;   // the heads checked (current mode) ...
    QStringList merges;  // ... or the past merges audited
    bool audit = false;

    bool collides() const;
};

} // namespace headway
