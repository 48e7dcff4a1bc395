// Offline SQL (`--sql`) starts where the database is: the preview turns a plan
// into `upgrade --sql FROM:TO` / `downgrade --sql FROM:TO` for the project's
// own tool, and says why when one offline range cannot express the change.
// No Python runs: a stand-in interpreter answers the tool's probe.
#include "TestFiles.h"
#include "plan/SqlPreview.h"
#include "repository/RepositoryLoader.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace headway;
using headway::test::migration;
using headway::test::writeFile;

namespace {

// a <- b <- c, b <- d, and e merges c and d.
const QString A = QStringLiteral("aaaa00000001");
const QString B = QStringLiteral("bbbb00000002");
const QString C = QStringLiteral("cccc00000003");
const QString D = QStringLiteral("dddd00000004");
const QString E = QStringLiteral("eeee00000005");

void writeHistory(const QString &versions)
{
    writeFile(versions + "/a.py", migration(A, {}, "create account"));
    writeFile(versions + "/b.py", migration(B, A, "add email"));
    writeFile(versions + "/c.py", migration(C, B, "add index"));
    writeFile(versions + "/d.py", migration(D, B, "add name"));
    writeFile(versions + "/e.py", migration(E, QStringLiteral("('%1', '%2')").arg(C, D), "merge index and name"));
}

// Answers the interpreter probe (version line, then the missing modules: none) and nothing else.
QString fakeInterpreter(const QString &directory)
{
    const QString path = directory + "/bin/python3";
    writeFile(path, "#!/bin/sh\necho 3.11.2\necho\n");
    QFile::setPermissions(path, QFile::permissions(path) | QFileDevice::ExeOwner | QFileDevice::ExeUser);
    return path;
}

} // namespace

