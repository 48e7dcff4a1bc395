// The revision graph widget as the main window uses it: what it draws for the
// demo and for broken or huge histories, Find, keyboard and mouse selection,
// lineage and path highlighting, reloads that keep the user's place, and SVG /
// PNG export (zoom and fit: tst_graphzoom). Layouts come from LayoutService, as
// in the application.
#include "EdgeItem.h"
#include "GraphViewFixture.h"
#include "GhostItem.h"
#include "GraphScene.h"
#include "GraphView.h"
#include "LayoutService.h"
#include "LoadedRepository.h"
#include "RevisionItem.h"
#include "parser/MigrationParser.h"
#include "repository/RepositoryLoader.h"

#include "LayoutHistoryGenerator.h"

#include <QElapsedTimer>
#include <QPainter>
#include <QScrollBar>
#include <QSignalSpy>
#include <QSvgRenderer>
#include <QTemporaryDir>
#include <QTest>


using namespace headway;
using graphstyle::Emphasis;

namespace {

const QString kHeadA = "b3a83eea3022"; // add user preferences
const QString kHeadB = "dd710196dcb0"; // add post slug
const QString kBranchPoint = "c8f06bd407a8";
const QString kPostTable = "f5f75ba428db";
const QString kBase = "e8cecfb4a97c";

// "a", "b:a", "m:b+c": an id and its parents; messages are "change <id>".
Repository repositoryOf(const QStringList &revisions)
{
    Repository repository;
    for (const QString &spec : revisions) {
        const QString id = spec.section(':', 0, 0);
        QStringList parents = spec.section(':', 1).split('+', Qt::SkipEmptyParts);
        for (QString &parent : parents)
            parent = "'" + parent + "'";
        const QString down = parents.isEmpty() ? QString("None") : "(" + parents.join(", ") + ",)";
        const QString source = QString("\"\"\"change %1\"\"\"\nrevision = '%1'\ndown_revision = %2\n").arg(id, down);
        repository.files << MigrationParser::parse("/memory/versions/" + id + ".py", source.toUtf8());
    }
    repository.graph = RevisionGraph(repository.files);
    return repository;
}

QStringList idsOf(const GraphView &view, const QList<int> &revisions)
{
    QStringList ids;
    for (int revision : revisions)
        ids << view.graphScene()->repository().graph.node(revision).id;
    return ids;
}

bool hasInk(const QImage &image, QRgb background)
{
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            if (image.pixel(x, y) != background)
                return true;
    return false;
}

} // namespace

class TestGraphView : public QObject, private GraphViewFixture
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void demoShowsEveryRevisionAndBothHeads();
    void demoPaintsAtEveryLevelOfDetail();
    void findSelectsTheFirstMatchAndCyclesThroughTheOthers();
    void keyboardNavigatesTheGraph_data();
    void keyboardNavigatesTheGraph();
    void enterActivatesAndEscapeClears();
    void arrowsScrollWithoutASelection();
    void clickSelectsAndCtrlClickAdds();
    void rightClickSelectsTheRevisionUnderThePointer();
    void oneSelectionHighlightsItsLineage();
    void twoSelectionsHighlightThePathBetweenThem();
    void missingParentIsDrawnAsAGhost();
    void reloadKeepsSelectionZoomAndCentre();
    void reloadDropsRevisionsThatAreGone();
    void svgExportIsValidAndNamesEveryRevision();
    void pngExportWritesAnImage();
    void largeHistoryDrawsEveryRevisionAndPaintsZoomedOut();

};

void TestGraphView::initTestCase()
{
    loadDemo();
}

void TestGraphView::demoShowsEveryRevisionAndBothHeads()
{
    GraphView view;
    showDemo(view);
    QCOMPARE(view.revisionItemCount(), 5);
    QCOMPARE(view.graphScene()->ghostCount(), 0);
    QCOMPARE(idsOf(view, view.highlightedHeads()), QStringList({kHeadA, kHeadB}));
    for (const QString &id : {kHeadA, kHeadB})
        QVERIFY2(item(view, id)->roles() & RevisionRole::Head, qPrintable(id + " is not styled as a head"));
    QVERIFY(item(view, kBranchPoint)->roles() & RevisionRole::BranchPoint);
    QVERIFY(item(view, kBase)->roles() & RevisionRole::Base);
    QCOMPARE(view.graphScene()->edgeCount(Emphasis::Normal), 4);
    QVERIFY2(view.zoomFactor() <= 1.0, "a small graph must not be magnified beyond 1:1");
    for (const QString &id : {kHeadA, kHeadB, kBranchPoint, kPostTable, kBase}) {
        const QPoint where = view.mapFromScene(item(view, id)->pos());
        QVERIFY2(view.viewport()->rect().contains(where), qPrintable(id + " is outside the view at first"));
    }
}

