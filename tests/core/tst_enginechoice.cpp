// How a test upgrade picks its engine and driver, read from URLs and the
// interpreter's answer, without starting anything: SQLAlchemy URLs taken apart
// and put together again (passwords kept for the driver, hidden when shown), the
// engine chosen from the project's URL or the user's choice, the driver the
// interpreter has, the create-database command a user would type, and the
// object each engine's "already exists" error names.
#include "engine/DatabaseDriver.h"
#include "engine/EngineChoice.h"
#include "plan/FailureSite.h"
#include "plan/TestUpgrade.h"
#include "runner/InterpreterDiscovery.h"
#include "runner/RunToCompletion.h"

#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace headway;

class TestEngineChoice : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void urlsAreTakenApart_data();
    void urlsAreTakenApart();
    void passwordsAreHiddenWhereverShown();
    void engineIsChosen_data();
    void engineIsChosen();
    void driverComesFromTheInterpreter_data();
    void driverComesFromTheInterpreter();
    void theRealInterpreterIsAsked();
    void createDatabaseCommandIsWhatAUserTypes();
    void alreadyExistsNamesTheObject_data();
    void alreadyExistsNamesTheObject();
};

void TestEngineChoice::urlsAreTakenApart_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("dialect");
    QTest::addColumn<QString>("driver");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<QString>("database");
    QTest::addColumn<QString>("renamed"); // withDatabase("scratch")
    QTest::newRow("postgres with driver") << "postgresql+psycopg2://u:p@db.example:5433/app" << "postgresql" << "psycopg2"
                                          << "db.example" << 5433 << "app" << "postgresql+psycopg2://u:p@db.example:5433/scratch";
    QTest::newRow("unix socket") << "postgresql://headway@/postgres?host=/tmp/x" << "postgresql" << "" << "" << -1
                                 << "postgres" << "postgresql://headway@/scratch?host=/tmp/x";
    QTest::newRow("mysql no database") << "mysql+pymysql://root@localhost?unix_socket=/tmp/s.sock" << "mysql" << "pymysql"
                                       << "localhost" << -1 << "" << "mysql+pymysql://root@localhost/scratch?unix_socket=/tmp/s.sock";
    QTest::newRow("password with @ and :") << "postgresql://u:p%40ss:w@h/d" << "postgresql" << "" << "h" << -1 << "d"
                                           << "postgresql://u:p%40ss:w@h/scratch";
    QTest::newRow("sqlite") << "sqlite:////tmp/a.db" << "sqlite" << "" << "" << -1 << "/tmp/a.db" << "sqlite:///scratch";
}

void TestEngineChoice::urlsAreTakenApart()
{
    QFETCH(QString, url);
    const DatabaseUrl parts = DatabaseUrl::parse(url);
    QVERIFY(parts.valid);
    QTEST(parts.dialect, "dialect");
    QTEST(parts.driver, "driver");
    QTEST(parts.host, "host");
    QTEST(parts.port, "port");
    QTEST(parts.database, "database");
    QTEST(parts.withDatabase("scratch"), "renamed");
    QCOMPARE(DatabaseUrl::parse(parts.toString()).toString(), parts.toString());
}

void TestEngineChoice::passwordsAreHiddenWhereverShown()
{
    const QString url = "postgresql://deploy:Secret99@db:5432/app";
    QCOMPARE(DatabaseUrl::parse(url).shown(), QString("postgresql://deploy:***@db:5432/app"));
    QCOMPARE(hidePassword("DATABASE_URL=" + url), QString("DATABASE_URL=postgresql://deploy:***@db:5432/app"));
    const CommandLine line{"python3", {"--server", url}, "/tmp", {{"DATABASE_URL", url}}};
    QVERIFY2(!line.shellText().contains("Secret99"), qPrintable(line.shellText()));
    QCOMPARE(hidePassword("no url here: a:b@c"), QString("no url here: a:b@c"));
}

