#include "workflow/TestUpgradeOperation.h"

#include "engine/ServerRegistry.h"
#include "engine/ThrowawayServer.h"
#include "io/AtomicFile.h"
#include "runner/DriverSequence.h"
#include "workflow/BackgroundWork.h"
#include "workflow/CommandConfirmation.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTemporaryDir>

namespace headway {

namespace {

QString driverSource()
{
    QFile resource(QStringLiteral(":/headway/python/headway_stairway.py"));
    return resource.open(QIODevice::ReadOnly) ? QString::fromUtf8(resource.readAll()) : QString();
}

} // namespace

QList<CommandStep> PreparedTestUpgrade::steps() const
{
    QList<CommandStep> all;
    for (const DrivenStep &step : driven)
        all += step.step;
    if (projectTests)
        all += *projectTests;
    return all;
}

TestUpgradeOperation::TestUpgradeOperation(OperationContext context, OperationRequest request, WorkflowPorts ports,
                                           QObject *parent)
    : WorkflowOperation(std::move(context), std::move(request), ports, parent)
{
    setTitle(tr("Test upgrade on a scratch database"));
}

TestUpgradeOperation::~TestUpgradeOperation() = default; // a server still running is stopped by its destructor

PreparedTestUpgrade TestUpgradeOperation::prepare(const OperationContext &context, const OperationRequest &request,
                                                  const TestUpgradeTarget &target, const QString &directory,
                                                  const QString &url)
{
    PreparedTestUpgrade prepared;
    const MigrationTool &tool = context.tool;
    prepared.scratch = url.isEmpty() ? TestUpgrade::prepareScratch(tool, directory)
                                     : TestUpgrade::prepareScratchAt(tool, directory, url);
    if (!prepared.scratch.error.isEmpty()) {
        prepared.error = prepared.scratch.error;
        return prepared;
    }
    const MigrationTool scratchTool = TestUpgrade::toolFor(tool, prepared.scratch);
    const bool onServer = target.engine() != DatabaseEngine::Sqlite;
    // The server's own database, to create and drop the scratch one from.
    QString adminUrl;
    if (target.choice.onExistingServer())
        adminUrl = target.existingServerAdminUrl();
    else if (onServer)
        adminUrl = DatabaseUrl::parse(url).withDatabase(target.engine() == DatabaseEngine::PostgreSql ? QStringLiteral("postgres") : QString());
    prepared.driven = TestUpgrade::drivenSteps(*context.repository, scratchTool, prepared.scratch,
                                               onServer ? target.scratchName : QString(), adminUrl);
    const QStringList testCommand = request.testCommand.value_or(tool.settings().testCommand);
    prepared.projectTests = TestUpgrade::projectTestStep(scratchTool, testCommand, request.projectTests);

    // The driver and its plan; a random marker tells its protocol lines from the migrations' output.
    prepared.marker = QStringLiteral("HEADWAY-STEP-%1").arg(QRandomGenerator::system()->generate64(), 16, 16, QLatin1Char('0'));
    prepared.driverScript = QDir(directory).filePath(QStringLiteral("headway_stairway.py"));
    prepared.planFile = QDir(directory).filePath(QStringLiteral("plan.json"));
    QJsonArray actions;
    for (const DrivenStep &step : std::as_const(prepared.driven))
        actions.append(step.action);
    QJsonObject plan{{QStringLiteral("marker"), prepared.marker},
                     {QStringLiteral("backend"), tool.backend().kind == MigrationBackend::Kind::FlaskMigrate
                                                     ? QStringLiteral("flask") : QStringLiteral("alembic")},
                     {QStringLiteral("directory"), tool.backend().migrationsDirectory},
                     {QStringLiteral("ini"), prepared.scratch.configFile},
                     {QStringLiteral("steps"), actions}};
    if (onServer) {
        plan.insert(QStringLiteral("admin_url"), adminUrl);
        plan.insert(QStringLiteral("database"), target.scratchName);
    }
    const QString source = driverSource();
    prepared.error = source.isEmpty() ? QStringLiteral("Headway's test-upgrade driver is missing from this build")
                                      : AtomicFile::write(prepared.driverScript, source.toUtf8());
    if (prepared.error.isEmpty())
        prepared.error = AtomicFile::write(prepared.planFile, QJsonDocument(plan).toJson());
    return prepared;
}

CommandLine TestUpgradeOperation::driverCommand(const MigrationTool &scratchTool, const PreparedTestUpgrade &prepared,
                                                const QString &mode)
{
    // -B: the driver writes no bytecode into the scratch directory.
    return scratchTool.pythonCommand({QStringLiteral("-B"), prepared.driverScript, mode, prepared.planFile});
}

void TestUpgradeOperation::run()
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

void TestUpgradeOperation::onTarget(TestUpgradeTarget target)
{
    for (const QString &note : std::as_const(target.notes))
        addNote(note);
    m_target = target;
    result().engine = engineKey(target.engine());
    if (finishIfCancelRequested())
        return;
    if (target.offerSqlite) {
        CommandConfirmation offer;
        offer.title = tr("Test upgrade on SQLite instead?");
        offer.question = tr("%1 Run the test upgrade on a scratch SQLite database instead?").arg(target.problem);
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
        confirmation.title = tr("Test upgrade on %1?").arg(target.choice.server.shown());
        confirmation.question = tr("Headway creates the database %1 on %2, runs every migration up, down and up "
                                   "again there, and drops it afterwards.")
                                    .arg(target.scratchName, target.choice.server.shown());
        confirmation.effects = {tr("No other database on that server is touched."),
                                tr("The server's password is never shown or logged."),
                                tr("The project's configured database is not contacted.")};
        confirmation.acceptText = tr("Run Test Upgrade");
        confirmation.destructive = false;
        confirmThen(confirmation, [this] { startOn(m_target.existingServerUrl()); });
        return;
    }
    if (!target.choice.needsThrowawayServer()) {
        startOn({});
        return;
    }
    m_server = std::make_unique<ThrowawayServer>(target.engine());
    connect(m_server.get(), &ThrowawayServer::failed, this,
            [this](const QString &message) { finish(OperationResult::Outcome::Failed, message); });
    connect(m_server.get(), &ThrowawayServer::ready, this, [this] {
        addNote(tr("Started %1").arg(m_server->description()));
        result().server = m_server->description();
        if (ports().progress)
            ports().progress->runsOn(result().server);
        startOn(m_server->url(m_target.driver.dialect, m_target.driver.driver, m_target.scratchName));
    });
    addNote(tr("Starting a throwaway %1 server…").arg(engineDisplayName(target.engine())));
    m_server->start();
}

void TestUpgradeOperation::startOn(const QString &url)
{
    if (finishIfCancelRequested())
        return;
    const OperationContext context = this->context();
    const OperationRequest request = this->request();
    const TestUpgradeTarget target = m_target;
    const QString directory = m_directory->path();
    runInBackground(this, [context, request, target, directory, url] { return prepare(context, request, target, directory, url); },
                    [this](const PreparedTestUpgrade &prepared) { runPrepared(prepared); });
}

void TestUpgradeOperation::runPrepared(const PreparedTestUpgrade &prepared)
{
    m_prepared = prepared;
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
    m_scratchCreated = m_target.choice.onExistingServer(); // from here on it may exist: always drop it
    runWith(new DriverSequence(driverCommand(scratchTool, prepared), driven, prepared.marker),
            [this, prepared](const QList<StepResult> &, bool succeeded) {
                if (succeeded && prepared.projectTests && !isCancelRequested()) {
                    runProjectTests(prepared);
                    return;
                }
                finishFromSteps(succeeded, tr("Test upgrade passed: %n step(s), every migration up, down and up again.",
                                              nullptr, int(prepared.driven.size())));
            });
}

void TestUpgradeOperation::runProjectTests(const PreparedTestUpgrade &prepared)
{
    runSteps({*prepared.projectTests}, [this](const QList<StepResult> &, bool succeeded) {
        finishFromSteps(succeeded, tr("Test upgrade passed: %n step(s), every migration up, down and up again, "
                                      "and the project's migration tests.", nullptr, int(result().steps.size())));
    });
}

void TestUpgradeOperation::cancelWithoutSteps()
{
    // Starting a server, or planning: stop the server; the teardown and the end follow.
    if (m_server && !m_server->isRunning())
        finish(OperationResult::Outcome::Cancelled, tr("%1: cancelled").arg(title()));
}

void TestUpgradeOperation::dropScratchThen(std::function<void()> next)
{
    if (!m_scratchCreated || !m_prepared) {
        next();
        return;
    }
    m_scratchCreated = false;
    const MigrationTool scratchTool = TestUpgrade::toolFor(context().tool, m_prepared->scratch);
    CommandStep drop{tr("Drop the scratch database %1").arg(m_target.scratchName),
                     driverCommand(scratchTool, *m_prepared, QStringLiteral("drop")), true};
    runSteps({drop}, [next = std::move(next)](const QList<StepResult> &, bool) { next(); });
}

void TestUpgradeOperation::teardownThen(std::function<void()> next)
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