void TestGraphView::demoPaintsAtEveryLevelOfDetail()
{
    GraphView view;
    showDemo(view);
    view.selectRevisions({revision(view, kBranchPoint)});
    view.setDatabaseRevisions({kPostTable});
    const QRgb background = view.backgroundBrush().color().rgba();
    for (qreal zoom : {1.0, 0.3, 0.1}) {
        view.setTransform(QTransform::fromScale(zoom, zoom));
        QImage frame(view.viewport()->size(), QImage::Format_ARGB32_Premultiplied);
        frame.fill(Qt::transparent);
        view.viewport()->render(&frame);
        QVERIFY2(hasInk(frame, background), qPrintable(QString("nothing drawn at zoom %1").arg(zoom)));
    }
}

void TestGraphView::findSelectsTheFirstMatchAndCyclesThroughTheOthers()
{
    GraphView view;
    showDemo(view);
    QSignalSpy selection(&view, &GraphView::selectionChanged);
    QSignalSpy position(&view, &GraphView::findPositionChanged);
    QCOMPARE(view.find("post"), 3);
    QCOMPARE(idsOf(view, view.selectedRevisions()), QStringList{kHeadB});
    QCOMPARE(selection.count(), 1);
    QCOMPARE(position.last(), QVariantList({0, 3}));
    QVERIFY(item(view, kHeadB)->isSelected());
    QVERIFY(view.viewport()->rect().contains(view.mapFromScene(item(view, kHeadB)->pos())));

    QStringList visited;
    for (int step = 0; step < 3; ++step) {
        view.findNext();
        visited << idsOf(view, view.selectedRevisions());
    }
    QCOMPARE(visited, QStringList({kBranchPoint, kPostTable, kHeadB}));
    view.findPrevious();
    QCOMPARE(idsOf(view, view.selectedRevisions()), QStringList{kPostTable});
    QCOMPARE(view.findMatchPosition(), 2);

    QCOMPARE(view.find("B3A8"), 1); // id prefix, any case
    QCOMPARE(idsOf(view, view.selectedRevisions()), QStringList{kHeadA});
    QCOMPARE(view.find("no such revision"), 0);
    QCOMPARE(idsOf(view, view.selectedRevisions()), QStringList{kHeadA}); // a miss keeps the selection
}

void TestGraphView::keyboardNavigatesTheGraph_data()
{
    QTest::addColumn<QString>("start"); // "" for no selection
    QTest::addColumn<QString>("keys");  // Up, Down, Left, Right; "Alt+" for the Alt modifier
    QTest::addColumn<QString>("expected");
    QTest::addColumn<bool>("leftToRight"); // laid out with newer revisions to the right
    QTest::newRow("Down selects the parent") << kHeadB << "Down" << kBranchPoint << false;
    QTest::newRow("Down twice") << kBranchPoint << "Down Down" << kBase << false;
    QTest::newRow("Down at the base stays") << kBase << "Down" << kBase << false;
    QTest::newRow("Up from a branch point: first child in history order") << kBranchPoint << "Up" << kHeadA << false;
    QTest::newRow("Down then Up returns to the same head") << kHeadB << "Down Up" << kHeadB << false;
    QTest::newRow("Up at a head stays") << kHeadA << "Up" << kHeadA << false;
    QTest::newRow("Right: next sibling") << kHeadA << "Right" << kHeadB << false;
    QTest::newRow("Right wraps around") << kHeadB << "Right" << kHeadA << false;
    QTest::newRow("Left: previous sibling") << kHeadA << "Left" << kHeadB << false;
    QTest::newRow("only child has no sibling") << kPostTable << "Right" << kPostTable << false;
    QTest::newRow("Alt+arrow without a selection starts at the newest head") << "" << "Alt+Down" << kHeadA << false;
    QTest::newRow("Alt+arrows navigate too") << kBase << "Alt+Up Alt+Up Alt+Up" << kHeadA << false;
    QTest::newRow("left to right: Left selects the parent") << kHeadB << "Left" << kBranchPoint << true;
    QTest::newRow("left to right: Right selects the child") << kBranchPoint << "Right" << kHeadA << true;
    QTest::newRow("left to right: Down is the next sibling") << kHeadA << "Down" << kHeadB << true;
    QTest::newRow("left to right: Up is the previous sibling") << kHeadA << "Up" << kHeadB << true;
    QTest::newRow("left to right: Alt+Right to the newest head") << kBase << "Alt+Right Alt+Right Alt+Right" << kHeadA << true;
}