void TestEngineChoice::engineIsChosen_data()
{
    QTest::addColumn<QString>("requested");
    QTest::addColumn<QString>("server");
    QTest::addColumn<QString>("projectUrl");
    QTest::addColumn<QString>("engine"); // empty: a problem
    QTest::addColumn<bool>("onServer");
    QTest::newRow("from the project's URL") << "" << "" << "postgresql://u:p@h/d" << "postgresql" << false;
    QTest::newRow("postgres alias") << "" << "" << "postgres://h/d" << "postgresql" << false;
    QTest::newRow("mysql means mariadb") << "" << "" << "mysql+mysqldb://h/d" << "mariadb" << false;
    QTest::newRow("sqlite") << "" << "" << "sqlite:///app.db" << "sqlite" << false;
    QTest::newRow("unknown URL: sqlite") << "" << "" << "" << "sqlite" << false;
    QTest::newRow("chosen over the URL") << "sqlite" << "" << "postgresql://h/d" << "sqlite" << false;
    QTest::newRow("auto") << "auto" << "" << "mysql://h/d" << "mariadb" << false;
    QTest::newRow("server") << "" << "postgresql://u:p@h/postgres" << "sqlite:///x.db" << "postgresql" << true;
    QTest::newRow("server and same engine") << "mariadb" << "mysql+pymysql://h" << "" << "mariadb" << true;
    QTest::newRow("server and other engine") << "postgresql" << "mysql://h" << "" << "" << false;
    QTest::newRow("sqlite server") << "" << "sqlite:///x.db" << "" << "" << false;
    QTest::newRow("unknown engine") << "oracle" << "" << "" << "" << false;
    QTest::newRow("unsupported dialect") << "" << "" << "mssql+pyodbc://h/d" << "" << false;
}

void TestEngineChoice::engineIsChosen()
{
    QFETCH(QString, requested);
    QFETCH(QString, server);
    QFETCH(QString, projectUrl);
    QFETCH(QString, engine);
    QFETCH(bool, onServer);
    const EngineChoice choice = EngineChoice::decide(requested, server, projectUrl, "DATABASE_URL");
    if (engine.isEmpty()) {
        QVERIFY2(!choice.problem.isEmpty(), "a problem is reported");
        QVERIFY2(!choice.problem.contains(":p@"), qPrintable(choice.problem));
        return;
    }
    QVERIFY2(choice.problem.isEmpty(), qPrintable(choice.problem));
    QCOMPARE(engineKey(choice.engine), engine);
    QCOMPARE(choice.onExistingServer(), onServer);
    QCOMPARE(choice.needsThrowawayServer(), !onServer && engine != "sqlite");
    QVERIFY(choice.projectUrl.password.isEmpty()); // never kept
}

void TestEngineChoice::driverComesFromTheInterpreter_data()
{
    QTest::addColumn<QString>("engine");
    QTest::addColumn<QString>("projectUrl");
    QTest::addColumn<QString>("modules"); // what the interpreter has
    QTest::addColumn<QString>("sqlalchemy");
    QTest::addColumn<QString>("expected"); // dialect+driver, or "problem: <text it names>"
    QTest::newRow("default psycopg2") << "postgresql" << "" << "psycopg2" << "1.4.46" << "postgresql+psycopg2";
    QTest::newRow("pg8000 when alone") << "postgresql" << "postgresql://h/d" << "pg8000" << "1.4.46" << "postgresql+pg8000";
    QTest::newRow("psycopg 3 needs SQLAlchemy 2") << "postgresql" << "" << "psycopg" << "1.4.46" << "problem: psycopg2";
    QTest::newRow("psycopg 3 on SQLAlchemy 2") << "postgresql" << "" << "psycopg" << "2.0.1" << "postgresql+psycopg";
    QTest::newRow("URL names an absent one") << "postgresql" << "postgresql+pg8000://h/d" << "psycopg2" << "1.4.46"
                                             << "problem: lacks pg8000";
    QTest::newRow("mysql pymysql") << "mariadb" << "" << "pymysql,MySQLdb" << "1.4.46" << "mysql+pymysql";
    QTest::newRow("mariadb dialect kept") << "mariadb" << "mariadb+mysqldb://h/d" << "MySQLdb" << "1.4.46" << "mariadb+mysqldb";
    QTest::newRow("none") << "mariadb" << "" << "" << "1.4.46" << "problem: python3-pymysql";
    QTest::newRow("other engine's driver ignored") << "postgresql" << "mysql+pymysql://h/d" << "psycopg2,pymysql" << "1.4.46"
                                                   << "postgresql+psycopg2";
}

