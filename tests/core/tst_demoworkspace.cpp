// The bundled demo becomes a writable copy with a real fork-and-upstream git
// history, made once and reused, even when the installed demo is read-only.
#include "demo/DemoWorkspace.h"
#include "repository/RepositoryLoader.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace headway;

namespace {

QString git(const QString &directory, const QStringList &arguments)
{
    QProcess process;
    process.setWorkingDirectory(directory);
    process.start(QStringLiteral("git"), arguments);
    process.waitForFinished(30000);
    return QString::fromUtf8(process.readAllStandardOutput()).trimmed();
}

} // namespace

class TestDemoWorkspace : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void makesAWritableCopyWithForkHistory()
    {
        QTemporaryDir dir;
        // An installed demo is read-only: copy it somewhere and take write access away.
        const QString installed = dir.filePath("installed");
        QVERIFY(QProcess::execute("cp", {"-r", DemoWorkspace::bundledDemoDirectory(), installed}) == 0);
        QVERIFY(QProcess::execute("chmod", {"-R", "a-w", installed}) == 0);

        const DemoWorkspaceResult result = DemoWorkspace::prepare(installed, dir.filePath("copy"));
        QVERIFY2(result.ok(), qPrintable(result.error));
        QVERIFY(result.created);
        QVERIFY(QFileInfo(result.path + "/app.py").isWritable());
        QVERIFY(!QFileInfo::exists(result.path + "/demo.db"));

        const Repository repository = RepositoryLoader::load(result.path);
        QCOMPARE(repository.graph.heads().size(), 2);
        QCOMPARE(repository.graph.size(), 5);

        const QStringList log = git(result.path, {"log", "--format=%s", "main"}).split('\n');
        QCOMPARE(log.first(), QStringLiteral("Merge upstream into the fork"));
        QVERIFY(log.contains("Fork: add user preferences"));
        QVERIFY(log.contains("Upstream: add post slug"));
        QCOMPARE(git(result.path, {"status", "--porcelain"}), QString());
        // The upstream branch lacks the fork's migration.
        const QString upstreamFiles = git(result.path, {"ls-tree", "-r", "--name-only", "upstream/main"});
        QVERIFY(upstreamFiles.contains("add_post_slug"));
        QVERIFY(!upstreamFiles.contains("add_user_preferences"));

        QProcess::execute("chmod", {"-R", "u+w", installed});
    }

    void anInstalledDemoGetsItsGitignoreBack()
    {
        // The package ships the demo's .gitignore as `gitignore` (no VCS files in a .deb).
        QTemporaryDir dir;
        const QString installed = dir.filePath("installed");
        QVERIFY(QProcess::execute("cp", {"-r", DemoWorkspace::bundledDemoDirectory(), installed}) == 0);
        QVERIFY(QFile::rename(installed + "/.gitignore", installed + "/gitignore"));

        const DemoWorkspaceResult result = DemoWorkspace::prepare(installed, dir.filePath("copy"));
        QVERIFY2(result.ok(), qPrintable(result.error));
        QVERIFY2(QFileInfo::exists(result.path + "/.gitignore"), "the copy has no .gitignore");
        QVERIFY2(!QFileInfo::exists(result.path + "/gitignore"), "the copy kept the shipped name");
        // What the demo makes when run (its SQLite database) stays out of git's way.
        QFile database(result.path + "/demo.db");
        QVERIFY(database.open(QIODevice::WriteOnly));
        database.close();
        QCOMPARE(git(result.path, {"status", "--porcelain"}), QString());
    }

    void reusesAnExistingCopy()
    {
        QTemporaryDir dir;
        const QString target = dir.filePath("copy");
        QVERIFY(DemoWorkspace::prepare(DemoWorkspace::bundledDemoDirectory(), target).created);
        const DemoWorkspaceResult again = DemoWorkspace::prepare(DemoWorkspace::bundledDemoDirectory(), target);
        QVERIFY(again.ok());
        QVERIFY(!again.created);
        QCOMPARE(again.path, target);
    }

    void refusesToOverwriteSomethingElse()
    {
        QTemporaryDir dir;
        QFile file(dir.filePath("precious.txt"));
        QVERIFY(file.open(QIODevice::WriteOnly));
        const DemoWorkspaceResult result = DemoWorkspace::prepare(DemoWorkspace::bundledDemoDirectory(), dir.path());
        QVERIFY(!result.ok());
        QVERIFY(result.error.contains("not a Headway demo copy"));
        QVERIFY(QFileInfo::exists(dir.filePath("precious.txt")));
    }
};

QTEST_GUILESS_MAIN(TestDemoWorkspace)
#include "tst_demoworkspace.moc"