void TestGraphView::keyboardNavigatesTheGraph()
{
    QFETCH(QString, start);
    QFETCH(QString, keys);
    QFETCH(QString, expected);
    QFETCH(bool, leftToRight);
    GraphView view;
    view.resize(900, 700);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    show(view, m_demo, leftToRight ? LayoutDirection::LeftRight : LayoutDirection::TopDown);
    QCOMPARE(view.graphScene()->layoutDirection() == LayoutDirection::LeftRight, leftToRight);
    if (!start.isEmpty())
        view.selectRevisions({revision(view, start)});
    for (QString key : keys.split(' ')) {
        const Qt::KeyboardModifiers modifiers = key.startsWith("Alt+") ? Qt::AltModifier : Qt::NoModifier;
        key.remove("Alt+");
        const Qt::Key code = key == "Up" ? Qt::Key_Up : key == "Down" ? Qt::Key_Down
                           : key == "Left" ? Qt::Key_Left : Qt::Key_Right;
        QTest::keyClick(&view, code, modifiers);
    }
    QCOMPARE(idsOf(view, view.selectedRevisions()), QStringList{expected});
}

void TestGraphView::enterActivatesAndEscapeClears()
{
    GraphView view;
    showDemo(view);
    QSignalSpy activated(&view, &GraphView::revisionActivated);
    view.selectRevisions({revision(view, kPostTable)});
    QTest::keyClick(&view, Qt::Key_Return);
    QCOMPARE(activated.count(), 1);
    QCOMPARE(activated.first().first().toInt(), revision(view, kPostTable));
    QTest::keyClick(&view, Qt::Key_Escape);
    QVERIFY(view.selectedRevisions().isEmpty());

    const QPoint box = view.mapFromScene(item(view, kBase)->pos());
    QTest::mouseDClick(view.viewport(), Qt::LeftButton, {}, box);
    QCOMPARE(activated.count(), 2);
    QCOMPARE(activated.last().first().toInt(), revision(view, kBase));
}

void TestGraphView::arrowsScrollWithoutASelection()
{
    GraphView view;
    showDemo(view);
    view.resize(260, 160);
    view.resetZoom();
    QScrollBar *vertical = view.verticalScrollBar();
    vertical->setValue(vertical->minimum());
    QTest::keyClick(&view, Qt::Key_Down);
    QVERIFY2(vertical->value() > vertical->minimum(), "Down did not scroll an unselected view");
    QVERIFY(view.selectedRevisions().isEmpty());
}

void TestGraphView::clickSelectsAndCtrlClickAdds()
{
    GraphView view;
    showDemo(view);
    QSignalSpy selection(&view, &GraphView::selectionChanged);
    QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, view.mapFromScene(item(view, kHeadB)->pos()));
    QCOMPARE(idsOf(view, view.selectedRevisions()), QStringList{kHeadB});
    QTest::mouseClick(view.viewport(), Qt::LeftButton, Qt::ControlModifier,
                      view.mapFromScene(item(view, kBase)->pos()));
    QCOMPARE(idsOf(view, view.selectedRevisions()), QStringList({kHeadB, kBase})); // in the order picked
    QCOMPARE(idsOf(view, selection.last().first().value<QList<int>>()), QStringList({kHeadB, kBase}));
    QTest::mouseClick(view.viewport(), Qt::LeftButton, Qt::ControlModifier,
                      view.mapFromScene(item(view, kHeadB)->pos()));
    QCOMPARE(idsOf(view, view.selectedRevisions()), QStringList{kBase});
}

void TestGraphView::rightClickSelectsTheRevisionUnderThePointer()
{
    GraphView view;
    showDemo(view);
    QTest::mouseClick(view.viewport(), Qt::RightButton, {}, view.mapFromScene(item(view, kHeadB)->pos()));
    QCOMPARE(idsOf(view, view.selectedRevisions()), QStringList{kHeadB});
    // Inside a multiple selection, the context menu acts on all of it.
    view.selectRevisions({revision(view, kHeadB), revision(view, kBase)});
    QTest::mouseClick(view.viewport(), Qt::RightButton, {}, view.mapFromScene(item(view, kBase)->pos()));
    QCOMPARE(idsOf(view, view.selectedRevisions()), QStringList({kHeadB, kBase}));
    QTest::mouseClick(view.viewport(), Qt::RightButton, {}, view.mapFromScene(item(view, kPostTable)->pos()));
    QCOMPARE(idsOf(view, view.selectedRevisions()), QStringList{kPostTable});
}

