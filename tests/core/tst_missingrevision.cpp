// Missing files restored from git, on real repositories: a migration deleted in
// a commit, one moved out of the versions folder, one that exists only on
// another branch; byte for byte, never over an existing file; a revision git
// has nowhere and a folder outside git get a clear message. Also the warning
// for a tracked file the work tree lacks, and CUSTOM_MIGRATIONS.md.
#include "CliRun.h"
#include "GitSandbox.h"

#include "fork/CustomMigrationsList.h"
#include "fork/MissingRevisionFinder.h"
#include "repository/RepositoryLoader.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace headway;
using namespace headway::test;

class tst_MissingRevision : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_repositories = 0;

    // a -> b -> c, committed; the bytes of b's file as committed.
    QString repository(QByteArray *bFile = nullptr)
    {
        const QString root = m_dir.filePath(QStringLiteral("repo%1").arg(++m_repositories));
        QDir().mkpath(root);
        runGit(root, {"init", "-q", "-b", "main"});
        writeAlembicProject(root);
        writeMigration(root, "a0000000000a", "", "users");
        writeMigration(root, "b0000000000b", "a0000000000a", "posts");
        writeMigration(root, "c0000000000c", "b0000000000b");
        runGit(root, {"add", "-A"});
        runGit(root, {"commit", "-q", "-m", "a, b, c"});
        if (bFile)
            *bFile = readFileBytes(migrationPath(root, "b0000000000b"));
        return root;
    }

