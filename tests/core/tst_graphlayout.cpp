// The layout engine: geometry a GUI can trust (parents below children, no
// overlapping boxes, routes that touch their boxes), run condensation, the
// same layout for the same input, and big histories.
#include "GraphvizContext.h"
#include "GraphvizLayoutEngine.h"
#include "RunCondenser.h"
#include "repository/Repository.h"

#include "LayoutHistoryGenerator.h"

#include <graphviz/cgraph.h>

#include <QRegularExpression>
#include <QTest>

#include <clocale>
#include <string_view>
#include <memory>

using namespace headway;
using headway::testsupport::LayoutHistorySpec;
using Kind = LayoutEdge::Kind;

namespace {

const QSizeF kNodeSize(120, 36);

LayoutInput inputFor(const QList<MigrationFile> &files, bool condense = true)
{
    Repository repository;
    repository.files = files;
    repository.graph = RevisionGraph(files);
    LayoutInput input = layoutInputFor(repository, kNodeSize);
    input.options.condenseRuns = condense;
    return input;
}

LayoutInput historyInput(LayoutHistorySpec spec, bool condense = true)
{
    return inputFor(testsupport::generateLayoutHistory(spec), condense);
}

// "0>1 1>2 0~3 g0!1": parent, depends_on and missing-parent edges; "g" marks a ghost.
LayoutInput inputFromSketch(const QString &sketch)
{
    LayoutInput input;
    const auto node = [&input](QString name) {
        const bool ghost = name.startsWith(QLatin1Char('g'));
        const int index = name.remove(QLatin1Char('g')).toInt();
        while (input.nodes.size() <= index)
            input.nodes.append({QString::number(input.nodes.size()), kNodeSize, -1, false, {}});
        input.nodes[index].ghost = input.nodes[index].ghost || ghost;
        return index;
    };
    for (const QString &edge : sketch.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        const qsizetype split = edge.indexOf(QRegularExpression(QStringLiteral("[>~!]")));
        const Kind kind = edge.at(split) == u'>' ? Kind::Parent
                        : edge.at(split) == u'~' ? Kind::Dependency : Kind::Missing;
        input.edges.append({node(edge.left(split)), node(edge.mid(split + 1)), kind});
    }
    return input;
}

QString runsOf(const RunCondenser &condenser)
{
    QStringList runs;
    for (int r = 0; r < condenser.runCount(); ++r) {
        QStringList members;
        for (int member : condenser.run(r))
            members << QString::number(member);
        runs << members.join(QLatin1Char(' '));
    }
    return runs.join(QLatin1Char('|'));
}

bool near(QPointF a, QPointF b, qreal tolerance = 1.0)
{
    return qAbs(a.x() - b.x()) <= tolerance && qAbs(a.y() - b.y()) <= tolerance;
}

QString describe(QPointF p)
{
    return QStringLiteral("(%1, %2)").arg(p.x()).arg(p.y());
}

} // namespace

class TestGraphLayout : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { m_context = std::make_unique<GraphvizContext>(); }
    void cleanupTestCase() { m_context.reset(); }

    void layoutInputHasAGhostForEachMissingParent();
    void runCondenserJoinsOnlyLinearRuns_data();
    void runCondenserJoinsOnlyLinearRuns();

    void parentsLieBelowTheirChildren_data() { layouts_data(); }
    void parentsLieBelowTheirChildren();
    void boxesDoNotOverlap_data() { layouts_data(); }
    void boxesDoNotOverlap();
    void everyEdgeHasARouteFromBoxToBox_data() { layouts_data(); }
    void everyEdgeHasARouteFromBoxToBox();
    void sameInputGivesIdenticalLayout_data() { layouts_data(); }
    void sameInputGivesIdenticalLayout();

    void runMembersAreStackedInOrder();
    void dependsOnEdgesDoNotMoveRevisions();
    void graphvizMessagesBecomeDiagnostics();
    void nodesKeepTheSizeTheCallerChose();
    void branchyHistoriesGetTheLayeredLayoutAndSaySo();
    void tenThousandRevisionsAreCondensedAndLaidOut();
    void numbersSurviveACommaDecimalLocale();

private:
    void layouts_data();
    GraphLayout layOut(const LayoutInput &input) const { return GraphvizLayoutEngine(*m_context).layout(input); }

    std::unique_ptr<GraphvizContext> m_context;
};