class TestSqlPreview : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    Repository m_repository;
    std::optional<MigrationTool> m_tool;
    QString m_ini;

    MigrationPlan plan(const QString &kind, const QStringList &current, const QString &target) const
    {
        const MigrationPlanner planner(m_repository.graph);
        return kind == "upgrade"     ? planner.upgrade(current, target)
               : kind == "downgrade" ? planner.downgrade(current, target)
                                     : planner.stamp(current, target);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        writeFile(m_dir.filePath("project/alembic.ini"), "[alembic]\nscript_location = db\n");
        writeFile(m_dir.filePath("project/db/env.py"), "from alembic import context\n");
        writeHistory(m_dir.filePath("project/db/versions"));
        m_ini = m_dir.filePath("project/alembic.ini");
        m_repository = RepositoryLoader::load(m_dir.filePath("project"));
        QVERIFY2(!hasErrors(m_repository.diagnostics), qPrintable(m_repository.diagnostics.value(0).message));
        QCOMPARE(m_repository.graph.size(), 5);
        RunSettings settings;
        settings.python = fakeInterpreter(m_dir.path());
        m_tool = MigrationTool::prepare(m_repository, settings);
        QVERIFY2(m_tool->ready(), qPrintable(m_tool->problem()));
        QCOMPARE(m_tool->backend().kind, MigrationBackend::Kind::Alembic);
    }

    void buildsTheOfflineRange_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QStringList>("current");
        QTest::addColumn<QString>("target");
        QTest::addColumn<QStringList>("tail"); // the arguments after `-m alembic -c INI`

        const QStringList base;
        QTest::newRow("upgrade from base to head") << "upgrade" << base << "head" << QStringList{"upgrade", "--sql", "head"};
        QTest::newRow("upgrade from base to a revision") << "upgrade" << base << B << QStringList{"upgrade", "--sql", B};
        QTest::newRow("upgrade from a revision to head") << "upgrade" << QStringList{B} << "head"
                                                         << QStringList{"upgrade", "--sql", B + ":head"};
        QTest::newRow("upgrade to heads") << "upgrade" << QStringList{C} << "heads" << QStringList{"upgrade", "--sql", C + ":heads"};
        QTest::newRow("upgrade to a revision") << "upgrade" << QStringList{A} << D << QStringList{"upgrade", "--sql", A + ":" + D};
        QTest::newRow("upgrade keeps the target as typed") << "upgrade" << QStringList{A} << "cccc"
                                                           << QStringList{"upgrade", "--sql", A + ":cccc"};
        QTest::newRow("downgrade to a revision") << "downgrade" << QStringList{C} << A
                                                 << QStringList{"downgrade", "--sql", C + ":" + A};
        QTest::newRow("downgrade a merge to the fork") << "downgrade" << QStringList{E} << B
                                                       << QStringList{"downgrade", "--sql", E + ":" + B};
        QTest::newRow("relative downgrade names the revision it ends at")
            << "downgrade" << QStringList{C} << "-1" << QStringList{"downgrade", "--sql", C + ":" + B};
        QTest::newRow("relative downgrade by two") << "downgrade" << QStringList{C} << "-2"
                                                   << QStringList{"downgrade", "--sql", C + ":" + A};
        QTest::newRow("downgrade to base") << "downgrade" << QStringList{C} << "base"
                                           << QStringList{"downgrade", "--sql", C + ":base"};
        QTest::newRow("relative downgrade past the first revision")
            << "downgrade" << QStringList{A} << "-1" << QStringList{"downgrade", "--sql", A + ":base"};
    }

    void buildsTheOfflineRange()
    {
        QFETCH(QString, kind);
        QFETCH(QStringList, current);
        QFETCH(QString, target);
        QFETCH(QStringList, tail);
        const MigrationPlan planned = plan(kind, current, target);
        QVERIFY2(planned.ok(), qPrintable("the planner refused: " + planned.error));
        const SqlPreview preview = SqlPreview::forPlan(*m_tool, m_repository.graph, current, planned);
        QVERIFY2(preview.ok(), qPrintable(preview.error));
        QCOMPARE(preview.line.program, m_tool->python());
        QCOMPARE(preview.line.arguments, (QStringList{"-m", "alembic", "-c", m_ini} + tail));
        QCOMPARE(preview.line.workingDirectory, m_dir.filePath("project"));
        QVERIFY2(!preview.line.arguments.contains("--"), "a FROM:TO range never needs the end of options");
    }

    void explainsWhatOneRangeCannotDo_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QStringList>("current");
        QTest::addColumn<QString>("target");
        QTest::addColumn<QString>("error");

        QTest::newRow("database at two revisions, upgrade") << "upgrade" << QStringList{C, D} << "head"
            << "Offline SQL starts from one revision, and the database is at cccc00000003, dddd00000004.";
        QTest::newRow("database at two revisions, downgrade") << "downgrade" << QStringList{C, D} << A
            << "Offline SQL starts from one revision, and the database is at cccc00000003, dddd00000004.";
        QTest::newRow("downgrade at base") << "downgrade" << QStringList{} << "base"
                                           << "The database is at base: there is nothing to downgrade.";
        QTest::newRow("downgrade leaving two revisions") << "downgrade" << QStringList{E} << C
            << "The downgrade leaves the database at several revisions, which one offline range cannot express.";
        QTest::newRow("stamp") << "stamp" << QStringList{A} << "head" << "A stamp runs no SQL of the migrations.";
    }

    void explainsWhatOneRangeCannotDo()
    {
        QFETCH(QString, kind);
        QFETCH(QStringList, current);
        QFETCH(QString, target);
        QFETCH(QString, error);
        const MigrationPlan planned = plan(kind, current, target);
        QVERIFY2(planned.ok(), qPrintable("the planner refused: " + planned.error));
        const SqlPreview preview = SqlPreview::forPlan(*m_tool, m_repository.graph, current, planned);
        QVERIFY(!preview.ok());
        QCOMPARE(preview.error, error);
        QVERIFY2(preview.line.program.isEmpty() && preview.line.arguments.isEmpty(), "no command for a refused preview");
    }

    void passesOnWhatThePlannerRefuses_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QStringList>("current");
        QTest::addColumn<QString>("target");
        QTest::newRow("unknown target") << "upgrade" << QStringList{A} << "ffff";
        QTest::newRow("database at an unknown revision") << "upgrade" << QStringList{"9999deadbeef"} << "head";
        QTest::newRow("relative upgrade") << "upgrade" << QStringList{A} << "+1";
        QTest::newRow("downgrade to an unknown revision") << "downgrade" << QStringList{C} << "ffff";
    }

    void passesOnWhatThePlannerRefuses()
    {
        QFETCH(QString, kind);
        QFETCH(QStringList, current);
        QFETCH(QString, target);
        const MigrationPlan planned = plan(kind, current, target);
        QVERIFY2(!planned.ok(), "the planner accepted a plan this test expects it to refuse");
        const SqlPreview preview = SqlPreview::forPlan(*m_tool, m_repository.graph, current, planned);
        QCOMPARE(preview.error, planned.error);
        QVERIFY(preview.line.arguments.isEmpty());
    }

    void flaskMigrateGetsTheSameRange()
    {
        const QString project = m_dir.filePath("flask");
        writeFile(project + "/app.py", "app = None\n");
        writeFile(project + "/migrations/alembic.ini", "[alembic]\n");
        writeFile(project + "/migrations/env.py", "from flask import current_app\n");
        writeHistory(project + "/migrations/versions");
        const Repository repository = RepositoryLoader::load(project);
        RunSettings settings;
        settings.python = m_tool->python();
        const MigrationTool tool = MigrationTool::prepare(repository, settings);
        QVERIFY2(tool.ready(), qPrintable(tool.problem()));
        QCOMPARE(tool.backend().kind, MigrationBackend::Kind::FlaskMigrate);
        const MigrationPlan planned = MigrationPlanner(repository.graph).upgrade({B}, "heads");
        QVERIFY2(planned.ok(), qPrintable(planned.error));
        const SqlPreview preview = SqlPreview::forPlan(tool, repository.graph, {B}, planned);
        QVERIFY2(preview.ok(), qPrintable(preview.error));
        QCOMPARE(preview.line.arguments,
                 (QStringList{"-m", "flask", "db", "upgrade", "-d", project + "/migrations", "--sql", B + ":heads"}));
        QCOMPARE(preview.line.environment.value("FLASK_APP"), QStringLiteral("app.py"));
    }
};

QTEST_GUILESS_MAIN(TestSqlPreview)
#include "tst_sqlpreview.moc"
