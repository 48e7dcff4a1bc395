// The graph keeps standing when a history is broken, names each problem as
// Alembic would, and resolves what users type for a revision.
#include "TestFiles.h"
#include "graph/RevisionGraph.h"
#include "graph/RevisionResolver.h"
#include "parser/MigrationParser.h"

#include <QtTest>

using namespace headway;
using test::migration;

namespace {

struct Spec {
    Spec(const char *id, const char *down, const char *extra = "")
        : id(QString::fromUtf8(id)), down(QString::fromUtf8(down)), extra(QString::fromUtf8(extra))
    {
    }
    QString id;
    QString down; // "" for a base, "(...)" for a tuple
    QString extra;
};

QList<MigrationFile> files(const QList<Spec> &specs)
{
    QList<MigrationFile> list;
    for (const Spec &spec : specs)
        list += MigrationParser::parse(QStringLiteral("/repo/versions/%1_x.py").arg(spec.id),
                                       migration(spec.id, spec.down, QStringLiteral("msg ") + spec.id, spec.extra));
    return list;
}

QStringList ids(const RevisionGraph &graph, const QList<int> &nodes)
{
    QStringList list;
    for (int node : nodes)
        list += graph.node(node).id;
    return list;
}

const Diagnostic *find(const RevisionGraph &graph, const QString &code)
{
    for (const Diagnostic &d : graph.diagnostics())
        if (d.code == code)
            return &d;
    return nullptr;
}

} // namespace