void TestGraphLayout::layoutInputHasAGhostForEachMissingParent()
{
    const LayoutInput input = historyInput({.revisions = 40, .missingParents = 1});

    QList<int> ghosts;
    for (int i = 0; i < input.nodes.size(); ++i) {
        if (input.nodes.at(i).ghost)
            ghosts << i;
    }
    QCOMPARE(ghosts.size(), 1);
    const LayoutNode &ghost = input.nodes.at(ghosts.first());
    QCOMPARE(ghost.id, QStringLiteral("deadbeef0000"));
    QCOMPARE(ghost.revision, -1);
    int missingEdges = 0;
    for (const LayoutEdge &edge : input.edges) {
        const bool fromGhost = edge.from == ghosts.first();
        QVERIFY2(fromGhost == (edge.kind == Kind::Missing), "only edges from the ghost are Missing edges");
        missingEdges += fromGhost ? 1 : 0;
    }
    QCOMPARE(missingEdges, 1);
    QCOMPARE(input.nodes.size(), 41);

    const GraphLayout layout = layOut(input);
    QVERIFY(layout.succeeded);
    QCOMPARE(layout.nodes.size(), input.nodes.size());
}

void TestGraphLayout::runCondenserJoinsOnlyLinearRuns_data()
{
    QTest::addColumn<QString>("sketch");
    QTest::addColumn<QString>("runs"); // members bottom to top, runs separated by '|'

    QTest::newRow("a chain is one run") << "0>1 1>2 2>3" << "0 1 2 3";
    QTest::newRow("a diamond stays apart") << "0>1 0>2 1>3 2>3" << "0|1|2|3";
    QTest::newRow("runs end at a branch point and start at a merge point")
        << "0>1 1>2 2>3 2>4 3>5 4>5 5>6 6>7" << "0 1 2|3|4|5 6 7";
    QTest::newRow("depends_on keeps both ends single") << "0>1 1>2 2>3 3>4 0~3" << "0|1 2|3|4";
    QTest::newRow("a ghost stays single") << "g0!1 1>2" << "0|1 2";
    QTest::newRow("a cycle with no way in stays single") << "0>1 1>2 2>0" << "0|1|2";
    QTest::newRow("a cycle closed on a run stays consistent") << "0>1 1>2 2>3 3>1 3>4" << "0|1 2 3|4";
}

void TestGraphLayout::runCondenserJoinsOnlyLinearRuns()
{
    QFETCH(QString, sketch);
    QFETCH(QString, runs);
    const LayoutInput input = inputFromSketch(sketch);
    const RunCondenser condenser(input);
    QCOMPARE(runsOf(condenser), runs);

    const GraphLayout layout = condenser.expand(layOut([&] {
        LayoutInput condensed = condenser.condensed();
        condensed.options.condenseRuns = false;
        return condensed;
    }()));
    QVERIFY(layout.succeeded);
    QCOMPARE(layout.nodes.size(), input.nodes.size());
    QCOMPARE(layout.edges.size(), input.edges.size());
}

void TestGraphLayout::layouts_data()
{
    QTest::addColumn<LayoutInput>("input");

    QTest::newRow("no revisions") << LayoutInput();
    LayoutInput single;
    single.nodes.append({QStringLiteral("base"), kNodeSize, 0, false, {}});
    QTest::newRow("one revision") << single;
    QTest::newRow("chain of 30") << historyInput({.revisions = 30, .branchChance = 0});
    QTest::newRow("diamond") << inputFromSketch(QStringLiteral("0>1 0>2 1>3 2>3 3>4"));
    QTest::newRow("merge of three") << inputFromSketch(QStringLiteral("0>1 0>2 0>3 1>4 2>4 3>4 4>5 5>6"));
    QTest::newRow("realistic 400") << historyInput({.revisions = 400, .seed = 7});
    QTest::newRow("realistic 400 uncondensed") << historyInput({.revisions = 400, .seed = 7}, false);
    QTest::newRow("branchy 300") << historyInput({.revisions = 300, .seed = 3, .branchChance = 0.3});
    QTest::newRow("depends_on and ghosts 300") << historyInput({.revisions = 300, .seed = 5, .branchChance = 0.1, .dependsOnChance = 0.05, .missingParents = 3});
    QTest::newRow("realistic 2000") << historyInput({.revisions = 2000, .seed = 11, .dependsOnChance = 0.005, .missingParents = 1});
    // The same checks hold for the layered layout used past Graphviz's node limit.
    for (const bool condense : {true, false}) {
        LayoutInput layered = historyInput({.revisions = 300, .seed = 5, .branchChance = 0.3, .dependsOnChance = 0.05, .missingParents = 3}, condense);
        layered.options.graphvizNodeLimit = 10;
        QTest::newRow(condense ? "layered, condensed" : "layered, uncondensed") << layered;
    }
}

