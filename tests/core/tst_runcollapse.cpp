// Collapsing linear runs and laying out left to right, on generated Alembic
// histories read by the real loader: every branch point, merge point, base and
// head keeps its own box; what is collapsed is exactly the middle of a chain;
// nothing is lost or counted twice; expanded runs stay open; the layout of a
// collapsed or a turned graph is a valid layout of it.
#include "GraphvizContext.h"
#include "GraphvizLayoutEngine.h"
#include "HistoryGenerator.h"
#include "LayoutInput.h"
#include "RunCollapse.h"
#include "repository/RepositoryLoader.h"

#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace headway;

namespace {

Repository generated(const QString &root, quint64 seed, int count, double branch)
{
    testsupport::HistorySpec spec;
    spec.seed = seed;
    spec.revisionCount = count;
    spec.branchProbability = branch;
    spec.mergeProbability = branch;
    testsupport::writeHistory(root, spec);
    return RepositoryLoader::load(root);
}

int childCount(const RevisionGraph &graph, int index)
{
    int children = 0;
    for (int other = 0; other < graph.size(); ++other)
        children += int(graph.node(other).parents.count(index));
    return children;
}

CollapseOptions always()
{
    CollapseOptions options;
    options.mode = CollapseOptions::Mode::Always;
    return options;
}

} // namespace

