// The test upgrade: on a scratch database (ScratchOperation: a SQLite file, a
// throwaway PostgreSQL / MariaDB server, or a scratch database on the server
// the user named), the steps TestUpgrade plans, run by the driver in one
// process of the project's interpreter, then the project's tests.
#pragma once

#include "DriverRun.h"
#include "ScratchOperation.h"

#include <optional>

namespace headway {

class TestUpgradeOperation : public ScratchOperation
{
    Q_OBJECT

public:
    TestUpgradeOperation(OperationContext context, OperationRequest request, WorkflowPorts ports,
                         QObject *parent = nullptr);

    // Plans the steps on the scratch database at `url` (empty: a SQLite file) in `directory`,
    // and writes the driver and its plan there (files: not on the GUI thread).
    static PreparedDriverRun prepare(const OperationContext &context, const OperationRequest &request,
                                     const TestUpgradeTarget &target, const QString &directory, const QString &url = {});

protected:
    void startOn(const QString &url) override;
    QString existingServerQuestion() const override;
    QString acceptText() const override { return tr("Run Test Upgrade"); }

private:
    void runPrepared(const PreparedDriverRun &prepared);
    void runProjectTests(const PreparedDriverRun &prepared);
};

} // namespace headway
