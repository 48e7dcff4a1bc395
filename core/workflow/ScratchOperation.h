// What every operation on a scratch database shares (the test upgrade, the
// merge rehearsal): a fresh temporary directory; the engine decided from the
// project (SQLite offered when a server cannot start); a throwaway server
// started, or the user's server confirmed; and a teardown on every way out —
// success, failure, timeout, Cancel — that drops the scratch database from the
// user's server, stops the throwaway one and removes the directory. The user's
// configured database is never contacted.
#pragma once

#include "DriverRun.h"
#include "WorkflowOperation.h"
#include "workflow/BackgroundWork.h"
#include "engine/TestUpgradeTarget.h"

#include <memory>

class QTemporaryDir;

namespace headway {

class ThrowawayServer;

class ScratchOperation : public WorkflowOperation
{
    Q_OBJECT

public:
    ScratchOperation(OperationContext context, OperationRequest request, WorkflowPorts ports, QObject *parent = nullptr);
    ~ScratchOperation() override;

protected:
    void run() override;
    void cancelWithoutSteps() override;
    void teardownThen(std::function<void()> next) override;

    // The scratch database is ready at `url` (empty: a SQLite file in directory()).
    virtual void startOn(const QString &url) = 0;
    // What the confirmation says will happen on the user's own server.
    virtual QString existingServerQuestion() const = 0;
    virtual QString acceptText() const = 0;

    // Plans on a worker thread (it writes the driver and its plan), then calls `done` here.
    template<typename Prepare, typename Done>
    void prepareInBackground(Prepare prepare, Done done);
    // Runs a prepared driver: its steps shown, the scratch database dropped in the teardown.
    void runDriver(const PreparedDriverRun &prepared, StepsDone done);

    const TestUpgradeTarget &target() const { return m_target; }
    QString directory() const;
    // From here on the scratch database may exist on the user's server: `drop` removes it in the teardown.
    void dropInTeardown(const CommandLine &drop);

private:
    void onTarget(TestUpgradeTarget target);
    void startServer();
    void dropScratchThen(std::function<void()> next);

    std::unique_ptr<QTemporaryDir> m_directory;
    TestUpgradeTarget m_target;
    std::unique_ptr<ThrowawayServer> m_server;
    std::optional<CommandLine> m_drop;
};

template<typename Prepare, typename Done>
void ScratchOperation::prepareInBackground(Prepare prepare, Done done)
{
    if (finishIfCancelRequested())
        return;
    runInBackground(this, [prepare, context = context(), request = request(), target = m_target, directory = directory()] {
        return prepare(context, request, target, directory);
    }, done);
}

} // namespace headway
