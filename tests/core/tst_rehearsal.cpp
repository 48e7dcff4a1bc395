// The merge rehearsal against real subprocesses: headway-cli rehearse on a
// copy of the bundled demo and the forkHead fixtures, with the project's own
// Flask app and Alembic, on SQLite and a throwaway PostgreSQL server. The
// demo's duplicate index fails on every path and names both migrations; a
// clash written so that it only fails from upstream's deployed state fails
// there and nowhere from base; raw SQL whose result depends on the order is
// caught by comparing schemas; independent branches pass. The project's own
// database is never created.
#include "CliRun.h"
#include "engine/ServerBinaries.h"
#include "runner/InterpreterDiscovery.h"

#include "TestFiles.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace headway;

namespace {

const QString forkHead = QStringLiteral("b3a83eea3022");     // the demo's own migration
const QString upstreamHead = QStringLiteral("dd710196dcb0"); // upstream's, merged in

using headway::test::copyTree;

// Rewrites one line of a migration as a hand edit would.
void replaceInFile(const QString &path, const QByteArray &before, const QByteArray &after)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QByteArray text = file.readAll();
    file.close();
    QVERIFY2(text.contains(before), before.constData());
    text.replace(before, after);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(text);
}

QJsonObject pathOfKind(const QJsonArray &paths, const QString &kind, const QString &start = {})
{
    for (const QJsonValue &path : paths)
        if (path.toObject().value("kind").toString() == kind && (start.isEmpty() || path.toObject().value("start").toString() == start))
            return path.toObject();
    return {};
}

QStringList statuses(const QJsonArray &paths)
{
    QStringList list;
    for (const QJsonValue &path : paths)
        list += path.toObject().value("status").toString();
    return list;
}

} // namespace

class TestRehearsal : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void demoFailsOnEveryPathAndNamesBothMigrations();
    void clashOnlyFromUpstreamsDeployedState_data();
    void clashOnlyFromUpstreamsDeployedState();
    void orderDependentSchemaIsCaught();
    void independentBranchesPass();
    void forkFixtureCollidesOnPostgresql();

private:
    QString demoCopy(const QString &name);
    test::CliRun rehearse(const QString &project, const QStringList &extra = {});
    bool postgresqlAvailable();

    QTemporaryDir m_work;
};

void TestRehearsal::initTestCase()
{
    QVERIFY(m_work.isValid());
    if (InterpreterDiscovery::find(QDir::currentPath(), {"flask_migrate"}).path.isEmpty())
        QFAIL("no interpreter with flask_migrate: the rehearsal needs the project's own Flask-Migrate (apt install python3-flask-migrate)");
}

QString TestRehearsal::demoCopy(const QString &name)
{
    const QString target = m_work.filePath(name);
    if (!copyTree(QStringLiteral(HEADWAY_SOURCE_DIR "/resources/demo"), target))
        return {};
    return target;
}

test::CliRun TestRehearsal::rehearse(const QString &project, const QStringList &extra)
{
    test::CliOptions options;
    options.noTerminal = true;
    options.timeoutMs = 300000;
    return test::runCli(QStringList{"rehearse", "--json"} + extra + QStringList{project}, options);
}

bool TestRehearsal::postgresqlAvailable()
{
    const ServerBinaries binaries = ServerBinaries::locate(DatabaseEngine::PostgreSql);
    if (binaries.found() && !InterpreterDiscovery::find(QDir::currentPath(), {"flask_migrate", "psycopg2"}).path.isEmpty())
        return true;
    if (qEnvironmentVariableIsSet("HEADWAY_REQUIRE_SERVERS"))
        QTest::qFail("PostgreSQL or psycopg2 missing (packaging/bootstrap.sh test installs them)", __FILE__, __LINE__);
    else
        QTest::qSkip("PostgreSQL or psycopg2 missing", __FILE__, __LINE__);
    return false;
}

