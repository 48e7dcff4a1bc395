// The test upgrade on real engines: throwaway PostgreSQL and MariaDB servers
// started from Debian's packages by headway-cli itself, on fixture apps whose
// migrations only run there (JSONB, ARRAY, ALTER COLUMN ... TYPE; SET,
// MEDIUMTEXT, MODIFY). A fork and an upstream branch that both add the same
// named CHECK constraint must fail with the engine's own "already exists" and
// name both migrations; with different names the upgrade passes there and fails
// on SQLite with an explanation that points at the engine. The app's configured
// database is on a port nobody listens on: a run that contacted it would fail.
// After success, failure, Cancel, a timeout and a killed headway-cli, no server
// process and no directory is left; --server drops only its scratch database.
#include "CliRun.h"

#include "engine/ServerBinaries.h"
#include "engine/ThrowawayServer.h"
#include "runner/InterpreterDiscovery.h"
#include "runner/RunToCompletion.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <csignal>

using namespace headway;
using headway::test::CliOptions;
using headway::test::CliRun;
using headway::test::runCli;

namespace {

// What each engine runs that SQLite cannot, as (first migration, second migration) bodies.
struct EngineMigrations {
    const char *imports;
    const char *createTable;
    const char *alterColumn;
    const char *alterColumnBack;
    const char *appDialect; // ENGINE_APP_DIALECT for the fixture app
};

const EngineMigrations postgresql{
    "from sqlalchemy.dialects import postgresql",
    "op.create_table('users', sa.Column('id', sa.Integer(), primary_key=True), sa.Column('email', sa.String(80)), "
    "sa.Column('data', postgresql.JSONB()), sa.Column('tags', postgresql.ARRAY(sa.String())))",
    "op.alter_column('users', 'email', type_=sa.Text(), existing_type=sa.String(80))",
    "op.alter_column('users', 'email', type_=sa.String(80), existing_type=sa.Text())",
    "postgresql"};

const EngineMigrations mariadb{
    "from sqlalchemy.dialects import mysql",
    "op.create_table('users', sa.Column('id', sa.Integer(), primary_key=True), sa.Column('email', sa.String(80)), "
    "sa.Column('roles', mysql.SET('admin', 'editor')), sa.Column('bio', mysql.MEDIUMTEXT()))",
    "op.alter_column('users', 'email', type_=sa.String(200), existing_type=sa.String(80))",
    "op.alter_column('users', 'email', type_=sa.String(80), existing_type=sa.String(200))",
    "mysql"};

const EngineMigrations &migrationsFor(const QString &engine)
{
    return engine == QLatin1String("mariadb") ? mariadb : postgresql;
}

// Processes whose command line names `directory` (the server, its workers, the driver).
QStringList processesIn(const QString &directory)
{
    QStringList found;
    for (const QString &pid : QDir(QStringLiteral("/proc")).entryList(QDir::Dirs)) {
        if (pid.isEmpty() || !pid.at(0).isDigit())
            continue;
        QFile cmdline(QStringLiteral("/proc/%1/cmdline").arg(pid));
        if (cmdline.open(QIODevice::ReadOnly) && cmdline.readAll().contains(directory.toLocal8Bit()))
            found += pid;
    }
    return found;
}

// "PostgreSQL 15, throwaway server on a unix socket in /tmp/headway-server-postgresql-abc, as user postgres"
QString serverDirectoryIn(const QString &text)
{
    static const QRegularExpression directory(QStringLiteral("(/\\S*headway-server-[a-z]+-[A-Za-z0-9]+)"));
    return directory.match(text).captured(1);
}

} // namespace

class TestEngines : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void clashFailsWithTheEnginesOwnWords_data();
    void clashFailsWithTheEnginesOwnWords();
    void cleanBranchesPassOnTheEngine_data();
    void cleanBranchesPassOnTheEngine();
    void cleanBranchesFailOnSqliteWithTheEngineNamed_data();
    void cleanBranchesFailOnSqliteWithTheEngineNamed();
    void configuredUrlIsNeverContacted();
    void plainAlembicRunsOnTheIniDialect();
    void existingServerKeepsItsOtherDatabases();
    void timeoutLeavesNoServer();
    void cancelLeavesNoServer();
    void killedHeadwayIsCleanedUpAtTheNextStart();
    void missingServerOffersSqlite();

