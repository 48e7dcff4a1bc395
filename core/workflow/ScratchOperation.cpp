#include "workflow/ScratchOperation.h"

#include "engine/ServerRegistry.h"
#include "engine/ThrowawayServer.h"
#include "runner/DriverSequence.h"
#include "workflow/BackgroundWork.h"
#include "workflow/CommandConfirmation.h"

#include <QDir>
#include <QTemporaryDir>

namespace headway {

ScratchOperation::ScratchOperation(OperationContext context, OperationRequest request, WorkflowPorts ports, QObject *parent)
    : WorkflowOperation(std::move(context), std::move(request), ports, parent)
{
}

ScratchOperation::~ScratchOperation() = default; // a server still running is stopped by its destructor

QString ScratchOperation::directory() const
{
    return m_directory ? m_directory->path() : QString();
}

void ScratchOperation::dropInTeardown(const CommandLine &drop)
{
    if (m_target.choice.onExistingServer())
        m_drop = drop;
}

void ScratchOperation::run()
{
    m_directory = std::make_unique<QTemporaryDir>(QDir::tempPath() + QStringLiteral("/headway-test-upgrade-XXXXXX"));
    if (!m_directory->isValid()) {
        finish(OperationResult::Outcome::Failed,
               tr("Cannot create a directory for the scratch database: %1").arg(m_directory->errorString()));
        return;
    }
    ServerRegistry().record(m_directory->path(), QStringLiteral("test-upgrade scratch directory"));
    const MigrationTool tool = context().tool;
    const OperationRequest request = this->request();
    runInBackground(this, [tool, request] { return TestUpgradeTarget::decide(tool, request.engine, request.server); },
                    [this](const TestUpgradeTarget &target) { onTarget(target); });
}

void ScratchOperation::onTarget(TestUpgradeTarget target)
{
    for (const QString &note : std::as_const(target.notes))
        addNote(note);
    m_target = target;
    result().engine = engineKey(target.engine());
    if (finishIfCancelRequested())
        return;
    if (target.offerSqlite) {
        CommandConfirmation offer;
        offer.title = tr("Use SQLite instead?");
        offer.question = tr("%1 Use a scratch SQLite database instead?").arg(target.problem);
        offer.warning = tr("SQLite may fail where %1 would not (JSONB, ARRAY, ALTER COLUMN … TYPE, named constraints), "
                           "and pass where %1 would fail.").arg(engineDisplayName(target.engine()));
        offer.acceptText = tr("Use SQLite");
        confirmThen(offer, [this] {
            m_target.fallBackToSqlite();
            addNote(tr("Engine: SQLite (accepted instead)"));
            onTarget(m_target);
        });
        return;
    }
    if (!target.problem.isEmpty()) {
        finish(OperationResult::Outcome::Refused, target.problem);
        return;
    }
    result().server = target.engineLine();
    if (ports().progress)
        ports().progress->runsOn(result().server);
    if (target.choice.onExistingServer()) {
        CommandConfirmation confirmation;
        confirmation.title = tr("Use %1 for the scratch database?").arg(target.choice.server.shown());
        confirmation.question = existingServerQuestion();
        confirmation.effects = {tr("No other database on that server is touched."),
                                tr("The server's password is never shown or logged."),
                                tr("The project's configured database is not contacted.")};
        confirmation.acceptText = acceptText();
        confirmation.destructive = false;
        confirmThen(confirmation, [this] { startOn(m_target.existingServerUrl()); });
        return;
    }
    if (target.choice.needsThrowawayServer())
        startServer();
    else
        startOn({});
}

void ScratchOperation::startServer()
{
    m_server = std::make_unique<ThrowawayServer>(m_target.engine());
    connect(m_server.get(), &ThrowawayServer::failed, this,
            [this](const QString &message) { finish(OperationResult::Outcome::Failed, message); });
    connect(m_server.get(), &ThrowawayServer::ready, this, [this] {
        addNote(tr("Started %1").arg(m_server->description()));
        result().server = m_server->description();
        if (ports().progress)
            ports().progress->runsOn(result().server);
        startOn(m_server->url(m_target.driver.dialect, m_target.driver.driver, m_target.scratchName));
    });
    addNote(tr("Starting a throwaway %1 server…").arg(engineDisplayName(m_target.engine())));
    m_server->start();
}

void ScratchOperation::runDriver(const PreparedDriverRun &prepared, StepsDone done)
{
    result().scratchUrl = prepared.scratch.shownUrl;
    if (!prepared.error.isEmpty()) {
        finish(OperationResult::Outcome::Failed, prepared.error);
        return;
    }
    if (finishIfCancelRequested())
        return;
    if (ports().progress)
        ports().progress->stepsPlanned(prepared.steps());
    QList<CommandStep> driven;
    for (const DrivenStep &step : prepared.driven)
        driven += step.step;
    const MigrationTool scratchTool = TestUpgrade::toolFor(context().tool, prepared.scratch);
    dropInTeardown(DriverRun::command(scratchTool, prepared, QStringLiteral("drop"))); // from here on it may exist
    runWith(new DriverSequence(DriverRun::command(scratchTool, prepared), driven, prepared.marker), std::move(done));
}

void ScratchOperation::cancelWithoutSteps()
{
    // Starting a server, or planning: stop the server; the teardown and the end follow.
    if (m_server && !m_server->isRunning())
        finish(OperationResult::Outcome::Cancelled, tr("%1: cancelled").arg(title()));
}

void ScratchOperation::dropScratchThen(std::function<void()> next)
{
    if (!m_drop) {
        next();
        return;
    }
    const CommandStep drop{tr("Drop the scratch database %1").arg(m_target.scratchName), *m_drop, true};
    m_drop.reset();
    runSteps({drop}, [next = std::move(next)](const QList<StepResult> &, bool) { next(); });
}

void ScratchOperation::teardownThen(std::function<void()> next)
{
    dropScratchThen([this, next = std::move(next)] {
        const auto removeDirectory = [this, next] {
            if (m_directory)
                ServerRegistry().remove(m_directory->path());
            m_directory.reset(); // every process has ended: nothing holds the scratch database any more
            next();
        };
        if (!m_server) {
            removeDirectory();
            return;
        }
        connect(m_server.get(), &ThrowawayServer::stopped, this, [this, removeDirectory] {
            addNote(tr("Stopped the throwaway %1 server and removed its directory").arg(engineDisplayName(m_server->engine())));
            m_server.release()->deleteLater(); // it emitted this signal
            removeDirectory();
        });
        m_server->stop();
    });
}

} // namespace headway
