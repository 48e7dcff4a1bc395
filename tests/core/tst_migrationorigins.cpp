// Where each migration came from, on real git repositories made here: an
// upstream, a fork cloned from it with its own migrations, the fork merging
// upstream; plus uncommitted and untracked files, a folder outside git, a
// shallow clone and a detached HEAD.
#include "GitSandbox.h"
#include "CliRun.h"

#include "fork/MigrationOrigins.h"
#include "repository/RepositoryLoader.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace headway;
using namespace headway::test;

namespace {

QHash<QString, QString> originsById(const OriginReport &report)
{
    QHash<QString, QString> origins;
    for (const RevisionOrigin &origin : report.revisions)
        origins.insert(origin.revision, originName(origin.origin));
    return origins;
}

GitRef ref(const char *name, const char *upstream = "")
{
    return {QLatin1String(name), QStringLiteral("c0ffee"), QLatin1String(upstream)};
}

} // namespace

class tst_MigrationOrigins : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_upstream;
    QString m_fork;

private Q_SLOTS:
    // upstream: a -> b.  fork (cloned, remote renamed "upstream"): b -> d.  upstream then: b -> e.
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_upstream = m_dir.filePath("upstream");
        m_fork = m_dir.filePath("fork");
        QDir().mkpath(m_upstream);
        HW_GIT(m_upstream, {"init", "-q", "-b", "main"});
        writeAlembicProject(m_upstream);
        writeMigration(m_upstream, "a0000000000a", "", "users");
        HW_GIT(m_upstream, {"add", "-A"});
        HW_GIT(m_upstream, {"commit", "-q", "-m", "a"});
        writeMigration(m_upstream, "b0000000000b", "a0000000000a", "posts");
        HW_GIT(m_upstream, {"add", "-A"});
        HW_GIT(m_upstream, {"commit", "-q", "-m", "b"});
        HW_GIT(m_dir.path(), {"clone", "-q", m_upstream, m_fork});
        HW_GIT(m_fork, {"remote", "rename", "origin", "upstream"});
        writeMigration(m_fork, "d0000000000d", "b0000000000b", "prefs");
        HW_GIT(m_fork, {"add", "-A"});
        HW_GIT(m_fork, {"commit", "-q", "-m", "fork: d"});
        writeMigration(m_upstream, "e0000000000e", "b0000000000b", "slugs");
        HW_GIT(m_upstream, {"add", "-A"});
        HW_GIT(m_upstream, {"commit", "-q", "-m", "upstream: e"});
        HW_GIT(m_fork, {"fetch", "-q", "upstream"});
    }

    void discoveryFollowsTheDocumentedOrder_data()
    {
        QTest::addColumn<QList<GitRef>>("refs");
        QTest::addColumn<QString>("expected");
        QTest::newRow("upstream/main first") << QList<GitRef>{ref("refs/remotes/origin/main"), ref("refs/remotes/upstream/master"),
                                                              ref("refs/remotes/upstream/main")}
                                             << "upstream/main";
        QTest::newRow("upstream/master") << QList<GitRef>{ref("refs/remotes/origin/main"), ref("refs/remotes/upstream/master")}
                                         << "upstream/master";
        QTest::newRow("upstream/HEAD") << QList<GitRef>{ref("refs/remotes/upstream/HEAD"), ref("refs/remotes/upstream/trunk")}
                                       << "upstream/HEAD";
        QTest::newRow("the remote the branch does not track")
            << QList<GitRef>{ref("refs/heads/main", "refs/remotes/mine/main"), ref("refs/remotes/mine/main"),
                             ref("refs/remotes/theirs/main")}
            << "theirs/main";
        QTest::newRow("origin when the branch tracks nothing")
            << QList<GitRef>{ref("refs/heads/main"), ref("refs/remotes/origin/master")} << "origin/master";
        QTest::newRow("a local branch named upstream/main") << QList<GitRef>{ref("refs/heads/upstream/main")} << "upstream/main";
        QTest::newRow("nothing") << QList<GitRef>{ref("refs/heads/main"), ref("refs/tags/v1")} << "";
    }
    void discoveryFollowsTheDocumentedOrder()
    {
        QFETCH(QList<GitRef>, refs);
        QFETCH(QString, expected);
        QCOMPARE(UpstreamRef::discover(refs, QStringLiteral("refs/heads/main")), expected);
    }

    void beforeTheMergeOnlyTheForkAndSharedAreKnown()
    {
        const Repository repository = RepositoryLoader::load(m_fork);
        const OriginReport report = MigrationOrigins::classify(repository, {});
        QVERIFY2(report.available, qPrintable(report.note));
        QCOMPARE(report.upstream.name, QStringLiteral("upstream/main"));
        const QHash<QString, QString> origins = originsById(report);
        QCOMPARE(origins.value("a0000000000a"), QStringLiteral("shared"));
        QCOMPARE(origins.value("b0000000000b"), QStringLiteral("shared"));
        QCOMPARE(origins.value("d0000000000d"), QStringLiteral("fork"));
        QCOMPARE(origins.size(), 3);
        const RevisionOrigin *fork = report.ofNode(repository.graph.indexOf(QStringLiteral("d0000000000d")));
        QVERIFY(fork);
        QCOMPARE(fork->added.commit, gitOut(m_fork, {"rev-parse", "HEAD"}));
        QCOMPARE(fork->added.author, QStringLiteral("Headway Test"));
        QCOMPARE(fork->path, QStringLiteral("migrations/versions/d0000000000d_change.py"));
    }

    void afterTheMergeUpstreamsNewFilesAreUpstreams()
    {
        QTemporaryDir copy;
        const QString fork = copy.filePath("fork");
        HW_GIT(copy.path(), {"clone", "-q", m_fork, fork});
        HW_GIT(fork, {"remote", "add", "upstream", m_upstream});
        HW_GIT(fork, {"fetch", "-q", "upstream"});
        HW_GIT(fork, {"merge", "-q", "--no-edit", "upstream/main"});
        // Uncommitted (staged) and untracked migrations, and a committed one changed since.
        writeMigration(fork, "f0000000000f", "d0000000000d");
        HW_GIT(fork, {"add", migrationPath(fork, "f0000000000f")});
        writeMigration(fork, "g0000000000g", "f0000000000f");
        writeFile(migrationPath(fork, "d0000000000d"), migration("d0000000000d", "b0000000000b", "changed") + "# edited\n");

        const Repository repository = RepositoryLoader::load(fork);
        const OriginReport report = MigrationOrigins::classify(repository, {});
        QVERIFY2(report.available, qPrintable(report.note));
        const QHash<QString, QString> origins = originsById(report);
        QCOMPARE(origins.value("e0000000000e"), QStringLiteral("upstream"));
        QCOMPARE(origins.value("d0000000000d"), QStringLiteral("fork"));
        QCOMPARE(origins.value("b0000000000b"), QStringLiteral("shared"));
        QCOMPARE(origins.value("f0000000000f"), QStringLiteral("uncommitted"));
        QCOMPARE(origins.value("g0000000000g"), QStringLiteral("untracked"));
        QCOMPARE(report.lastUpstreamMerge, gitOut(fork, {"rev-parse", "HEAD"}));
        const RevisionOrigin *upstream = report.ofNode(repository.graph.indexOf(QStringLiteral("e0000000000e")));
        QCOMPARE(upstream->added.commit, gitOut(m_upstream, {"rev-parse", "HEAD"}));
        QVERIFY(report.ofNode(repository.graph.indexOf(QStringLiteral("d0000000000d")))->modified);
        QVERIFY(!upstream->modified);
        QVERIFY(report.ofNode(repository.graph.indexOf(QStringLiteral("f0000000000f")))->added.commit.isEmpty());

        // The JSON contract, from the command line.
        const CliRun run = runCli({"origins", fork, "--json"});
        QCOMPARE(run.exitCode, 0);
        const QJsonObject json = run.json();
        QCOMPARE(json.value("upstream").toString(), QStringLiteral("upstream/main"));
        const QJsonArray revisions = json.value("revisions").toArray();
        QCOMPARE(revisions.size(), 6);
        for (const QJsonValue &value : revisions) {
            const QJsonObject revision = value.toObject();
            for (const char *field : {"id", "origin", "commit", "author", "date", "path"})
                QVERIFY2(revision.contains(QLatin1String(field)), field);
            QCOMPARE(revision.value("origin").toString(), origins.value(revision.value("id").toString()));
        }
    }

    void anExplicitUpstreamWins()
    {
        const Repository repository = RepositoryLoader::load(m_fork);
        const OriginReport report = MigrationOrigins::classify(repository, gitOut(m_fork, {"rev-parse", "upstream/main~1"}));
        QVERIFY(report.available);
        QCOMPARE(originsById(report).value("b0000000000b"), QStringLiteral("shared"));
        const OriginReport unknown = MigrationOrigins::classify(repository, QStringLiteral("no-such/ref"));
        QVERIFY(!unknown.available);
        QVERIFY2(unknown.note.contains("no-such/ref"), qPrintable(unknown.note));
    }

    void aFolderOutsideGitIsOffWithANote()
    {
        QTemporaryDir plain;
        writeAlembicProject(plain.path());
        writeMigration(plain.path(), "a0000000000a", "");
        const Repository repository = RepositoryLoader::load(plain.path());
        QCOMPARE(repository.graph.heads().size(), 1);
        const OriginReport report = MigrationOrigins::classify(repository, {});
        QVERIFY(!report.available);
        QVERIFY2(report.note.contains("not in a git checkout"), qPrintable(report.note));
        const CliRun run = runCli({"origins", plain.path()});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains("not in a git checkout"), qPrintable(run.err));
        QCOMPARE(runCli({"check", plain.path()}).exitCode, 0); // the rest still works
    }

    void aShallowCloneAndADetachedHeadStillWork()
    {
        QTemporaryDir copy;
        const QString shallow = copy.filePath("shallow");
        HW_GIT(copy.path(), {"clone", "-q", "--depth", "1", QStringLiteral("file://") + m_fork, shallow});
        HW_GIT(shallow, {"remote", "add", "upstream", m_upstream});
        HW_GIT(shallow, {"fetch", "-q", "--depth", "1", "upstream"});
        HW_GIT(shallow, {"checkout", "-q", "--detach"});
        const Repository repository = RepositoryLoader::load(shallow);
        const OriginReport report = MigrationOrigins::classify(repository, {});
        QVERIFY2(report.available, qPrintable(report.note));
        QVERIFY(report.checkout.shallow);
        QVERIFY(report.checkout.detached());
        QVERIFY2(report.note.contains("shallow"), qPrintable(report.note));
        const QHash<QString, QString> origins = originsById(report);
        QCOMPARE(origins.value("d0000000000d"), QStringLiteral("fork"));
        QCOMPARE(origins.value("a0000000000a"), QStringLiteral("shared"));
        // Everything older than the shallow boundary shows the boundary commit.
        QCOMPARE(report.ofNode(repository.graph.indexOf(QStringLiteral("a0000000000a")))->added.commit,
                 gitOut(shallow, {"rev-parse", "HEAD"}));
    }
};

QTEST_GUILESS_MAIN(tst_MigrationOrigins)
#include "tst_migrationorigins.moc"