private:
    bool engineAvailable(const QString &engine);
    QString project(const QString &name, const QString &engine, bool clash, const QString &slowUpgrade = {});
    void writeMigration(const QString &dir, const QString &id, const QString &down, const QString &imports,
                        const QString &upgrade, const QString &downgrade);
    CliRun testUpgrade(const QString &dir, const QString &engine, const QStringList &extra = {},
                       const CliOptions &options = {});
    void verifyNothingLeft(const CliRun &run);
    QStringList databases(const QString &adminUrl);

    QTemporaryDir m_work;
    QString m_python;
};

void TestEngines::initTestCase()
{
    QVERIFY(m_work.isValid());
    m_python = InterpreterDiscovery::find(QDir::currentPath(), {"flask_migrate", "psycopg2", "pymysql"}).path;
    if (m_python.isEmpty()) {
        if (qEnvironmentVariableIsSet("HEADWAY_REQUIRE_SERVERS"))
            QFAIL("no interpreter with flask_migrate, psycopg2 and pymysql (packaging/bootstrap.sh test installs them)");
        QSKIP("no interpreter with flask_migrate, psycopg2 and pymysql: install python3-psycopg2 python3-pymysql");
    }
}

bool TestEngines::engineAvailable(const QString &engine)
{
    const ServerBinaries binaries = ServerBinaries::locate(*engineFromKey(engine));
    if (binaries.found())
        return true;
    // bootstrap's test mode installs both servers: there a missing one is a failure, not a skip.
    if (qEnvironmentVariableIsSet("HEADWAY_REQUIRE_SERVERS"))
        QTest::qFail(qPrintable(binaries.problem), __FILE__, __LINE__);
    else
        QTest::qSkip(qPrintable(binaries.problem), __FILE__, __LINE__);
    return false;
}

void TestEngines::writeMigration(const QString &dir, const QString &id, const QString &down, const QString &imports,
                                 const QString &upgrade, const QString &downgrade)
{
    QFile file(dir + "/migrations/versions/" + id + ".py");
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QStringLiteral("\"\"\"%1\"\"\"\nfrom alembic import op\nimport sqlalchemy as sa\n%2\n\n"
                              "revision = '%1'\ndown_revision = %3\nbranch_labels = None\ndepends_on = None\n\n\n"
                              "def upgrade():\n    %4\n\n\ndef downgrade():\n    %5\n")
                   .arg(id, imports, down, upgrade, downgrade)
                   .toUtf8());
}

// The fixture app with: users (engine-only types), an engine-only ALTER COLUMN, then a fork
// (d4fork) and an upstream (e5up) branch each adding a CHECK constraint, and their merge.
QString TestEngines::project(const QString &name, const QString &engine, bool clash, const QString &slowUpgrade)
{
    const QString dir = m_work.filePath(name);
    const QString fixture = QStringLiteral(HEADWAY_TESTS_DIR "/fixtures/engineapp");
    QDirIterator it(fixture, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString source = it.next();
        const QString target = dir + source.mid(fixture.size());
        QDir().mkpath(QFileInfo(target).absolutePath());
        QFile::copy(source, target);
    }
    QDir().mkpath(dir + "/migrations/versions");
    const EngineMigrations &m = migrationsFor(engine);
    writeMigration(dir, "a1", "None", m.imports, m.createTable, "op.drop_table('users')");
    writeMigration(dir, "b2", "'a1'", m.imports + (slowUpgrade.isEmpty() ? QString() : "\nimport time"),
                   (slowUpgrade.isEmpty() ? QString() : slowUpgrade + "\n    ") + m.alterColumn, m.alterColumnBack);
    const QString upstreamName = clash ? "ck_users_email" : "ck_users_email_nonempty";
    writeMigration(dir, "d4fork", "'b2'", {}, "op.create_check_constraint('ck_users_email', 'users', 'length(email) > 3')",
                   "op.drop_constraint('ck_users_email', 'users', type_='check')");
    writeMigration(dir, "e5up", "'b2'", {},
                   QStringLiteral("op.create_check_constraint('%1', 'users', 'length(email) > 0')").arg(upstreamName),
                   QStringLiteral("op.drop_constraint('%1', 'users', type_='check')").arg(upstreamName));
    writeMigration(dir, "m6", "('d4fork', 'e5up')", {}, "pass", "pass");
    return dir;
}