void TestGraphView::oneSelectionHighlightsItsLineage()
{
    GraphView view;
    showDemo(view);
    view.selectRevisions({revision(view, kPostTable)});
    QCOMPARE(item(view, kBase)->emphasis(), Emphasis::Ancestor);
    QCOMPARE(item(view, kBranchPoint)->emphasis(), Emphasis::Descendant);
    QCOMPARE(item(view, kHeadA)->emphasis(), Emphasis::Descendant);
    QCOMPARE(item(view, kPostTable)->emphasis(), Emphasis::Normal);
    QCOMPARE(view.graphScene()->edgeCount(Emphasis::Ancestor), 1);
    QCOMPARE(view.graphScene()->edgeCount(Emphasis::Descendant), 3);

    view.selectRevisions({revision(view, kHeadA)});
    QCOMPARE(item(view, kHeadB)->emphasis(), Emphasis::Dimmed);
    QCOMPARE(view.graphScene()->edgeCount(Emphasis::Dimmed), 1);

    view.selectRevisions({});
    QCOMPARE(item(view, kHeadB)->emphasis(), Emphasis::Normal);
    QCOMPARE(view.graphScene()->edgeCount(Emphasis::Normal), 4);
}

void TestGraphView::twoSelectionsHighlightThePathBetweenThem()
{
    GraphView view;
    showDemo(view);
    view.selectRevisions({revision(view, kHeadA), revision(view, kPostTable)});
    QCOMPARE(item(view, kBranchPoint)->emphasis(), Emphasis::Path);
    QCOMPARE(item(view, kHeadB)->emphasis(), Emphasis::Dimmed);
    QCOMPARE(item(view, kBase)->emphasis(), Emphasis::Dimmed);
    QCOMPARE(view.graphScene()->edgeCount(Emphasis::Path), 2);
    QCOMPARE(view.graphScene()->edgeCount(Emphasis::Dimmed), 2);

    // Two heads are not on one path: their lineages are highlighted instead.
    view.selectRevisions({revision(view, kHeadA), revision(view, kHeadB)});
    QCOMPARE(view.graphScene()->edgeCount(Emphasis::Path), 0);
    QCOMPARE(item(view, kBranchPoint)->emphasis(), Emphasis::Ancestor);
}

void TestGraphView::missingParentIsDrawnAsAGhost()
{
    GraphView view;
    view.resize(900, 700);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    show(view, repositoryOf({"a1", "b2:a1", "c3:gone0000001"}));
    QCOMPARE(view.revisionItemCount(), 3);
    QCOMPARE(view.graphScene()->ghostCount(), 1);
    const GhostItem *ghost = view.graphScene()->ghosts().first();
    QCOMPARE(ghost->revisionId(), "gone0000001");
    QCOMPARE(idsOf(view, ghost->children()), QStringList{"c3"});
    int missingEdges = 0;
    for (QGraphicsItem *graphItem : view.scene()->items())
        if (auto *edge = qgraphicsitem_cast<EdgeItem *>(graphItem); edge && edge->kind() == LayoutEdge::Kind::Missing)
            ++missingEdges;
    QCOMPARE(missingEdges, 1);
    QVERIFY(item(view, "c3")->roles() & RevisionRole::MissingParent);

    view.selectRevisions({revision(view, "c3")});
    QCOMPARE(ghost->emphasis(), Emphasis::Ancestor);
    QCOMPARE(view.selectedRevisions().size(), 1);
}