void TestGraphLayout::parentsLieBelowTheirChildren()
{
    QFETCH(LayoutInput, input);
    const GraphLayout layout = layOut(input);
    QVERIFY2(layout.succeeded, "the layout failed");
    for (const LayoutEdge &edge : std::as_const(input.edges)) {
        if (edge.kind == Kind::Dependency)
            continue; // not ranked: depends_on may point anywhere
        const QRectF parent = layout.nodes.at(edge.from).rect();
        const QRectF child = layout.nodes.at(edge.to).rect();
        QVERIFY2(parent.top() >= child.bottom() + input.options.rankSeparation - 0.5,
                 qPrintable(QStringLiteral("parent %1 (top %2) is not a rank below its child %3 (bottom %4)")
                                .arg(input.nodes.at(edge.from).id).arg(parent.top())
                                .arg(input.nodes.at(edge.to).id).arg(child.bottom())));
    }
}

void TestGraphLayout::boxesDoNotOverlap()
{
    QFETCH(LayoutInput, input);
    const GraphLayout layout = layOut(input);
    QVERIFY(layout.succeeded);
    QList<QRectF> boxes;
    for (const NodeGeometry &node : layout.nodes)
        boxes << node.rect();
    std::sort(boxes.begin(), boxes.end(), [](const QRectF &a, const QRectF &b) { return a.top() < b.top(); });
    for (int i = 0; i < boxes.size(); ++i) {
        QVERIFY2(layout.boundingRect.adjusted(-0.5, -0.5, 0.5, 0.5).contains(boxes.at(i)),
                 "a box sticks out of the bounding rectangle");
        for (int j = i + 1; j < boxes.size() && boxes.at(j).top() < boxes.at(i).bottom(); ++j) {
            QVERIFY2(!boxes.at(i).intersects(boxes.at(j)),
                     qPrintable(QStringLiteral("boxes at %1 and %2 overlap")
                                    .arg(describe(boxes.at(i).center()), describe(boxes.at(j).center()))));
        }
    }
}

void TestGraphLayout::everyEdgeHasARouteFromBoxToBox()
{
    QFETCH(LayoutInput, input);
    const GraphLayout layout = layOut(input);
    QVERIFY(layout.succeeded);
    QCOMPARE(layout.edges.size(), input.edges.size());
    for (int e = 0; e < layout.edges.size(); ++e) {
        const EdgeGeometry &edge = layout.edges.at(e);
        const QString name = input.nodes.at(edge.from).id + QStringLiteral(" -> ") + input.nodes.at(edge.to).id;
        QCOMPARE(edge.from, input.edges.at(e).from);
        QCOMPARE(edge.to, input.edges.at(e).to);
        QVERIFY2(edge.kind == input.edges.at(e).kind, qPrintable(name + QStringLiteral(": wrong kind")));
        QVERIFY2(!edge.curves.isEmpty(), qPrintable(name + QStringLiteral(" has no route")));
        for (const BezierCurve &curve : edge.curves) {
            QVERIFY2(curve.points.size() >= 4 && (curve.points.size() - 1) % 3 == 0,
                     qPrintable(name + QStringLiteral(" has %1 control points").arg(curve.points.size())));
            for (QPointF p : curve.points)
                QVERIFY2(layout.boundingRect.adjusted(-1, -1, 1, 1).contains(p),
                         qPrintable(name + QStringLiteral(" leaves the bounding rectangle at ") + describe(p)));
        }
        const QPointF start = edge.curves.first().points.first();
        const QPointF tip = edge.curves.last().endArrowTip.value_or(edge.curves.last().points.last());
        QVERIFY2(edge.curves.last().endArrowTip.has_value(), qPrintable(name + QStringLiteral(" has no arrowhead")));
        const QRectF tail = layout.nodes.at(edge.from).rect();
        const QRectF head = layout.nodes.at(edge.to).rect();
        if (edge.kind == Kind::Dependency || edge.from == edge.to) {
            QVERIFY2(tail.adjusted(-1, -1, 1, 1).contains(start),
                     qPrintable(name + QStringLiteral(" starts away from its tail at ") + describe(start)));
            QVERIFY2(head.adjusted(-1, -1, 1, 1).contains(tip),
                     qPrintable(name + QStringLiteral(" ends away from its head at ") + describe(tip)));
        } else {
            const QPointF top(tail.center().x(), tail.top());
            const QPointF bottom(head.center().x(), head.bottom());
            QVERIFY2(near(start, top), qPrintable(name + QStringLiteral(" starts at %1, not at the top of its tail %2")
                                                             .arg(describe(start), describe(top))));
            QVERIFY2(near(tip, bottom), qPrintable(name + QStringLiteral(" ends at %1, not at the bottom of its head %2")
                                                           .arg(describe(tip), describe(bottom))));
        }
    }
}