CliRun TestEngines::testUpgrade(const QString &dir, const QString &engine, const QStringList &extra,
                                const CliOptions &options)
{
    return runCli(QStringList{"test-upgrade", "--json", "--python", m_python, "--env",
                              "ENGINE_APP_DIALECT=" + QString::fromLatin1(migrationsFor(engine).appDialect)}
                      + extra + QStringList{dir},
                  options);
}

// The server named in the result ran in a directory that is gone, and nothing runs there.
void TestEngines::verifyNothingLeft(const CliRun &run)
{
    const QString directory = serverDirectoryIn(run.out + run.err);
    QVERIFY2(!directory.isEmpty(), qPrintable(run.out + run.err));
    QVERIFY2(!QFileInfo::exists(directory), qPrintable(directory));
    QVERIFY2(processesIn(directory).isEmpty(), qPrintable(directory + ": " + processesIn(directory).join(' ')));
}

void TestEngines::clashFailsWithTheEnginesOwnWords_data()
{
    QTest::addColumn<QString>("engine");
    QTest::addColumn<QString>("wording");
    QTest::newRow("postgresql") << "postgresql" << R"(constraint "ck_users_email" for relation "users" already exists)";
    QTest::newRow("mariadb") << "mariadb" << "Duplicate CHECK constraint name 'ck_users_email'";
}

void TestEngines::clashFailsWithTheEnginesOwnWords()
{
    QFETCH(QString, engine);
    QFETCH(QString, wording);
    if (!engineAvailable(engine))
        return;
    const CliRun run = testUpgrade(project("clash-" + engine, engine, true), engine);
    QCOMPARE(run.exitCode, 4);
    const QJsonObject json = run.json();
    QCOMPARE(json.value("engine").toString(), engine);
    QVERIFY2(json.value("server").toString().contains("throwaway"), qPrintable(run.out));
    const QJsonObject failure = json.value("failure").toObject();
    QCOMPARE(failure.value("object").toString(), QString("ck_users_email"));
    QCOMPARE(test::jsonStrings(failure.value("creators")), QStringList({"d4fork", "e5up"}));
    QVERIFY2(QStringList({"d4fork", "e5up"}).contains(failure.value("revision").toString()), qPrintable(run.out));
    QJsonObject failed;
    for (const QJsonValue step : json.value("steps").toArray())
        if (step.toObject().value("status").toString() == "failed")
            failed = step.toObject();
    QCOMPARE(failed.value("title").toString(), QString("Upgrade to every head"));
    QVERIFY2(failed.value("error").toString().contains(wording), qPrintable(failed.value("error").toString()));
    QCOMPARE(failed.value("explanation").toObject().value("code").toString(), QString("already-exists"));
    verifyNothingLeft(run);
}

void TestEngines::cleanBranchesPassOnTheEngine_data()
{
    QTest::addColumn<QString>("engine");
    QTest::newRow("postgresql") << "postgresql";
    QTest::newRow("mariadb") << "mariadb";
}

