// The one writer for every file Headway writes: the whole file or nothing,
// its folder made first, and a failure that names the file and the reason.
#include "io/AtomicFile.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace headway;

namespace {

QByteArray contents(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("<unreadable>");
}

} // namespace

class TestAtomicFile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void writesTheFileAndMakesItsFolder()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("cache/headway/values.json");
        QCOMPARE(AtomicFile::write(path, "[1, 2]"), QString());
        QCOMPARE(contents(path), QByteArray("[1, 2]"));
    }

    void aFolderTheUserNamedMustExist()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("no/such/folder/graph.dot");
        const QString error = AtomicFile::write(path, "digraph {}", AtomicFile::MissingFolder::Fail);
        QVERIFY2(error.contains(QDir::toNativeSeparators(path)), qPrintable(error));
        QVERIFY2(!QFileInfo::exists(dir.filePath("no")), "a folder the user never asked for was created");
    }

    void replacesAnExistingFileWhole()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("graph.dot");
        QCOMPARE(AtomicFile::write(path, "a much longer first version\n"), QString());
        QCOMPARE(AtomicFile::write(path, "short\n"), QString());
        QCOMPARE(contents(path), QByteArray("short\n"));
        // Nothing of the temporary file is left next to it.
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList{"graph.dot"});
    }

    void writesAnEmptyFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(".marker");
        QCOMPARE(AtomicFile::write(path, {}), QString());
        QVERIFY(QFileInfo(path).isFile());
        QCOMPARE(QFileInfo(path).size(), 0);
    }

    void namesTheFileAndTheReasonWhenItCannotWrite_data()
    {
        QTest::addColumn<QString>("relative");
        QTest::addColumn<QString>("reason");
        // A regular file where a folder should be: fails for root too.
        QTest::newRow("folder is a file") << "blocker/inside/out.dot" << "Not a directory";
        QTest::newRow("target is a folder") << "folder" << "";
    }

    void namesTheFileAndTheReasonWhenItCannotWrite()
    {
        QFETCH(QString, relative);
        QFETCH(QString, reason);
        QTemporaryDir dir;
        QFile blocker(dir.filePath("blocker"));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        QVERIFY(QDir(dir.path()).mkdir("folder"));
        const QString path = dir.filePath(relative);
        const QString error = AtomicFile::write(path, "x");
        QVERIFY2(!error.isEmpty(), "writing where no file can be reported success");
        QVERIFY2(error.contains(QDir::toNativeSeparators(path)), qPrintable(error));
        QVERIFY2(error.contains(reason), qPrintable(error));
        QVERIFY2(!error.endsWith(": "), qPrintable(error)); // a reason follows the colon
    }
};

QTEST_GUILESS_MAIN(TestAtomicFile)
#include "tst_atomicfile.moc"
