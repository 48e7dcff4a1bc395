// The test upgrade: a scratch database in a fresh temporary directory — a
// SQLite file, a throwaway PostgreSQL / MariaDB server, or a scratch database
// created on the server the user named, then dropped — the steps TestUpgrade
// plans, run by the driver in one process of the project's interpreter, then
// the project's tests. The user's database is never contacted. Every way out
// (success, failure, timeout, Cancel) stops the server and removes the directory.
#pragma once

#include "WorkflowOperation.h"
#include "engine/TestUpgradeTarget.h"

#include <memory>
#include <optional>

class QTemporaryDir;

namespace headway {

class ThrowawayServer;

// The scratch database and the steps that will run on it.
struct PreparedTestUpgrade {
    ScratchDatabase scratch;
    QList<DrivenStep> driven;
    std::optional<CommandStep> projectTests;
    QString driverScript; // written into the scratch directory
    QString planFile;
    QString marker;
    QString error;

    QList<CommandStep> steps() const; // every step, in order, as the panel lists them
};

class TestUpgradeOperation : public WorkflowOperation
{
    Q_OBJECT

public:
    TestUpgradeOperation(OperationContext context, OperationRequest request, WorkflowPorts ports,
                         QObject *parent = nullptr);
    ~TestUpgradeOperation() override;

    // Plans the steps on the scratch database at `url` (empty: a SQLite file) in `directory`,
    // and writes the driver and its plan there (files: not on the GUI thread).
    static PreparedTestUpgrade prepare(const OperationContext &context, const OperationRequest &request,
                                       const TestUpgradeTarget &target, const QString &directory, const QString &url = {});
    // The driver's process for a prepared run, and the one that drops a server's scratch database.
    static CommandLine driverCommand(const MigrationTool &scratchTool, const PreparedTestUpgrade &prepared,
                                     const QString &mode = QStringLiteral("run"));

protected:
    void run() override;
    void cancelWithoutSteps() override;
    void teardownThen(std::function<void()> next) override;

private:
    void onTarget(TestUpgradeTarget target);
    void startOn(const QString &url);
    void runPrepared(const PreparedTestUpgrade &prepared);
    void runProjectTests(const PreparedTestUpgrade &prepared);
    void dropScratchThen(std::function<void()> next);

    std::unique_ptr<QTemporaryDir> m_directory;
    TestUpgradeTarget m_target;
    std::unique_ptr<ThrowawayServer> m_server;
    std::optional<PreparedTestUpgrade> m_prepared;
    bool m_scratchCreated = false; // on a user's server: dropped in the teardown
};

} // namespace headway
