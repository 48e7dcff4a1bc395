// The wrapped subprocess: argument lists reach the program verbatim, the
// environment presets are set, Cancel and timeouts end hung commands, and the
// real `flask db` runs on a copy of the demo with its failures explained.
#include "TestFiles.h"
#include "demo/DemoWorkspace.h"
#include "repository/RepositoryLocator.h"
#include "runner/FailureExplainer.h"
#include "runner/InterpreterDiscovery.h"
#include "runner/MigrationBackend.h"
#include "runner/MigrationCommand.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace headway;

namespace {

CommandResult runToEnd(MigrationCommand &command, int timeoutMs = 120000)
{
    QSignalSpy finished(&command, &MigrationCommand::finished);
    command.start();
    if (!finished.wait(timeoutMs))
        return {};
    return finished.first().first().value<CommandResult>();
}

QString python()
{
    static const QString path = InterpreterDiscovery::find(QDir::currentPath(), {"flask_migrate"}).path;
    return path;
}

} // namespace

class TestRunner : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        qRegisterMetaType<CommandResult>();
        QVERIFY2(!python().isEmpty(), "no interpreter with Flask-Migrate found");
    }

    void argumentsArriveVerbatim()
    {
        const QStringList hostile{"merge \"quotes\" and 'single'", "$(touch /tmp/headway-pwned)", "line\nbreak", "ünïcødé ✓", "--help", ""};
        CommandLine line{python(), {"-c", "import sys, json; print(json.dumps(sys.argv[1:]))"}, QDir::tempPath(), RunSettings::defaultEnvironment()};
        line.arguments += hostile;
        MigrationCommand command(line);
        const CommandResult result = runToEnd(command);
        QVERIFY(result.succeeded());
        const QJsonArray echoed = QJsonDocument::fromJson(result.output.toUtf8()).array();
        QCOMPARE(echoed.size(), hostile.size());
        for (int i = 0; i < hostile.size(); ++i)
            QCOMPARE(echoed.at(i).toString(), hostile.at(i));
        QVERIFY(!QFileInfo::exists("/tmp/headway-pwned"));
    }

    void presetsReachTheProcess()
    {
        CommandLine line{python(), {"-c", "import os; print(os.environ['SERVER_NAME'], os.environ['CACHE_TYPE'])"}, {},
                         RunSettings::defaultEnvironment()};
        MigrationCommand command(line);
        const CommandResult result = runToEnd(command);
        QCOMPARE(result.output.trimmed(), QStringLiteral("localhost NullCache"));
    }

    void cancelEndsAHungCommand()
    {
        MigrationCommand command({python(), {"-c", "import time\nprint('waiting', flush=True)\ntime.sleep(600)"}, {}, {}});
        QSignalSpy line(&command, &MigrationCommand::outputLine);
        QSignalSpy finished(&command, &MigrationCommand::finished);
        command.start();
        QVERIFY(line.wait(30000));
        QCOMPARE(line.first().first().toString(), QStringLiteral("waiting"));
        command.cancel();
        QVERIFY(finished.wait(10000));
        QCOMPARE(finished.first().first().value<CommandResult>().outcome, CommandResult::Outcome::Cancelled);
    }

    void killsWhatIgnoresTerminate()
    {
        MigrationCommand command({python(), {"-c", "import signal, time\nsignal.signal(signal.SIGTERM, signal.SIG_IGN)\nprint('x', flush=True)\ntime.sleep(600)"}, {}, {}});
        command.setCancelGrace(500);
        QSignalSpy line(&command, &MigrationCommand::outputLine);
        QSignalSpy finished(&command, &MigrationCommand::finished);
        command.start();
        QVERIFY(line.wait(30000));
        command.cancel();
        QVERIFY(finished.wait(10000));
        QCOMPARE(finished.first().first().value<CommandResult>().outcome, CommandResult::Outcome::Cancelled);
    }

    void timeoutEndsACommand()
    {
        MigrationCommand command({python(), {"-c", "import time; time.sleep(600)"}, {}, {}});
        command.setTimeout(1000);
        QCOMPARE(runToEnd(command, 20000).outcome, CommandResult::Outcome::TimedOut);
    }

    void missingProgramFailsToStart()
    {
        MigrationCommand command({"/nonexistent/python3", {}, {}, {}});
        const CommandResult result = runToEnd(command, 10000);
        QCOMPARE(result.outcome, CommandResult::Outcome::FailedToStart);
        QVERIFY(result.output.contains("/nonexistent/python3"));
    }

    void shellTextQuotesEverything()
    {
        const CommandLine line{"/usr/bin/python3", {"-m", "flask", "db", "merge", "--message=it's $HOME"}, "/my project", {{"SERVER_NAME", "localhost"}}};
        QCOMPARE(line.shellText(), QStringLiteral("cd '/my project' && SERVER_NAME=localhost /usr/bin/python3 -m flask db merge '--message=it'\\''s $HOME'"));
    }

    void detectsFlaskMigrateAndPlainAlembic()
    {
        QTemporaryDir dir;
        const DemoWorkspaceResult demo = DemoWorkspace::prepare(DemoWorkspace::bundledDemoDirectory(), dir.filePath("demo"));
        const MigrationBackend flask = MigrationBackend::detect(RepositoryLocator::locate(demo.path));
        QCOMPARE(flask.kind, MigrationBackend::Kind::FlaskMigrate);
        QCOMPARE(flask.projectDirectory, demo.path);
        QCOMPARE(flask.flaskApp, QStringLiteral("app.py"));
        test::writeFile(demo.path + "/.flaskenv", "FLASK_APP=\"app:app\"\n");
        QCOMPARE(MigrationBackend::detect(RepositoryLocator::locate(demo.path)).flaskApp, QStringLiteral("app:app"));

        test::writeFile(dir.filePath("plain/alembic.ini"), "[alembic]\nscript_location = db\n");
        test::writeFile(dir.filePath("plain/db/env.py"), "from alembic import context\n");
        QDir().mkpath(dir.filePath("plain/db/versions"));
        const MigrationBackend alembic = MigrationBackend::detect(RepositoryLocator::locate(dir.filePath("plain")));
        QCOMPARE(alembic.kind, MigrationBackend::Kind::Alembic);
        const CommandLine line = alembic.command("py", {"heads"}, {});
        QCOMPARE(line.arguments, (QStringList{"-m", "alembic", "-c", dir.filePath("plain/alembic.ini"), "heads"}));
    }

    void findsTheFlaskAppAboveNestedMigrations()
    {
        // repo/.flaskenv names the app; the migrations live in repo/backend/migrations.
        QTemporaryDir dir;
        const QString repo = dir.filePath("repo");
        QDir().mkpath(repo + "/.git");
        test::writeFile(repo + "/.flaskenv", "export FLASK_APP='backend.wsgi:app'\n");
        test::writeFile(repo + "/backend/migrations/alembic.ini", "[alembic]\n");
        test::writeFile(repo + "/backend/migrations/env.py", "from flask import current_app\n");
        QDir().mkpath(repo + "/backend/migrations/versions");
        const MigrationBackend nested = MigrationBackend::detect(RepositoryLocator::locate(repo + "/backend"));
        QCOMPARE(nested.kind, MigrationBackend::Kind::FlaskMigrate);
        QCOMPARE(nested.flaskApp, QStringLiteral("backend.wsgi:app"));
        QCOMPARE(nested.projectDirectory, repo);
        const CommandLine line = nested.command("py", {"heads"}, {});
        QCOMPARE(line.workingDirectory, repo);
        QVERIFY(line.arguments.contains(repo + "/backend/migrations"));

        // Never above the repository's root: an app there belongs to something else.
        test::writeFile(dir.filePath("app.py"), "app = None\n");
        QFile::remove(repo + "/.flaskenv");
        const MigrationBackend lost = MigrationBackend::detect(RepositoryLocator::locate(repo + "/backend"));
        QVERIFY(lost.flaskApp.isEmpty());
        QVERIFY2(lost.problem.contains("FLASK_APP"), qPrintable(lost.problem));
    }

    void runsTheRealFlaskDbAndExplainsItsFailure()
    {
        QTemporaryDir dir;
        const DemoWorkspaceResult demo = DemoWorkspace::prepare(DemoWorkspace::bundledDemoDirectory(), dir.filePath("demo"));
        RunSettings settings;
        settings.environment.insert("DATABASE_URL", "sqlite:///" + dir.filePath("scratch.db"));
        const MigrationBackend backend = MigrationBackend::detect(RepositoryLocator::locate(demo.path), settings);

        MigrationCommand heads(backend.command(python(), {"heads"}, settings));
        const CommandResult listed = runToEnd(heads);
        QVERIFY2(listed.succeeded(), qPrintable(listed.output));
        QCOMPARE(listed.output.count("(head)"), 2);

        MigrationCommand upgrade(backend.command(python(), {"upgrade", "heads"}, settings));
        const CommandResult failed = runToEnd(upgrade);
        QCOMPARE(failed.outcome, CommandResult::Outcome::Failed);
        const FailureExplanation why = FailureExplainer::explain(failed.output);
        QCOMPARE(why.code, QStringLiteral("already-exists"));
        QVERIFY(why.detail.contains("ix_user_email"));
        QVERIFY(QFileInfo::exists(dir.filePath("scratch.db")));
        QVERIFY(!QFileInfo::exists(demo.path + "/demo.db")); // DATABASE_URL reached the app
    }

    void explainsKnownFailures_data()
    {
        QTest::addColumn<QString>("output");
        QTest::addColumn<QString>("code");
        QTest::newRow("multiple heads") << "ERROR [flask_migrate] Error: Multiple head revisions are present for given argument 'head'; please specify" << "multiple-heads";
        QTest::newRow("missing revision") << "alembic.util.exc.CommandError: Can't locate revision identified by 'abc123'" << "missing-revision";
        QTest::newRow("not up to date") << "ERROR [flask_migrate] Error: Target database is not up to date." << "not-up-to-date";
        QTest::newRow("constraint exists") << "psycopg2.errors.DuplicateObject: constraint \"uq_user_email\" for relation \"user\" already exists" << "already-exists";
        QTest::newRow("table exists") << "sqlite3.OperationalError: table user_preference already exists" << "already-exists";
        QTest::newRow("no db command") << "Error: No such command 'db'." << "no-db-command";
        QTest::newRow("app import") << "Error: Could not locate a Flask application. Use the 'flask --app' option" << "app-import-failed";
        QTest::newRow("locked") << "sqlite3.OperationalError: database is locked" << "database-locked";
        QTest::newRow("unknown") << "something else entirely" << "";
    }

    void explainsKnownFailures()
    {
        QFETCH(QString, output);
        QFETCH(QString, code);
        const FailureExplanation explanation = FailureExplainer::explain("INFO  [alembic] start\n" + output + "\n");
        QCOMPARE(explanation.code, code);
        QVERIFY(code.isEmpty() || !explanation.fix.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestRunner)
#include "tst_runner.moc"