void TestEngines::cleanBranchesPassOnTheEngine()
{
    QFETCH(QString, engine);
    if (!engineAvailable(engine))
        return;
    const CliRun run = testUpgrade(project("clean-" + engine, engine, false), engine);
    QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
    const QJsonObject json = run.json();
    QCOMPARE(json.value("engine").toString(), engine);
    const QJsonArray steps = json.value("steps").toArray();
    // Create the scratch database, check the app uses it, heads, five undone, five applied.
    QCOMPARE(steps.size(), 13);
    for (const QJsonValue step : steps)
        QCOMPARE(step.toObject().value("status").toString(), QString("passed"));
    QVERIFY2(steps.at(3).toObject().value("command").toString().contains("downgrade"), qPrintable(run.out));
    QVERIFY(json.value("database_url").toString().contains("headway_scratch_"));
    verifyNothingLeft(run);
}

void TestEngines::cleanBranchesFailOnSqliteWithTheEngineNamed_data()
{
    cleanBranchesPassOnTheEngine_data();
}

void TestEngines::cleanBranchesFailOnSqliteWithTheEngineNamed()
{
    QFETCH(QString, engine);
    const CliRun run = testUpgrade(project("sqlite-" + engine, engine, false), engine, {"--engine", "sqlite"});
    QCOMPARE(run.exitCode, 4);
    const QJsonObject json = run.json();
    QCOMPARE(json.value("engine").toString(), QString("sqlite"));
    QCOMPARE(json.value("failure").toObject().value("revision").toString(), QString("a1"));
    const QJsonObject explanation = json.value("steps").toArray().at(1).toObject().value("explanation").toObject();
    QCOMPARE(explanation.value("code").toString(), QString("engine-feature"));
    QVERIFY2(explanation.value("fix").toString().contains("--engine postgresql"), qPrintable(run.out));
}

void TestEngines::configuredUrlIsNeverContacted()
{
    if (!engineAvailable("postgresql"))
        return;
    // The URL in the settings this time (the fixture's own default is in the app's code):
    // a dead port, and a password that must never be printed.
    const CliRun run = testUpgrade(project("configured", "postgresql", false), "postgresql",
                                   {"--env", "DATABASE_URL=postgresql://deploy:Pa55word@127.0.0.1:9/production", "--verbose"});
    QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
    QVERIFY2(run.err.contains("Engine: PostgreSQL (DATABASE_URL names postgresql)"), qPrintable(run.err));
    QVERIFY2(!run.out.contains("Pa55word") && !run.err.contains("Pa55word"), qPrintable(run.out + run.err));
    verifyNothingLeft(run);
}

// Plain Alembic: the engine comes from sqlalchemy.url in alembic.ini (a dead port), and
// the copy of alembic.ini that points at the throwaway server is the only one used.
void TestEngines::plainAlembicRunsOnTheIniDialect()
{
    if (!engineAvailable("postgresql"))
        return;
    const QString dir = m_work.filePath("plain-alembic");
    QDir().mkpath(dir);
    QVERIFY(runToCompletion({m_python, {"-m", "alembic", "init", "migrations"}, dir, {}}, 60000).succeeded());
    QFile ini(dir + "/alembic.ini");
    QVERIFY(ini.open(QIODevice::ReadWrite));
    QString text = QString::fromUtf8(ini.readAll());
    text.replace(QRegularExpression("sqlalchemy.url = [^\\n]*"), "sqlalchemy.url = postgresql://deploy:Ini5ecret@127.0.0.1:9/production");
    ini.resize(0);
    ini.write(text.toUtf8());
    ini.close();
    const QByteArray before = text.toUtf8();
    writeMigration(dir, "a1", "None", postgresql.imports, postgresql.createTable, "op.drop_table('users')");
    writeMigration(dir, "b2", "'a1'", postgresql.imports, postgresql.alterColumn, postgresql.alterColumnBack);
    const CliRun run = runCli({"test-upgrade", "--json", "--python", m_python, dir});
    QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
    QCOMPARE(run.json().value("engine").toString(), QString("postgresql"));
    QVERIFY2(run.err.contains("Engine: PostgreSQL (alembic.ini names postgresql)"), qPrintable(run.err));
    // No check step for plain Alembic: create, heads, two undone, two applied.
    QCOMPARE(run.json().value("steps").toArray().size(), 6);
    QVERIFY2(!run.out.contains("Ini5ecret") && !run.err.contains("Ini5ecret"), qPrintable(run.out + run.err));
    QFile unchanged(dir + "/alembic.ini");
    QVERIFY(unchanged.open(QIODevice::ReadOnly));
    QCOMPARE(unchanged.readAll(), before);
    verifyNothingLeft(run);
}