class TestRevisionGraph : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void missingParentLeavesTheRestStanding()
    {
        const RevisionGraph graph(files({{"aaaa", ""}, {"bbbb", "aaaa"}, {"cccc", "gone"}, {"dddd", "cccc"}}));
        const Diagnostic *missing = find(graph, "missing-revision");
        QVERIFY(missing);
        QCOMPARE(missing->message, QStringLiteral("Can't locate revision identified by 'gone' (down_revision of cccc)"));
        QCOMPARE(missing->path, QStringLiteral("/repo/versions/cccc_x.py"));
        QCOMPARE(missing->line, 12);
        QVERIFY(missing->hint.contains("Never delete migration files"));
        QCOMPARE(ids(graph, graph.heads()), (QStringList{"bbbb", "dddd"}));
        QCOMPARE(ids(graph, graph.bases()), QStringList{"aaaa"});
        QCOMPARE(graph.node(graph.indexOf("cccc")).missingParents, QStringList{"gone"});
        QCOMPARE(graph.historyOrder().size(), 4);
    }

    void cycleThroughMergePointIsFoundAndNeverHangs()
    {
        // Alembic's own check misses this shape and its history walk never ends.
        const RevisionGraph graph(files({{"aaaa", ""}, {"bbbb", "('aaaa', 'cccc')"}, {"cccc", "bbbb"}, {"dddd", "cccc"}}));
        const Diagnostic *cycle = find(graph, "cycle");
        QVERIFY(cycle);
        QCOMPARE(cycle->message, QStringLiteral("Cycle is detected in revisions (bbbb, cccc)"));
        QVERIFY(graph.node(graph.indexOf("bbbb")).inCycle);
        QVERIFY(!graph.node(graph.indexOf("dddd")).inCycle);
        QCOMPARE(graph.historyOrder().size(), 4);
    }

    void cycleNamesWhatAlembicNames()
    {
        // a <- b <- c <- d, and b re-pointed at d: Alembic lists everything not
        // reachable both from a base and from a head, sorted.
        const RevisionGraph graph(files({{"aaaa", ""}, {"bbbb", "dddd"}, {"cccc", "bbbb"}, {"dddd", "cccc"}, {"eeee", "dddd"}}));
        QCOMPARE(find(graph, "cycle")->message, QStringLiteral("Cycle is detected in revisions (bbbb, cccc, dddd, eeee)"));
    }

    void selfLoopIsReported()
    {
        const RevisionGraph graph(files({{"aaaa", "aaaa"}}));
        QCOMPARE(find(graph, "self-loop")->message, QStringLiteral("Self-loop is detected in revisions (aaaa)"));
    }

    void duplicateIdKeepsTheLaterFileAsAlembicDoes()
    {
        QList<MigrationFile> list = files({{"aaaa", ""}, {"bbbb", "aaaa"}});
        list += MigrationParser::parse("/repo/versions/zzzz_copy.py", migration("bbbb", "aaaa", "copy"));
        const RevisionGraph graph(list);
        const Diagnostic *duplicate = find(graph, "duplicate-revision");
        QVERIFY(duplicate);
        QVERIFY(duplicate->message.startsWith("Revision bbbb is present more than once"));
        QCOMPARE(graph.node(graph.indexOf("bbbb")).fileIndex, 2);
        QCOMPARE(ids(graph, graph.heads()), QStringList{"bbbb"});
    }

    void illegalCharactersAreReported()
    {
        const RevisionGraph graph(files({{"ab-c", ""}}));
        QCOMPARE(find(graph, "illegal-revision-id")->message,
                 QStringLiteral("Character(s) '-' not allowed in revision identifier 'ab-c'"));
    }

    void dependsOnDoesNotRetireAHead()
    {
        const RevisionGraph graph(files({{"aaaa", ""}, {"bbbb", "aaaa"}, {"cccc", "aaaa", "depends_on = 'bbbb'"}}));
        QCOMPARE(ids(graph, graph.heads()), (QStringList{"bbbb", "cccc"}));
        QCOMPARE(ids(graph, graph.realHeads()), QStringList{"cccc"});
        QVERIFY(graph.node(graph.indexOf("bbbb")).isEffectiveHeadOnly());
    }

    void dependsOnResolvesThroughBranchLabels()
    {
        const RevisionGraph graph(files({{"aaaa", "", "branch_labels = ('feature',)"}, {"bbbb", "", "depends_on = 'feature'"}}));
        QCOMPARE(ids(graph, graph.node(graph.indexOf("bbbb")).dependencies), QStringList{"aaaa"});
        QVERIFY(!find(graph, "missing-dependency"));
    }

    void branchLabelsSpreadLikeAlembics()
    {
        // Label on a branch: descendants get it, the shared stem does not.
        const RevisionGraph graph(files({{"aaaa", ""}, {"bbbb", "aaaa"}, {"cccc", "bbbb", "branch_labels = 'fork'"},
                                         {"dddd", "cccc"}, {"eeee", "bbbb"}}));
        QCOMPARE(graph.node(graph.indexOf("dddd")).branchLabels, QStringList{"fork"});
        QVERIFY(graph.node(graph.indexOf("bbbb")).branchLabels.isEmpty());
        // Label on a straight line: it reaches down to the base.
        const RevisionGraph line(files({{"aaaa", ""}, {"bbbb", "aaaa", "branch_labels = 'main'"}, {"cccc", "bbbb"}}));
        QCOMPARE(line.node(line.indexOf("aaaa")).branchLabels, QStringList{"main"});
    }

    void labelConflictsAreReported()
    {
        const RevisionGraph graph(files({{"aaaa", "", "branch_labels = 'x'"}, {"bbbb", "", "branch_labels = 'x'"}}));
        QCOMPARE(find(graph, "branch-label-conflict")->message,
                 QStringLiteral("Branch name 'x' in revision bbbb already used by revision aaaa"));
    }

    void resolvesWhatUsersType_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QStringList>("expected");
        QTest::addColumn<QString>("error");
        QTest::newRow("full id") << "bbbb1111" << QStringList{"bbbb1111"} << "";
        QTest::newRow("unique prefix") << "bbbb" << QStringList{"bbbb1111"} << "";
        QTest::newRow("ambiguous prefix") << "cccc" << QStringList{} << "Multiple revisions start with 'cccc'";
        QTest::newRow("short unique prefix") << "aa" << QStringList{"aaaa1111"} << "";
        QTest::newRow("short and unknown") << "zz" << QStringList{} << "please ensure at least four characters";
        QTest::newRow("unknown") << "ffff" << QStringList{} << "Can't locate revision identified by 'ffff'";
        QTest::newRow("heads") << "heads" << QStringList{"cccc1111", "cccc2222"} << "";
        QTest::newRow("head with two heads") << "head" << QStringList{} << "Multiple head revisions are present for given argument 'head'";
        QTest::newRow("base") << "base" << QStringList{"aaaa1111"} << "";
        QTest::newRow("branch label") << "stable" << QStringList{"cccc2222"} << "";
        QTest::newRow("label@head") << "stable@head" << QStringList{"cccc2222"} << "";
        QTest::newRow("typed with stray spaces") << "  stable@head " << QStringList{"cccc2222"} << "";
        // Alembic does not trim: a label may itself start with a space.
        QTest::newRow("label with a leading space") << " spaced@head" << QStringList{"cccc1111"} << "";
        // " stable" (on the base, so on both heads) is a label of its own: not "stable" trimmed.
        QTest::newRow("spaced label with two heads") << " stable@head" << QStringList{}
                                                     << "Multiple heads are present for given argument ' stable@head'";
    }

    void resolvesWhatUsersType()
    {
        QFETCH(QString, typed);
        QFETCH(QStringList, expected);
        QFETCH(QString, error);
        const RevisionGraph graph(files({{"aaaa1111", "", "branch_labels = ' stable'"}, {"bbbb1111", "aaaa1111"},
                                         {"cccc1111", "bbbb1111", "branch_labels = ' spaced'"},
                                         {"cccc2222", "bbbb1111", "branch_labels = 'stable'"}}));
        const Resolution resolution = RevisionResolver(graph).resolve(typed);
        QCOMPARE(ids(graph, resolution.revisions), expected);
        QVERIFY2(error.isEmpty() ? resolution.ok() : resolution.error.contains(error), qPrintable(resolution.error));
    }
};

QTEST_GUILESS_MAIN(TestRevisionGraph)
#include "tst_revisiongraph.moc"
