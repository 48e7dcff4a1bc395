#include "database/MigrationController.h"

#include "session/RepositorySession.h"
#include "workflow/BackgroundWork.h"
#include "workflow/DatabaseChange.h"
#include "workflow/Workflow.h"

namespace headway {

namespace {

MigrationController::Operation operationOf(OperationKind kind)
{
    using Op = MigrationController::Operation;
    switch (kind) {
    case OperationKind::Current: return Op::Current;
    case OperationKind::Upgrade: return Op::Upgrade;
    case OperationKind::Downgrade: return Op::Downgrade;
    case OperationKind::Stamp: return Op::Stamp;
    case OperationKind::PreviewSql: return Op::PreviewSql;
    case OperationKind::Merge: return Op::Merge;
    case OperationKind::TestUpgrade: return Op::TestUpgrade;
    case OperationKind::Restore: return Op::Restore;
    case OperationKind::ResolveValues: return Op::ResolveValues;
    case OperationKind::Rehearse: return Op::Rehearse;
    }
    return Op::None;
}

} // namespace

class MigrationController::Ports : public Confirmer, public ProgressListener, public OperationLog, public RepositorySource
{
public:
    explicit Ports(MigrationController *controller)
        : c(controller)
    {
    }
    void confirm(const CommandConfirmation &confirmation, std::function<void(bool)> answer) override
    {
        if (c->m_confirm)
            c->m_confirm(confirmation, std::move(answer));
        else
            answer(false);
    }
    void stepsPlanned(const QList<CommandStep> &steps) override
    {
        Q_EMIT c->stepsPlanned(c->m_kind, steps);
        if (c->m_kind == Operation::TestUpgrade)
            Q_EMIT c->testUpgradeStarted(steps);
    }
    void runsOn(const QString &where) override { Q_EMIT c->testUpgradeRunsOn(where); }
    void stepStarted(int index, const CommandStep &step) override { Q_EMIT c->stepStarted(c->m_kind, index, step); }
    void stepFinished(int index, const StepResult &result) override { Q_EMIT c->stepFinished(c->m_kind, index, result); }
    void outputLine(const QString &line) override { Q_EMIT c->outputLine(line); }
    void note(const QString &text) override { Q_EMIT c->status(text); }
    void reload(std::function<void(std::shared_ptr<const Repository>)> done) override
    {
        // Set before reload(): a quick load may report before it returns.
        c->m_reloadDone = std::move(done);
        c->m_session->reload();
    }

private:
    MigrationController *c;
};

MigrationController::MigrationController(RepositorySession *session, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_ports(std::make_unique<Ports>(this))
{
    qRegisterMetaType<CommandStep>();
    qRegisterMetaType<StepResult>();
    qRegisterMetaType<OperationResult>();
    connect(session, &RepositorySession::repositoryReady, this, &MigrationController::repositoryLoaded);
    connect(session, &RepositorySession::closed, this, &MigrationController::repositoryClosed);
    connect(session, &RepositorySession::operationsRead, this, &MigrationController::operationsRead);
    connect(session, &RepositorySession::loadFailed, this, [this] {
        if (auto done = std::exchange(m_reloadDone, {}))
            done(nullptr);
    });
}

MigrationController::~MigrationController() = default;

MigrationController::Operation MigrationController::operation() const
{
    return m_running ? m_kind : Operation::None;
}

QString MigrationController::operationTitle() const
{
    return m_running ? m_running->title() : QString();
}

bool MigrationController::isChanging() const
{
    return m_running && headway::isChanging(m_running->kind());
}

std::shared_ptr<const LoadedRepository> MigrationController::loadedRepository() const
{
    return m_session->loaded();
}

QString MigrationController::toolProblem() const
{
    if (m_preparing)
        return tr("Headway is still looking for a Python interpreter that can run this project's migrations.");
    if (!m_tool)
        return tr("Open a repository first.");
    return m_tool->problem();
}

int MigrationController::revisionsBehind() const
{
    if (!m_repository || !m_database.known)
        return -1;
    return MigrationPlanner(m_repository->graph).revisionsBehind(m_database.revisions);
}

MigrationPlan MigrationController::plan(OperationKind kind, const QString &target) const
{
    return m_repository ? Workflow::plan(kind, *m_repository, m_database, target) : MigrationPlan{};
}

MigrationPlan MigrationController::planUpgrade(const QString &target) const
{
    return plan(OperationKind::Upgrade, target);
}

MigrationPlan MigrationController::planDowngrade(const QString &target) const
{
    return plan(OperationKind::Downgrade, target);
}

MigrationPlan MigrationController::planStamp(const QString &target) const
{
    return plan(OperationKind::Stamp, target);
}

QList<UndoStep> MigrationController::undoChoices() const
{
    return m_repository ? MigrationPlanner(m_repository->graph).undoChoices(m_database.revisions) : QList<UndoStep>{};
}

CommandLine MigrationController::commandFor(const OperationRequest &request) const
{
    if (!m_repository || !m_tool)
        return {};
    return DatabaseChange::commandFor({m_repository, *m_tool, m_database}, request, nullptr);
}

void MigrationController::setSettings(const RunSettings &settings)
{
    m_settings = settings;
    if (!m_repositoryPath.isEmpty())
        RunSettingsStore::save(m_repositoryPath, settings);
    m_refreshAfterPrepare = true;
    prepareTool();
}

void MigrationController::reloadSettings()
{
    if (m_repositoryPath.isEmpty())
        return;
    RunSettings stored = RunSettingsStore::load(m_repositoryPath);
    if (stored == m_settings)
        return;
    m_settings = std::move(stored);
    m_refreshAfterPrepare = true;
    prepareTool();
}

void MigrationController::repositoryLoaded()
{
    m_repository = m_session->repository();
    if (!m_repository)
        return;
    Q_EMIT repositoryChanged();
    if (auto done = std::exchange(m_reloadDone, {}))
        done(m_repository);
    const QString path = m_repository->layout.baseDirectory;
    if (path == m_repositoryPath)
        return; // a reload: same tool, same database
    m_repositoryPath = path;
    m_settings = RunSettingsStore::load(path);
    m_database = {};
    m_lastBackup = {};
    Q_EMIT databaseRevisionsChanged(m_database.revisions);
    m_refreshAfterPrepare = true;
    prepareTool();
}

void MigrationController::repositoryClosed()
{
    // The window closes a repository only while no command runs (a running one keeps its own copies).
    m_repository.reset();
    m_repositoryPath.clear(); // opening it again prepares its tool and reads its database afresh
    m_tool.reset();
    ++m_prepareJob; // a tool still being prepared is for nothing now
    m_preparing = false;
    m_refreshAfterPrepare = false;
    m_database = {};
    m_lastBackup = {};
    Q_EMIT databaseRevisionsChanged(m_database.revisions);
    Q_EMIT repositoryChanged();
    Q_EMIT toolChanged();
}

void MigrationController::prepareTool()
{
    if (!m_repository)
        return;
    const int job = ++m_prepareJob;
    m_preparing = true;
    Q_EMIT toolChanged();
    const std::shared_ptr<const Repository> repository = m_repository;
    const RunSettings settings = m_settings;
    runInBackground(
        this, [repository, settings] { return MigrationTool::prepare(*repository, settings); },
        [this, job](MigrationTool tool) {
            if (job != m_prepareJob)
                return; // the settings or the repository changed meanwhile
            m_tool = std::move(tool);
            m_preparing = false;
            Q_EMIT toolChanged();
            if (!m_tool->ready()) {
                Q_EMIT status(tr("Commands cannot run: %1").arg(m_tool->problem()));
                return;
            }
            if (m_refreshAfterPrepare && !isBusy()) {
                m_refreshAfterPrepare = false;
                refreshDatabaseState();
            }
        });
}

bool MigrationController::run(OperationRequest request)
{
    QString reason;
    if (!m_repository)
        reason = tr("Open a repository first.");
    else if (isBusy())
        reason = tr("“%1” is still running: wait for it to finish or cancel it first.").arg(m_running->title());
    else if (!isToolReady() || m_preparing)
        reason = tr("Cannot run commands yet: %1").arg(toolProblem());
    else
        reason = Workflow::refusal({m_repository, *m_tool, m_database}, request);
    if (!reason.isEmpty()) {
        Q_EMIT refused(reason);
        return false;
    }
    WorkflowPorts ports{m_ports.get(), m_ports.get(), m_ports.get(), m_ports.get()};
    headway::WorkflowOperation *operation = Workflow::create({m_repository, *m_tool, m_database}, std::move(request), ports, this);
    m_running = operation;
    m_kind = operationOf(operation->kind());
    connect(operation, &headway::WorkflowOperation::finished, this, &MigrationController::finished);
    Q_EMIT busyChanged(true);
    Q_EMIT operationStarted(m_kind, operation->title());
    operation->start();
    return true;
}

void MigrationController::finished(const OperationResult &result)
{
    const Operation kind = m_kind;
    if (m_running)
        m_running->deleteLater(); // it emitted this signal
    m_running = nullptr;
    m_kind = Operation::None;
    m_lastResult = result;
    if (result.kind != OperationKind::PreviewSql && result.after != m_database) {
        m_database = result.after;
        Q_EMIT databaseRevisionsChanged(m_database.revisions);
    }
    if (result.backup.made()) {
        m_lastBackup = result.backup;
        Q_EMIT backupMade(result.backup);
    }
    if (result.kind == OperationKind::Merge && result.repositoryAfter)
        Q_EMIT mergeVerified(result.merge);
    if (result.kind == OperationKind::TestUpgrade && result.failedStep()
        && result.outcome == OperationResult::Outcome::Failed)
        Q_EMIT testUpgradeFailureLocated(result.site);
    Q_EMIT operationResult(result);
    const bool refusedToStart = result.outcome == OperationResult::Outcome::Refused;
    if (refusedToStart)
        Q_EMIT refused(result.message);
    Q_EMIT operationFinished(kind, result.succeeded(), result.message);
    Q_EMIT busyChanged(false);
    if (!result.message.isEmpty() && !refusedToStart)
        Q_EMIT status(result.message);
    if (result.kind == OperationKind::ResolveValues && result.succeeded() && !result.repositoryAfter)
        m_session->reload();
}

bool MigrationController::runPlanned(OperationKind kind, const QString &target, MigrationPlan::Kind direction)
{
    OperationRequest request;
    request.kind = kind;
    request.plan = plan(direction == MigrationPlan::Kind::Downgrade ? OperationKind::Downgrade
                        : direction == MigrationPlan::Kind::Stamp  ? OperationKind::Stamp
                                                                   : OperationKind::Upgrade,
                        target);
    request.confirmed = true; // the caller confirmed this target
    return run(request);
}

bool MigrationController::refreshDatabaseState()
{
    return run(OperationRequest::of(OperationKind::Current));
}

bool MigrationController::upgrade(const QString &target)
{
    return runPlanned(OperationKind::Upgrade, target, MigrationPlan::Kind::Upgrade);
}

bool MigrationController::downgrade(const QString &target)
{
    return runPlanned(OperationKind::Downgrade, target, MigrationPlan::Kind::Downgrade);
}

bool MigrationController::stamp(const QString &target)
{
    return runPlanned(OperationKind::Stamp, target, MigrationPlan::Kind::Stamp);
}

bool MigrationController::previewUpgradeSql(const QString &target)
{
    return runPlanned(OperationKind::PreviewSql, target, MigrationPlan::Kind::Upgrade);
}

bool MigrationController::previewDowngradeSql(const QString &target)
{
    return runPlanned(OperationKind::PreviewSql, target, MigrationPlan::Kind::Downgrade);
}

bool MigrationController::merge(const QStringList &heads, const QString &message)
{
    OperationRequest request;
    request.kind = OperationKind::Merge;
    request.heads = heads;
    request.message = message;
    request.confirmed = true; // the merge dialog showed what is merged, and any cross-branch warning
    return run(request);
}

bool MigrationController::testUpgrade()
{
    return run(OperationRequest::of(OperationKind::TestUpgrade));
}

bool MigrationController::rehearse(const QStringList &heads)
{
    OperationRequest request = OperationRequest::of(OperationKind::Rehearse);
    request.heads = heads; // engine and server: the run settings'
    return run(request);
}

bool MigrationController::restoreLastBackup()
{
    OperationRequest request;
    request.kind = OperationKind::Restore;
    request.backup = m_lastBackup;
    request.confirmed = true;
    return run(request);
}

bool MigrationController::resolveWithPython()
{
    return run(OperationRequest::of(OperationKind::ResolveValues));
}

void MigrationController::cancel()
{
    if (m_running)
        m_running->cancel();
}

} // namespace headway
