// The merge rehearsal (MergeRehearsal plans it): on one scratch database of
// the project's engine, reset before each path, every path a deployed
// database can take to the merged state, in one driver process; then each
// failing path is traced to its migrations (the one that failed and those
// creating the same object). The user's database is never touched.
#pragma once

#include "DriverRun.h"
#include "ScratchOperation.h"
#include "plan/MergeRehearsal.h"

namespace headway {

struct PreparedRehearsal {
    PreparedDriverRun run;
    QList<int> heads;
    QList<RehearsalPath> paths;
    QList<int> pathOfStep;
};

class RehearsalOperation : public ScratchOperation
{
    Q_OBJECT

public:
    RehearsalOperation(OperationContext context, OperationRequest request, WorkflowPorts ports, QObject *parent = nullptr);

    // Plans the paths for the request's heads on the scratch database at `url` (empty: a
    // SQLite file) in `directory` and writes the driver's plan (files: not on the GUI thread).
    static PreparedRehearsal prepare(const OperationContext &context, const OperationRequest &request,
                                     const TestUpgradeTarget &target, const QString &directory, const QString &url = {});

protected:
    void startOn(const QString &url) override;
    QString existingServerQuestion() const override;
    QString acceptText() const override { return tr("Rehearse"); }

private:
    void runPrepared(const PreparedRehearsal &prepared);
    void finishWith(RehearsalReport report);
};

} // namespace headway
