// The operations on the user's database: read `current`, upgrade, downgrade,
// stamp, and the offline SQL preview. For a change: the plan the user saw →
// confirmation → a SQLite backup (the database located from the settings,
// alembic.ini or the Flask app) → the command → `current` again → the failure
// explained and its migration located.
#pragma once

#include "WorkflowOperation.h"

namespace headway {

struct DatabaseLocation;

class DatabaseChange : public WorkflowOperation
{
    Q_OBJECT

public:
    DatabaseChange(OperationContext context, OperationRequest request, WorkflowPorts ports, QObject *parent = nullptr);

    // The argument the command gets for a plan: a unique prefix or a branch label is
    // written as the full revision id the plan resolved, so what runs is what was shown.
    static QString commandTarget(const MigrationPlan &plan, const RevisionGraph &graph);
    // The command a request runs (the SQL preview's `from:to` range included); error when it cannot.
    static CommandLine commandFor(const OperationContext &context, const OperationRequest &request, QString *error);

protected:
    void run() override;

private:
    void readCurrent();
    void previewSql();
    void change();
    void backUpThen(std::function<void()> next);
    void backUpAt(const DatabaseLocation &location, std::function<void()> next);
};

} // namespace headway
