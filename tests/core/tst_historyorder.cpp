// The history order (what `alembic history` lists, newest first) computed by
// core's fast walk equals Alembic's loop transcribed literally, on thousands of
// random graphs: merges of up to 40 parents, dependencies normalized or not,
// shadowed and cyclic revisions left out, heads that do not reach everything;
// and on generated repositories read by the real loader. (The differential
// test compares the same order with Alembic's own output.)
#include "HistoryGenerator.h"
#include "LiteralHistoryOrder.h"
#include "graph/HistoryOrder.h"
#include "repository/RepositoryLoader.h"

#include <QRandomGenerator>
#include <QSet>
#include <QTemporaryDir>
#include <QtTest>

using namespace headway;

namespace {

struct Shape {
    int size = 30;
    int maxParents = 3;
    int wideMergeEvery = 0;   // every Nth revision merges up to 40 open heads
    double dependencyChance = 0.1;
    bool normalize = true;    // drop dependencies an ancestor already implies
    double excludedChance = 0.03; // shadowed or on a cycle
    bool partialHeads = false; // start from a random subset of the heads
};

QSet<int> ancestorsOf(const std::vector<RevisionNode> &nodes, int start)
{
    QSet<int> seen;
    QList<int> stack{start};
    while (!stack.isEmpty()) {
        const int at = stack.takeLast();
        if (seen.contains(at))
            continue;
        seen.insert(at);
        stack += nodes[at].parents;
        stack += nodes[at].dependencies;
    }
    return seen;
}

// Parents are always earlier revisions, so the graph is acyclic; revisions
// "on a cycle" are only flagged, which is all the walk looks at.
std::vector<RevisionNode> randomGraph(QRandomGenerator &random, const Shape &shape, QList<int> &heads)
{
    std::vector<RevisionNode> nodes(std::size_t(shape.size));
    QList<int> open;
    for (int i = 0; i < shape.size; ++i) {
        RevisionNode &node = nodes[std::size_t(i)];
        node.id = QStringLiteral("r%1").arg(i);
        if (i > 0 && shape.wideMergeEvery > 0 && i % shape.wideMergeEvery == 0 && open.size() > 1) {
            const int width = std::min<int>(int(open.size()), 2 + int(random.bounded(39)));
            for (int k = 0; k < width; ++k)
                node.parents += open[int(random.bounded(int(open.size())))];
        } else if (i > 0 && random.bounded(100) >= 4) {
            const int count = 1 + int(random.bounded(shape.maxParents));
            for (int k = 0; k < count; ++k) {
                // Mostly a recent revision, so that long lines form.
                const int back = random.bounded(100) < 70 ? 1 + int(random.bounded(std::min(i, 3))) : 1 + int(random.bounded(i));
                node.parents += i - back;
            }
        }
        std::sort(node.parents.begin(), node.parents.end());
        node.parents.erase(std::unique(node.parents.begin(), node.parents.end()), node.parents.end());
        std::shuffle(node.parents.begin(), node.parents.end(), random);
        for (int p : std::as_const(node.parents)) {
            node.downRevisions += nodes[std::size_t(p)].id;
            open.removeAll(p);
        }
        if (random.bounded(100) < 3)
            node.downRevisions += QStringLiteral("ghost%1").arg(i); // a parent no file declares
        if (i > 1 && random.generateDouble() < shape.dependencyChance)
            node.dependencies += int(random.bounded(i));
        open += i;
        node.shadowed = random.generateDouble() < shape.excludedChance / 2;
        node.inCycle = random.generateDouble() < shape.excludedChance / 2;
    }
    for (int i = 0; i < shape.size; ++i) {
        RevisionNode &node = nodes[std::size_t(i)];
        QSet<int> implied;
        for (int p : std::as_const(node.parents))
            implied.unite(ancestorsOf(nodes, p));
        for (int d : std::as_const(node.dependencies))
            if (!shape.normalize || !implied.contains(d))
                node.normalizedDependencies += d;
        for (int p : std::as_const(node.parents))
            nodes[std::size_t(p)].children += i;
        for (const QList<int> *list : {&node.parents, &node.dependencies})
            for (int p : *list)
                if (!nodes[std::size_t(p)].allChildren.contains(i))
                    nodes[std::size_t(p)].allChildren += i;
    }
    QList<int> keys;
    for (int i = 0; i < shape.size; ++i)
        keys += i;
    std::shuffle(keys.begin(), keys.end(), random);
    for (int i = 0; i < shape.size; ++i)
        nodes[std::size_t(i)].orderKey = keys[i];
    for (int i = 0; i < shape.size; ++i)
        if (nodes[std::size_t(i)].isRealHead() && (!shape.partialHeads || random.bounded(2) == 0))
            heads += i;
    return nodes;
}

} // namespace

