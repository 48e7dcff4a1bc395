// The interpreter's sys.path is asked once, with an argument list, and cached by
// the interpreter's path and modification time: the cache answers while the
// interpreter is unchanged, a changed one is asked again, and an interpreter
// that fails leaves nothing behind (the stage is skipped, the load goes on).
#include "TestFiles.h"
#include "python/InterpreterSysPath.h"
#include "runner/InterpreterDiscovery.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using namespace headway;
using test::writeFile;

namespace {

QJsonArray cacheEntries(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QJsonDocument::fromJson(file.readAll()).array() : QJsonArray{};
}

// An "interpreter" whose modification time the test controls: a script handing over to a real one.
QString wrapper(const QString &path, const QString &python)
{
    writeFile(path, QStringLiteral("#!/bin/sh\nexec '%1' \"$@\"\n").arg(python).toUtf8());
    QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    return path;
}

} // namespace

class TestInterpreterSysPath : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_python = InterpreterDiscovery::find(m_dir.path(), {}).path;
    }

    void keepsAbsoluteExistingDirectoriesOnce()
    {
        const QString output = QStringLiteral("warning from site\nHEADWAY-SYS-PATH [\"\", \"relative\", \"%1\", \"%1/\", "
                                              "\"%1/python311.zip\", \"/no/such/dir\", \"/\"]\n")
                                   .arg(m_dir.path());
        QCOMPARE(InterpreterSysPath::parseOutput(output), (QStringList{m_dir.path(), "/"}));
        QCOMPARE(InterpreterSysPath::parseOutput("no marker\n"), QStringList{});
    }

    void theCommandIsAnArgumentList()
    {
        const CommandLine line = InterpreterSysPath::command("/venv/bin/python3");
        QCOMPARE(line.program, QStringLiteral("/venv/bin/python3"));
        QCOMPARE(line.arguments.size(), 2);
        QCOMPARE(line.arguments.first(), QStringLiteral("-c"));
        QVERIFY(line.arguments.last().contains("sys.path"));
    }

    void asksOnceAndAnswersFromTheCacheUntilTheInterpreterChanges()
    {
        if (m_python.isEmpty())
            QSKIP("no Python interpreter found");
        const QString cache = m_dir.filePath("cache/interpreter-paths.json");
        const QString python = wrapper(m_dir.filePath("bin/python3"), m_python);
        const QStringList paths = InterpreterSysPath::of(python, cache);
        QVERIFY2(!paths.isEmpty(), "the interpreter reported no sys.path");
        for (const QString &path : paths)
            QVERIFY2(QDir::isAbsolutePath(path) && QFileInfo(path).isDir(), qPrintable(path));
        QJsonArray entries = cacheEntries(cache);
        QCOMPARE(entries.size(), 1);
        QCOMPARE(entries.first().toObject().value("interpreter").toString(), python);

        // The cache answers: a planted answer comes back without asking.
        QJsonObject planted = entries.first().toObject();
        planted.insert("sys_path", QJsonArray{"/planted"});
        writeFile(cache, QJsonDocument(QJsonArray{planted}).toJson());
        QCOMPARE(InterpreterSysPath::of(python, cache), QStringList{"/planted"});

        // A changed interpreter (another modification time) is asked again.
        QFile file(python);
        QVERIFY(file.open(QIODevice::ReadWrite));
        QVERIFY(file.setFileTime(QDateTime::currentDateTime().addSecs(-3600), QFileDevice::FileModificationTime));
        file.close();
        QCOMPARE(InterpreterSysPath::of(python, cache), paths);
        QCOMPARE(cacheEntries(cache).size(), 1);
    }

    void aFailingInterpreterIsSkippedAndNotCached()
    {
        const QString cache = m_dir.filePath("failing/interpreter-paths.json");
        const QString broken = m_dir.filePath("bin/broken-python");
        writeFile(broken, "#!/bin/sh\necho 'Traceback: no' >&2\nexit 3\n");
        QFile::setPermissions(broken, QFileDevice::ReadOwner | QFileDevice::ExeOwner);
        QCOMPARE(InterpreterSysPath::of(broken, cache, 10000), QStringList{});
        QCOMPARE(InterpreterSysPath::of(m_dir.filePath("bin/missing-python"), cache, 10000), QStringList{});
        QVERIFY(!QFileInfo::exists(cache));
    }

private:
    QTemporaryDir m_dir;
    QString m_python;
};

QTEST_GUILESS_MAIN(TestInterpreterSysPath)
#include "tst_interpretersyspath.moc"
