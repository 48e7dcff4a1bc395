// The test upgrade: a scratch SQLite database in a fresh temporary directory
// (the user's database is never contacted), the steps TestUpgrade plans, and the
// failing migration located with the others that create the same object.
#pragma once

#include "WorkflowOperation.h"

#include <memory>

class QTemporaryDir;

namespace headway {

// The scratch database and the steps that will run on it.
struct PreparedTestUpgrade {
    ScratchDatabase scratch;
    QList<CommandStep> steps;
};

class TestUpgradeOperation : public WorkflowOperation
{
    Q_OBJECT

public:
    TestUpgradeOperation(OperationContext context, OperationRequest request, WorkflowPorts ports,
                         QObject *parent = nullptr);
    ~TestUpgradeOperation() override;

    // Makes the scratch database in `directory` and plans the steps (reads files: not on the GUI thread).
    static PreparedTestUpgrade prepare(const OperationContext &context, const OperationRequest &request,
                                       const QString &directory);

protected:
    void run() override;

private:
    void runPrepared(const PreparedTestUpgrade &prepared);

    std::unique_ptr<QTemporaryDir> m_directory;
};

} // namespace headway
