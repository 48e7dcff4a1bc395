#include "MigrationBackend.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace headway {

namespace {

// FLASK_APP from a dotenv file, as python-dotenv reads the simple cases.
QString flaskAppFromDotenv(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    for (const QByteArray &rawLine : file.readAll().split('\n')) {
        QString line = QString::fromUtf8(rawLine).trimmed();
        if (line.startsWith(QLatin1String("export ")))
            line = line.mid(7).trimmed();
        if (!line.startsWith(QLatin1String("FLASK_APP")))
            continue;
        const qsizetype equals = line.indexOf(QLatin1Char('='));
        if (equals < 0 || line.left(equals).trimmed() != QLatin1String("FLASK_APP"))
            continue;
        QString value = line.mid(equals + 1).trimmed();
        if (value.size() >= 2 && (value.front() == QLatin1Char('"') || value.front() == QLatin1Char('\''))
            && value.back() == value.front())
            value = value.mid(1, value.size() - 2);
        return value;
    }
    return {};
}

bool isFlaskMigrateEnv(const QString &envPath)
{
    QFile file(envPath);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    const QByteArray text = file.read(64 * 1024);
    return text.contains("current_app") || text.contains("flask_migrate") || text.contains("from flask");
}

} // namespace

QStringList MigrationBackend::requiredModules() const
{
    return kind == Kind::FlaskMigrate ? QStringList{QStringLiteral("flask_migrate")} : QStringList{QStringLiteral("alembic")};
}

MigrationBackend MigrationBackend::detect(const RepositoryLayout &layout, const RunSettings &settings)
{
    MigrationBackend backend;
    backend.migrationsDirectory = layout.scriptDirectory;
    backend.iniPath = layout.iniPath;
    const QDir scriptDir(layout.scriptDirectory);
    const bool iniInScriptDir = !layout.iniPath.isEmpty()
                                && QFileInfo(layout.iniPath).absolutePath() == scriptDir.absolutePath();
    if (iniInScriptDir || isFlaskMigrateEnv(scriptDir.filePath(QStringLiteral("env.py")))) {
        backend.kind = Kind::FlaskMigrate;
        QDir project = scriptDir;
        project.cdUp();
        backend.projectDirectory = project.absolutePath();
    } else {
        backend.kind = Kind::Alembic;
        backend.projectDirectory = layout.iniPath.isEmpty() ? scriptDir.absolutePath()
                                                            : QFileInfo(layout.iniPath).absolutePath();
        if (layout.iniPath.isEmpty())
            backend.problem = QStringLiteral("No alembic.ini found: Alembic needs one to run commands.");
        return backend;
    }

    if (!settings.flaskApp.isEmpty()) {
        backend.flaskApp = settings.flaskApp;
        backend.flaskAppOrigin = QStringLiteral("your setting");
        return backend;
    }
    // The migrations may sit below the directory users run `flask` from (backend/migrations
    // with .flaskenv at the top): look upwards, but not past the repository's root nor far.
    constexpr int levelsUp = 3;
    QDir project(backend.projectDirectory);
    for (int level = 0; level <= levelsUp; ++level) {
        for (const QString &dotenv : {QStringLiteral(".flaskenv"), QStringLiteral(".env")}) {
            const QString value = flaskAppFromDotenv(project.filePath(dotenv));
            if (!value.isEmpty()) {
                backend.flaskApp = value;
                backend.flaskAppOrigin = project.filePath(dotenv);
                backend.projectDirectory = project.absolutePath();
                return backend;
            }
        }
        // Flask's own discovery order when FLASK_APP is unset.
        for (const QString &module : {QStringLiteral("wsgi.py"), QStringLiteral("app.py")}) {
            if (QFileInfo(project.filePath(module)).isFile()) {
                backend.flaskApp = module;
                backend.flaskAppOrigin = module + QStringLiteral(" in the project directory");
                backend.projectDirectory = project.absolutePath();
                return backend;
            }
        }
        if (QFileInfo::exists(project.filePath(QStringLiteral(".git"))) || !project.cdUp())
            break;
    }
    backend.problem = QStringLiteral("Cannot tell which Flask application to load: no FLASK_APP in .flaskenv or .env, "
                                     "and no wsgi.py or app.py in %1. Set the Flask app in the repository settings.")
                          .arg(backend.projectDirectory);
    return backend;
}

CommandLine MigrationBackend::command(const QString &python, const QStringList &arguments,
                                      const RunSettings &settings) const
{
    CommandLine line;
    line.program = python;
    line.workingDirectory = projectDirectory;
    line.environment = settings.environment;
    if (kind == Kind::FlaskMigrate) {
        if (!flaskApp.isEmpty())
            line.environment.insert(QStringLiteral("FLASK_APP"), flaskApp);
        // -d belongs after the db subcommand: `flask db heads -d DIR`.
        line.arguments = QStringList{QStringLiteral("-m"), QStringLiteral("flask"), QStringLiteral("db")};
        if (!arguments.isEmpty()) {
            line.arguments << arguments.first() << QStringLiteral("-d") << migrationsDirectory << arguments.mid(1);
        }
    } else {
        line.arguments = QStringList{QStringLiteral("-m"), QStringLiteral("alembic"), QStringLiteral("-c"), iniPath} + arguments;
    }
    return line;
}

} // namespace headway
