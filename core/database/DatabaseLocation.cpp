#include "DatabaseLocation.h"

#include "config/IniFile.h"
#include "engine/DatabaseEngine.h"
#include "runner/MigrationTool.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QUrl>

namespace headway {

namespace {

const QLatin1String urlMarker("HEADWAY-DATABASE-URL ");
const QLatin1String fileMarker("HEADWAY-DATABASE-FILE ");

// Loads the app as `flask` does and prints its SQLAlchemy URL; nothing else runs.
const char probeScript[] = R"PY(
import os
from flask.cli import ScriptInfo, load_dotenv
load_dotenv()
app = ScriptInfo(app_import_path=os.environ.get("FLASK_APP")).load_app()
with app.app_context():
    db = app.extensions["migrate"].db
    url = db.engine.url
    shown = url.render_as_string(hide_password=True) if hasattr(url, "render_as_string") else str(url)
    print("HEADWAY-DATABASE-URL " + shown)
    if url.get_backend_name() == "sqlite" and url.database and url.database != ":memory:":
        print("HEADWAY-DATABASE-FILE " + os.path.abspath(url.database))
)PY";

} // namespace

QString DatabaseLocator::sqliteFileFromUrl(const QString &url, const QString &baseDirectory)
{
    static const QRegularExpression sqlite(QStringLiteral(R"(^sqlite(\+\w+)?:///(.*?)(\?.*)?$)"));
    const QRegularExpressionMatch match = sqlite.match(url.trimmed());
    if (!match.hasMatch() || match.captured(2).isEmpty() || match.captured(2) == QLatin1String(":memory:"))
        return {};
    const QString path = match.captured(2);
    return QFileInfo(path).isAbsolute() ? QDir::cleanPath(path) : QDir(baseDirectory).absoluteFilePath(path);
}

DatabaseLocation DatabaseLocator::locateStatically(const MigrationTool &tool)
{
    DatabaseLocation location;
    const RunSettings &settings = tool.settings();
    const QString projectDirectory = tool.backend().projectDirectory;
    if (!settings.databaseUrlVariable.isEmpty() && settings.environment.contains(settings.databaseUrlVariable)) {
        const QString url = settings.environment.value(settings.databaseUrlVariable);
        location.url = hidePassword(url);
        location.sqliteFile = sqliteFileFromUrl(url, projectDirectory);
        location.origin = settings.databaseUrlVariable;
        return location;
    }
    if (tool.backend().kind == MigrationBackend::Kind::Alembic && !tool.backend().iniPath.isEmpty()) {
        const IniFile ini = IniFile::load(tool.backend().iniPath,
                                          {{QStringLiteral("here"), QFileInfo(tool.backend().iniPath).absolutePath()}});
        if (const std::optional<QString> url = ini.value(QStringLiteral("alembic"), QStringLiteral("sqlalchemy.url"))) {
            location.url = hidePassword(*url);
            location.sqliteFile = sqliteFileFromUrl(*url, projectDirectory);
            location.origin = QStringLiteral("alembic.ini");
            return location;
        }
    }
    location.error = QStringLiteral("The database URL is set in the application's code");
    return location;
}

CommandLine DatabaseLocator::probeCommand(const MigrationTool &tool)
{
    return tool.pythonCommand({QStringLiteral("-c"), QString::fromUtf8(probeScript)});
}

CommandLine DatabaseLocator::verifyCommand(const MigrationTool &tool, const QString &expectedFile)
{
    // The probe, then a check: exit 3 with an explanation when the app ignores the variable.
    const QString check = QStringLiteral(
        "\nimport sys\n"
        "expected, variable = sys.argv[1], sys.argv[2]\n"
        "actual = os.path.abspath(url.database or '') if url.get_backend_name() == 'sqlite' else shown\n"
        "if actual != os.path.abspath(expected):\n"
        "    print('The app does not take its database from ' + variable + ': it would use ' + actual + '. Set the "
        "database-URL variable in the repository settings to the one the app reads.')\n"
        "    sys.exit(3)\n"
        "print('The app uses the scratch database ' + expected)\n");
    return tool.pythonCommand(
        {QStringLiteral("-c"), QString::fromUtf8(probeScript) + check, expectedFile, tool.settings().databaseUrlVariable});
}

DatabaseLocation DatabaseLocator::parseProbeOutput(const QString &output)
{
    DatabaseLocation location;
    location.origin = QStringLiteral("the Flask app's configuration");
    for (const QString &line : output.split(QLatin1Char('\n'))) {
        if (line.startsWith(urlMarker))
            location.url = line.mid(urlMarker.size()).trimmed();
        else if (line.startsWith(fileMarker))
            location.sqliteFile = QDir::cleanPath(line.mid(fileMarker.size()).trimmed());
    }
    if (location.url.isEmpty())
        location.error = QStringLiteral("The app did not report its database URL:\n") + output.trimmed().right(2000);
    return location;
}

} // namespace headway