void TestGraphLayout::sameInputGivesIdenticalLayout()
{
    QFETCH(LayoutInput, input);
    const GraphLayout first = layOut(input);
    GraphvizContext otherContext;
    const GraphLayout second = GraphvizLayoutEngine(otherContext).layout(input);
    QVERIFY(first.succeeded && second.succeeded);
    QCOMPARE(second.boundingRect, first.boundingRect);
    for (int i = 0; i < first.nodes.size(); ++i)
        QVERIFY2(second.nodes.at(i).center == first.nodes.at(i).center,
                 qPrintable(QStringLiteral("node %1 moved").arg(input.nodes.at(i).id)));
    for (int e = 0; e < first.edges.size(); ++e) {
        QCOMPARE(second.edges.at(e).curves.size(), first.edges.at(e).curves.size());
        for (int c = 0; c < first.edges.at(e).curves.size(); ++c) {
            QVERIFY2(second.edges.at(e).curves.at(c).points == first.edges.at(e).curves.at(c).points,
                     qPrintable(QStringLiteral("edge %1 was routed differently").arg(e)));
        }
    }
}

void TestGraphLayout::runMembersAreStackedInOrder()
{
    // A chain of 12 on top of a diamond: one run of 13 (the merge point and the chain).
    const LayoutInput input = inputFromSketch(QStringLiteral(
        "0>1 0>2 1>3 2>3 3>4 4>5 5>6 6>7 7>8 8>9 9>10 10>11 11>12 12>13 13>14 14>15"));
    const RunCondenser condenser(input);
    QCOMPARE(runsOf(condenser), QStringLiteral("0|1|2|3 4 5 6 7 8 9 10 11 12 13 14 15"));

    const GraphLayout layout = layOut(input);
    QVERIFY(layout.succeeded);
    QCOMPARE(layout.graphvizNodes, 4);
    for (int member = 4; member <= 15; ++member) {
        const NodeGeometry &below = layout.nodes.at(member - 1);
        const NodeGeometry &above = layout.nodes.at(member);
        QCOMPARE(above.center.x(), below.center.x());
        QCOMPARE(below.rect().top() - above.rect().bottom(), input.options.rankSeparation);
    }

    // The same ranks as Graphviz gives the uncondensed graph: one rank per revision.
    LayoutInput uncondensed = input;
    uncondensed.options.condenseRuns = false;
    const GraphLayout reference = layOut(uncondensed);
    QCOMPARE(reference.graphvizNodes, input.nodes.size());
    for (int i = 0; i < input.nodes.size(); ++i) {
        QVERIFY2(qAbs((layout.nodes.at(i).center.y() - layout.nodes.at(15).center.y())
                      - (reference.nodes.at(i).center.y() - reference.nodes.at(15).center.y())) < 0.5,
                 qPrintable(QStringLiteral("revision %1 is on another rank than without condensation").arg(i)));
    }
}

void TestGraphLayout::dependsOnEdgesDoNotMoveRevisions()
{
    const QString parents = QStringLiteral("0>1 1>2 2>3 3>4 0>5 5>6 6>7 4>8 7>8");
    const LayoutInput plain = inputFromSketch(parents);
    const LayoutInput dependent = inputFromSketch(parents + QStringLiteral(" 6~2 1~7 0~8"));
    const GraphLayout before = layOut(plain);
    const GraphLayout after = layOut(dependent);
    QVERIFY(before.succeeded && after.succeeded);
    for (int i = 0; i < plain.nodes.size(); ++i)
        QVERIFY2(after.nodes.at(i).center == before.nodes.at(i).center,
                 qPrintable(QStringLiteral("revision %1 moved because of depends_on").arg(i)));
    QCOMPARE(after.edges.size(), dependent.edges.size());
    QCOMPARE(after.edges.last().kind, Kind::Dependency);
}

void TestGraphLayout::graphvizMessagesBecomeDiagnostics()
{
    const GraphvizMessageCapture capture;
    agerr(AGWARN, "node %s, port %s unrecognized\n", "a", "x");
    agerr(AGERR, "%s\n", "something broke");
    const Diagnostics diagnostics = capture.diagnostics();
    QCOMPARE(diagnostics.size(), 2);
    QCOMPARE(diagnostics.at(0).severity, Severity::Warning);
    QCOMPARE(diagnostics.at(0).message, QStringLiteral("node a, port x unrecognized"));
    QCOMPARE(diagnostics.at(1).severity, Severity::Error);
    QCOMPARE(diagnostics.at(1).message, QStringLiteral("something broke"));
}