QStringList TestEngines::databases(const QString &adminUrl)
{
    const CommandResult listed = runToCompletion(
        {m_python,
         {"-c", "import sys, sqlalchemy\n"
                "e = sqlalchemy.create_engine(sys.argv[1])\n"
                "with e.connect() as c:\n"
                "    print(' '.join(sorted(r[0] for r in c.execute(sqlalchemy.text('SELECT datname FROM pg_database')))))\n",
          adminUrl},
         {},
         {}},
        60000);
    return listed.output.trimmed().split(' ');
}

void TestEngines::existingServerKeepsItsOtherDatabases()
{
    if (!engineAvailable("postgresql"))
        return;
    ThrowawayServer server(DatabaseEngine::PostgreSql);
    QSignalSpy ready(&server, &ThrowawayServer::ready);
    QSignalSpy failed(&server, &ThrowawayServer::failed);
    server.start();
    QVERIFY2(ready.wait(60000), qPrintable(failed.isEmpty() ? QString("no answer") : failed.first().first().toString()));
    const QString admin = server.url("postgresql", "psycopg2", "postgres");
    QVERIFY(runToCompletion({m_python, {"-c", "import sys, sqlalchemy\n"
                                              "e = sqlalchemy.create_engine(sys.argv[1], isolation_level='AUTOCOMMIT')\n"
                                              "with e.connect() as c:\n    c.execute(sqlalchemy.text('CREATE DATABASE keepme'))\n",
                                        admin}, {}, {}}, 60000).succeeded());
    const QStringList before = databases(admin);
    QVERIFY2(before.contains("keepme"), qPrintable(before.join(' ')));
    // Trust authentication ignores the password, so it only has to stay unprinted.
    const QString serverUrl = "postgresql://headway:T0psecret@/postgres?host=" + server.socketPath();
    for (bool clash : {false, true}) {
        const CliRun run = testUpgrade(project(clash ? "server-clash" : "server-clean", "postgresql", clash), "postgresql",
                                       {"--server", serverUrl});
        QCOMPARE(run.exitCode, clash ? 4 : 0);
        const QJsonObject json = run.json();
        QVERIFY2(json.value("server").toString().contains("scratch database headway_scratch_"), qPrintable(run.out));
        QVERIFY2(!run.out.contains("T0psecret") && !run.err.contains("T0psecret"), qPrintable(run.out + run.err));
        const QJsonArray steps = json.value("steps").toArray();
        QVERIFY2(steps.last().toObject().value("title").toString().startsWith("Drop the scratch database"), qPrintable(run.out));
        QCOMPARE(steps.last().toObject().value("status").toString(), QString("passed"));
        QCOMPARE(databases(admin), before);
    }
    QSignalSpy stopped(&server, &ThrowawayServer::stopped);
    const QString directory = server.directory();
    server.stop();
    QVERIFY(stopped.wait(30000));
    QVERIFY(!QFileInfo::exists(directory));
    QVERIFY(processesIn(directory).isEmpty());
}

void TestEngines::timeoutLeavesNoServer()
{
    if (!engineAvailable("postgresql"))
        return;
    const CliRun run = testUpgrade(project("timeout", "postgresql", false, "time.sleep(600)"), "postgresql", {"--timeout", "3"});
    QCOMPARE(run.exitCode, 4);
    QVERIFY2(run.json().value("steps").toArray().at(2).toObject().value("status").toString() == "failed", qPrintable(run.out));
    verifyNothingLeft(run);
}

