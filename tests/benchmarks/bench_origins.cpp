// How long `origins` takes on a long git history: a fork whose 10,000 commits
// (an upstream line, the fork's own line, upstream merged in) add 2,000
// migration files among other changes. Headway walks the history once
// (rev-list into diff-tree --stdin). The reference, in the same run: what a
// script does today, one `git log --diff-filter=A -- FILE` per file, timed on
// a sample and scaled to every file. Target: ≤ 1 s for 2,000 revisions.
//
//   bench_origins [--revisions 2000] [--commits 10000] [--repeat 3] [--sample 100]
#include "GitSandbox.h"
#include "MedianTime.h"

#include "fork/MigrationOrigins.h"
#include "repository/RepositoryLoader.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTemporaryDir>
#include <QTextStream>

using namespace headway;
using testsupport::medianMs;

namespace {

QString revisionId(int i)
{
    return QStringLiteral("%1").arg(i, 12, 16, QLatin1Char('0'));
}

// git fast-import: 10,000 commits in a second, with the fork / upstream shape of a real project.
QByteArray history(int revisions, int commits)
{
    QByteArray stream;
    int mark = 0;
    int revision = 0;
    const int upstreamCommits = commits * 2 / 5;
    const int branchPoint = commits / 2;
    auto blob = [&](const QByteArray &data) {
        stream += "blob\nmark :" + QByteArray::number(++mark) + "\ndata " + QByteArray::number(data.size()) + "\n" + data + "\n";
        return mark;
    };
    auto commit = [&](const char *ref, int index, const QByteArray &message, const QByteArray &changes, int from, int merge) {
        stream += QByteArray("commit ") + ref + "\nmark :" + QByteArray::number(++mark) + "\n";
        const QByteArray when = QByteArray::number(1700000000 + index * 60) + " +0000";
        stream += "author Dev <dev@example.invalid> " + when + "\ncommitter Dev <dev@example.invalid> " + when + "\n";
        stream += "data " + QByteArray::number(message.size()) + "\n" + message + "\n";
        if (from)
            stream += "from :" + QByteArray::number(from) + "\n";
        if (merge)
            stream += "merge :" + QByteArray::number(merge) + "\n";
        stream += changes + "\n";
        return mark;
    };
    // Each line of history chains its migrations on its own last one: two heads after the merge.
    QString lastShared;
    QString *chain = &lastShared;
    QByteArray upstreamFiles; // the merge commit must list them: fast-import does not merge trees
    auto change = [&](int index) -> QByteArray {
        // About one commit in five adds a migration; the rest touch code.
        if (revision < revisions && (index - 1) % std::max(1, commits / revisions) == 0) {
            const QString id = revisionId(++revision);
            const int file = blob(test::migration(id, *chain));
            *chain = id;
            return "M 100644 :" + QByteArray::number(file) + " migrations/versions/" + id.toUtf8() + "_change.py\n";
        }
        const int file = blob("x = " + QByteArray::number(index) + "\n");
        return "M 100644 :" + QByteArray::number(file) + " app/module" + QByteArray::number(index % 50) + ".py\n";
    };
    const int ini = blob("[alembic]\nscript_location = migrations\n");
    int head = commit("refs/heads/main", 0, "start", "M 100644 :" + QByteArray::number(ini) + " alembic.ini\n", 0, 0);
    int index = 1;
    for (; index < branchPoint; ++index)
        head = commit("refs/heads/main", index, "shared " + QByteArray::number(index), change(index), head, 0);
    int upstream = head;
    const int forkStart = head;
    QString upstreamChain = lastShared;
    QString forkChain = lastShared;
    chain = &upstreamChain;
    for (int i = 0; i < upstreamCommits && index < commits - 1; ++i, ++index) {
        const QByteArray changes = change(index);
        if (changes.contains("migrations/"))
            upstreamFiles += changes;
        upstream = commit("refs/remotes/upstream/main", index, "upstream", changes, upstream, 0);
    }
    chain = &forkChain;
    int fork = forkStart;
    for (; index < commits - 1; ++index)
        fork = commit("refs/heads/main", index, "fork", change(index), fork, 0);
    commit("refs/heads/main", index, "merge upstream", upstreamFiles, fork, upstream);
    return stream;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addOptions({{"revisions", "Migration files.", "n", "2000"}, {"commits", "Commits.", "n", "10000"},
                       {"repeat", "Runs to take the median of.", "n", "3"}, {"sample", "Files the reference times.", "n", "100"}});
    parser.process(app);
    const int revisions = parser.value("revisions").toInt();
    const int commits = parser.value("commits").toInt();
    QTextStream out(stdout);

    QTemporaryDir dir;
    dir.setAutoRemove(!qEnvironmentVariableIsSet("HEADWAY_KEEP_BENCH"));
    const QString root = dir.filePath("fork");
    QDir().mkpath(root);
    test::runGit(root, {"init", "-q", "-b", "main"});
    const test::GitResult imported = test::runGit(root, {"fast-import", "--quiet"}, history(revisions, commits));
    if (!imported.ok()) {
        out << "fast-import failed: " << imported.err << '\n';
        return 1;
    }
    test::runGit(root, {"checkout", "-q", "-f", "main"});
    const int commitCount = test::gitOut(root, {"rev-list", "--count", "HEAD"}).toInt();
    const Repository repository = RepositoryLoader::load(root);
    if (!dir.autoRemove())
        out << "kept " << root << '\n';

    OriginReport report;
    const double headway = medianMs(parser.value("repeat").toInt(), [&] { report = MigrationOrigins::classify(repository, {}); });
    QHash<Origin, int> counts;
    for (const RevisionOrigin &origin : report.revisions)
        ++counts[origin.origin];

    // Today's way: one git log per file, timed on a sample.
    const int sample = std::min<int>(parser.value("sample").toInt(), int(report.revisions.size()));
    const double sampled = medianMs(1, [&] {
        for (int i = 0; i < sample; ++i)
            test::runGit(root, {"log", "-1", "--diff-filter=A", "--format=%H %an %aI", "--", report.revisions.at(i).path});
    });
    const double perFile = sampled / std::max(1, sample) * double(report.revisions.size());

    out << "| What | Time |\n|---|---|\n";
    out << "| Headway `origins`: " << report.revisions.size() << " revisions, " << commitCount << " commits (" << counts.value(Origin::Fork)
        << " fork, " << counts.value(Origin::Upstream) << " upstream, " << counts.value(Origin::Shared) << " shared) | "
        << QString::number(headway, 'f', 1) << " ms |\n";
    out << "| Reference: one `git log --diff-filter=A` per file (" << sample << " timed, scaled to " << report.revisions.size()
        << ") | " << QString::number(perFile, 'f', 1) << " ms |\n";
    out << "\nHeadway is " << QString::number(perFile / headway, 'f', 1) << "x faster than one git log per file; target <= 1000 ms: "
        << (headway <= 1000 ? "met" : "NOT met") << '\n';
    return report.available ? 0 : 1;
}
