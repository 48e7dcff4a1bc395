// Long histories in the window: above the threshold linear runs are collapsed
// at once; a click on a run expands it; Find and the arrow keys reach a
// revision inside a collapsed run by expanding it; the View menu turns
// collapsing off and on and lays the graph out left to right; the overview
// shows the main view's visible area and moves it; Fit keeps the ids of a long
// history readable.
#include "HistoryGenerator.h"
#include "graph/CollapsedRunItem.h"
#include "graph/GraphOverview.h"
#include "graph/GraphScene.h"
#include "graph/GraphStyle.h"
#include "graph/GraphView.h"
#include "graph/RevisionItem.h"
#include "session/RepositorySession.h"
#include "window/GraphPresentation.h"
#include "window/MainActions.h"
#include "window/MainWindow.h"

#include <QAction>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>

#include <clocale>

using namespace headway;

namespace {

constexpr int kLoadTimeoutMs = 60000;

bool arrived(QSignalSpy &spy)
{
    return !spy.isEmpty() || spy.wait(kLoadTimeoutMs);
}

// Runs `change` and waits for the window to show the graph it leads to.
template<typename Change>
bool shownAfter(MainWindow &window, Change change)
{
    QSignalSpy shown(&window, &MainWindow::graphShown);
    change();
    return arrived(shown);
}

QPoint viewportPointOf(const GraphView &view, const QGraphicsItem *item)
{
    return view.mapFromScene(item->sceneBoundingRect().center());
}

QRectF visibleArea(const GraphView &view)
{
    return view.mapToScene(view.viewport()->rect()).boundingRect();
}

// Where the revision boxes and collapsed runs are drawn (the scene rect has margins).
QRectF drawnArea(const GraphScene &scene)
{
    QRectF area;
    for (const QGraphicsItem *item : scene.items())
        if (dynamic_cast<const RevisionItem *>(item) || dynamic_cast<const CollapsedRunItem *>(item))
            area |= item->sceneBoundingRect();
    return area;
}

} // namespace

class TestCollapse : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void longHistoriesOpenCollapsedAndAClickExpandsARun();
    void findReachesARevisionInsideACollapsedRun();
    void arrowKeysExpandTheRunAhead();
    void theViewMenuTurnsCollapsingOffAndOnAndTurnsTheLayout();
    void theOverviewFollowsAndMovesTheView();
    void shortHistoriesAreNotCollapsed();
    void fitShowsEveryBranchOfALongHistoryReadably();
    void fitShowsAShortHistoryWhole();

private:
    void openGenerated(MainWindow &window, int revisions);
    void openGenerated(MainWindow &window, const testsupport::HistorySpec &spec);

    QTemporaryDir m_settings;
    QTemporaryDir m_dir;
    int m_histories = 0;
};

void TestCollapse::initTestCase()
{
    std::setlocale(LC_NUMERIC, "C");
    QStandardPaths::setTestModeEnabled(true);
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settings.path());
}

void TestCollapse::openGenerated(MainWindow &window, int revisions)
{
    testsupport::HistorySpec spec;
    spec.seed = 11;
    spec.revisionCount = revisions;
    spec.branchProbability = 0.02;
    spec.mergeProbability = 0.3;
    openGenerated(window, spec);
}

