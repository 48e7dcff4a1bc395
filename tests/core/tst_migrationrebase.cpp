// Rebasing the fork's unpublished migration onto upstream's head, on real
// repositories: only down_revision and Revises: change, a backup is kept, one
// head remains; a published migration is refused with the ref that holds it.
#include "CliRun.h"
#include "GitSandbox.h"

#include "fork/MigrationRebase.h"
#include "repository/RepositoryLoader.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace headway;
using namespace headway::test;

namespace {

QStringList changedLines(const QByteArray &before, const QByteArray &after)
{
    const QList<QByteArray> a = before.split('\n');
    const QList<QByteArray> b = after.split('\n');
    QStringList changed;
    for (qsizetype i = 0; i < std::max(a.size(), b.size()); ++i)
        if (a.value(i) != b.value(i))
            changed += QString::fromUtf8(b.value(i));
    return changed;
}

} // namespace

class tst_MigrationRebase : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_upstream;
    int m_forks = 0;

    // A fork with its own d on b, that has just merged upstream's e -> f: heads d and f.
    QString mergedFork()
    {
        const QString fork = m_dir.filePath(QStringLiteral("fork%1").arg(++m_forks));
        runGit(m_dir.path(), {"clone", "-q", m_upstream, fork});
        runGit(fork, {"reset", "-q", "--hard", "base"});
        runGit(fork, {"remote", "rename", "origin", "upstream"});
        writeMigration(fork, "d0000000000d", "b0000000000b", "prefs");
        runGit(fork, {"add", "-A"});
        runGit(fork, {"commit", "-q", "-m", "fork: d"});
        runGit(fork, {"merge", "-q", "--no-edit", "upstream/main"});
        return fork;
    }

    // The fork's branch pushed to its own remote: d is published.
    void publish(const QString &fork)
    {
        const QString remote = fork + QStringLiteral("-origin.git");
        runGit(m_dir.path(), {"init", "-q", "--bare", remote});
        runGit(fork, {"remote", "add", "origin", remote});
        runGit(fork, {"push", "-q", "origin", "HEAD:refs/heads/main"});
        runGit(fork, {"fetch", "-q", "origin"});
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_upstream = m_dir.filePath("upstream");
        QDir().mkpath(m_upstream);
        HW_GIT(m_upstream, {"init", "-q", "-b", "main"});
        writeAlembicProject(m_upstream);
        writeMigration(m_upstream, "a0000000000a", "", "users");
        writeMigration(m_upstream, "b0000000000b", "a0000000000a", "posts");
        HW_GIT(m_upstream, {"add", "-A"});
        HW_GIT(m_upstream, {"commit", "-q", "-m", "a, b"});
        HW_GIT(m_upstream, {"tag", "base"});
        writeMigration(m_upstream, "e0000000000e", "b0000000000b", "slugs");
        writeMigration(m_upstream, "f0000000000f", "e0000000000e");
        HW_GIT(m_upstream, {"add", "-A"});
        HW_GIT(m_upstream, {"commit", "-q", "-m", "upstream: e, f"});
    }

    void anUnpublishedMigrationMovesOntoUpstreamsHead()
    {
        const QString fork = mergedFork();
        const Repository repository = RepositoryLoader::load(fork);
        QCOMPARE(repository.graph.heads().size(), 2);
        const OriginReport origins = MigrationOrigins::classify(repository, {});
        const RebaseAdvice advice = MigrationRebase::advise(repository, {"d0000000000d"}, origins);
        QVERIFY2(advice.offered, qPrintable(advice.reason));
        QCOMPARE(advice.revision, QStringLiteral("d0000000000d"));
        QCOMPARE(advice.onto, QStringLiteral("f0000000000f"));

        const RebaseCheck check = MigrationRebase::check(repository, advice.revision, advice.onto);
        QVERIFY2(check.ok(), qPrintable(check.error));
        const QString path = migrationPath(fork, "d0000000000d");
        const QByteArray before = readFileBytes(path);
        QTemporaryDir backups;
        const RebaseResult result = MigrationRebase::apply(repository, check, backups.path());
        QVERIFY2(result.ok(), qPrintable(result.error));
        QCOMPARE(readFileBytes(result.backup), before);
        QCOMPARE(changedLines(before, readFileBytes(path)), (QStringList{"Revises: f0000000000f", "down_revision = 'f0000000000f'"}));
        const Repository after = RepositoryLoader::load(fork);
        QCOMPARE(after.graph.heads().size(), 1);
        QCOMPARE(after.graph.node(after.graph.heads().first()).id, QStringLiteral("d0000000000d"));
    }

    void aPublishedMigrationIsRefusedWithItsRef()
    {
        const QString fork = mergedFork();
        publish(fork);
        const Repository repository = RepositoryLoader::load(fork);
        const RebaseCheck check = MigrationRebase::check(repository, "d0000000000d", "f0000000000f");
        QVERIFY(!check.ok());
        QVERIFY2(check.error.contains("refs/remotes/origin/main"), qPrintable(check.error));
        const RebaseAdvice advice = MigrationRebase::advise(repository, {"d0000000000d"}, MigrationOrigins::classify(repository, {}));
        QVERIFY(!advice.offered);
        QVERIFY2(advice.reason.contains("published"), qPrintable(advice.reason));

        const QByteArray before = readFileBytes(migrationPath(fork, "d0000000000d"));
        const CliRun run = runCli({"rebase", "d0000000000d", "--onto", "f0000000000f", fork, "--yes"});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains("published") && run.err.contains("refs/remotes/origin/main"), qPrintable(run.err));
        QCOMPARE(readFileBytes(migrationPath(fork, "d0000000000d")), before);
    }

    void theCommandLineAsksAndVerifies()
    {
        const QString fork = mergedFork();
        QTemporaryDir data;
        CliOptions options;
        options.environment.insert("XDG_DATA_HOME", data.path());
        options.noTerminal = true;
        const QByteArray before = readFileBytes(migrationPath(fork, "d0000000000d"));
        QCOMPARE(runCli({"rebase", "d0000000000d", "--onto", "f0000000000f", fork}, options).exitCode, 5); // nobody to ask
        QCOMPARE(readFileBytes(migrationPath(fork, "d0000000000d")), before);
        const CliRun dry = runCli({"rebase", "d0000000000d", "--onto", "f0000000000f", fork, "--dry-run"}, options);
        QCOMPARE(dry.exitCode, 0);
        QVERIFY2(dry.out.contains("down_revision = 'b0000000000b'  ->  'f0000000000f'"), qPrintable(dry.out));
        const CliRun run = runCli({"rebase", "d0000000000d", "--onto", "f0000000000f", fork, "--yes"}, options);
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains("OK: one head (d0000000000d)"), qPrintable(run.out));
        QVERIFY(!QDir(data.filePath("headway/backups")).entryList(QDir::Files).isEmpty());
        // A cycle and a base revision are refused.
        const CliRun cycle = runCli({"rebase", "b0000000000b", "--onto", "d0000000000d", fork, "--yes"}, options);
        QCOMPARE(cycle.exitCode, 2);
        QVERIFY2(cycle.err.contains("cycle"), qPrintable(cycle.err));
        QCOMPARE(runCli({"rebase", "a0000000000a", "--onto", "f0000000000f", fork, "--yes"}, options).exitCode, 2);
    }
};

QTEST_GUILESS_MAIN(tst_MigrationRebase)
#include "tst_migrationrebase.moc"