void TestGraphView::reloadKeepsSelectionZoomAndCentre()
{
    GraphView view;
    showDemo(view);
    view.selectRevisions({revision(view, kPostTable), revision(view, kHeadB)}, false);
    view.resetZoom();
    view.zoomIn();
    view.centerOn(item(view, kBase)->pos() + QPointF(10, -5));
    const QPointF centre = view.mapToScene(view.viewport()->rect().center());
    const qreal zoom = view.zoomFactor();

    QSignalSpy selection(&view, &GraphView::selectionChanged);
    const Repository reloaded = RepositoryLoader::load(QStringLiteral(HEADWAY_SOURCE_DIR "/resources/demo"));
    show(view, reloaded);
    QCOMPARE(idsOf(view, view.selectedRevisions()), QStringList({kPostTable, kHeadB}));
    QCOMPARE(selection.count(), 1); // the window learns the (possibly renumbered) selection
    QVERIFY(item(view, kPostTable)->isSelected());
    QCOMPARE(view.zoomFactor(), zoom);
    const QPointF after = view.mapToScene(view.viewport()->rect().center());
    QVERIFY2(QLineF(after, centre).length() < 2.0,
             qPrintable(QString("the centre moved by %1").arg(QLineF(after, centre).length())));
}

void TestGraphView::reloadDropsRevisionsThatAreGone()
{
    GraphView view;
    view.resize(900, 700);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    show(view, repositoryOf({"a1", "b2:a1", "c3:b2"}));
    view.selectRevisions({revision(view, "c3")});
    QSignalSpy selection(&view, &GraphView::selectionChanged);
    show(view, repositoryOf({"a1", "b2:a1"}));
    QVERIFY(view.selectedRevisions().isEmpty());
    QCOMPARE(selection.count(), 1);
    QVERIFY(selection.first().first().value<QList<int>>().isEmpty());
    QCOMPARE(view.revisionItemCount(), 2);

    view.clearGraph();
    QCOMPARE(view.revisionItemCount(), 0);
    QVERIFY(view.scene()->items().isEmpty());
}

void TestGraphView::svgExportIsValidAndNamesEveryRevision()
{
    GraphView view;
    showDemo(view);
    QTemporaryDir dir;
    const QString path = dir.filePath("graph.svg");
    QVERIFY(view.exportSvg(path));
    QSvgRenderer renderer(path);
    QVERIFY2(renderer.isValid(), "Qt Svg cannot read the exported file");
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(file.readAll());
    for (const RevisionNode &node : m_demo.graph.nodes())
        QVERIFY2(text.contains(node.id.left(12)), qPrintable(node.id + " is not in the SVG"));
    QVERIFY2(!view.exportSvg(dir.filePath("missing-directory/graph.svg")), "an unwritable path must fail");
}

void TestGraphView::pngExportWritesAnImage()
{
    GraphView view;
    showDemo(view);
    QTemporaryDir dir;
    const QString path = dir.filePath("graph.png");
    QVERIFY(view.exportPng(path));
    QVERIFY(QFileInfo(path).size() > 0);
    const QImage image(path);
    QVERIFY2(!image.isNull(), "the PNG does not load");
    QVERIFY(image.width() >= view.scene()->sceneRect().width());
    QVERIFY2(hasInk(image, qRgb(255, 255, 255)), "the PNG is blank");
    QVERIFY(!GraphView().exportPng(dir.filePath("empty.png"))); // nothing shown, nothing written
}

void TestGraphView::largeHistoryDrawsEveryRevisionAndPaintsZoomedOut()
{
    Repository repository;
    repository.files = testsupport::generateLayoutHistory({.revisions = 10000, .seed = 7});
    repository.graph = RevisionGraph(repository.files);
    GraphView view;
    view.resize(1280, 800);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    const LayoutInput input = GraphView::layoutInputFor(repository);
    const GraphLayout layout = layOut(input);
    QVERIFY(layout.succeeded);
    const auto loaded = LoadedRepository::make(std::make_shared<const Repository>(repository), input, layout);
    QElapsedTimer timer;
    timer.start();
    view.showGraph(loaded);
    const qint64 buildMs = timer.elapsed();
    QCOMPARE(view.revisionItemCount(), 10000);

    view.fitToWindow();
    QImage frame(view.viewport()->size(), QImage::Format_ARGB32_Premultiplied);
    view.viewport()->render(&frame); // first frame also builds the scene's BSP index
    timer.restart();
    view.viewport()->render(&frame);
    const qint64 paintMs = timer.elapsed();
    QVERIFY(hasInk(frame, view.backgroundBrush().color().rgba()));
    qInfo("10,000 revisions: layout %lld ms, scene build %lld ms, zoomed-out frame (%dx%d, zoom %.4f) %lld ms",
          layout.elapsedMs, buildMs, frame.width(), frame.height(), view.zoomFactor(), paintMs);
}

QTEST_MAIN(TestGraphView)
#include "tst_graphview.moc"
