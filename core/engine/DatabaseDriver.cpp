#include "DatabaseDriver.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace headway {

namespace {

struct Known {
    DatabaseEngine engine;
    const char *driver;  // SQLAlchemy's name
    const char *module;  // what the interpreter imports
    const char *install; // how to get it
    bool needsSqlAlchemy2;
};

const Known knownDrivers[] = {
    {DatabaseEngine::PostgreSql, "psycopg2", "psycopg2", "python3-psycopg2 (Debian) or pip install psycopg2-binary", false},
    {DatabaseEngine::PostgreSql, "psycopg", "psycopg", "pip install psycopg", true},
    {DatabaseEngine::PostgreSql, "pg8000", "pg8000", "pip install pg8000", false},
    {DatabaseEngine::MariaDb, "pymysql", "pymysql", "python3-pymysql (Debian) or pip install pymysql", false},
    {DatabaseEngine::MariaDb, "mysqldb", "MySQLdb", "python3-mysqldb (Debian) or pip install mysqlclient", false},
    {DatabaseEngine::MariaDb, "mariadbconnector", "mariadb", "pip install mariadb", false},
    {DatabaseEngine::MariaDb, "mysqlconnector", "mysql.connector", "pip install mysql-connector-python", false},
};

const char probeScript[] = R"PY(
import importlib.util, json, sys
def has(name):
    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        return False
try:
    import sqlalchemy
    version = sqlalchemy.__version__
except Exception:
    version = ""
print("HEADWAY-DRIVERS " + json.dumps({"sqlalchemy": version, "modules": {m: has(m) for m in sys.argv[1:]}}))
)PY";

} // namespace

CommandLine DatabaseDriver::probeCommand(const QString &python, const QString &workingDirectory)
{
    CommandLine line;
    line.program = python;
    line.arguments = {QStringLiteral("-c"), QString::fromUtf8(probeScript)};
    for (const Known &known : knownDrivers)
        line.arguments << QString::fromLatin1(known.module);
    line.workingDirectory = workingDirectory;
    return line;
}

DatabaseDriver DatabaseDriver::choose(DatabaseEngine engine, const DatabaseUrl &projectUrl, const QString &probeOutput,
                                      const QString &python)
{
    DatabaseDriver chosen;
    if (engine == DatabaseEngine::Sqlite) {
        chosen.dialect = QStringLiteral("sqlite");
        return chosen;
    }
    const bool sameEngine = projectUrl.engine() == engine;
    chosen.dialect = engine == DatabaseEngine::PostgreSql ? QStringLiteral("postgresql")
                     : sameEngine && projectUrl.dialect == QLatin1String("mariadb") ? QStringLiteral("mariadb")
                                                                                    : QStringLiteral("mysql");
    QJsonObject answer;
    for (const QString &line : probeOutput.split(QLatin1Char('\n')))
        if (line.startsWith(QLatin1String("HEADWAY-DRIVERS ")))
            answer = QJsonDocument::fromJson(line.mid(16).toUtf8()).object();
    const QJsonObject modules = answer.value(QStringLiteral("modules")).toObject();
    const bool sqlAlchemy2 = answer.value(QStringLiteral("sqlalchemy")).toString().section(QLatin1Char('.'), 0, 0).toInt() >= 2;
    const QString wanted = sameEngine ? projectUrl.driver : QString();
    QStringList installs;
    for (const Known &known : knownDrivers) {
        if (known.engine != engine || (!wanted.isEmpty() && wanted != QLatin1String(known.driver)))
            continue;
        if (modules.value(QLatin1String(known.module)).toBool() && (!known.needsSqlAlchemy2 || sqlAlchemy2)) {
            chosen.driver = QString::fromLatin1(known.driver);
            return chosen;
        }
        installs += QStringLiteral("%1: %2").arg(QString::fromLatin1(known.driver), QString::fromLatin1(known.install));
    }
    if (answer.isEmpty()) {
        chosen.problem = QStringLiteral("Cannot ask %1 which database drivers it has:\n%2").arg(python, probeOutput.trimmed().right(2000));
    } else if (!wanted.isEmpty() && installs.isEmpty()) {
        // A driver Headway does not know: trust the project's URL.
        chosen.driver = wanted;
    } else if (!wanted.isEmpty()) {
        chosen.problem = QStringLiteral("The project's interpreter %1 lacks %2, the driver the project's database URL names. "
                                        "Install it into that interpreter (%3).")
                             .arg(python, wanted, installs.join(QLatin1String("; ")));
    } else {
        chosen.problem = QStringLiteral("The project's interpreter %1 has no %2 driver for SQLAlchemy. Install one into it: %3.")
                             .arg(python, engineDisplayName(engine), installs.join(QLatin1String("; ")));
    }
    return chosen;
}

} // namespace headway
