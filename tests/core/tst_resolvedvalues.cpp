// Values resolved through Python are plain data the loader can apply: the
// resolver's report becomes a ResolvedFile stamped with the file's state, the
// cache merges by path and is written whole, and a changed file stops matching.
#include "TestFiles.h"
#include "repository/ResolvedValues.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QtTest>

using namespace headway;

class TestResolvedValues : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aReportMatchesTheFileUntilItChanges()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("versions/aaaa.py");
        test::writeFile(path, "revision = constants.REVISION\n");
        const ResolvedFile file = ResolvedFile::fromReport(
            {{"path", path}, {"revision", QJsonArray{"aaaa"}}, {"down_revision", QJsonValue()}});
        QCOMPARE(file.values.value("revision"), std::optional<QStringList>(QStringList{"aaaa"}));
        QVERIFY(file.values.contains("down_revision"));
        QCOMPARE(file.values.value("down_revision"), std::optional<QStringList>());
        QVERIFY(file.matches(path));
        test::writeFile(path, "revision = constants.OTHER_REVISION\n");
        QVERIFY(!file.matches(path));
    }

    void theCacheKeepsAndReplacesEntriesByPath()
    {
        QTemporaryDir dir;
        const QString cache = dir.filePath("cache/headway/python-values.json");
        ResolvedFile a;
        a.path = "/project/a.py";
        a.size = 10;
        a.modifiedMs = 1000;
        a.values.insert("revision", QStringList{"aaaa"});
        ResolvedFile b = a;
        b.path = "/project/b.py";
        QVERIFY(ResolvedValueCache::store({a, b}, cache));
        a.values.insert("branch_labels", std::nullopt);
        QString error;
        QVERIFY(ResolvedValueCache::store({a}, cache, &error));
        QCOMPARE(error, QString());

        const QList<ResolvedFile> loaded = ResolvedValueCache::load(cache);
        QCOMPARE(loaded.size(), 2);
        const auto stored = std::find_if(loaded.cbegin(), loaded.cend(), [](const ResolvedFile &f) { return f.path == "/project/a.py"; });
        QVERIFY(stored != loaded.cend());
        QCOMPARE(stored->size, 10);
        QCOMPARE(stored->modifiedMs, 1000);
        QCOMPARE(stored->values.value("revision"), std::optional<QStringList>(QStringList{"aaaa"}));
        QVERIFY(stored->values.contains("branch_labels"));
    }

    void aCacheThatCannotBeWrittenSaysWhy()
    {
        QTemporaryDir dir;
        test::writeFile(dir.filePath("blocker"), "not a folder");
        const QString cache = dir.filePath("blocker/python-values.json");
        QString error;
        QVERIFY(!ResolvedValueCache::store({ResolvedFile{}}, cache, &error));
        QVERIFY2(error.contains(cache), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestResolvedValues)
#include "tst_resolvedvalues.moc"
