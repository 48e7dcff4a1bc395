#include "TestUpgrade.h"

#include "database/DatabaseLocation.h"
#include "engine/DatabaseEngine.h"
#include "io/AtomicFile.h"
#include "plan/MigrationPlanner.h"
#include "report/RevisionName.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QUrlQuery>

namespace headway {

namespace {

// alembic.ini with sqlalchemy.url replaced and %(here)s pinned to the original
// directory, so script_location still resolves from the copy.
QString rewriteIni(const QString &iniPath, const QString &url, QString *error)
{
    QFile file(iniPath);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("Cannot read %1").arg(iniPath);
        return {};
    }
    const QString here = QFileInfo(iniPath).absolutePath();
    QStringList lines = QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'));
    QString section;
    bool replaced = false;
    for (QString &line : lines) {
        const QString trimmed = line.trimmed();
        if (trimmed.startsWith(QLatin1Char('[')))
            section = trimmed.mid(1, trimmed.indexOf(QLatin1Char(']')) - 1).trimmed();
        if (section == QLatin1String("alembic") && !line.startsWith(QLatin1Char(' ')) && !line.startsWith(QLatin1Char('\t'))
            && trimmed.section(QRegularExpression(QStringLiteral("[=:]")), 0, 0).trimmed() == QLatin1String("sqlalchemy.url")) {
            line = QStringLiteral("sqlalchemy.url = ") + QString(url).replace(QLatin1Char('%'), QLatin1String("%%"));
            replaced = true;
        }
        line.replace(QLatin1String("%(here)s"), QString(here).replace(QLatin1Char('%'), QLatin1String("%%")));
    }
    if (!replaced)
        *error = QStringLiteral("%1 has no sqlalchemy.url in [alembic]: Headway cannot point it at a scratch database")
                     .arg(iniPath);
    return lines.join(QLatin1Char('\n'));
}

} // namespace

ScratchDatabase TestUpgrade::prepareScratch(const MigrationTool &tool, const QString &directory, const QString &copyOf)
{
    const QString file = QDir(directory).filePath(QStringLiteral("scratch.db"));
    if (!copyOf.isEmpty() && !QFile::copy(copyOf, file)) {
        ScratchDatabase scratch;
        scratch.directory = directory;
        scratch.error = QStringLiteral("Cannot copy %1 into %2").arg(copyOf, directory);
        return scratch;
    }
    ScratchDatabase scratch = prepareScratchAt(tool, directory, QStringLiteral("sqlite:///") + file);
    scratch.file = file;
    return scratch;
}

ScratchDatabase TestUpgrade::prepareScratchAt(const MigrationTool &tool, const QString &directory, const QString &url)
{
    ScratchDatabase scratch;
    scratch.directory = directory;
    scratch.url = url;
    scratch.shownUrl = hidePassword(url);
    if (tool.backend().kind == MigrationBackend::Kind::Alembic) {
        const QString text = rewriteIni(tool.backend().iniPath, scratch.url, &scratch.error);
        if (!scratch.error.isEmpty())
            return scratch;
        scratch.configFile = QDir(directory).filePath(QStringLiteral("alembic.ini"));
        scratch.error = AtomicFile::write(scratch.configFile, text.toUtf8());
    } else if (tool.settings().databaseUrlVariable.isEmpty()) {
        scratch.error = QStringLiteral("No database-URL variable is set in the repository settings, so the app "
                                       "cannot be pointed at a scratch database.");
    }
    return scratch;
}

MigrationTool TestUpgrade::toolFor(const MigrationTool &tool, const ScratchDatabase &scratch)
{
    if (tool.backend().kind == MigrationBackend::Kind::Alembic)
        return tool.withConfigFile(scratch.configFile);
    return tool.withEnvironment(tool.settings().databaseUrlVariable, scratch.url);
}

QStringList TestUpgrade::projectTests(const QString &projectDirectory)
{
    QStringList tests;
    const QDir project(projectDirectory);
    static const QRegularExpression name(QStringLiteral(R"(^test_.*migration.*\.py$|^test_migration.*\.py$)"));
    for (const QString &folder : {QStringLiteral("tests"), QStringLiteral("test")}) {
        if (!QFileInfo(project.filePath(folder)).isDir())
            continue;
        QDirIterator it(project.filePath(folder), {QStringLiteral("*.py")}, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            if (name.match(QFileInfo(path).fileName()).hasMatch())
                tests += project.relativeFilePath(path);
        }
    }
    tests.sort();
    return tests;
}