void TestEngineChoice::driverComesFromTheInterpreter()
{
    QFETCH(QString, engine);
    QFETCH(QString, projectUrl);
    QFETCH(QString, modules);
    QFETCH(QString, sqlalchemy);
    QFETCH(QString, expected);
    QJsonObject has;
    for (const char *module : {"psycopg2", "psycopg", "pg8000", "pymysql", "MySQLdb", "mariadb", "mysql.connector"})
        has.insert(module, modules.split(',').contains(module));
    const QString output = QString("some warning\nHEADWAY-DRIVERS ")
                           + QString::fromUtf8(QJsonDocument(QJsonObject{{"sqlalchemy", sqlalchemy}, {"modules", has}}).toJson(QJsonDocument::Compact));
    const DatabaseDriver driver = DatabaseDriver::choose(*engineFromKey(engine), DatabaseUrl::parse(projectUrl), output, "/venv/python");
    if (expected.startsWith("problem: ")) {
        QVERIFY(!driver.usable());
        QVERIFY2(driver.problem.contains(expected.mid(9)) && driver.problem.contains("/venv/python"), qPrintable(driver.problem));
        return;
    }
    QVERIFY2(driver.usable(), qPrintable(driver.problem));
    QCOMPARE(driver.dialect + '+' + driver.driver, expected);
}

void TestEngineChoice::theRealInterpreterIsAsked()
{
    const QString python = InterpreterDiscovery::find(QDir::currentPath(), {"sqlalchemy"}).path;
    if (python.isEmpty())
        QSKIP("no interpreter with SQLAlchemy");
    const CommandResult probed = runToCompletion(DatabaseDriver::probeCommand(python, QDir::tempPath()), 60000);
    QVERIFY2(probed.succeeded(), qPrintable(probed.output));
    // Whatever it has, the answer is read: a driver, or a problem naming what to install.
    const DatabaseDriver driver = DatabaseDriver::choose(DatabaseEngine::PostgreSql, {}, probed.output, python);
    QVERIFY2(driver.usable() != driver.problem.contains("Install one"), qPrintable(driver.problem + probed.output));
    QVERIFY2(!driver.problem.contains("Cannot ask"), qPrintable(driver.problem));
}

void TestEngineChoice::createDatabaseCommandIsWhatAUserTypes()
{
    const CommandLine pg = TestUpgrade::createDatabaseCommand("postgresql+psycopg2://u:pw@db:5432/postgres", "headway_scratch_1");
    QCOMPARE(pg.program, QString("psql"));
    QCOMPARE(pg.arguments, QStringList({"postgresql://u:pw@db:5432/postgres", "-c", "CREATE DATABASE \"headway_scratch_1\""}));
    QVERIFY(!pg.shellText().contains("pw"));
    const CommandLine socket = TestUpgrade::createDatabaseCommand("mysql+pymysql://root@localhost/?unix_socket=/tmp/m.sock", "s");
    QCOMPARE(socket.arguments, QStringList({"--socket=/tmp/m.sock", "-u", "root", "-e", "CREATE DATABASE `s`"}));
    const CommandLine tcp = TestUpgrade::createDatabaseCommand("mysql://deploy:pw@db:3307/", "s");
    QCOMPARE(tcp.arguments, QStringList({"-h", "db", "-P", "3307", "-u", "deploy", "-p", "-e", "CREATE DATABASE `s`"}));
}

void TestEngineChoice::alreadyExistsNamesTheObject_data()
{
    QTest::addColumn<QString>("error");
    QTest::addColumn<QString>("object");
    QTest::newRow("sqlite index") << "sqlite3.OperationalError: index ix_user_email already exists" << "ix_user_email";
    QTest::newRow("sqlite column") << "duplicate column name: slug" << "slug";
    QTest::newRow("postgresql constraint")
        << R"(psycopg2.errors.DuplicateObject: constraint "ck_users_email" for relation "users" already exists)" << "ck_users_email";
    QTest::newRow("postgresql index") << R"(psycopg2.errors.DuplicateTable: relation "ix_user_email" already exists)" << "ix_user_email";
    QTest::newRow("postgresql column") << R"(column "slug" of relation "post" already exists)" << "slug";
    QTest::newRow("mariadb check") << R"(pymysql.err.OperationalError: (1826, "Duplicate CHECK constraint name 'ck_users_email'"))"
                                   << "ck_users_email";
    QTest::newRow("mariadb index") << R"((1061, "Duplicate key name 'ix_user_email'"))" << "ix_user_email";
    QTest::newRow("mariadb table") << R"((1050, "Table 'users' already exists"))" << "users";
    QTest::newRow("nothing") << "sqlalchemy.exc.OperationalError: no such table: users" << "";
}

void TestEngineChoice::alreadyExistsNamesTheObject()
{
    QFETCH(QString, error);
    QTEST(FailureSite::existingObject(error), "object");
}

QTEST_GUILESS_MAIN(TestEngineChoice)
#include "tst_enginechoice.moc"
