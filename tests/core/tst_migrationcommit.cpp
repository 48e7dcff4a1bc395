// The after-merge commit, on real repositories: only the migration file goes
// in, other staged changes stay staged; while git's merge is in progress the
// commit concludes it, and never with paths still unmerged.
#include "GitSandbox.h"

#include "fork/MigrationCommit.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace headway;
using namespace headway::test;

class tst_MigrationCommit : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_upstream;
    int m_forks = 0;

    QString fork()
    {
        const QString root = m_dir.filePath(QStringLiteral("fork%1").arg(++m_forks));
        runGit(m_dir.path(), {"clone", "-q", m_upstream, root});
        runGit(root, {"reset", "-q", "--hard", "base"});
        writeMigration(root, "d0000000000d", "b0000000000b");
        writeFile(root + "/app.py", "fork = True\n");
        runGit(root, {"add", "-A"});
        runGit(root, {"commit", "-q", "-m", "fork: d"});
        return root;
    }

private Q_SLOTS:
    void initTestCase()
    {
        // Headway's own git runs with the user's identity; a CI machine may have none configured.
        for (const char *name : {"GIT_AUTHOR_NAME", "GIT_COMMITTER_NAME"})
            qputenv(name, "Headway Test");
        for (const char *name : {"GIT_AUTHOR_EMAIL", "GIT_COMMITTER_EMAIL"})
            qputenv(name, "test@headway.invalid");
        m_upstream = m_dir.filePath("upstream");
        QDir().mkpath(m_upstream);
        HW_GIT(m_upstream, {"init", "-q", "-b", "main"});
        writeAlembicProject(m_upstream);
        writeMigration(m_upstream, "b0000000000b", "");
        writeFile(m_upstream + "/app.py", "base = True\n");
        HW_GIT(m_upstream, {"add", "-A"});
        HW_GIT(m_upstream, {"commit", "-q", "-m", "b"});
        HW_GIT(m_upstream, {"tag", "base"});
        writeMigration(m_upstream, "e0000000000e", "b0000000000b");
        HW_GIT(m_upstream, {"add", "-A"});
        HW_GIT(m_upstream, {"commit", "-q", "-m", "e"});
    }

    void onlyTheMigrationFileIsCommitted()
    {
        const QString root = fork();
        HW_GIT(root, {"merge", "-q", "--no-edit", "origin/main"});
        writeMigration(root, "f0000000000f", "('d0000000000d', 'e0000000000e')");
        writeFile(root + "/notes.txt", "staged, not mine to commit\n");
        HW_GIT(root, {"add", "notes.txt"});
        const QString message = MigrationCommit::suggestedMessage("f0000000000f", {"d0000000000d", "e0000000000e"}, "origin/main");
        const MigrationCommitResult result = MigrationCommit::commit(migrationPath(root, "f0000000000f"), message);
        QVERIFY2(result.ok(), qPrintable(result.error));
        QVERIFY(!result.concludedMerge);
        QCOMPARE(gitOut(root, {"diff-tree", "--no-commit-id", "--name-only", "-r", "HEAD"}),
                 QStringLiteral("migrations/versions/f0000000000f_change.py"));
        QCOMPARE(gitOut(root, {"diff-index", "--cached", "--name-only", "HEAD"}), QStringLiteral("notes.txt"));
        QCOMPARE(gitOut(root, {"cat-file", "commit", "HEAD"}).section("\n\n", 1), message);
    }

    void aMergeInProgressIsConcluded()
    {
        const QString root = fork();
        HW_GIT(root, {"merge", "-q", "--no-commit", "--no-ff", "origin/main"});
        writeMigration(root, "f0000000000f", "('d0000000000d', 'e0000000000e')");
        const MigrationCommitResult result = MigrationCommit::commit(migrationPath(root, "f0000000000f"), "merge upstream\n");
        QVERIFY2(result.ok(), qPrintable(result.error));
        QVERIFY(result.concludedMerge);
        QCOMPARE(gitOut(root, {"rev-list", "--parents", "-1", "HEAD"}).split(' ').size(), 3);
        QVERIFY(gitOut(root, {"ls-tree", "-r", "--name-only", "HEAD"}).contains("f0000000000f_change.py"));
    }

    void unmergedPathsStopIt()
    {
        const QString root = fork();
        QTemporaryDir side;
        const QString other = side.filePath("other");
        HW_GIT(side.path(), {"clone", "-q", m_upstream, other});
        writeFile(other + "/app.py", "upstream = True\n");
        HW_GIT(other, {"commit", "-q", "-am", "app"});
        HW_GIT(root, {"fetch", "-q", other, "main:refs/remotes/other/main"});
        QVERIFY(!runGit(root, {"merge", "-q", "other/main"}).ok()); // app.py conflicts
        writeMigration(root, "f0000000000f", "('d0000000000d', 'e0000000000e')");
        const QString head = gitOut(root, {"rev-parse", "HEAD"});
        const MigrationCommitResult result = MigrationCommit::commit(migrationPath(root, "f0000000000f"), "merge\n");
        QVERIFY(!result.ok());
        QVERIFY2(result.error.contains("unmerged"), qPrintable(result.error));
        QCOMPARE(gitOut(root, {"rev-parse", "HEAD"}), head);
    }
};

QTEST_GUILESS_MAIN(tst_MigrationCommit)
#include "tst_migrationcommit.moc"
