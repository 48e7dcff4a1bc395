// What the user asked for, as the front end hands it to the workflow: the kind
// of operation and, for upgrades, downgrades and stamps, the plan the user saw.
// The plan carries the resolved revisions: the command is built from it, never
// from the text the user typed.
#pragma once

#include "database/SqliteBackup.h"
#include "plan/MigrationPlanner.h"

#include <QStringList>

#include <optional>

namespace headway {

enum class OperationKind { Current, Upgrade, Downgrade, Stamp, PreviewSql, Merge, TestUpgrade, Restore, ResolveValues, Rehearse };

// Changes the database or the migrations: stopping it midway may leave them half-done.
bool isChanging(OperationKind kind);

struct OperationRequest {
    OperationKind kind = OperationKind::Current;
    MigrationPlan plan;            // Upgrade, Downgrade, Stamp, PreviewSql (its kind says which way)
    bool backUp = true;            // a SQLite database is copied aside first
    QStringList heads;             // Merge, Rehearse: full revision ids
    QString message;               // Merge
    std::optional<QStringList> testCommand; // TestUpgrade: instead of the settings' command
    bool projectTests = true;      // TestUpgrade: run the project's migration tests last
    QString engine;                // TestUpgrade, Rehearse: "sqlite", "postgresql", "mariadb"; empty: the settings', else automatic
    QString server;                // TestUpgrade, Rehearse: an existing server's URL; empty: the settings', else a throwaway one
    SqliteBackupCopy backup;       // Restore: the copy to put back
    // The front end already showed this plan's confirmation and the user accepted it
    // (the GUI's dialogs): the operation does not ask again.
    bool confirmed = false;

    static OperationRequest of(OperationKind kind)
    {
        OperationRequest request;
        request.kind = kind;
        return request;
    }
};

} // namespace headway