Q_DECLARE_METATYPE(Shape)

class TestHistoryOrder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void matchesTheLiteralWalk_data();
    void matchesTheLiteralWalk();
    void matchesTheLiteralWalkOnGeneratedRepositories_data();
    void matchesTheLiteralWalkOnGeneratedRepositories();
    void listsEverySortableRevisionOnce();
};

void TestHistoryOrder::matchesTheLiteralWalk_data()
{
    QTest::addColumn<Shape>("shape");
    QTest::addColumn<int>("graphs");
    QTest::newRow("small") << Shape{} << 3000;
    QTest::newRow("lines") << Shape{120, 1, 0, 0.0, true, 0.0, false} << 500;
    QTest::newRow("merges") << Shape{200, 3, 0, 0.05, true, 0.02, false} << 500;
    QTest::newRow("wide merges") << Shape{300, 2, 25, 0.05, true, 0.0, false} << 200;
    QTest::newRow("raw dependencies") << Shape{80, 2, 0, 0.3, false, 0.05, false} << 1000;
    QTest::newRow("partial heads") << Shape{80, 2, 0, 0.1, true, 0.1, true} << 1000;
}

void TestHistoryOrder::matchesTheLiteralWalk()
{
    QFETCH(Shape, shape);
    QFETCH(int, graphs);
    for (int seed = 1; seed <= graphs; ++seed) {
        QRandomGenerator random(quint32(seed) * 7919u + quint32(shape.size));
        QList<int> heads;
        const std::vector<RevisionNode> nodes = randomGraph(random, shape, heads);
        const QList<int> expected = testsupport::literalHistoryOrder(nodes, heads);
        const QList<int> actual = computeHistoryOrder(nodes, heads);
        if (actual != expected)
            QFAIL(qPrintable(QStringLiteral("seed %1: the walks differ").arg(seed)));
    }
}

void TestHistoryOrder::matchesTheLiteralWalkOnGeneratedRepositories_data()
{
    QTest::addColumn<int>("seed");
    QTest::addColumn<int>("count");
    QTest::addColumn<double>("branch");
    QTest::addColumn<double>("depends");
    QTest::newRow("2000, few branches") << 11 << 2000 << 0.05 << 0.0;
    QTest::newRow("2000, many branches") << 12 << 2000 << 0.3 << 0.0;
    QTest::newRow("1500, dependencies") << 13 << 1500 << 0.2 << 0.1;
}

void TestHistoryOrder::matchesTheLiteralWalkOnGeneratedRepositories()
{
    QFETCH(int, seed);
    QFETCH(int, count);
    QFETCH(double, branch);
    QFETCH(double, depends);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    testsupport::HistorySpec spec;
    spec.seed = quint64(seed);
    spec.revisionCount = count;
    spec.branchProbability = branch;
    spec.mergeProbability = branch;
    spec.dependsOnProbability = depends;
    testsupport::writeHistory(dir.path(), spec);
    const Repository repository = RepositoryLoader::load(dir.path());
    const RevisionGraph &graph = repository.graph;
    QCOMPARE(graph.size(), count);
    QCOMPARE(graph.historyOrder(), testsupport::literalHistoryOrder(graph.nodes(), graph.realHeads()));
}

void TestHistoryOrder::listsEverySortableRevisionOnce()
{
    QRandomGenerator random(4242);
    Shape shape;
    shape.size = 400;
    shape.partialHeads = true;
    shape.excludedChance = 0.1;
    QList<int> heads;
    const std::vector<RevisionNode> nodes = randomGraph(random, shape, heads);
    const QList<int> order = computeHistoryOrder(nodes, heads);
    QSet<int> expected;
    for (int i = 0; i < shape.size; ++i)
        if (!nodes[std::size_t(i)].shadowed && !nodes[std::size_t(i)].inCycle)
            expected.insert(i);
    QCOMPARE(QSet<int>(order.begin(), order.end()), expected);
    QCOMPARE(order.size(), expected.size());
}

QTEST_GUILESS_MAIN(TestHistoryOrder)
#include "tst_historyorder.moc"
