// The preview of `git merge REF`, on real repositories made here: the graph it
// shows equals the graph the real merge produces, and making it changes
// nothing (HEAD, the index, the work tree). Also the work tree's uncommitted
// files, a file both sides changed, an upstream deletion, an already merged
// ref and a detached HEAD.
#include "CiReports.h"
#include "CliRun.h"
#include "GitSandbox.h"

#include "fork/MergePreview.h"

#include <QCryptographicHash>
#include <QDirIterator>
#include <QTemporaryDir>
#include <QtTest>

using namespace headway;
using namespace headway::test;

namespace {

// Every revision with its parents as written, and the heads: what "the same graph" means.
QStringList graphShape(const Repository &repository)
{
    QStringList shape;
    for (const RevisionNode &node : repository.graph.nodes())
        shape += node.id + QStringLiteral(" <- ") + node.downRevisions.join(QLatin1Char(','));
    for (int head : repository.graph.heads())
        shape += QStringLiteral("head ") + repository.graph.node(head).id;
    shape.sort();
    return shape;
}

// Everything a preview must leave alone: HEAD, the index file, every work-tree file's bytes.
QString checkoutState(const QString &root)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(gitOut(root, {"rev-parse", "HEAD"}).toUtf8());
    hash.addData(gitOut(root, {"symbolic-ref", "-q", "HEAD"}).toUtf8());
    QStringList files;
    QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext())
        files += it.next();
    files.sort();
    for (const QString &file : files) {
        QFile f(file);
        if (f.open(QIODevice::ReadOnly)) {
            hash.addData(file.toUtf8());
            hash.addData(f.readAll());
        }
    }
    return QString::fromLatin1(hash.result().toHex());
}

} // namespace

