#include "DriverRun.h"

#include "io/AtomicFile.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>

namespace headway {

namespace {

QString driverSource()
{
    QFile resource(QStringLiteral(":/headway/python/headway_stairway.py"));
    return resource.open(QIODevice::ReadOnly) ? QString::fromUtf8(resource.readAll()) : QString();
}

} // namespace

QList<CommandStep> PreparedDriverRun::steps() const
{
    QList<CommandStep> all;
    for (const DrivenStep &step : driven)
        all += step.step;
    if (projectTests)
        all += *projectTests;
    return all;
}

namespace DriverRun {

PreparedDriverRun scratch(const MigrationTool &tool, const TestUpgradeTarget &target, const QString &directory,
                          const QString &url)
{
    PreparedDriverRun prepared;
    prepared.scratch = url.isEmpty() ? TestUpgrade::prepareScratch(tool, directory)
                                     : TestUpgrade::prepareScratchAt(tool, directory, url);
    prepared.error = prepared.scratch.error;
    if (target.choice.onExistingServer())
        prepared.adminUrl = target.existingServerAdminUrl();
    else if (target.engine() != DatabaseEngine::Sqlite)
        prepared.adminUrl = DatabaseUrl::parse(url).withDatabase(
            target.engine() == DatabaseEngine::PostgreSql ? QStringLiteral("postgres") : QString());
    return prepared;
}

void write(PreparedDriverRun &prepared, const MigrationTool &tool, const TestUpgradeTarget &target, const QString &directory)
{
    // A random marker tells the driver's protocol lines from the migrations' own output.
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
                     {QStringLiteral("url"), prepared.scratch.url},
                     {QStringLiteral("file"), prepared.scratch.file},
                     {QStringLiteral("steps"), actions}};
    if (target.engine() != DatabaseEngine::Sqlite) {
        plan.insert(QStringLiteral("admin_url"), prepared.adminUrl);
        plan.insert(QStringLiteral("database"), target.scratchName);
    }
    const QString source = driverSource();
    prepared.error = source.isEmpty() ? QStringLiteral("Headway's migration driver is missing from this build")
                                      : AtomicFile::write(prepared.driverScript, source.toUtf8());
    if (prepared.error.isEmpty())
        prepared.error = AtomicFile::write(prepared.planFile, QJsonDocument(plan).toJson());
}

CommandLine command(const MigrationTool &scratchTool, const PreparedDriverRun &prepared, const QString &mode)
{
    // -B: the driver writes no bytecode into the scratch directory.
    return scratchTool.pythonCommand({QStringLiteral("-B"), prepared.driverScript, mode, prepared.planFile});
}

} // namespace DriverRun

} // namespace headway