void TestCollapse::openGenerated(MainWindow &window, const testsupport::HistorySpec &spec)
{
    const QString root = m_dir.filePath(QStringLiteral("history%1").arg(++m_histories));
    testsupport::writeHistory(root, spec);
    window.resize(1200, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(shownAfter(window, [&] { window.openRepository(root); }));
}

void TestCollapse::longHistoriesOpenCollapsedAndAClickExpandsARun()
{
    MainWindow window;
    openGenerated(window, 400);
    GraphScene *scene = window.graphView()->graphScene();
    const int graphSize = scene->repository().graph.size();
    QVERIFY(!scene->collapsedRuns().isEmpty());
    QVERIFY(window.graphPresentation()->collapseRuns->isChecked());
    int collapsedMembers = 0;
    for (const CollapsedRunItem *run : scene->collapsedRuns())
        collapsedMembers += int(run->members().size());
    QCOMPARE(scene->revisionItemCount() + collapsedMembers, graphSize);

    // The longest run, clicked where it is drawn.
    const CollapsedRunItem *longest = scene->collapsedRuns().first();
    for (const CollapsedRunItem *run : scene->collapsedRuns())
        if (run->members().size() > longest->members().size())
            longest = run;
    const QList<int> members = longest->members();
    QVERIFY(scene->toolTipFor(longest).contains(longest->label()));
    window.graphView()->centerOn(longest);
    const QPoint at = viewportPointOf(*window.graphView(), longest);
    QVERIFY(shownAfter(window, [&] { QTest::mouseClick(window.graphView()->viewport(), Qt::LeftButton, {}, at); }));
    scene = window.graphView()->graphScene();
    for (int member : members)
        QVERIFY(scene->revisionItem(member));
    QCOMPARE(scene->revisionItemCount(), graphSize - collapsedMembers + int(members.size()));
    QCOMPARE(scene->runItemOf(members.first()), nullptr);
}

void TestCollapse::findReachesARevisionInsideACollapsedRun()
{
    MainWindow window;
    openGenerated(window, 400);
    GraphScene *scene = window.graphView()->graphScene();
    QVERIFY(!scene->collapsedRuns().isEmpty());
    const CollapsedRunItem *run = scene->collapsedRuns().last();
    const int hidden = run->members().at(run->members().size() / 2);
    const QString id = scene->repository().graph.node(hidden).id;
    QVERIFY(!scene->revisionItem(hidden));

    QVERIFY(shownAfter(window, [&] { QCOMPARE(window.graphView()->find(id), 1); }));
    QTRY_COMPARE(window.graphView()->selectedRevisions(), QList<int>{window.session()->repository()->graph.indexOf(id)});
    scene = window.graphView()->graphScene();
    const RevisionItem *item = scene->revisionItem(window.graphView()->selectedRevisions().first());
    QVERIFY(item);
    QVERIFY(item->isSelected());
    // Centred on it: it is inside the visible area.
    const QRectF visible = window.graphView()->mapToScene(window.graphView()->viewport()->rect()).boundingRect();
    QVERIFY(visible.intersects(item->sceneBoundingRect()));
}

void TestCollapse::arrowKeysExpandTheRunAhead()
{
    MainWindow window;
    openGenerated(window, 400);
    GraphScene *scene = window.graphView()->graphScene();
    const RevisionGraph &graph = scene->repository().graph;
    // The revision just below a run: its child is the run's first member.
    const CollapsedRunItem *run = scene->collapsedRuns().first();
    const int first = run->members().first();
    const int below = graph.node(first).parents.first();
    QVERIFY(scene->revisionItem(below));
    window.graphView()->selectRevisions({below});
    window.graphView()->setFocus();
    const QString firstId = graph.node(first).id;
    QVERIFY(shownAfter(window, [&] { QTest::keyClick(window.graphView(), Qt::Key_Up); }));
    QTRY_COMPARE(window.graphView()->selectedRevisions().size(), 1);
    QCOMPARE(window.session()->repository()->graph.node(window.graphView()->selectedRevisions().first()).id, firstId);
    QVERIFY(window.graphView()->graphScene()->revisionItem(window.graphView()->selectedRevisions().first()));
}

void TestCollapse::theViewMenuTurnsCollapsingOffAndOnAndTurnsTheLayout()
{
    MainWindow window;
    openGenerated(window, 400);
    GraphPresentation *presentation = window.graphPresentation();
    const int graphSize = window.session()->repository()->graph.size();
    QVERIFY(shownAfter(window, [&] { presentation->expandAllRuns->trigger(); }));
    QVERIFY(window.graphView()->graphScene()->collapsedRuns().isEmpty());
    QCOMPARE(window.graphView()->revisionItemCount(), graphSize);
    QVERIFY(!presentation->collapseRuns->isChecked());
    QVERIFY(shownAfter(window, [&] { presentation->collapseRuns->trigger(); }));
    QVERIFY(!window.graphView()->graphScene()->collapsedRuns().isEmpty());
    QVERIFY(presentation->collapseRuns->isChecked());

    // Left to right: every child to the right of its parent.
    QVERIFY(shownAfter(window, [&] { presentation->leftToRight->trigger(); }));
    QVERIFY(presentation->leftToRight->isChecked());
    const GraphScene *scene = window.graphView()->graphScene();
    const RevisionGraph &graph = scene->repository().graph;
    int compared = 0;
    for (int index = 0; index < graph.size(); ++index) {
        const RevisionItem *child = scene->revisionItem(index);
        for (int parent : graph.node(index).parents) {
            const RevisionItem *item = scene->revisionItem(parent);
            if (!child || !item)
                continue;
            QVERIFY(child->pos().x() > item->pos().x());
            ++compared;
        }
    }
    QVERIFY(compared > 10);
    // The menu stored the direction as a preference: put it back for the next window.
    QVERIFY(shownAfter(window, [&] { presentation->leftToRight->trigger(); }));
    QVERIFY(!presentation->leftToRight->isChecked());
}

void TestCollapse::theOverviewFollowsAndMovesTheView()
{
    MainWindow window;
    openGenerated(window, 400);
    GraphOverview *overview = window.graphOverview();
    QTRY_VERIFY(overview->isVisible());
    GraphView *view = window.graphView();
    view->resetZoom(); // 1:1 shows a part of the graph
    const QRectF before = overview->visibleFrame();
    QVERIFY(!before.isEmpty());
    QVERIFY(before.width() < overview->width());

    // Clicking elsewhere in the overview centres the main view there.
    const QRectF picture = overview->rect();
    const QPoint target(int(picture.width() / 2), int(picture.height() - 6));
    const QPointF scenePoint = overview->scenePointAt(target);
    QTest::mouseClick(overview, Qt::LeftButton, {}, target);
    const QPointF centre = view->mapToScene(view->viewport()->rect().center());
    const QRectF visible = view->mapToScene(view->viewport()->rect()).boundingRect();
    QVERIFY(visible.contains(scenePoint) || qAbs(centre.y() - scenePoint.y()) < visible.height());
    QVERIFY(overview->visibleFrame() != before);

    // Scrolling the main view moves the frame.
    const QRectF moved = overview->visibleFrame();
    view->verticalScrollBar()->setValue(view->verticalScrollBar()->minimum());
    QVERIFY(overview->visibleFrame() != moved);
}

void TestCollapse::shortHistoriesAreNotCollapsed()
{
    MainWindow window;
    openGenerated(window, 150);
    QVERIFY(window.graphView()->graphScene()->collapsedRuns().isEmpty());
    QCOMPARE(window.graphView()->revisionItemCount(), window.session()->repository()->graph.size());
    QVERIFY(!window.graphPresentation()->collapseRuns->isChecked());
}

void TestCollapse::fitShowsEveryBranchOfALongHistoryReadably()
{
    // Like the README's long history: 600 revisions, one in seven a branch, one in six a merge.
    testsupport::HistorySpec spec;
    spec.seed = 41;
    spec.revisionCount = 600;
    spec.branchProbability = 0.14;
    spec.mergeProbability = 0.16;
    MainWindow window;
    openGenerated(window, spec);
    GraphView *view = window.graphView();
    const GraphScene *scene = view->graphScene();
    QVERIFY(!scene->collapsedRuns().isEmpty());
    const QRectF drawn = drawnArea(*scene);
    QVERIFY2(drawn.height() * graphstyle::readableLod > view->viewport()->height(),
             "the history must be too tall to show whole at a readable zoom");

    view->resetZoom();
    view->verticalScrollBar()->setValue(view->verticalScrollBar()->maximum()); // away from the heads
    QSignalSpy zoomed(view, &GraphView::zoomChanged);
    window.actions()->fitToWindow->trigger();
    QVERIFY(!zoomed.isEmpty());
    QVERIFY2(view->zoomFactor() >= graphstyle::readableLod, qPrintable(QString::number(view->zoomFactor())));
    QVERIFY(view->zoomFactor() <= 1.0);
    // Every branch side by side, and the newest head in sight.
    const QRectF visible = visibleArea(*view);
    QVERIFY2(visible.left() <= drawn.left() && visible.right() >= drawn.right(),
             qPrintable(QStringLiteral("visible x %1..%2, drawn x %3..%4")
                            .arg(visible.left())
                            .arg(visible.right())
                            .arg(drawn.left())
                            .arg(drawn.right())));
    const QList<int> heads = scene->headRevisions();
    QVERIFY(!heads.isEmpty());
    QVERIFY(visible.intersects(scene->revisionItem(heads.first())->sceneBoundingRect()));
    // The status bar says why not everything shows, and where the rest is.
    QVERIFY2(window.statusBar()->currentMessage().contains(QStringLiteral("Overview")),
             qPrintable(window.statusBar()->currentMessage()));

    // The Overview is no hairline: stretched across, its frame (the whole breadth) is
    // twice as wide as the graph kept in proportion or more, and a good part of the dock.
    const GraphOverview *overview = window.graphOverview();
    QTRY_VERIFY(overview->isVisible());
    const QRectF room = QRectF(overview->rect()).adjusted(4, 4, -4, -4);
    const QRectF sceneRect = scene->sceneRect();
    const qreal proportional = std::min(room.width() / sceneRect.width(), room.height() / sceneRect.height()) * sceneRect.width();
    QVERIFY2(overview->visibleFrame().width() >= 2 * proportional && overview->visibleFrame().width() >= 0.15 * room.width(),
             qPrintable(QStringLiteral("frame %1 px wide, in proportion %2 px").arg(overview->visibleFrame().width()).arg(proportional)));
    // And it still maps back to the scene: the frame's centre is the view's centre.
    const QPointF centre = view->mapToScene(view->viewport()->rect().center());
    const QPointF mapped = overview->scenePointAt(overview->visibleFrame().center());
    QVERIFY2(QLineF(centre, mapped).length() < 0.05 * sceneRect.width(),
             qPrintable(QStringLiteral("view centre %1,%2, overview says %3,%4").arg(centre.x()).arg(centre.y()).arg(mapped.x()).arg(mapped.y())));
}

void TestCollapse::fitShowsAShortHistoryWhole()
{
    testsupport::HistorySpec spec;
    spec.seed = 3;
    spec.revisionCount = 6;
    MainWindow window;
    openGenerated(window, spec);
    GraphView *view = window.graphView();
    view->resetZoom();
    view->zoomIn();
    QVERIFY(view->fitToWindow());
    QVERIFY(view->zoomFactor() <= 1.0);
    QVERIFY(visibleArea(*view).contains(drawnArea(*view->graphScene())));
}

QTEST_MAIN(TestCollapse)
#include "tst_collapse.moc"
