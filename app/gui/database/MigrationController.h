// The window's side of the core workflow: keeps the MigrationTool (prepared off
// the GUI thread whenever a repository loads or its settings change), the
// database's state as last read, the last SQLite backup, and the one operation
// running; it is the workflow's progress, log and repository source for the
// window and re-emits what the console, the panels and the dialogs show.
// No widgets here. Confirmation happens before a request reaches it: the
// dialog showed the very plan the request carries.
#pragma once

#include "layout/LoadedRepository.h"
#include "workflow/WorkflowOperation.h"
#include "workflow/WorkflowPorts.h"

#include <QObject>
#include <QPointer>

#include <memory>
#include <optional>

namespace headway {

class RepositorySession;

class MigrationController : public QObject
{
    Q_OBJECT

public:
    // What the controller is doing; steps and results carry it so a panel can
    // keep to its own kind (the test-upgrade panel shows only TestUpgrade steps).
    enum class Operation { None, Current, LocateDatabase, Upgrade, Downgrade, Stamp, PreviewSql, Merge, TestUpgrade, Restore, ResolveValues, Rehearse };
    Q_ENUM(Operation)

    explicit MigrationController(RepositorySession *session, QObject *parent = nullptr);
    ~MigrationController() override;

    bool hasRepository() const { return m_repository != nullptr; }
    std::shared_ptr<const Repository> repository() const { return m_repository; }
    // The shown repository with its operations (what the merge dialog's conflict check reads).
    std::shared_ptr<const LoadedRepository> loadedRepository() const;
    bool isPreparing() const { return m_preparing; }
    bool isToolReady() const { return m_tool && m_tool->ready(); }
    const MigrationTool *tool() const { return m_tool ? &*m_tool : nullptr; } // null until prepared
    QString toolProblem() const;
    const RunSettings &settings() const { return m_settings; }
    bool isBusy() const { return m_running != nullptr; }
    Operation operation() const;
    QString operationTitle() const;
    // The running command changes the database or the migrations: stopping it midway may leave them half-done.
    bool isChanging() const;

    // The database's revisions as `current` last printed them (empty: at base).
    QStringList databaseRevisions() const { return m_database.revisions; }
    const DatabaseState &databaseState() const { return m_database; }
    bool isDatabaseStateKnown() const { return m_database.known; }
    QString databaseProblem() const { return m_database.problem; } // why the state is unknown
    int revisionsBehind() const;

    // What a command would do to the database as it is now (MigrationPlanner).
    MigrationPlan planUpgrade(const QString &target) const;
    MigrationPlan planDowngrade(const QString &target) const;
    MigrationPlan planStamp(const QString &target) const;
    QList<UndoStep> undoChoices() const;
    // The command a confirmed request will run (what the confirmation shows).
    CommandLine commandFor(const OperationRequest &request) const;

    SqliteBackupCopy lastBackup() const { return m_lastBackup; }
    const OperationResult &lastResult() const { return m_lastResult; }

    // Saves the settings for the repository and prepares the tool again.
    void setSettings(const RunSettings &settings);
    // Reads the repository's settings again (the defaults in Preferences changed: a
    // repository without settings of its own follows them) and prepares the tool again
    // if they differ.
    void reloadSettings();
    // Asks the user while an operation runs (DatabaseCommands' dialog); without one, the answer is no.
    using Confirm = std::function<void(const CommandConfirmation &confirmation, std::function<void(bool)> answer)>;
    void setConfirmer(Confirm confirm) { m_confirm = std::move(confirm); }

    // Starts a request the user confirmed (its plan is what runs) and returns true, or
    // returns false and emits refused(reason) when it cannot start now.
    bool run(OperationRequest request);
    // Shorthands that plan for the database as it is now and run: for callers that
    // confirmed in their own way (the tests, the screenshot mode).
    bool refreshDatabaseState();
    bool upgrade(const QString &target);
    bool downgrade(const QString &target);
    bool stamp(const QString &target);
    bool previewUpgradeSql(const QString &target);
    bool previewDowngradeSql(const QString &target);
    bool merge(const QStringList &heads, const QString &message);
    bool testUpgrade(); // on a scratch database, never the user's
    // Every path to the merged state of `heads` (full ids), on scratch databases: never the user's.
    bool rehearse(const QStringList &heads);
    bool restoreLastBackup();
    // Imports the files whose revision identifiers are not literals with the project's
    // interpreter, remembers the values and reloads (the graph marks them).
    bool resolveWithPython();
    // Terminates the running command (then kills it after a grace period).
    void cancel();

Q_SIGNALS:
    void repositoryChanged();        // a repository was loaded or reloaded
    // The shown repository's operations were read after it was shown (RepositorySession::operationsRead).
    void operationsRead(const std::shared_ptr<const headway::LoadedRepository> &loaded);
    void toolChanged();              // preparing started or finished
    void busyChanged(bool busy);
    void refused(const QString &reason);
    void status(const QString &message);
    void operationStarted(headway::MigrationController::Operation operation, const QString &title);
    // The steps an operation on a scratch database will run (the test upgrade, the rehearsal).
    void stepsPlanned(headway::MigrationController::Operation operation, const QList<headway::CommandStep> &steps);
    void stepStarted(headway::MigrationController::Operation operation, int index, const headway::CommandStep &step);
    void outputLine(const QString &line);
    void stepFinished(headway::MigrationController::Operation operation, int index, const headway::StepResult &result);
    void operationFinished(headway::MigrationController::Operation operation, bool succeeded, const QString &message);
    void operationResult(const headway::OperationResult &result);
    void databaseRevisionsChanged(const QStringList &revisions);
    void backupMade(const headway::SqliteBackupCopy &copy);
    void mergeVerified(const headway::MergeVerification &verification);
    void testUpgradeStarted(const QList<headway::CommandStep> &steps);
    void testUpgradeRunsOn(const QString &where); // "PostgreSQL 15, throwaway server …"
    void testUpgradeFailureLocated(const headway::FailureSite &site);

private:
    void repositoryLoaded();
    void repositoryClosed();
    void prepareTool();
    void finished(const OperationResult &result);
    MigrationPlan plan(OperationKind kind, const QString &target) const;
    bool runPlanned(OperationKind kind, const QString &target, MigrationPlan::Kind direction);

    // The workflow's progress, log and repository source, forwarded to this object's signals.
    class Ports;
    friend class Ports;

    RepositorySession *m_session;
    std::unique_ptr<Ports> m_ports;
    Confirm m_confirm;
    std::shared_ptr<const Repository> m_repository;
    QString m_repositoryPath; // whose settings and tool these are
    RunSettings m_settings;
    std::optional<MigrationTool> m_tool;
    bool m_preparing = false;
    int m_prepareJob = 0;
    bool m_refreshAfterPrepare = false;

    QPointer<headway::WorkflowOperation> m_running;
    Operation m_kind = Operation::None;
    DatabaseState m_database;
    SqliteBackupCopy m_lastBackup;
    OperationResult m_lastResult;
    std::function<void(std::shared_ptr<const Repository>)> m_reloadDone; // a merge waits for the reload
};

} // namespace headway