private Q_SLOTS:
    void aDeletedMigrationIsRestoredByteForByte()
    {
        QByteArray original;
        const QString root = repository(&original);
        HW_GIT(root, {"rm", "-q", migrationPath(root, "b0000000000b")});
        HW_GIT(root, {"commit", "-q", "-m", "drop b"});
        const QString deleting = gitOut(root, {"rev-parse", "HEAD"});
        const Repository broken = RepositoryLoader::load(root);
        QVERIFY(hasErrors(broken.diagnostics));
        const MissingRevisionSource source = MissingRevisionFinder::find(broken, "b0000000000b");
        QVERIFY2(source.found(), qPrintable(source.error));
        QCOMPARE(source.commit.commit, deleting);
        QCOMPARE(source.how, QStringLiteral("deleted in %1").arg(deleting.left(10)));
        QCOMPARE(source.subject, QStringLiteral("drop b"));
        const RestoreResult restored = MissingRevisionFinder::restore(broken, source);
        QVERIFY2(restored.ok(), qPrintable(restored.error));
        QCOMPARE(readFileBytes(migrationPath(root, "b0000000000b")), original);
        QVERIFY(!hasErrors(RepositoryLoader::load(root).diagnostics));
    }

    void aMovedMigrationIsFoundAndTheCommandRestoresIt()
    {
        QByteArray original;
        const QString root = repository(&original);
        QDir().mkpath(root + "/attic");
        HW_GIT(root, {"mv", migrationPath(root, "b0000000000b"), root + "/attic/b.py.old"});
        HW_GIT(root, {"commit", "-q", "-m", "move b away"});
        const CliRun run = runCli({"restore", "b0000000000b", root, "--json"});
        QCOMPARE(run.exitCode, 0);
        const QJsonObject json = run.json();
        QVERIFY(json.value("restored").toBool());
        QVERIFY2(json.value("how").toString().startsWith("moved away to attic/b.py.old in "), qPrintable(json.value("how").toString()));
        QCOMPARE(json.value("path").toString(), QStringLiteral("migrations/versions/b0000000000b_change.py"));
        QCOMPARE(readFileBytes(migrationPath(root, "b0000000000b")), original);
    }

    void aMigrationOnAnotherBranchIsFound()
    {
        const QString root = repository();
        HW_GIT(root, {"checkout", "-q", "-b", "feature"});
        writeMigration(root, "d0000000000d", "c0000000000c");
        HW_GIT(root, {"add", "-A"});
        HW_GIT(root, {"commit", "-q", "-m", "d on a branch"});
        const QByteArray onBranch = readFileBytes(migrationPath(root, "d0000000000d"));
        HW_GIT(root, {"checkout", "-q", "main"});
        writeMigration(root, "e0000000000e", "d0000000000d"); // names a parent main lacks
        const MissingRevisionSource source = MissingRevisionFinder::find(RepositoryLoader::load(root), "d0000000000d");
        QVERIFY2(source.found(), qPrintable(source.error));
        QCOMPARE(source.how, QStringLiteral("on refs/heads/feature"));
        QVERIFY(MissingRevisionFinder::restore(RepositoryLoader::load(root), source).ok());
        QCOMPARE(readFileBytes(migrationPath(root, "d0000000000d")), onBranch);
    }

    void anExistingFileIsNeverOverwritten()
    {
        const QString root = repository();
        HW_GIT(root, {"rm", "-q", migrationPath(root, "b0000000000b")});
        HW_GIT(root, {"commit", "-q", "-m", "drop b"});
        const Repository broken = RepositoryLoader::load(root);
        const MissingRevisionSource source = MissingRevisionFinder::find(broken, "b0000000000b");
        QVERIFY(source.found());
        writeFile(migrationPath(root, "b0000000000b"), "# someone's own work\n");
        const RestoreResult refused = MissingRevisionFinder::restore(broken, source);
        QVERIFY(!refused.ok());
        QVERIFY2(refused.error.contains("never overwrites"), qPrintable(refused.error));
        QCOMPARE(readFileBytes(migrationPath(root, "b0000000000b")), QByteArray("# someone's own work\n"));
    }

    void nowhereAndOutsideGitSaySo()
    {
        const QString root = repository();
        const CliRun nowhere = runCli({"restore", "f0000000000f", root});
        QCOMPARE(nowhere.exitCode, 2);
        QVERIFY2(nowhere.err.contains("git has no file defining f0000000000f"), qPrintable(nowhere.err));
        QTemporaryDir plain;
        writeAlembicProject(plain.path());
        writeMigration(plain.path(), "b0000000000b", "a0000000000a");
        const CliRun outside = runCli({"restore", "a0000000000a", plain.path()});
        QCOMPARE(outside.exitCode, 2);
        QVERIFY2(outside.err.contains("not in a git checkout"), qPrintable(outside.err));
    }

    void aTrackedFileTheWorkTreeLacksIsWarnedAbout()
    {
        const QString root = repository();
        QFile::remove(migrationPath(root, "c0000000000c")); // deleted by hand, git still tracks it
        const Repository repository = RepositoryLoader::load(root);
        const OriginReport report = MigrationOrigins::classify(repository, QStringLiteral("HEAD"));
        QCOMPARE(report.trackedMissing, QStringList{"migrations/versions/c0000000000c_change.py"});
        const Diagnostics warnings = MigrationOrigins::trackedMissingWarnings(report);
        QCOMPARE(warnings.size(), 1);
        QCOMPARE(warnings.first().code, QStringLiteral("tracked-file-missing"));
        QVERIFY(warnings.first().hint.contains("git checkout -- migrations/versions/c0000000000c_change.py"));
    }

    void customMigrationsKeepHandWrittenTextAndAreIdempotent()
    {
        const QString upstream = repository();
        const QString fork = m_dir.filePath("fork-custom");
        HW_GIT(m_dir.path(), {"clone", "-q", upstream, fork});
        writeMigration(fork, "d0000000000d", "c0000000000c", "prefs");
        HW_GIT(fork, {"add", "-A"});
        HW_GIT(fork, {"commit", "-q", "-m", "fork: d"});
        writeMigration(fork, "e0000000000e", "d0000000000d"); // untracked: the fork's too
        const QString file = fork + "/CUSTOM_MIGRATIONS.md";
        writeFile(file, "# Our fork\n\nHand-written intro.\n");
        const CliRun first = runCli({"custom-migrations", fork});
        QCOMPARE(first.exitCode, 0);
        QVERIFY2(first.out.startsWith("Wrote "), qPrintable(first.out));
        const QByteArray written = readFileBytes(file);
        QVERIFY(written.startsWith("# Our fork\n\nHand-written intro.\n"));
        QVERIFY(written.contains("| `d0000000000d` | change d0000000000d |"));
        QVERIFY(written.contains("`e0000000000e`"));
        QVERIFY(!written.contains("a0000000000a") && !written.contains("`b0000000000b`")); // upstream's are not listed
        // Text after the block stays too, and a second run changes nothing.
        writeFile(file, written + "\nHand-written outro.\n");
        const QByteArray edited = readFileBytes(file);
        const CliRun second = runCli({"custom-migrations", fork});
        QCOMPARE(second.exitCode, 0);
        QVERIFY2(second.out.startsWith("Unchanged: "), qPrintable(second.out));
        QCOMPARE(readFileBytes(file), edited);
        const CliRun out = runCli({"custom-migrations", fork, "--output", "-"});
        QVERIFY(out.out.startsWith(CustomMigrationsList::startMarker));
        QCOMPARE(readFileBytes(file), edited);
    }
};

QTEST_GUILESS_MAIN(tst_MissingRevision)
#include "tst_missingrevision.moc"