CommandLine TestUpgrade::createDatabaseCommand(const QString &adminUrl, const QString &name)
{
    DatabaseUrl url = DatabaseUrl::parse(adminUrl);
    CommandLine line;
    if (url.engine() == DatabaseEngine::PostgreSql) {
        url.dialect = QStringLiteral("postgresql"); // libpq's URI: no SQLAlchemy driver
        url.driver.clear();
        line.program = QStringLiteral("psql");
        line.arguments = {url.toString(), QStringLiteral("-c"), QStringLiteral("CREATE DATABASE \"%1\"").arg(name)};
        return line;
    }
    line.program = QStringLiteral("mariadb");
    const QString socket = QUrlQuery(url.query).queryItemValue(QStringLiteral("unix_socket"), QUrl::FullyDecoded);
    if (!socket.isEmpty())
        line.arguments << QStringLiteral("--socket=") + socket;
    else
        line.arguments << QStringLiteral("-h") << url.host << QStringLiteral("-P") << QString::number(url.port < 0 ? 3306 : url.port);
    if (!url.user.isEmpty())
        line.arguments << QStringLiteral("-u") << url.user;
    if (!url.password.isEmpty())
        line.arguments << QStringLiteral("-p");
    line.arguments << QStringLiteral("-e") << QStringLiteral("CREATE DATABASE `%1`").arg(name);
    return line;
}

QList<DrivenStep> TestUpgrade::drivenSteps(const Repository &repository, const MigrationTool &scratchTool,
                                            const ScratchDatabase &scratch, const QString &createDatabase,
                                            const QString &adminUrl)
{
    const MigrationPlanner planner(repository.graph);
    const auto action = [](const char *kind, const QString &target = {}) {
        QJsonObject object{{QStringLiteral("kind"), QLatin1String(kind)}};
        if (!target.isNull())
            object.insert(QStringLiteral("target"), target);
        return object;
    };
    QList<DrivenStep> steps;
    if (!createDatabase.isEmpty())
        steps += DrivenStep{{QStringLiteral("Create the scratch database ") + createDatabase,
                             createDatabaseCommand(adminUrl, createDatabase)},
                            action("create-database")};
    if (scratchTool.backend().kind == MigrationBackend::Kind::FlaskMigrate) {
        QJsonObject verify = action("verify");
        verify.insert(QStringLiteral("url"), scratch.url);
        verify.insert(QStringLiteral("variable"), scratchTool.settings().databaseUrlVariable);
        steps += DrivenStep{{QStringLiteral("Check that the app uses the scratch database"),
                             DatabaseLocator::verifyCommand(scratchTool, scratch.file.isEmpty() ? scratch.shownUrl : scratch.file)},
                            verify};
    }
    steps += DrivenStep{{QStringLiteral("Upgrade to every head"), scratchTool.upgrade(QStringLiteral("heads"))},
                        action("upgrade", QStringLiteral("heads"))};
    const QList<int> oldestFirst = planner.oldestFirst();
    for (auto revision = oldestFirst.crbegin(); revision != oldestFirst.crend(); ++revision) {
        const QString target = planner.undoTarget(*revision);
        steps += DrivenStep{{QStringLiteral("Downgrade: undo ") + revisionName(repository, *revision), scratchTool.downgrade(target)},
                            action("downgrade", target)};
    }
    for (int revision : oldestFirst) {
        const QString id = repository.graph.node(revision).id;
        steps += DrivenStep{{QStringLiteral("Upgrade: apply ") + revisionName(repository, revision), scratchTool.upgrade(id)},
                            action("upgrade", id)};
    }
    return steps;
}

std::optional<CommandStep> TestUpgrade::projectTestStep(const MigrationTool &scratchTool, const QStringList &testCommand,
                                                        bool runProjectTests)
{
    if (!runProjectTests)
        return std::nullopt;
    QStringList command = testCommand;
    if (command.isEmpty()) {
        const QStringList tests = projectTests(scratchTool.backend().projectDirectory);
        if (tests.isEmpty())
            return std::nullopt;
        command = QStringList{QStringLiteral("-m"), QStringLiteral("pytest"), QStringLiteral("-q")} + tests;
    }
    return CommandStep{QStringLiteral("Project migration tests: ") + command.join(QLatin1Char(' ')),
                       scratchTool.pythonCommand(command)};
}

} // namespace headway