void TestGraphLayout::nodesKeepTheSizeTheCallerChose()
{
    LayoutInput input = inputFromSketch(QStringLiteral("0>1 1>2 0>3 3>4 2>5 4>5"));
    for (int i = 0; i < input.nodes.size(); ++i)
        input.nodes[i].size = QSizeF(60 + 25 * i, 20 + 7 * i);
    const GraphLayout layout = layOut(input);
    QVERIFY(layout.succeeded);
    for (int i = 0; i < input.nodes.size(); ++i)
        QCOMPARE(layout.nodes.at(i).size, input.nodes.at(i).size);
    const QRectF left = layout.nodes.at(1).rect(), right = layout.nodes.at(3).rect();
    const qreal gap = qMax(right.left() - left.right(), left.left() - right.right());
    QVERIFY2(gap >= input.options.nodeSeparation - 1,
             qPrintable(QStringLiteral("neighbours are %1 apart").arg(gap)));
}

void TestGraphLayout::branchyHistoriesGetTheLayeredLayoutAndSaySo()
{
    const LayoutInput input = historyInput({.revisions = 10000, .seed = 9, .branchChance = 0.3});
    const GraphLayout layout = layOut(input);
    QVERIFY(layout.succeeded);
    QVERIFY(layout.reducedQuality);
    QCOMPARE(layout.nodes.size(), input.nodes.size());
    QVERIFY(std::any_of(layout.diagnostics.cbegin(), layout.diagnostics.cend(),
                        [](const Diagnostic &d) { return d.code == QLatin1String("layout-simplified"); }));
    qInfo("10,000 branchy revisions: %lld ms", layout.elapsedMs);
}

void TestGraphLayout::tenThousandRevisionsAreCondensedAndLaidOut()
{
    const LayoutInput input = historyInput({.revisions = 10000, .seed = 42, .dependsOnChance = 0.002, .missingParents = 1});
    const GraphLayout layout = layOut(input);
    QVERIFY(layout.succeeded);
    QCOMPARE(layout.nodes.size(), input.nodes.size());
    qInfo("10,000 revisions: %lld ms, %d Graphviz nodes", layout.elapsedMs, layout.graphvizNodes);
    QVERIFY2(layout.graphvizNodes < input.nodes.size() / 5, "runs were not condensed");
}

// Graphviz reads "0.5" with strtod: under a locale whose decimal separator is a comma,
// it would read 0 unless the engine's own C numeric locale is in force.
void TestGraphLayout::numbersSurviveACommaDecimalLocale()
{
    const QByteArray previous = std::setlocale(LC_NUMERIC, nullptr);
    const auto commaLocale = [](const char *name) {
        return std::setlocale(LC_NUMERIC, name) && std::localeconv()->decimal_point == std::string_view(",");
    };
    // packaging/bootstrap.sh test generates one and names it here: then the test must run, not skip.
    const QByteArray required = qgetenv("HEADWAY_COMMA_LOCALE");
    const char *candidates[] = {"de_DE.UTF-8", "de_DE.utf8", "fr_FR.UTF-8", "fr_FR.utf8", "de_DE", "fr_FR"};
    const char *found = nullptr;
    if (!required.isEmpty()) {
        if (!commaLocale(required.constData())) {
            std::setlocale(LC_NUMERIC, previous.constData());
            const QByteArray message = "HEADWAY_COMMA_LOCALE=" + required + " is not an installed locale with a decimal comma";
            QFAIL(message.constData());
        }
        found = required.constData();
    }
    for (const char *name : candidates) {
        if (!found && commaLocale(name))
            found = name;
    }
    if (!found) {
        std::setlocale(LC_NUMERIC, previous.constData());
        QSKIP("no locale with a decimal comma is installed (packaging/bootstrap.sh test generates de_DE.UTF-8)");
    }
    const LayoutInput input = inputFromSketch(QStringLiteral("0>1 0>2"));
    const GraphLayout layout = layOut(input);
    std::setlocale(LC_NUMERIC, previous.constData());
    QVERIFY(layout.succeeded);
    const qreal gap = qAbs(layout.nodes.at(1).center.x() - layout.nodes.at(2).center.x()) - kNodeSize.width();
    QVERIFY2(gap >= input.options.nodeSeparation - 1,
             qPrintable(QStringLiteral("under %1 sibling boxes are %2 apart").arg(QLatin1String(found)).arg(gap)));
}

QTEST_GUILESS_MAIN(TestGraphLayout)
#include "tst_graphlayout.moc"