void TestRehearsal::demoFailsOnEveryPathAndNamesBothMigrations()
{
    const QString project = demoCopy("demo");
    const test::CliRun run = rehearse(project);
    QCOMPARE(run.exitCode, 1);
    const QJsonObject report = run.json();
    QCOMPARE(report.value("ok").toBool(true), false);
    QCOMPARE(test::jsonStrings(report.value("heads")), (QStringList{forkHead, upstreamHead}));
    const QJsonArray paths = report.value("paths").toArray();
    // From base (Alembic's order, each order), from each deployed head, from the common ancestor.
    QCOMPARE(paths.size(), 6);
    QVERIFY(!pathOfKind(paths, "deployed", forkHead).isEmpty());
    QVERIFY(!pathOfKind(paths, "deployed", upstreamHead).isEmpty());
    QCOMPARE(pathOfKind(paths, "from-ancestor").value("start").toString(), QStringLiteral("c8f06bd407a8"));
    for (const QJsonValue &value : paths) {
        const QJsonObject path = value.toObject();
        QCOMPARE(path.value("status").toString(), QStringLiteral("failed"));
        const QJsonObject failure = path.value("failure").toObject();
        QCOMPARE(failure.value("object").toString(), QStringLiteral("ix_user_email"));
        QCOMPARE(test::jsonStrings(failure.value("creators")), (QStringList{forkHead, upstreamHead}));
        QVERIFY(path.value("error").toString().contains("ix_user_email already exists"));
    }
    // Deployed at the fork's head, upstream's migration is the one that fails; and the other way round.
    QCOMPARE(pathOfKind(paths, "deployed", forkHead).value("failure").toObject().value("revision").toString(), upstreamHead);
    QCOMPARE(pathOfKind(paths, "deployed", upstreamHead).value("failure").toObject().value("revision").toString(), forkHead);
    QVERIFY2(!QFile::exists(project + "/demo.db"), "the project's own database was created");
}

void TestRehearsal::clashOnlyFromUpstreamsDeployedState_data()
{
    QTest::addColumn<QString>("engine");
    QTest::newRow("sqlite") << "sqlite";
    QTest::newRow("postgresql") << "postgresql";
}

void TestRehearsal::clashOnlyFromUpstreamsDeployedState()
{
    QFETCH(QString, engine);
    if (engine == QLatin1String("postgresql") && !postgresqlAvailable())
        return;
    // Upstream guards its index with IF NOT EXISTS; the forkHead does not. After the forkHead's
    // migration upstream's skips; on upstream's deployments the fork's then fails.
    const QString project = demoCopy("deployed-" + engine);
    replaceInFile(project + "/migrations/versions/dd710196dcb0_add_post_slug.py",
                  "    op.create_index(op.f('ix_user_email'), 'user', ['email'], unique=False)\n",
                  "    op.execute('CREATE INDEX IF NOT EXISTS ix_user_email ON \"user\" (email)')\n");
    const test::CliRun run = rehearse(project, {"--engine", engine});
    QCOMPARE(run.exitCode, 1);
    const QJsonObject report = run.json();
    QCOMPARE(report.value("engine").toString(), engine);
    const QJsonArray paths = report.value("paths").toArray();
    const QJsonObject deployedUpstream = pathOfKind(paths, "deployed", upstreamHead);
    QCOMPARE(deployedUpstream.value("status").toString(), QStringLiteral("failed"));
    const QJsonObject failure = deployedUpstream.value("failure").toObject();
    QCOMPARE(failure.value("revision").toString(), forkHead);
    // The raw SQL that created it first is found too.
    QVERIFY2(test::jsonStrings(failure.value("creators")).contains(upstreamHead), qPrintable(run.out));
    QCOMPARE(pathOfKind(paths, "deployed", forkHead).value("status").toString(), QStringLiteral("passed"));
    QCOMPARE(pathOfKind(paths, "alembic-order").value("status").toString(), QStringLiteral("passed"));
    QVERIFY2(statuses(paths).contains("passed") && statuses(paths).contains("failed"), qPrintable(statuses(paths).join(',')));
    // Every path that passed ends with the same schema.
    for (const QJsonValue &path : paths)
        QCOMPARE(path.toObject().value("schema_differs").toBool(), false);
    QVERIFY(!QFile::exists(project + "/demo.db"));
}

