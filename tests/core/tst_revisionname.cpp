// One name for a revision everywhere Headway shows one: the id, or "id (message)"
// with the message's whitespace simplified and long messages cut short.
#include "TestFiles.h"
#include "report/RevisionName.h"
#include "repository/RepositoryLoader.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace headway;

class TestRevisionName : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void namesARevision_data()
    {
        QTest::addColumn<QString>("message");
        QTest::addColumn<QString>("name");
        QTest::newRow("message") << "add user preferences" << "b3a83eea3022 (add user preferences)";
        QTest::newRow("no message") << "" << "b3a83eea3022";
        QTest::newRow("only whitespace") << " \n\t" << "b3a83eea3022";
        QTest::newRow("whitespace simplified") << "add\n   user\tpreferences " << "b3a83eea3022 (add user preferences)";
        QTest::newRow("32 characters stay") << "abcdefghijklmnopqrstuvwxyz012345"
                                             << "b3a83eea3022 (abcdefghijklmnopqrstuvwxyz012345)";
        QTest::newRow("longer is cut") << "add a table for the preferences of every user"
                                       << QStringLiteral("b3a83eea3022 (add a table for the preferences\u2026)");
    }

    void namesARevision()
    {
        QFETCH(QString, message);
        QFETCH(QString, name);
        QCOMPARE(revisionName(QStringLiteral("b3a83eea3022"), message), name);
    }

    void namesARevisionOfARepository()
    {
        QTemporaryDir dir;
        test::writeFile(dir.filePath("versions/aaaa_base.py"), test::migration("aaaa", {}, "create users"));
        test::writeFile(dir.filePath("versions/bbbb_next.py"), test::migration("bbbb", "aaaa", "add posts"));
        test::writeFile(dir.filePath("versions/cccc_other.py"), test::migration("cccc", "aaaa", "add tags"));
        const Repository repository = RepositoryLoader::load(dir.filePath("versions"));
        const int node = repository.graph.indexOf("bbbb");
        QVERIFY(node >= 0);
        QCOMPARE(revisionName(repository, node), QStringLiteral("bbbb (add posts)"));
        // The graph's own diagnostic names the heads the same way.
        bool named = false;
        for (const Diagnostic &d : repository.diagnostics)
            if (d.code == QLatin1String("multiple-heads"))
                named = d.message.contains("bbbb (add posts)") && d.message.contains("cccc (add tags)");
        QVERIFY2(named, "the multiple-heads diagnostic does not name the heads as revisionName does");
    }
};

QTEST_GUILESS_MAIN(TestRevisionName)
#include "tst_revisionname.moc"
