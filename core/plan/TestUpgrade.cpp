#include "TestUpgrade.h"

#include "database/DatabaseLocation.h"
#include "io/AtomicFile.h"
#include "plan/MigrationPlanner.h"
#include "report/RevisionName.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

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
    ScratchDatabase scratch;
    scratch.directory = directory;
    scratch.file = QDir(directory).filePath(QStringLiteral("scratch.db"));
    scratch.url = QStringLiteral("sqlite:///") + scratch.file;
    if (!copyOf.isEmpty() && !QFile::copy(copyOf, scratch.file)) {
        scratch.error = QStringLiteral("Cannot copy %1 into %2").arg(copyOf, directory);
        return scratch;
    }
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

QList<CommandStep> TestUpgrade::steps(const Repository &repository, const MigrationTool &scratchTool,
                                      const QString &scratchDatabaseFile, const QStringList &testCommand,
                                      bool runProjectTests)
{
    const MigrationPlanner planner(repository.graph);
    QList<CommandStep> steps;
    if (scratchTool.backend().kind == MigrationBackend::Kind::FlaskMigrate)
        steps += CommandStep{QStringLiteral("Check that the app uses the scratch database"),
                             DatabaseLocator::verifyCommand(scratchTool, scratchDatabaseFile)};
    steps += CommandStep{QStringLiteral("Upgrade to every head"), scratchTool.upgrade(QStringLiteral("heads"))};
    const QList<int> oldestFirst = planner.oldestFirst();
    for (auto revision = oldestFirst.crbegin(); revision != oldestFirst.crend(); ++revision)
        steps += CommandStep{QStringLiteral("Downgrade: undo ") + revisionName(repository, *revision),
                             scratchTool.downgrade(planner.undoTarget(*revision))};
    for (int revision : oldestFirst)
        steps += CommandStep{QStringLiteral("Upgrade: apply ") + revisionName(repository, revision),
                             scratchTool.upgrade(repository.graph.node(revision).id)};
    QStringList command = runProjectTests ? testCommand : QStringList();
    if (command.isEmpty() && runProjectTests) {
        const QStringList tests = projectTests(scratchTool.backend().projectDirectory);
        if (!tests.isEmpty())
            command = QStringList{QStringLiteral("-m"), QStringLiteral("pytest"), QStringLiteral("-q")} + tests;
    }
    if (!command.isEmpty())
        steps += CommandStep{QStringLiteral("Project migration tests: ") + command.join(QLatin1Char(' ')),
                             scratchTool.pythonCommand(command)};
    return steps;
}

FailureSite FailureSite::locate(const Repository &repository, const QString &output)
{
    FailureSite site;
    static const QRegularExpression running(QStringLiteral(R"(Running (upgrade|downgrade) (.*?) -> ([^,\s]+))"));
    static const QRegularExpression exists(
        QStringLiteral(R"((?:(?:index|table|constraint|column|trigger|view|relation)\s+[`"']?([\w.]+)[`"']?\s+already exists)|duplicate column name:\s*[`"']?(\w+))"),
        QRegularExpression::CaseInsensitiveOption);
    for (const QString &line : output.split(QLatin1Char('\n'))) {
        const QRegularExpressionMatch step = running.match(line);
        if (step.hasMatch()) {
            const QString id = step.captured(1) == QLatin1String("upgrade") ? step.captured(3) : step.captured(2);
            site.failingRevision = repository.graph.indexOf(id.trimmed());
        }
        const QRegularExpressionMatch object = exists.match(line);
        if (object.hasMatch())
            site.objectName = (object.captured(1).isEmpty() ? object.captured(2) : object.captured(1)).section(QLatin1Char('.'), -1);
    }
    if (!site.objectName.isEmpty()) {
        const QRegularExpression quoted(QStringLiteral(R"(['"])") + QRegularExpression::escape(site.objectName)
                                        + QStringLiteral(R"(['"])"));
        for (int node = 0; node < repository.graph.size(); ++node) {
            QFile file(repository.fileOf(node).path);
            if (repository.graph.node(node).shadowed || !file.open(QIODevice::ReadOnly))
                continue;
            // Only upgrade() matters: downgrade() names the object too, to drop it.
            QString source = QString::fromUtf8(file.read(4 * 1024 * 1024));
            const qsizetype downgrade = source.indexOf(QLatin1String("def downgrade"));
            if (downgrade > 0)
                source.truncate(downgrade);
            if (source.contains(quoted))
                site.creators += node;
        }
    }
    if (site.failingRevision < 0)
        return site;
    site.summary = revisionName(repository, site.failingRevision) + QStringLiteral(" fails");
    if (!site.objectName.isEmpty()) {
        QStringList others;
        for (int creator : std::as_const(site.creators))
            if (creator != site.failingRevision)
                others += revisionName(repository, creator);
        site.summary += QStringLiteral(": %1 already exists").arg(site.objectName);
        if (!others.isEmpty())
            site.summary += QStringLiteral(", because %1 creates it too").arg(others.join(QLatin1String(" and ")));
    }
    return site;
}

} // namespace headway