void TestRehearsal::orderDependentSchemaIsCaught()
{
    // Nothing fails, but whichever branch runs first decides what ix_x is.
    const QString project = demoCopy("order");
    replaceInFile(project + "/migrations/versions/b3a83eea3022_add_user_preferences.py",
                  "    op.create_index(op.f('ix_user_email'), 'user', ['email'], unique=False)\n",
                  "    op.execute('CREATE INDEX IF NOT EXISTS ix_x ON \"user\" (email)')\n");
    replaceInFile(project + "/migrations/versions/dd710196dcb0_add_post_slug.py",
                  "    op.create_index(op.f('ix_user_email'), 'user', ['email'], unique=False)\n",
                  "    op.execute('CREATE UNIQUE INDEX IF NOT EXISTS ix_x ON \"user\" (username)')\n");
    const test::CliRun run = rehearse(project);
    QCOMPARE(run.exitCode, 1);
    const QJsonArray paths = run.json().value("paths").toArray();
    QVERIFY2(!statuses(paths).contains("failed"), qPrintable(statuses(paths).join(',')));
    QVERIFY2(statuses(paths).contains("differs"), qPrintable(statuses(paths).join(',')));
    bool namesTheIndex = false;
    for (const QJsonValue &path : paths)
        for (const QString &line : test::jsonStrings(path.toObject().value("only_here")) + test::jsonStrings(path.toObject().value("missing_here")))
            namesTheIndex = namesTheIndex || line.contains("ix_x");
    QVERIFY(namesTheIndex);
}

void TestRehearsal::independentBranchesPass()
{
    const QString project = m_work.filePath("independent");
    QVERIFY(copyTree(QStringLiteral(HEADWAY_SOURCE_DIR "/tests/fixtures/forkapp-independent"), project));
    const test::CliRun run = rehearse(project);
    QCOMPARE(run.exitCode, 0);
    const QJsonObject report = run.json();
    QVERIFY(report.value("ok").toBool());
    const QJsonArray paths = report.value("paths").toArray();
    QCOMPARE(paths.size(), 6);
    for (const QJsonValue &path : paths)
        QCOMPARE(path.toObject().value("status").toString(), QStringLiteral("passed"));
    QVERIFY(!QFile::exists(project + "/forkapp.db"));
    // Text output: one row per path and the verdict.
    test::CliOptions options;
    options.noTerminal = true;
    const test::CliRun text = test::runCli({"rehearse", project}, options);
    QCOMPARE(text.exitCode, 0);
    QCOMPARE(text.out.count("PASSED"), 6);
    QVERIFY(text.out.contains("Rehearsal passed"));
    // --dry-run plans every path and runs nothing.
    const test::CliRun dry = test::runCli({"rehearse", "--dry-run", project}, options);
    QCOMPARE(dry.exitCode, 0);
    QVERIFY2(dry.out.contains("# Path 6: read the schema"), qPrintable(dry.out));
    QVERIFY(!dry.out.contains("# Path 7:"));
}

void TestRehearsal::forkFixtureCollidesOnPostgresql()
{
    if (!postgresqlAvailable())
        return;
    const QString project = m_work.filePath("forkapp");
    QVERIFY(copyTree(QStringLiteral(HEADWAY_SOURCE_DIR "/tests/fixtures/forkapp"), project));
    const test::CliRun run = rehearse(project, {"--engine", "postgresql"});
    QCOMPARE(run.exitCode, 1);
    const QJsonArray paths = run.json().value("paths").toArray();
    for (const QJsonValue &path : paths) {
        QCOMPARE(path.toObject().value("status").toString(), QStringLiteral("failed"));
        QVERIFY2(path.toObject().value("error").toString().contains("timezone"), qPrintable(path.toObject().value("error").toString()));
    }
    QVERIFY(run.err.contains("Stopped the throwaway PostgreSQL server"));
}

QTEST_GUILESS_MAIN(TestRehearsal)
#include "tst_rehearsal.moc"
