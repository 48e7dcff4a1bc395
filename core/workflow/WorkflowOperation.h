// One running operation of the workflow (an upgrade, a merge, a test upgrade):
// the sequence every database command follows, written once for both front
// ends. It plans nothing itself and never touches widgets or the terminal: it
// asks its Confirmer, reports through its ProgressListener and OperationLog,
// emits domain signals, and ends with one OperationResult.
// Start it with start() after connecting; it deletes nothing itself: the owner
// deletes it after finished().
#pragma once

#include "OperationResult.h"
#include "WorkflowPorts.h"
#include "runner/MigrationTool.h"

#include <QObject>

#include <functional>

namespace headway {

class StepRunner;

// What an operation works on: the repository as loaded, its prepared tool and the
// database as last read.
struct OperationContext {
    std::shared_ptr<const Repository> repository;
    MigrationTool tool;
    DatabaseState database;
};

class WorkflowOperation : public QObject
{
    Q_OBJECT

public:
    WorkflowOperation(OperationContext context, OperationRequest request, WorkflowPorts ports, QObject *parent = nullptr);
    ~WorkflowOperation() override;

    void start(); // on the next event-loop turn, so callers can connect first
    // The user's cancel: the running command is terminated (then killed after a grace),
    // and the result says Cancelled, not Failed.
    void cancel();
    bool isRunning() const { return m_running; }
    bool isCancelRequested() const { return m_cancelRequested; }
    OperationKind kind() const { return m_request.kind; }
    QString title() const { return m_result.title; }
    const OperationResult &result() const { return m_result; }

    // Runs to the end in a local event loop (headway-cli); returns the result.
    OperationResult runToEnd();

Q_SIGNALS:
    void started(const QString &title);
    void stepStarted(int index, const headway::CommandStep &step);
    void outputLine(const QString &line);
    void stepFinished(int index, const headway::StepResult &result);
    void note(const QString &text);
    void finished(const headway::OperationResult &result);

protected:
    using StepsDone = std::function<void(const QList<StepResult> &results, bool succeeded)>;

    virtual void run() = 0;

    // Runs steps with the settings' timeout; their results are added to the result.
    void runSteps(const QList<CommandStep> &steps, StepsDone done);
    // The same with another runner (the test-upgrade driver); takes ownership.
    void runWith(StepRunner *runner, StepsDone done);
    // The user asked to cancel while no step runs (a server starting): stop what runs.
    virtual void cancelWithoutSteps() {}
    // Asks the confirmer; ends as NotConfirmed when it says no (or there is none).
    void confirmThen(const CommandConfirmation &confirmation, std::function<void()> next);
    // Ends the operation as Cancelled when the user asked to; true when it did.
    bool finishIfCancelRequested();
    // Ends the operation: outcome from the failed step when `succeeded` is false.
    void finishFromSteps(bool succeeded, const QString &successMessage);
    void finish(OperationResult::Outcome outcome, const QString &message);
    void addNote(const QString &text);
    // Locates the migration behind a failed step (reads files: off this thread), then ends;
    // `why` is the failure's own words, said after the migration that failed.
    void locateFailureThenFinish(OperationResult::Outcome outcome, const QString &message, const QString &why = {});
    // Before the operation ends (after success, failure or cancel): release what it holds.
    // The default has nothing to release.
    virtual void teardownThen(std::function<void()> next) { next(); }
    // Reads `current` again (even after a failure: it may have changed the database).
    void readCurrentThen(std::function<void()> next);

    const OperationContext &context() const { return m_context; }
    const OperationRequest &request() const { return m_request; }
    OperationResult &result() { return m_result; }
    const WorkflowPorts &ports() const { return m_ports; }
    void setTitle(const QString &title) { m_result.title = title; }

private:
    OperationContext m_context;
    OperationRequest m_request;
    WorkflowPorts m_ports;
    OperationResult m_result;
    StepRunner *m_sequence = nullptr;
    bool m_running = false;
    bool m_cancelRequested = false;
    bool m_finishing = false;
    bool m_finished = false;
};

} // namespace headway
