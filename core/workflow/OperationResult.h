// How an operation ended, as a value a front end prints or shows and a test
// compares: the outcome (a user's cancel told apart from a failure and a
// timeout), the plan that ran, the database before and after, the backup, every
// step's result and the one explanation of a failure.
#pragma once

#include "OperationRequest.h"
#include "database/CurrentRevisions.h"
#include "plan/MergeRequest.h"
#include "plan/FailureSite.h"
#include "plan/MergeRehearsal.h"
#include "plan/TestUpgrade.h"
#include "repository/ResolvedValues.h"
#include "runner/CommandSequence.h"

#include <memory>

namespace headway {

// The database's revisions as `current` last printed them.
struct DatabaseState {
    QStringList revisions;   // empty: at base
    bool known = false;
    QString problem;         // why it is unknown, or revisions no file declares

    // From a finished `current` step.
    static DatabaseState fromCurrent(const StepResult &result, const RevisionGraph &graph);
    bool operator==(const DatabaseState &other) const = default;
};

struct OperationResult {
    enum class Outcome {
        Succeeded,
        Failed,       // a command failed, or the result is not what was asked (a merge that added two files)
        TimedOut,
        Cancelled,    // the user stopped it
        NotConfirmed, // the user (or nobody, without a terminal) did not confirm
        Refused,      // not started: the plan says Alembic would refuse, nothing to do, no interpreter
    };
    OperationKind kind = OperationKind::Current;
    Outcome outcome = Outcome::Refused;
    QString title;                 // "Upgrade to heads"
    QString message;               // one line: what happened or why not
    MigrationPlan plan;
    CommandLine command;           // the main command (the one the user asked for)
    DatabaseState before;
    DatabaseState after;
    SqliteBackupCopy backup;       // made() when a copy was taken
    QString backupNote;            // why no backup was taken, when there is a reason to say
    QList<StepResult> steps;       // every command run, in order
    FailureExplanation explanation; // of the step that failed
    FailureSite site;              // the migration behind a failure, and the others creating the same object
    MergeVerification merge;
    std::shared_ptr<const Repository> repositoryAfter; // merge / resolve: as read again
    QString scratchUrl;            // test upgrade: the scratch database, password hidden
    QString engine;                // test upgrade: "sqlite", "postgresql", "mariadb"
    QString server;                // test upgrade: where it ran ("PostgreSQL 15, a throwaway server"), no password
    QList<ResolvedFile> resolved;  // resolve
    RehearsalReport rehearsal;     // rehearse: every path, its result and schema

    bool succeeded() const { return outcome == Outcome::Succeeded; }
    // The step that failed (not an optional one), or null.
    const StepResult *failedStep() const;
};

QString outcomeName(OperationResult::Outcome outcome); // "succeeded", "cancelled", ...

} // namespace headway

Q_DECLARE_METATYPE(headway::OperationResult)