void TestEngines::cancelLeavesNoServer()
{
    if (!engineAvailable("mariadb"))
        return;
    QProcess cli;
    cli.setProgram(qEnvironmentVariable("HEADWAY_CLI"));
    cli.setArguments({"test-upgrade", "--python", m_python, "--env", "ENGINE_APP_DIALECT=mysql",
                      project("cancel", "mariadb", false, "time.sleep(600)")});
    cli.setProcessChannelMode(QProcess::MergedChannels);
    cli.start();
    QVERIFY(cli.waitForStarted());
    // Ctrl-C once the slow migration runs (the driver has reported the step that holds it).
    QString err;
    while (!err.contains("Upgrade to every head") && cli.state() == QProcess::Running) {
        cli.waitForReadyRead(1000);
        err += QString::fromUtf8(cli.readAll());
    }
    QVERIFY2(err.contains("Upgrade to every head"), qPrintable(err));
    ::kill(pid_t(cli.processId()), SIGINT);
    QVERIFY(cli.waitForFinished(60000));
    const QString out = err + QString::fromUtf8(cli.readAll());
    QCOMPARE(cli.exitCode(), 5);
    QVERIFY2(out.contains("Cancelled: Upgrade to every head"), qPrintable(out));
    verifyNothingLeft({cli.exitCode(), out, {}});
}

void TestEngines::killedHeadwayIsCleanedUpAtTheNextStart()
{
    if (!engineAvailable("postgresql"))
        return;
    QProcess cli;
    cli.setProgram(qEnvironmentVariable("HEADWAY_CLI"));
    cli.setArguments({"test-upgrade", "--python", m_python, project("killed", "postgresql", false, "time.sleep(600)")});
    cli.setProcessChannelMode(QProcess::MergedChannels);
    cli.start();
    QVERIFY(cli.waitForStarted());
    const qint64 killedPid = cli.processId();
    QString out;
    while (!out.contains("Upgrade to every head") && cli.state() == QProcess::Running) {
        cli.waitForReadyRead(1000);
        out += QString::fromUtf8(cli.readAll());
    }
    const QString directory = serverDirectoryIn(out);
    QVERIFY2(!directory.isEmpty() && QFileInfo::exists(directory), qPrintable(out));
    cli.kill(); // SIGKILL: headway-cli stops nothing itself
    QVERIFY(cli.waitForFinished(10000));
    // The server and the driver end with it (their parent-death signal): wait for them, not a fixed time.
    for (int waited = 0; waited < 300 && !processesIn(directory).isEmpty(); ++waited)
        QThread::msleep(100);
    QVERIFY2(processesIn(directory).isEmpty(), qPrintable(processesIn(directory).join(' ')));
    // What the killed headway-cli left on disk goes at the next test upgrade.
    const CliRun next = testUpgrade(project("after-kill", "postgresql", false), "postgresql");
    QVERIFY2(next.exitCode == 0, qPrintable(next.out + next.err));
    QVERIFY2(!QFileInfo::exists(directory), qPrintable(directory));
    QVERIFY2(next.err.contains(directory + " (postgresql), left by Headway " + QString::number(killedPid)), qPrintable(next.err));
    verifyNothingLeft(next);
}

void TestEngines::missingServerOffersSqlite()
{
    const QString dir = project("missing", "postgresql", false);
    CliOptions options;
    options.noTerminal = true;
    options.environment.insert("HEADWAY_POSTGRESQL_BIN", m_work.filePath("no-such-bin"));
    const CliRun refused = testUpgrade(dir, "postgresql", {}, options);
    QCOMPARE(refused.exitCode, 5);
    QVERIFY2(refused.out.contains("install the postgresql package") || refused.err.contains("install the postgresql package"),
             qPrintable(refused.out + refused.err));
    QVERIFY2(refused.err.contains("SQLite may fail"), qPrintable(refused.err));
    const CliRun accepted = testUpgrade(dir, "postgresql", {"--yes"}, options);
    QCOMPARE(accepted.exitCode, 4); // JSONB: SQLite cannot, as the warning said
    QCOMPARE(accepted.json().value("engine").toString(), QString("sqlite"));
}

QTEST_GUILESS_MAIN(TestEngines)
#include "tst_engines.moc"