class tst_MergePreview : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_upstream;

    // A fresh fork of upstream at a -> b, with its own d on b; upstream's e and f fetched.
    QString makeFork(const QString &name)
    {
        const QString fork = m_dir.filePath(name);
        runGit(m_dir.path(), {"clone", "-q", m_upstream, fork});
        runGit(fork, {"reset", "-q", "--hard", "upstream-base"});
        runGit(fork, {"remote", "rename", "origin", "upstream"});
        writeMigration(fork, "d0000000000d", "b0000000000b", "prefs");
        runGit(fork, {"add", "-A"});
        runGit(fork, {"commit", "-q", "-m", "fork: d"});
        return fork;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_upstream = m_dir.filePath("upstream");
        QDir().mkpath(m_upstream);
        HW_GIT(m_upstream, {"init", "-q", "-b", "main"});
        writeAlembicProject(m_upstream);
        writeMigration(m_upstream, "a0000000000a", "", "users");
        writeMigration(m_upstream, "b0000000000b", "a0000000000a", "posts");
        writeMigration(m_upstream, "c0000000000c", "a0000000000a", "gone");
        writeMigration(m_upstream, "c1000000000c", "c0000000000c");
        HW_GIT(m_upstream, {"add", "-A"});
        HW_GIT(m_upstream, {"commit", "-q", "-m", "a, b"});
        HW_GIT(m_upstream, {"tag", "upstream-base"});
        // Upstream goes on: e (colliding with the fork's d on table prefs) and f; drops the c branch.
        writeMigration(m_upstream, "e0000000000e", "b0000000000b", "prefs");
        writeMigration(m_upstream, "f0000000000f", "e0000000000e");
        HW_GIT(m_upstream, {"rm", "-q", migrationPath(m_upstream, "c0000000000c"), migrationPath(m_upstream, "c1000000000c")});
        HW_GIT(m_upstream, {"add", "-A"});
        HW_GIT(m_upstream, {"commit", "-q", "-m", "upstream: e, f"});
    }

    void thePreviewIsTheGraphTheMergeMakesAndChangesNothing()
    {
        const QString fork = makeFork("fork");
        const QString before = checkoutState(fork);
        const Repository current = RepositoryLoader::load(fork);
        const MergePreviewResult preview = MergePreview::preview(current, QStringLiteral("upstream/main"));
        QVERIFY2(preview.ok(), qPrintable(preview.error));
        QCOMPARE(checkoutState(fork), before);
        QCOMPARE(preview.exitCode(), 1);
        QVERIFY(preview.gitConflicts.isEmpty());
        QStringList incoming = preview.incoming;
        incoming.sort();
        QCOMPARE(incoming, (QStringList{"e0000000000e", "f0000000000f"}));
        QVERIFY(preview.conflicts.collides()); // d and e both create prefs
        QVERIFY(preview.merged.graph.indexOf("c0000000000c") < 0); // upstream's deletion comes in

        HW_GIT(fork, {"merge", "-q", "--no-edit", "upstream/main"});
        const Repository merged = RepositoryLoader::load(fork);
        QCOMPARE(graphShape(preview.merged), graphShape(merged));
    }

    void theCommandLineGuardsAPullRequest()
    {
        const QString fork = makeFork("fork-cli");
        const CliRun run = runCli({"preview-merge", "upstream/main", fork, "--json"});
        QCOMPARE(run.exitCode, 1);
        const QJsonObject json = run.json();
        QCOMPARE(json.value("status").toString(), QStringLiteral("multiple-heads"));
        QCOMPARE(json.value("heads").toArray().size(), 2);
        QVERIFY(json.value("merge_migration_needed").toBool());
        QCOMPARE(json.value("ref_commit").toString(), gitOut(m_upstream, {"rev-parse", "HEAD"}));
        QVERIFY(json.value("conflicts").toObject().value("findings").toArray().size() > 0);
        // The fork's d is unpublished: moving it onto upstream's f is offered instead of a merge migration.
        const QJsonObject rebase = json.value("rebase").toObject();
        QVERIFY2(rebase.value("offered").toBool(), qPrintable(rebase.value("reason").toString()));
        QCOMPARE(rebase.value("revision").toString(), QStringLiteral("d0000000000d"));
        QCOMPARE(rebase.value("onto").toString(), QStringLiteral("f0000000000f"));
        const CliRun text = runCli({"preview-merge", "upstream/main", fork});
        QCOMPARE(text.exitCode, 1);
        QVERIFY2(text.out.contains("heads after the merge"), qPrintable(text.out));
        QCOMPARE(runCli({"preview-merge", "no-such-ref", fork}).exitCode, 2);
        QCOMPARE(runCli({"preview-merge", fork}).exitCode, 2); // the fork folder is no ref
    }

    void theCiFormatsCarryTheHeadsAndTheCollision()
    {
        const QString fork = makeFork("fork-ci");
        const CliRun github = runCli({"preview-merge", "upstream/main", fork, "--format", "github"});
        QCOMPARE(github.exitCode, 1);
        const GithubAnnotations annotations = readGithub(github.out);
        QVERIFY2(annotations.problem.isEmpty(), qPrintable(annotations.problem));
        QStringList titles;
        for (const GithubAnnotation &annotation : annotations.annotations) {
            titles += annotation.title.section(QLatin1Char(':'), 0, 0);
            QVERIFY2(annotation.line > 0, qPrintable(annotation.title));
            // Errors point at the PR's own files; upstream's files exist only after the merge.
            if (annotation.command == QLatin1String("error"))
                QVERIFY2(QFileInfo::exists(fork + "/" + annotation.file), qPrintable(annotation.title + " at " + annotation.file));
        }
        QVERIFY2(titles.contains("multiple-heads") && titles.contains("duplicate-table"), qPrintable(titles.join(", ")));

        const JunitReport junit = readJunit(runCli({"preview-merge", "upstream/main", fork, "--format", "junit"}).out);
        QVERIFY2(junit.error.isEmpty(), qPrintable(junit.error));
        QCOMPARE(junit.failures(), 2);
        const CliRun sarifRun = runCli({"preview-merge", "upstream/main", fork, "--format", "sarif"});
        QCOMPARE(sarifRun.exitCode, 1);
        const SarifLog sarif = readSarif(sarifRun.out);
        QCOMPARE(sarif.version, QStringLiteral("2.1.0"));
        QVERIFY(sarif.ruleIds.contains("multiple-heads") && sarif.ruleIds.contains("duplicate-table"));
        for (const SarifResult &result : sarif.results)
            QVERIFY2(!result.uri.isEmpty() && result.startLine > 0 && sarif.ruleIds.contains(result.ruleId), qPrintable(result.ruleId));
        QCOMPARE(runCli({"preview-merge", "upstream/main", fork, "--format", "xml"}).exitCode, 64);
    }

    void uncommittedWorkTreeFilesCount()
    {
        const QString fork = makeFork("fork-dirty");
        writeMigration(fork, "g0000000000g", "d0000000000d");
        const MergePreviewResult preview = MergePreview::preview(RepositoryLoader::load(fork), QStringLiteral("upstream/main"));
        QVERIFY(preview.ok());
        QStringList heads;
        for (int head : preview.merged.graph.heads())
            heads += preview.merged.graph.node(head).id;
        heads.sort();
        QCOMPARE(heads, (QStringList{"f0000000000f", "g0000000000g"}));
    }

    void aFileBothSidesChangedIsAGitConflict()
    {
        const QString fork = makeFork("fork-conflict");
        QTemporaryDir side;
        const QString other = side.filePath("other");
        HW_GIT(side.path(), {"clone", "-q", m_upstream, other});
        writeFile(migrationPath(other, "b0000000000b"), migration("b0000000000b", "a0000000000a", "upstream's wording"));
        HW_GIT(other, {"commit", "-q", "-am", "reword b"});
        HW_GIT(fork, {"fetch", "-q", other, "main:refs/remotes/other/main"});
        writeFile(migrationPath(fork, "b0000000000b"), migration("b0000000000b", "a0000000000a", "the fork's wording"));
        const MergePreviewResult preview = MergePreview::preview(RepositoryLoader::load(fork), QStringLiteral("other/main"));
        QVERIFY(preview.ok());
        QCOMPARE(preview.gitConflicts.size(), 1);
        QCOMPARE(preview.gitConflicts.first().path, QStringLiteral("migrations/versions/b0000000000b_change.py"));
        QCOMPARE(preview.exitCode(), 2);
    }

    void anAlreadyMergedRefBringsNothing()
    {
        const QString fork = makeFork("fork-merged");
        const MergePreviewResult preview = MergePreview::preview(RepositoryLoader::load(fork), QStringLiteral("upstream-base"));
        QVERIFY(preview.ok());
        QVERIFY(preview.alreadyMerged);
        QVERIFY(preview.incoming.isEmpty());
        QCOMPARE(preview.exitCode(), 1); // the fork's own c and d branches are two heads already
    }

    void aDetachedHeadAndAFolderOutsideGit()
    {
        const QString fork = makeFork("fork-detached");
        HW_GIT(fork, {"checkout", "-q", "--detach"});
        const MergePreviewResult preview = MergePreview::preview(RepositoryLoader::load(fork), QStringLiteral("upstream/main"));
        QVERIFY2(preview.ok(), qPrintable(preview.error));
        QCOMPARE(preview.merged.graph.heads().size(), 2);

        QTemporaryDir plain;
        writeAlembicProject(plain.path());
        writeMigration(plain.path(), "a0000000000a", "");
        const MergePreviewResult outside = MergePreview::preview(RepositoryLoader::load(plain.path()), QStringLiteral("main"));
        QVERIFY(!outside.ok());
        QVERIFY2(outside.error.contains("not in a git checkout"), qPrintable(outside.error));
    }
};

QTEST_GUILESS_MAIN(tst_MergePreview)
#include "tst_mergepreview.moc"
