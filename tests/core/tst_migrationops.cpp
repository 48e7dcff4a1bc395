// headway-cli running the real flask db / alembic on temporary copies of
// fixture apps with real SQLite databases: merge of two and three heads,
// upgrade, downgrade, stamp, test-upgrade passing and failing, verbatim merge
// messages, the environment presets, backups and a missing interpreter.
#include "TestFiles.h"
#include "runner/InterpreterDiscovery.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace headway;
using headway::test::migration;
using headway::test::writeFile;

namespace {

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
    QJsonObject json() const { return QJsonDocument::fromJson(out.toUtf8()).object(); }
};

QStringList jsonIds(const QJsonValue &value)
{
    QStringList ids;
    for (const QJsonValue &id : value.toArray())
        ids += id.toString();
    ids.sort();
    return ids;
}

void copyTree(const QString &from, const QString &to)
{
    QDir().mkpath(to);
    const QDir source(from);
    for (const QFileInfo &entry : source.entryInfoList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden)) {
        if (entry.isDir())
            copyTree(entry.filePath(), to + QLatin1Char('/') + entry.fileName());
        else
            QFile::copy(entry.filePath(), to + QLatin1Char('/') + entry.fileName());
    }
}

QString readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

// A migration that runs real SQL on the fixture's account table.
QByteArray accountMigration(const QString &revision, const QString &down, const QString &message, const QString &up,
                            const QString &back)
{
    QString text = QString::fromUtf8(migration(revision, down, message));
    text.replace(QStringLiteral("def upgrade():\n    pass"), QStringLiteral("def upgrade():\n    ") + up);
    text.replace(QStringLiteral("def downgrade():\n    pass"), QStringLiteral("def downgrade():\n    ") + back);
    return text.toUtf8();
}

} // namespace

