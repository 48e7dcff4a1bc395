#include "TestUpgradeTarget.h"

#include "ServerRegistry.h"
#include "database/DatabaseLocation.h"
#include "runner/MigrationTool.h"
#include "runner/RunToCompletion.h"

#include <QRandomGenerator>

namespace headway {

namespace {

constexpr int probeTimeoutMs = 60 * 1000;

// The project's database URL and where it came from; the Flask app is asked only when
// its URL is in its code (the probe loads the app; it never connects to the database).
std::pair<QString, QString> projectDatabaseUrl(const MigrationTool &tool)
{
    const DatabaseLocation location = DatabaseLocator::locateStatically(tool);
    if (location.known() || tool.backend().kind != MigrationBackend::Kind::FlaskMigrate)
        return {location.url, location.origin};
    const CommandResult probed = runToCompletion(DatabaseLocator::probeCommand(tool), probeTimeoutMs);
    const DatabaseLocation reported = DatabaseLocator::parseProbeOutput(probed.output);
    return {reported.url, reported.origin};
}

} // namespace

QString TestUpgradeTarget::randomScratchName()
{
    return QStringLiteral("headway_scratch_%1").arg(QRandomGenerator::system()->generate64() & 0xffffffffffULL, 10, 16, QLatin1Char('0'));
}

void TestUpgradeTarget::fallBackToSqlite()
{
    choice.engine = DatabaseEngine::Sqlite;
    choice.server = {};
    choice.reason = QStringLiteral("accepted instead of %1").arg(engineDisplayName(binaries.engine));
    driver = DatabaseDriver{QStringLiteral("sqlite"), {}, {}};
    problem.clear();
    notes.clear(); // said already
    offerSqlite = false;
}

DatabaseUrl TestUpgradeTarget::existingServer() const
{
    DatabaseUrl url = choice.server;
    if (url.driver.isEmpty())
        url.driver = driver.driver;
    return url;
}

QString TestUpgradeTarget::existingServerUrl() const
{
    return existingServer().withDatabase(scratchName);
}

QString TestUpgradeTarget::existingServerAdminUrl() const
{
    return existingServer().toString();
}

QString TestUpgradeTarget::engineLine() const
{
    const QString name = engineDisplayName(engine());
    if (choice.onExistingServer()) {
        QString where = choice.server.host.isEmpty() ? QStringLiteral("the local socket") : choice.server.host;
        if (choice.server.port >= 0)
            where += QLatin1Char(':') + QString::number(choice.server.port);
        QString line = QStringLiteral("%1 on %2, scratch database %3").arg(name, where, scratchName);
        if (!choice.server.user.isEmpty())
            line += QStringLiteral(", as %1").arg(choice.server.user);
        return line;
    }
    if (engine() == DatabaseEngine::Sqlite)
        return QStringLiteral("SQLite, a scratch file");
    QString line = name;
    if (!binaries.version.isEmpty())
        line += QLatin1Char(' ') + binaries.version;
    return line + QStringLiteral(", a throwaway server");
}

TestUpgradeTarget TestUpgradeTarget::decide(const MigrationTool &tool, const QString &requestedEngine,
                                            const QString &requestedServer)
{
    TestUpgradeTarget target;
    target.notes = ServerRegistry().reapLeftovers();
    const QString engineSetting = requestedEngine.isEmpty() ? tool.settings().testEngine : requestedEngine;
    const QString serverSetting = requestedServer.isEmpty() ? tool.settings().testServer : requestedServer;
    const bool chosen = !engineSetting.isEmpty() && engineSetting != QLatin1String("auto");
    QString url, origin;
    if (serverSetting.isEmpty() && !chosen)
        std::tie(url, origin) = projectDatabaseUrl(tool);
    else
        url = DatabaseLocator::locateStatically(tool).url; // its driver is kept when the engine matches
    target.choice = EngineChoice::decide(engineSetting, serverSetting, url, origin);
    if (!target.choice.problem.isEmpty()) {
        target.problem = target.choice.problem;
        return target;
    }
    target.notes += QStringLiteral("Engine: %1 (%2)").arg(engineDisplayName(target.engine()), target.choice.reason);
    if (target.engine() == DatabaseEngine::Sqlite) {
        target.driver.dialect = QStringLiteral("sqlite");
        return target;
    }
    target.scratchName = randomScratchName();
    if (target.choice.needsThrowawayServer()) {
        target.binaries = ServerBinaries::locate(target.engine());
        if (!target.binaries.found()) {
            target.problem = target.binaries.problem;
            target.offerSqlite = true;
            return target;
        }
    }
    const CommandResult probed = runToCompletion(DatabaseDriver::probeCommand(tool.python(), tool.backend().projectDirectory),
                                                 probeTimeoutMs);
    DatabaseUrl wanted = target.choice.onExistingServer() ? target.choice.server : target.choice.projectUrl;
    target.driver = DatabaseDriver::choose(target.engine(), wanted, probed.output, tool.python());
    if (!target.driver.usable())
        target.problem = target.driver.problem;
    return target;
}

} // namespace headway