class TestRunCollapse : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { m_context = std::make_unique<GraphvizContext>(); }

    void keepsStructureAndLosesNothing_data()
    {
        QTest::addColumn<quint64>("seed");
        QTest::addColumn<int>("count");
        QTest::addColumn<double>("branch");
        QTest::newRow("linear") << quint64(1) << 60 << 0.0;
        QTest::newRow("few branches") << quint64(2) << 300 << 0.03;
        QTest::newRow("branchy") << quint64(3) << 300 << 0.2;
        QTest::newRow("long, some branches") << quint64(4) << 1500 << 0.02;
    }

    void keepsStructureAndLosesNothing()
    {
        QFETCH(quint64, seed);
        QFETCH(int, count);
        QFETCH(double, branch);
        QTemporaryDir dir;
        const Repository repository = generated(dir.path(), seed, count, branch);
        QVERIFY(repository.found());
        const RevisionGraph &graph = repository.graph;
        const LayoutInput full = layoutInputFor(repository, QSizeF(168, 56));
        const LayoutInput collapsed = collapseLinearRuns(full, always());

        QCOMPARE(revisionCount(collapsed), graph.size());
        QList<int> seen(graph.size(), 0);
        int runs = 0;
        for (const LayoutNode &node : collapsed.nodes) {
            if (node.isCollapsedRun()) {
                ++runs;
                QVERIFY(node.collapsed.size() >= 3);
                for (qsizetype i = 0; i < node.collapsed.size(); ++i) {
                    const int member = node.collapsed.at(i);
                    ++seen[member];
                    // Inside a chain: one parent, one child, and that parent the previous member.
                    QCOMPARE(graph.node(member).parents.size(), 1);
                    QCOMPARE(childCount(graph, member), 1);
                    if (i > 0)
                        QCOMPARE(graph.node(member).parents.first(), node.collapsed.at(i - 1));
                }
            } else if (!node.ghost) {
                ++seen[node.revision];
            }
        }
        for (int index = 0; index < graph.size(); ++index) {
            QCOMPARE(seen.at(index), 1);
            const RevisionNode &node = graph.node(index);
            const bool structural = node.parents.size() != 1 || childCount(graph, index) != 1;
            if (structural) // a base, head, branch or merge point has its own box
                QVERIFY2(revisionBoxOf(collapsed, index) >= 0, qPrintable(node.id));
        }
        if (branch == 0.0)
            QCOMPARE(runs, 1); // one chain: base, "⋯ n-2 revisions", head
        QVERIFY(runs > 0);

        // Edges stay between existing nodes, and the layout is a layout of this graph.
        for (const LayoutEdge &edge : collapsed.edges) {
            QVERIFY(edge.from >= 0 && edge.from < collapsed.nodes.size());
            QVERIFY(edge.to >= 0 && edge.to < collapsed.nodes.size());
            QVERIFY(edge.from != edge.to);
        }
        const GraphLayout layout = GraphvizLayoutEngine(*m_context).layout(collapsed);
        QVERIFY(layout.succeeded);
        QCOMPARE(layout.nodes.size(), collapsed.nodes.size());
        QCOMPARE(layout.edges.size(), collapsed.edges.size());
    }

    void expandedRunsStayOpen()
    {
        QTemporaryDir dir;
        const Repository repository = generated(dir.path(), 5, 80, 0.0);
        const LayoutInput full = layoutInputFor(repository, QSizeF(168, 56));
        CollapseOptions options = always();
        const LayoutInput collapsed = collapseLinearRuns(full, options);
        QCOMPARE(collapsed.nodes.size(), 3);
        int inside = -1;
        for (const LayoutNode &node : collapsed.nodes)
            if (node.isCollapsedRun())
                inside = node.collapsed.at(40);
        QVERIFY(inside >= 0);
        options.expanded.insert(repository.graph.node(inside).id);
        const LayoutInput expanded = collapseLinearRuns(full, options);
        QCOMPARE(expanded.nodes.size(), full.nodes.size());
        QCOMPARE(revisionBoxCount(expanded), repository.graph.size());
    }

    void automaticFollowsTheThreshold()
    {
        QTemporaryDir dir;
        const Repository repository = generated(dir.path(), 6, 120, 0.05);
        const LayoutInput full = layoutInputFor(repository, QSizeF(168, 56));
        CollapseOptions options;
        options.threshold = 200;
        QCOMPARE(collapseLinearRuns(full, options).nodes.size(), full.nodes.size());
        options.threshold = 100;
        QVERIFY(collapseLinearRuns(full, options).nodes.size() < full.nodes.size());
        options.mode = CollapseOptions::Mode::Never;
        QCOMPARE(collapseLinearRuns(full, options).nodes.size(), full.nodes.size());
    }

    void leftToRightRunsTimeToTheRight()
    {
        QTemporaryDir dir;
        const Repository repository = generated(dir.path(), 7, 150, 0.15);
        LayoutInput input = layoutInputFor(repository, QSizeF(168, 56));
        const GraphLayout down = GraphvizLayoutEngine(*m_context).layout(input);
        input.options.direction = LayoutDirection::LeftRight;
        const GraphLayout right = GraphvizLayoutEngine(*m_context).layout(input);
        QVERIFY(down.succeeded && right.succeeded);
        QCOMPARE(right.nodes.size(), input.nodes.size());
        for (const LayoutEdge &edge : input.edges) {
            if (edge.kind != LayoutEdge::Kind::Parent)
                continue;
            // Top-down: a child above its parent; left to right: to its right.
            QVERIFY(down.nodes.at(edge.to).center.y() < down.nodes.at(edge.from).center.y());
            QVERIFY(right.nodes.at(edge.to).center.x() > right.nodes.at(edge.from).center.x());
        }
        for (qsizetype i = 0; i < input.nodes.size(); ++i) {
            QCOMPARE(right.nodes.at(i).size, input.nodes.at(i).size); // boxes are not turned
            QVERIFY(right.boundingRect.contains(right.nodes.at(i).rect()));
            for (qsizetype j = i + 1; j < input.nodes.size(); ++j)
                QVERIFY(!right.nodes.at(i).rect().intersects(right.nodes.at(j).rect()));
        }
        for (const EdgeGeometry &edge : right.edges)
            for (const BezierCurve &curve : edge.curves)
                for (QPointF p : curve.points)
                    QVERIFY(right.boundingRect.adjusted(-1, -1, 1, 1).contains(p));
    }

private:
    static int revisionBoxOf(const LayoutInput &input, int revision)
    {
        for (qsizetype i = 0; i < input.nodes.size(); ++i)
            if (!input.nodes.at(i).isCollapsedRun() && input.nodes.at(i).revision == revision)
                return int(i);
        return -1;
    }

    std::unique_ptr<GraphvizContext> m_context;
};

QTEST_GUILESS_MAIN(TestRunCollapse)
#include "tst_runcollapse.moc"