class TestMigrationOps : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home;
    QTemporaryDir m_work;
    int m_copies = 0;

    QProcessEnvironment environment() const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        // Settings and backups go to the test's own home, never the user's.
        env.insert("XDG_CONFIG_HOME", m_home.filePath("config"));
        env.insert("XDG_DATA_HOME", m_home.filePath("data"));
        env.insert("XDG_CACHE_HOME", m_home.filePath("cache"));
        env.insert("HOME", m_home.path());
        return env;
    }

    Run cli(const QStringList &arguments, const QString &directory, int timeoutMs = 240000) const
    {
        QProcess process;
        process.setProcessEnvironment(environment());
        process.setWorkingDirectory(directory);
        process.setStandardInputFile(QProcess::nullDevice());
        process.start(qEnvironmentVariable("HEADWAY_CLI"), arguments);
        if (!process.waitForFinished(timeoutMs)) {
            process.kill();
            process.waitForFinished();
            return {-2, {}, "headway-cli did not finish"};
        }
        return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -3,
                QString::fromUtf8(process.readAllStandardOutput()), QString::fromUtf8(process.readAllStandardError())};
    }

    QString copyOf(const QString &fixture)
    {
        const QString target = m_work.filePath(QStringLiteral("app%1").arg(++m_copies));
        copyTree(fixture, target);
        return target;
    }

    QString strictApp() { return copyOf(QStringLiteral(HEADWAY_TESTS_DIR "/fixtures/strictapp")); }

    QString demoApp()
    {
        const QString target = m_work.filePath(QStringLiteral("demo%1").arg(++m_copies));
        const Run run = cli({"demo", "--path", target}, m_work.path());
        return run.exitCode == 0 ? target : QString();
    }

    QStringList current(const QString &app)
    {
        return jsonIds(cli({"current", "--json"}, app).json().value("revisions"));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_home.isValid() && m_work.isValid());
        QVERIFY2(QFileInfo(qEnvironmentVariable("HEADWAY_CLI")).isExecutable(), "HEADWAY_CLI must name headway-cli");
        QVERIFY2(InterpreterDiscovery::find(QDir::currentPath(), {"flask_migrate"}).found(),
                 "no interpreter with Flask-Migrate on this machine");
    }

    void mergeOfTwoHeadsLeavesOneHeadAndANewFile()
    {
        const QString app = demoApp();
        QVERIFY(!app.isEmpty());
        const QStringList before = QDir(app + "/migrations/versions").entryList({"*.py"});
        const QString hostile = QStringLiteral("fork prefs + upstream \"slug\" 'x' $(touch pwned) `id` ünï ✓ --help");
        const Run run = cli({"merge", "--json", "-m", hostile}, app);
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QJsonObject json = run.json();
        QCOMPARE(json.value("ok").toBool(), true);
        QCOMPARE(jsonIds(json.value("heads_before")), QStringList({"b3a83eea3022", "dd710196dcb0"}));
        QCOMPARE(json.value("heads_after").toArray().size(), 1);
        QCOMPARE(json.value("heads_after").toArray().first().toString(), json.value("revision").toString());
        const QStringList after = QDir(app + "/migrations/versions").entryList({"*.py"});
        QCOMPARE(after.size(), before.size() + 1);
        for (const QString &name : before)
            QVERIFY(after.contains(name));
        // The message reaches Alembic verbatim: it is the new file's docstring.
        const QString source = readAll(app + "/" + json.value("file").toString());
        QVERIFY2(source.startsWith("\"\"\"" + hostile + "\n"), qPrintable(source.left(200)));
        QVERIFY(!QFileInfo::exists(app + "/pwned"));
        QCOMPARE(json.value("git_add").toString(), "git add " + json.value("file").toString());
        QCOMPARE(cli({"check"}, app).exitCode, 0);
    }

    void mergeOfThreeHeadsWithAll()
    {
        const QString app = strictApp();
        writeFile(app + "/migrations/versions/2b_branch_two.py",
                  accountMigration("2b0000000002", "1a0000000001", "add account phone",
                                   "op.add_column('account', sa.Column('phone', sa.String(20)))",
                                   "op.drop_column('account', 'phone')"));
        writeFile(app + "/migrations/versions/3c_branch_three.py",
                  accountMigration("3c0000000003", "1a0000000001", "add account city",
                                   "op.add_column('account', sa.Column('city', sa.String(20)))",
                                   "op.drop_column('account', 'city')"));
        QCOMPARE(cli({"check"}, app).exitCode, 1);
        const Run refused = cli({"merge", "--all", "-m", "merge heads"}, app);
        QCOMPARE(refused.exitCode, 64);
        QVERIFY(refused.err.contains("does not say what is merged"));
        const Run run = cli({"merge", "--all", "--json", "-m", "account phone, city and email index"}, app);
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QCOMPARE(jsonIds(run.json().value("heads_before")), QStringList({"1a0000000003", "2b0000000002", "3c0000000003"}));
        QCOMPARE(run.json().value("heads_after").toArray().size(), 1);
        const Run show = cli({"show", "--json", "heads"}, app);
        QCOMPARE(jsonIds(show.json().value("revisions").toArray().first().toObject().value("down_revisions")),
                 QStringList({"1a0000000003", "2b0000000002", "3c0000000003"}));
        // The merged history upgrades, steps down and up again.
        const Run test = cli({"test-upgrade", "--json"}, app);
        QVERIFY2(test.exitCode == 0, qPrintable(test.out + test.err));
    }

    void fixMergesAllHeadsAndPrintsTheGitAdd()
    {
        const QString app = demoApp();
        const Run run = cli({"fix"}, app);
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY(run.out.contains("git add migrations/versions/"));
        QCOMPARE(cli({"check"}, app).exitCode, 0);
        const Run again = cli({"fix", "--json"}, app);
        QCOMPARE(again.exitCode, 0);
        QCOMPARE(again.json().value("status").toString(), "single-head");
    }

    void upgradeDowngradeAndStampMoveCurrent()
    {
        const QString app = strictApp();
        QCOMPARE(current(app), QStringList());
        Run run = cli({"upgrade", "1a0000000002", "--json"}, app);
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QCOMPARE(jsonIds(run.json().value("after")), QStringList({"1a0000000002"}));
        QCOMPARE(current(app), QStringList({"1a0000000002"}));
        QCOMPARE(cli({"current", "--json"}, app).json().value("behind").toInt(), 1);

        // Preview SQL: offline, from where the database is; nothing changes.
        run = cli({"upgrade", "--sql"}, app);
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.out.contains("CREATE INDEX ix_account_email") && !run.out.contains("CREATE TABLE account"),
                 qPrintable(run.out));
        run = cli({"downgrade", "1a0000000001", "--sql"}, app);
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.out.contains("DROP COLUMN email"), qPrintable(run.out));
        QCOMPARE(current(app), QStringList({"1a0000000002"}));

        // A lone path is the repository, and the target defaults to every head.
        run = cli({"upgrade", app}, m_work.path());
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QCOMPARE(current(app), QStringList({"1a0000000003"}));

        // Destructive commands ask; with nobody to answer they refuse.
        run = cli({"downgrade", "-1"}, app);
        QCOMPARE(run.exitCode, 5);
        QVERIFY(run.out.contains("1a0000000003"));
        QCOMPARE(current(app), QStringList({"1a0000000003"}));

        run = cli({"downgrade", "-1", "--yes", "--json"}, app);
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QCOMPARE(jsonIds(run.json().value("planned")), QStringList({"1a0000000003"}));
        QCOMPARE(current(app), QStringList({"1a0000000002"}));
        // The SQLite database was copied aside first.
        const QString backup = run.json().value("backup").toString();
        QVERIFY2(QFileInfo(backup).isFile() && backup.startsWith(m_home.path()), qPrintable(backup));

        run = cli({"downgrade", "1a0000000001", "--yes"}, app);
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QCOMPARE(current(app), QStringList({"1a0000000001"}));

        run = cli({"stamp", "1a0000000003", "--yes", "--json"}, app);
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QCOMPARE(current(app), QStringList({"1a0000000003"}));
        run = cli({"stamp", "base", "--yes"}, app);
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QCOMPARE(current(app), QStringList());
    }

    void downgradeAtAMergePointNamesTheChoices()
    {
        const QString app = demoApp();
        // Make the two branches compatible, merge them and upgrade to the merge.
        const QString upstream = app + "/migrations/versions/dd710196dcb0_add_post_slug.py";
        QString text = readAll(upstream);
        text.remove(QRegularExpression(QStringLiteral("\\n    op\\.create_index\\(op\\.f\\('ix_user_email'\\)[^\\n]*")));
        text.remove(QRegularExpression(QStringLiteral("\\n    op\\.drop_index\\(op\\.f\\('ix_user_email'\\)[^\\n]*")));
        writeFile(upstream, text.toUtf8());
        QCOMPARE(cli({"merge", "-m", "user preferences with post slugs"}, app).exitCode, 0);
        Run run = cli({"upgrade"}, app);
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QStringList merged = current(app);
        QCOMPARE(merged.size(), 1);
        run = cli({"downgrade", "-1", "--yes"}, app);
        QCOMPARE(run.exitCode, 4);
        QVERIFY2(run.err.contains("Ambiguous walk") && run.err.contains(merged.first() + "@b3a83eea3022"), qPrintable(run.err));
        run = cli({"downgrade", merged.first() + "@b3a83eea3022", "--yes"}, app);
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QCOMPARE(current(app), QStringList({"b3a83eea3022", "dd710196dcb0"}));
        // Several heads: `-1` is ambiguous, each branch has its own step back.
        run = cli({"downgrade", "-1", "--yes"}, app);
        QCOMPARE(run.exitCode, 4);
        QVERIFY2(run.err.contains("dd710196dcb0@-1"), qPrintable(run.err));
        run = cli({"downgrade", "dd710196dcb0@-1", "--yes"}, app);
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QCOMPARE(current(app), QStringList({"b3a83eea3022"}));
    }

    void testUpgradePassesOnAHealthyApp()
    {
        const QString app = strictApp();
        writeFile(app + "/tests/test_migration_heads.py",
                  "import os, sqlite3\n\n"
                  "def test_scratch_database_is_at_head():\n"
                  "    path = os.environ['DATABASE_URL'].replace('sqlite:///', '')\n"
                  "    rows = sqlite3.connect(path).execute('select version_num from alembic_version').fetchall()\n"
                  "    assert rows == [('1a0000000003',)]\n");
        const Run run = cli({"test-upgrade", "--json"}, app);
        QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
        const QJsonArray steps = run.json().value("steps").toArray();
        // check, upgrade, 3 down, 3 up, project tests
        QCOMPARE(steps.size(), 9);
        for (const QJsonValue &step : steps)
            QCOMPARE(step.toObject().value("status").toString(), "passed");
        QVERIFY(steps.last().toObject().value("title").toString().contains("test_migration_heads.py"));

        // A project test that fails fails the run, naming the step.
        const Run failing = cli({"test-upgrade", "--json", "--test-command", "-c \"raise SystemExit('migration tests failed')\""}, app);
        QCOMPARE(failing.exitCode, 4);
        const QJsonObject last = failing.json().value("steps").toArray().last().toObject();
        QCOMPARE(last.value("status").toString(), "failed");
        QVERIFY2(last.value("output").toString().contains("migration tests failed"), qPrintable(failing.out));
        // The user's database was never touched.
        QVERIFY(!QFileInfo::exists(app + "/strict.db"));
    }

    void testUpgradeNamesAFailingDowngrade()
    {
        const QString app = strictApp();
        writeFile(app + "/migrations/versions/4d_broken_downgrade.py",
                  accountMigration("4d0000000004", "1a0000000003", "add account age",
                                   "op.add_column('account', sa.Column('age', sa.Integer()))",
                                   "raise RuntimeError('cannot undo account age')"));
        const Run run = cli({"test-upgrade", "--json"}, app);
        QCOMPARE(run.exitCode, 4);
        const QJsonObject json = run.json();
        QString failedTitle;
        for (const QJsonValue &step : json.value("steps").toArray())
            if (step.toObject().value("status").toString() == "failed")
                failedTitle = step.toObject().value("title").toString();
        QVERIFY2(failedTitle.contains("undo 4d0000000004"), qPrintable(failedTitle));
        QCOMPARE(json.value("failure").toObject().value("revision").toString(), "4d0000000004");
    }

    void testUpgradeCatchesTheDemosDuplicateIndex()
    {
        const QString app = demoApp();
        QCOMPARE(cli({"merge", "-m", "user preferences with post slugs"}, app).exitCode, 0);
        const Run run = cli({"test-upgrade", "--json"}, app);
        QCOMPARE(run.exitCode, 4);
        const QJsonObject failure = run.json().value("failure").toObject();
        QCOMPARE(failure.value("object").toString(), "ix_user_email");
        QCOMPARE(jsonIds(failure.value("creators")), QStringList({"b3a83eea3022", "dd710196dcb0"}));
        QVERIFY(failure.value("summary").toString().contains("b3a83eea3022"));
        QVERIFY(failure.value("summary").toString().contains("dd710196dcb0"));
        QVERIFY(!QFileInfo::exists(app + "/demo.db"));
    }

    void presetsReachTheAppAndCanBeRemoved()
    {
        const QString app = strictApp();
        QCOMPARE(cli({"current"}, app).exitCode, 0);
        const Run without = cli({"current", "--env", "SERVER_NAME="}, app);
        QCOMPARE(without.exitCode, 4);
        QVERIFY(without.err.contains("SERVER_NAME must be set"));
        QVERIFY2(without.err.contains("could not be imported"), qPrintable(without.err));
        const Run dry = cli({"upgrade", "--dry-run", "--env", "EXTRA=a b"}, app);
        QCOMPARE(dry.exitCode, 0);
        QVERIFY2(dry.out.contains("SERVER_NAME=localhost") && dry.out.contains("CACHE_TYPE=NullCache")
                     && dry.out.contains("EXTRA='a b'"),
                 qPrintable(dry.out));
    }

    void noUsableInterpreterIsExplained()
    {
        const QString app = strictApp();
        const Run run = cli({"current", "--python", m_work.filePath("no-such-python")}, app);
        QCOMPARE(run.exitCode, 3);
        QVERIFY2(run.err.contains("no-such-python") && run.err.contains("flask_migrate"), qPrintable(run.err));
    }

    void nonLiteralValuesAreResolvedOnRequest()
    {
        const QString app = strictApp();
        writeFile(app + "/shared/__init__.py", "");
        // Computed, so only Python can tell: the static reader would read plain literals itself.
        writeFile(app + "/shared/constants.py", "FEATURE = 'bill' + 'ing'\nPARENT = '1a000000000' + '3'\n");
        QString text = QString::fromUtf8(migration("5e0000000005", "1a0000000003", "add billing"));
        text.replace("down_revision = '1a0000000003'", "from shared import constants\ndown_revision = constants.PARENT\n"
                                                      "branch_labels = (constants.FEATURE,)");
        const QString path = app + "/migrations/versions/5e_billing.py";
        writeFile(path, text.toUtf8());
        // Statically the parent is unknown: two heads, and the label is missing.
        QCOMPARE(cli({"check"}, app).exitCode, 2);
        QCOMPARE(cli({"show", "billing"}, app).exitCode, 2);

        const Run run = cli({"resolve", "--json"}, app);
        QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
        QCOMPARE(run.json().value("heads").toArray().size(), 1);
        const Run show = cli({"show", "--json", "billing"}, app);
        QCOMPARE(show.exitCode, 0);
        const QJsonObject revision = show.json().value("revisions").toArray().first().toObject();
        QCOMPARE(revision.value("id").toString(), "5e0000000005");
        QCOMPARE(jsonIds(revision.value("resolved_through_python")), QStringList({"branch_labels", "down_revision"}));
        QCOMPARE(cli({"check"}, app).exitCode, 0);

        // A changed file is read statically again until it is resolved again.
        QFile file(path);
        QVERIFY(file.open(QIODevice::Append));
        file.write("\n# edited\n");
        file.close();
        QCOMPARE(cli({"check"}, app).exitCode, 2);
    }

    void plainAlembicProject()
    {
        const QString python = InterpreterDiscovery::find(QDir::currentPath(), {"alembic"}).path;
        const QString project = m_work.filePath("plain");
        QDir().mkpath(project);
        QProcess init;
        init.setWorkingDirectory(project);
        init.start(python, {"-m", "alembic", "init", "migrations"});
        QVERIFY(init.waitForFinished(60000) && init.exitCode() == 0);
        QString ini = readAll(project + "/alembic.ini");
        ini.replace(QRegularExpression("sqlalchemy.url = [^\\n]*"), "sqlalchemy.url = sqlite:///plain.db");
        writeFile(project + "/alembic.ini", ini.toUtf8());
        writeFile(project + "/migrations/versions/1a_first.py",
                  accountMigration("1a0000000001", {}, "create account table",
                                   "op.create_table('account', sa.Column('id', sa.Integer(), primary_key=True))",
                                   "op.drop_table('account')"));
        writeFile(project + "/migrations/versions/2b_second.py",
                  accountMigration("2b0000000002", "1a0000000001", "add account name",
                                   "op.add_column('account', sa.Column('name', sa.String(20)))",
                                   "op.drop_column('account', 'name')"));
        Run run = cli({"upgrade", "--dry-run"}, project);
        QVERIFY2(run.out.contains("-m alembic -c") && run.out.contains("upgrade heads"), qPrintable(run.out + run.err));
        run = cli({"upgrade"}, project);
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QCOMPARE(current(project), QStringList({"2b0000000002"}));
        run = cli({"test-upgrade"}, project);
        QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
        // The scratch run left the real database where it was.
        QCOMPARE(current(project), QStringList({"2b0000000002"}));
    }
};

QTEST_GUILESS_MAIN(TestMigrationOps)
#include "tst_migrationops.moc"
