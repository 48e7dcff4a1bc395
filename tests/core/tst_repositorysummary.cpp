// The start page's few numbers about a repository, read from real projects:
// the bundled demo and the test fixtures give their revisions, heads and
// problems; a path that is gone is missing; a folder without migrations
// cannot be read; a broken history is readable and names its first error;
// a cancelled read says nothing.
#include "TestFiles.h"
#include "repository/RepositorySummary.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace headway;
using test::migration;
using test::writeFile;

namespace {

const QString kSource = QStringLiteral(HEADWAY_SOURCE_DIR);

} // namespace

class TestRepositorySummary : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readableRepositoriesAreCounted_data();
    void readableRepositoriesAreCounted();
    void aPathThatIsGoneIsMissing();
    void aFolderWithoutMigrationsCannotBeRead();
    void aFileThatIsNotAnAlembicIniCannotBeRead();
    void aMissingParentIsAnErrorInAReadableRepository();
    void aConfigWithoutVersionsDirectoryIsReadableWithAnError();
    void aCancelledReadSaysNothing();

private:
    QTemporaryDir m_dir;
};

void TestRepositorySummary::readableRepositoriesAreCounted_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("revisions");
    QTest::addColumn<int>("heads");
    QTest::addColumn<int>("errors");
    QTest::addColumn<int>("warnings");

    // The demo and the fork fixtures: a fork's merge of upstream left two heads, one warning.
    QTest::newRow("demo project") << kSource + "/resources/demo" << 5 << 2 << 0 << 1;
    QTest::newRow("demo migrations") << kSource + "/resources/demo/migrations" << 5 << 2 << 0 << 1;
    QTest::newRow("demo alembic.ini") << kSource + "/resources/demo/migrations/alembic.ini" << 5 << 2 << 0 << 1;
    QTest::newRow("forkapp") << kSource + "/tests/fixtures/forkapp" << 4 << 2 << 0 << 1;
    QTest::newRow("forkapp-batch") << kSource + "/tests/fixtures/forkapp-batch" << 5 << 2 << 0 << 1;
    QTest::newRow("strictapp, linear") << kSource + "/tests/fixtures/strictapp" << 3 << 1 << 0 << 0;
}

void TestRepositorySummary::readableRepositoriesAreCounted()
{
    QFETCH(QString, path);
    QFETCH(int, revisions);
    QFETCH(int, heads);
    QFETCH(int, errors);
    QFETCH(int, warnings);

    const RepositorySummary summary = summarizeRepository(path);
    QVERIFY2(summary.readable(), qPrintable(summary.firstError));
    QCOMPARE(summary.path, path);
    QCOMPARE(summary.revisions, revisions);
    QCOMPARE(summary.heads, heads);
    QCOMPARE(summary.errors, errors);
    QCOMPARE(summary.warnings, warnings);
    QCOMPARE(summary.problems(), errors + warnings);
    QVERIFY2(summary.firstError.isEmpty(), qPrintable(summary.firstError));
    QVERIFY(!summary.cancelled);
}

void TestRepositorySummary::aPathThatIsGoneIsMissing()
{
    const QString gone = m_dir.filePath("was-here");
    const RepositorySummary summary = summarizeRepository(gone);
    QCOMPARE(summary.state, RepositorySummary::State::Missing);
    QVERIFY2(summary.firstError.contains("does not exist"), qPrintable(summary.firstError));
    QCOMPARE(summary.revisions, 0);
    QCOMPARE(summary.heads, 0);
}

void TestRepositorySummary::aFolderWithoutMigrationsCannotBeRead()
{
    const QString empty = m_dir.filePath("no-migrations");
    QVERIFY(QDir().mkpath(empty + "/static"));
    writeFile(empty + "/README.txt", "not a Flask project\n");
    const RepositorySummary summary = summarizeRepository(empty);
    QCOMPARE(summary.state, RepositorySummary::State::Unreadable);
    QVERIFY2(!summary.firstError.isEmpty(), "an unreadable repository must say why");
    QVERIFY(summary.errors >= 1);
}

void TestRepositorySummary::aFileThatIsNotAnAlembicIniCannotBeRead()
{
    const QString file = m_dir.filePath("notes.txt");
    writeFile(file, "hello\n");
    const RepositorySummary summary = summarizeRepository(file);
    QCOMPARE(summary.state, RepositorySummary::State::Unreadable);
    QVERIFY2(summary.firstError.contains("not an alembic.ini"), qPrintable(summary.firstError));
}

void TestRepositorySummary::aMissingParentIsAnErrorInAReadableRepository()
{
    const QString versions = m_dir.filePath("broken/versions");
    writeFile(versions + "/aaaa_base.py", migration("aaaa", {}, "base"));
    writeFile(versions + "/bbbb_next.py", migration("bbbb", "aaaa", "next"));
    writeFile(versions + "/cccc_orphan.py", migration("cccc", "gone0000", "orphan"));
    const RepositorySummary summary = summarizeRepository(versions);
    QVERIFY2(summary.readable(), qPrintable(summary.firstError));
    QCOMPARE(summary.revisions, 3);
    QVERIFY2(summary.errors >= 1, "a missing down_revision is an error");
    QVERIFY2(summary.firstError.contains("gone0000"), qPrintable(summary.firstError));
}

// engineapp's migrations come without a versions directory (the tests write it):
// the configuration is found, and the error says what is missing.
void TestRepositorySummary::aConfigWithoutVersionsDirectoryIsReadableWithAnError()
{
    const RepositorySummary summary = summarizeRepository(kSource + "/tests/fixtures/engineapp");
    QVERIFY2(summary.readable(), qPrintable(summary.firstError));
    QCOMPARE(summary.revisions, 0);
    QCOMPARE(summary.heads, 0);
    QVERIFY(summary.errors >= 1);
    QVERIFY2(summary.firstError.contains("versions"), qPrintable(summary.firstError));
}

void TestRepositorySummary::aCancelledReadSaysNothing()
{
    const std::atomic<bool> cancel{true};
    const RepositorySummary summary = summarizeRepository(kSource + "/resources/demo", &cancel);
    QVERIFY(summary.cancelled);
    QCOMPARE(summary.revisions, 0);
    QCOMPARE(summary.heads, 0);
}

QTEST_GUILESS_MAIN(TestRepositorySummary)
#include "tst_repositorysummary.moc"
