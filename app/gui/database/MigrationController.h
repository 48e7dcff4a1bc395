// Runs the project's own migration commands for the window, one at a time:
// keeps the MigrationTool (prepared off the GUI thread whenever a repository
// loads or its settings change), the database's current revisions (read with
// `current` after a load and after every command), a SQLite backup before
// anything that changes the database, and the reload and checks after a
// merge. No widgets: the console, the panels and the dialogs watch its signals.
#pragma once

#include "database/SqliteBackup.h"
#include "plan/MergeRequest.h"
#include "plan/MigrationPlanner.h"
#include "plan/TestUpgrade.h"
#include "runner/CommandSequence.h"
#include "runner/MigrationTool.h"

#include <QObject>

#include <functional>
#include <memory>
#include <optional>

class QTemporaryDir;

namespace headway {

struct DatabaseLocation;
class RepositorySession;

class MigrationController : public QObject
{
    Q_OBJECT

public:
    // What the controller is doing; steps and results carry it so a panel can
    // keep to its own kind (the test-upgrade panel shows only TestUpgrade steps).
    enum class Operation { None, Current, LocateDatabase, Upgrade, Downgrade, Stamp, PreviewSql, Merge, TestUpgrade, Restore, ResolveValues };
    Q_ENUM(Operation)

    explicit MigrationController(RepositorySession *session, QObject *parent = nullptr);
    ~MigrationController() override;

    bool hasRepository() const { return m_repository != nullptr; }
    std::shared_ptr<const Repository> repository() const { return m_repository; }
    bool isPreparing() const { return m_preparing; }
    bool isToolReady() const { return m_tool && m_tool->ready(); }
    const MigrationTool *tool() const { return m_tool ? &*m_tool : nullptr; } // null until prepared
    QString toolProblem() const;
    const RunSettings &settings() const { return m_settings; }
    bool isBusy() const { return m_operation != Operation::None; }
    Operation operation() const { return m_operation; }
    QString operationTitle() const { return isBusy() ? m_title : QString(); }
    // The running command changes the database or the migrations: stopping it midway may leave them half-done.
    bool isChanging() const;

    // The database's revisions as `current` last printed them (empty: at base).
    QStringList databaseRevisions() const { return m_databaseRevisions; }
    bool isDatabaseStateKnown() const { return m_databaseKnown; }
    QString databaseProblem() const { return m_databaseProblem; } // why the state is unknown
    int revisionsBehind() const;

    // What a command would do to the database as it is now (MigrationPlanner).
    MigrationPlan planUpgrade(const QString &target) const;
    MigrationPlan planDowngrade(const QString &target) const;
    MigrationPlan planStamp(const QString &target) const;
    QList<UndoStep> undoChoices() const;

    SqliteBackupCopy lastBackup() const { return m_lastBackup; }

    // Saves the settings for the repository and prepares the tool again.
    void setSettings(const RunSettings &settings);

    // Each starts a command and returns true, or returns false and emits
    // refused(reason) when it cannot start now (nothing loaded, no interpreter,
    // another command running).
    bool refreshDatabaseState();
    bool upgrade(const QString &target);
    bool downgrade(const QString &target);
    bool stamp(const QString &target);
    bool previewUpgradeSql(const QString &target);
    bool previewDowngradeSql(const QString &target);
    bool merge(const QStringList &heads, const QString &message);
    bool testUpgrade(); // on a scratch database, never the user's
    bool restoreLastBackup();
    // Imports the files whose revision identifiers are not literals with the project's
    // interpreter, remembers the values and reloads (the graph marks them).
    bool resolveWithPython();
    void cancel();

Q_SIGNALS:
    void repositoryChanged();        // a repository was loaded or reloaded
    void toolChanged();              // preparing started or finished
    void busyChanged(bool busy);
    void refused(const QString &reason);
    void status(const QString &message);
    void operationStarted(headway::MigrationController::Operation operation, const QString &title);
    void stepStarted(headway::MigrationController::Operation operation, int index, const headway::CommandStep &step);
    void outputLine(const QString &line);
    void stepFinished(headway::MigrationController::Operation operation, int index, const headway::StepResult &result);
    void operationFinished(headway::MigrationController::Operation operation, bool succeeded, const QString &message);
    void databaseRevisionsChanged(const QStringList &revisions);
    void backupMade(const headway::SqliteBackupCopy &copy);
    void mergeVerified(const headway::MergeVerification &verification);
    void testUpgradeStarted(const QList<headway::CommandStep> &steps);
    void testUpgradeFailureLocated(const headway::FailureSite &site);

private:
    using Continuation = std::function<void()>;

    void repositoryLoaded();
    void prepareTool();
    bool begin(Operation operation, const QString &title);
    void end(bool succeeded, const QString &message);
    bool cancelled();
    void runSteps(Operation operation, const QList<CommandStep> &steps,
                  std::function<void(const QList<StepResult> &, bool)> done);
    void runChanging(Operation operation, const CommandStep &step);
    void backUpThen(Continuation next);
    void backUpAt(const DatabaseLocation &location, Continuation next);
    void readCurrentThen(Continuation next);
    bool previewSql(const MigrationPlan &plan, const QString &title);
    void startTestUpgrade();
    void finishTestUpgrade(const QList<StepResult> &results, bool succeeded);
    void verifyMerge();

    RepositorySession *m_session;
    std::shared_ptr<const Repository> m_repository;
    QString m_repositoryPath; // whose settings and tool these are
    RunSettings m_settings;
    std::optional<MigrationTool> m_tool;
    bool m_preparing = false;
    int m_prepareJob = 0;

    Operation m_operation = Operation::None;
    CommandSequence *m_sequence = nullptr;
    QString m_title; // of the operation running
    bool m_cancelRequested = false;
    bool m_refreshAfterPrepare = false;

    QStringList m_databaseRevisions;
    bool m_databaseKnown = false;
    QString m_databaseProblem;
    SqliteBackupCopy m_lastBackup;

    std::shared_ptr<const Repository> m_mergeBefore; // waiting for the reload after a merge
    QStringList m_mergedHeads;
    std::unique_ptr<QTemporaryDir> m_scratch; // the test upgrade's database lives here
};

} // namespace headway
