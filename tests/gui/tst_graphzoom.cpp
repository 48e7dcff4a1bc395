// Zooming the revision graph: steps and limits, Ctrl+wheel around the pointer,
// and Fit, which keeps the graph clear of the legend. On the bundled demo, laid
// out by LayoutService as in the application.
#include "GraphLegend.h"
#include "GraphViewFixture.h"

#include <QApplication>
#include <QSignalSpy>
#include <QTest>
#include <QWheelEvent>

using namespace headway;

namespace {

const QString kBranchPoint = "c8f06bd407a8";

} // namespace

class TestGraphZoom : public QObject, private GraphViewFixture
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { loadDemo(); }
    void zoomStepsAndLimits();
    void ctrlWheelZoomsAroundThePointer();
    void fitKeepsTheGraphClearOfTheLegend_data();
    void fitKeepsTheGraphClearOfTheLegend();
};

void TestGraphZoom::zoomStepsAndLimits()
{
    GraphView view;
    showDemo(view);
    QSignalSpy zoomed(&view, &GraphView::zoomChanged);
    view.resetZoom();
    QCOMPARE(view.zoomFactor(), 1.0);
    view.zoomIn();
    QCOMPARE(view.zoomFactor(), 1.25);
    QCOMPARE(zoomed.last().first().toReal(), 1.25);
    view.zoomOut();
    QCOMPARE(view.zoomFactor(), 1.0);
    for (int i = 0; i < 40; ++i)
        view.zoomIn();
    QCOMPARE(view.zoomFactor(), 8.0);
    for (int i = 0; i < 80; ++i)
        view.zoomOut();
    QVERIFY(view.zoomFactor() > 0.0);
    QVERIFY(view.zoomFactor() <= 0.05);
    view.fitToWindow();
    QVERIFY(view.zoomFactor() <= 1.0);
}

void TestGraphZoom::ctrlWheelZoomsAroundThePointer()
{
    GraphView view;
    showDemo(view);
    view.resize(320, 240); // smaller than the graph, so the view can scroll to keep the anchor
    view.resetZoom();
    view.centerOn(item(view, kBranchPoint));
    const QPoint pointer = view.mapFromScene(item(view, kBranchPoint)->pos()) + QPoint(30, 5);
    const QPointF under = view.mapToScene(pointer);
    QWheelEvent wheel(pointer, view.viewport()->mapToGlobal(pointer), {}, QPoint(0, 120), Qt::NoButton,
                      Qt::ControlModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(view.viewport(), &wheel);
    QVERIFY2(view.zoomFactor() > 1.1, "Ctrl+wheel did not zoom in");
    QVERIFY2(QLineF(view.mapToScene(pointer), under).length() < 2.0, "the point under the pointer moved");

    const qreal zoom = view.zoomFactor();
    QWheelEvent plain(pointer, view.viewport()->mapToGlobal(pointer), {}, QPoint(0, -120), Qt::NoButton,
                      Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(view.viewport(), &plain);
    QCOMPARE(view.zoomFactor(), zoom); // a plain wheel scrolls
}

void TestGraphZoom::fitKeepsTheGraphClearOfTheLegend_data()
{
    QTest::addColumn<QSize>("size");
    // Sizes at which the centred demo would have a box under the legend.
    for (const QSize size : {QSize(560, 560), QSize(640, 480), QSize(700, 400)})
        QTest::addRow("%dx%d", size.width(), size.height()) << size;
}

void TestGraphZoom::fitKeepsTheGraphClearOfTheLegend()
{
    QFETCH(QSize, size);
    GraphView view;
    showDemo(view);
    view.resize(size);
    const auto *legend = view.findChild<GraphLegend *>();
    QVERIFY(legend);
    QTRY_VERIFY(legend->isVisible());
    QVERIFY(view.fitToWindow());
    const QRect covered = legend->geometry().translated(-view.viewport()->pos());
    for (const RevisionNode &node : m_demo.graph.nodes()) {
        const QRect drawn = view.mapFromScene(item(view, node.id)->sceneBoundingRect()).boundingRect();
        QVERIFY2(view.viewport()->rect().contains(drawn), qPrintable(node.id + " is not whole in sight"));
        QVERIFY2(!drawn.intersects(covered), qPrintable(node.id + " is under the legend"));
    }
    QVERIFY(view.zoomFactor() > 0.5);

    // Without the legend the graph has the whole viewport again.
    const qreal withLegend = view.zoomFactor();
    view.setLegendVisible(false);
    QVERIFY(view.zoomFactor() >= withLegend);
}

QTEST_MAIN(TestGraphZoom)
#include "tst_graphzoom.moc"
