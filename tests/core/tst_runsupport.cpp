// The small pieces around running the project's tool, each on its own: where
// a SQLite database is from its URL, reading `current` output, which merge
// messages are refused, SQLite backups and their restore, remembered run
// settings, and which migration an "already exists" failure points at.
#include "TestFiles.h"
#include "database/CurrentRevisions.h"
#include "database/DatabaseLocation.h"
#include "database/SqliteBackup.h"
#include "plan/MergeRequest.h"
#include "plan/TestUpgrade.h"
#include "repository/RepositoryLoader.h"
#include "runner/RunSettings.h"

#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace headway;
using headway::test::migration;
using headway::test::writeFile;

class TestRunSupport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_dir.filePath("settings"));
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_dir.filePath("settings"));
    }

    void sqliteFileFromUrl_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("file");
        QTest::newRow("relative") << "sqlite:///app.db" << "/project/app.db";
        QTest::newRow("absolute") << "sqlite:////var/lib/app.db" << "/var/lib/app.db";
        QTest::newRow("driver") << "sqlite+pysqlite:///data/app.db" << "/project/data/app.db";
        QTest::newRow("query") << "sqlite:///app.db?timeout=20" << "/project/app.db";
        QTest::newRow("memory") << "sqlite://" << "";
        QTest::newRow("memory named") << "sqlite:///:memory:" << "";
        QTest::newRow("postgres") << "postgresql://user:secret@db/app" << "";
    }

    void sqliteFileFromUrl()
    {
        QFETCH(QString, url);
        QFETCH(QString, file);
        QCOMPARE(DatabaseLocator::sqliteFileFromUrl(url, "/project"), file);
    }

    void probeOutputGivesTheDatabase()
    {
        const DatabaseLocation location = DatabaseLocator::parseProbeOutput(
            "INFO something\nHEADWAY-DATABASE-URL sqlite:////tmp/x/app.db\nHEADWAY-DATABASE-FILE /tmp/x/app.db\n");
        QCOMPARE(location.url, "sqlite:////tmp/x/app.db");
        QCOMPARE(location.sqliteFile, "/tmp/x/app.db");
        const DatabaseLocation failed = DatabaseLocator::parseProbeOutput("Traceback ...\nRuntimeError: no app\n");
        QVERIFY(!failed.known());
        QVERIFY(failed.error.contains("RuntimeError: no app"));
    }

    void currentOutputIsRead()
    {
        const QString root = m_dir.filePath("current");
        writeFile(root + "/versions/a.py", migration("aaaa00000001", {}));
        writeFile(root + "/versions/b.py", migration("bbbb00000002", "aaaa00000001"));
        writeFile(root + "/versions/c.py", migration("cccc00000003", "aaaa00000001"));
        const Repository repository = RepositoryLoader::load(root + "/versions");
        const CurrentRevisions current = CurrentRevisions::parse(
            "INFO  [alembic.runtime.migration] Context impl SQLiteImpl.\n"
            "INFO  [alembic.runtime.migration] Will assume non-transactional DDL.\n"
            "bbbb00000002 (head)\ncccc00000003 (head) (mergepoint)\nffff00000009 (head)\n",
            repository.graph);
        QCOMPARE(current.revisions, QStringList({"bbbb00000002", "cccc00000003"}));
        QCOMPARE(current.unknown, QStringList{"ffff00000009"});
        QVERIFY(CurrentRevisions::parse("INFO  [alembic.runtime.migration] Context impl SQLiteImpl.\n", repository.graph)
                    .revisions.isEmpty());
    }

    void mergeMessages_data()
    {
        QTest::addColumn<QString>("message");
        QTest::addColumn<bool>("refused");
        QTest::newRow("empty") << "" << true;
        QTest::newRow("blank") << "  \n " << true;
        QTest::newRow("bare merge") << "merge" << true;
        QTest::newRow("merge heads") << "Merge heads" << true;
        QTest::newRow("the guide's") << "merge migration heads" << true;
        QTest::newRow("punctuation") << "merge!!" << true;
        QTest::newRow("descriptive") << "merge upstream v1.3 migrations with custom user features" << false;
        QTest::newRow("unicode") << "fusion des têtes: préférences" << false;
        QTest::newRow("hostile but descriptive") << "merge \"prefs\" $(rm -rf /)" << false;
    }

    void mergeMessages()
    {
        QFETCH(QString, message);
        QFETCH(bool, refused);
        QCOMPARE(!MergeRequest::messageProblem(message).isEmpty(), refused);
    }

    void backupAndRestoreLoseNothing()
    {
        const QString database = m_dir.filePath("db/app.db");
        writeFile(database, "version one");
        const QString backups = m_dir.filePath("backups");
        const SqliteBackupCopy first = SqliteBackup::make(database, backups);
        QVERIFY2(first.made(), qPrintable(first.error));
        const SqliteBackupCopy second = SqliteBackup::make(database, backups);
        QVERIFY(second.made());
        QVERIFY2(first.copy != second.copy, "a backup never replaces an earlier one");
        writeFile(database, "version two, changed by a command");
        QCOMPARE(SqliteBackup::restore(first), QString());
        QFile restored(database);
        QVERIFY(restored.open(QIODevice::ReadOnly));
        QCOMPARE(restored.readAll(), QByteArray("version one"));
        QVERIFY(!SqliteBackup::make(m_dir.filePath("db/missing.db"), backups).made());
    }

    void runSettingsAreRememberedPerRepository()
    {
        const QString one = m_dir.filePath("repo-one");
        const QString two = m_dir.filePath("repo-two");
        QDir().mkpath(one);
        QDir().mkpath(two);
        RunSettings settings;
        QVERIFY(settings.applyEnvironmentAssignment("DATABASE_URL=sqlite:///x.db"));
        QVERIFY(settings.applyEnvironmentAssignment("CACHE_TYPE="));
        QVERIFY(!settings.applyEnvironmentAssignment("no equals sign"));
        settings.flaskApp = "wsgi:create_app()";
        settings.testCommand = {"-m", "pytest", "tests/test_db.py"};
        RunSettingsStore::save(one, settings);
        const RunSettings loaded = RunSettingsStore::load(one);
        QCOMPARE(loaded.environment.value("DATABASE_URL"), "sqlite:///x.db");
        QVERIFY(!loaded.environment.contains("CACHE_TYPE"));
        QCOMPARE(loaded.environment.value("SERVER_NAME"), "localhost");
        QCOMPARE(loaded.flaskApp, settings.flaskApp);
        QCOMPARE(loaded.testCommand, settings.testCommand);
        QCOMPARE(RunSettingsStore::load(two), RunSettings{}); // untouched repositories get the presets
    }

    void alreadyExistsPointsAtBothMigrations()
    {
        const QString root = m_dir.filePath("dup");
        const QString createIndex = "\ndef upgrade():\n    op.create_index(op.f('ix_user_email'), 'user', ['email'])\n";
        writeFile(root + "/versions/a.py", migration("aaaa00000001", {}, "base"));
        QString fork = QString::fromUtf8(migration("bbbb00000002", "aaaa00000001", "add user preferences"));
        fork.replace("\ndef upgrade():\n    pass\n", createIndex);
        QString upstream = QString::fromUtf8(migration("cccc00000003", "aaaa00000001", "add post slug"));
        upstream.replace("\ndef upgrade():\n    pass\n", createIndex);
        upstream.replace("def downgrade():\n    pass", "def downgrade():\n    op.drop_index('ix_user_email')");
        writeFile(root + "/versions/b.py", fork.toUtf8());
        writeFile(root + "/versions/c.py", upstream.toUtf8());
        // Only downgrade() names it: not a creator.
        QString dropper = QString::fromUtf8(migration("dddd00000004", "bbbb00000002", "drop it"));
        dropper.replace("def downgrade():\n    pass", "def downgrade():\n    op.create_index('ix_user_email', 'user', ['email'])");
        writeFile(root + "/versions/d.py", dropper.toUtf8());
        const Repository repository = RepositoryLoader::load(root + "/versions");
        const FailureSite site = FailureSite::locate(
            repository, "INFO  [alembic.runtime.migration] Running upgrade aaaa00000001 -> bbbb00000002, add user preferences\n"
                        "INFO  [alembic.runtime.migration] Running upgrade aaaa00000001 -> cccc00000003, add post slug\n"
                        "sqlalchemy.exc.OperationalError: (sqlite3.OperationalError) index ix_user_email already exists\n");
        QCOMPARE(repository.graph.node(site.failingRevision).id, "cccc00000003");
        QCOMPARE(site.objectName, "ix_user_email");
        QStringList creators;
        for (int creator : site.creators)
            creators += repository.graph.node(creator).id;
        creators.sort();
        QCOMPARE(creators, QStringList({"bbbb00000002", "cccc00000003"}));
        QVERIFY2(site.summary.contains("cccc00000003 (add post slug) fails") && site.summary.contains("bbbb00000002"),
                 qPrintable(site.summary));
        // PostgreSQL words it differently.
        QCOMPARE(FailureSite::locate(repository, "psycopg2.errors.DuplicateTable: relation \"ix_user_email\" already exists\n")
                     .objectName,
                 "ix_user_email");
    }

private:
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestRunSupport)
#include "tst_runsupport.moc"
