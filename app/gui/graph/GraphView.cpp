#include "GraphView.h"

#include "CollapsedRunItem.h"
#include "GraphExport.h"
#include "GraphLegend.h"
#include "GraphScene.h"
#include "GraphStyle.h"
#include "GraphViewInput.h"
#include "GraphZoom.h"
#include "RevisionItem.h"
#include "ViewAnchor.h"

#include <QEvent>
#include <QSet>

#include <algorithm>
#include <utility>

namespace headway {

namespace {

constexpr qreal kMaximumCachedZoom = 2;

} // namespace

GraphView::GraphView(QWidget *parent)
    : QGraphicsView(parent)
    , m_scene(new GraphScene(this))
    , m_legend(new GraphLegend(this))
    , m_zoom(new GraphZoom(this, m_scene))
    , m_input(new GraphViewInput(this, m_zoom))
    , m_navigator(*m_scene)
{
    setScene(m_scene);
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    setDragMode(ScrollHandDrag);
    setTransformationAnchor(NoAnchor); // GraphZoom keeps its own anchor
    setResizeAnchor(AnchorViewCenter);
    // Smart: few dirty items get exact regions, a highlight change over thousands of
    // items one bounding rect instead of a huge region.
    setViewportUpdateMode(SmartViewportUpdate);
    // Every paint() sets the pen, brush and font it uses. Qt's 2-pixel margin around
    // exposed areas stays on (no DontAdjustForAntialiasing): cosmetic pens reach
    // past boundingRect when zoomed out.
    setOptimizationFlags(DontSavePainterState);
    followPalette();
    setFocusPolicy(Qt::StrongFocus);
    connect(m_scene, &QGraphicsScene::selectionChanged, this, &GraphView::onSceneSelectionChanged);
    connect(m_zoom, &GraphZoom::changed, this, &GraphView::onZoomChanged);
    connect(m_input, &GraphViewInput::revisionActivated, this, &GraphView::revisionActivated);
    connect(m_input, &GraphViewInput::runClicked, this, [this](const CollapsedRunItem *run) {
        Q_EMIT runExpansionRequested({m_scene->repository().graph.node(run->members().first()).id});
    });
    placeLegend();
}

GraphView::~GraphView()
{
    disconnect(m_scene, nullptr, this, nullptr); // the scene outlives this part of the view
}

LayoutInput GraphView::layoutInputFor(const Repository &repository)
{
    return headway::layoutInputFor(repository, graphstyle::nodeSize);
}

void GraphView::showOperations(std::shared_ptr<const LoadedRepository> loaded)
{
    m_scene->setOperations(std::move(loaded));
}

void GraphView::showGraph(std::shared_ptr<const LoadedRepository> loaded)
{
    // Remember what the user was looking at by revision id: indices change with files.
    const bool reload = m_scene->hasGraph() && !m_initialViewPending;
    const ViewAnchor anchor = reload ? ViewAnchor::of(*this) : ViewAnchor();
    QStringList selectedIds;
    for (int revision : std::as_const(m_selection))
        selectedIds += m_scene->repository().graph.node(revision).id;
    const bool expanded = !m_pendingSelection.isEmpty(); // what the user asked for comes first
    if (expanded)
        selectedIds = std::exchange(m_pendingSelection, {});
    const QString findText = m_search.text();

    m_applyingSelection = true;
    m_scene->setGraph(std::move(loaded));
    m_applyingSelection = false;
    m_navigator.reset();
    m_search = RevisionSearch(m_scene->repository());
    if (!findText.isEmpty())
        m_search.find(findText);

    if (reload)
        anchor.restore(*this, *m_scene);
    else
        showInitialView();
    updateItemCaching();

    QList<int> selection;
    for (const QString &id : std::as_const(selectedIds))
        if (const int revision = m_scene->repository().graph.indexOf(id); m_scene->revisionItem(revision))
            selection += revision;
    // Indices may have changed even when the ids did not: tell the window whenever
    // something was or is selected.
    applySelection(selection, expanded, !selectedIds.isEmpty() || !selection.isEmpty());
}

void GraphView::clearGraph()
{
    m_applyingSelection = true;
    m_scene->clearGraph();
    m_applyingSelection = false;
    m_search = RevisionSearch();
    m_navigator.reset();
    m_initialViewPending = false;
    m_fitted = false;
    setSelection({});
}

void GraphView::selectRevisions(const QList<int> &revisions, bool centerOn)
{
    applySelection(revisions, centerOn, false);
}

void GraphView::expandRunsOf(const QList<int> &revisions)
{
    QStringList ids;
    QSet<const CollapsedRunItem *> runs;
    for (int revision : revisions)
        if (const CollapsedRunItem *run = m_scene->runItemOf(revision); run && !runs.contains(run)) {
            runs.insert(run);
            ids += m_scene->repository().graph.node(revision).id;
        }
    if (!ids.isEmpty())
        Q_EMIT runExpansionRequested(ids);
}

void GraphView::applySelection(const QList<int> &revisions, bool centerOn, bool alwaysNotify)
{
    m_pendingSelection.clear(); // a newer choice replaces one waiting for an expansion
    const bool collapsed = std::any_of(revisions.cbegin(), revisions.cend(), [this](int revision) {
        return !m_scene->revisionItem(revision) && m_scene->runItemOf(revision);
    });
    if (collapsed) {
        for (int revision : revisions)
            m_pendingSelection += m_scene->repository().graph.node(revision).id;
        expandRunsOf(revisions);
        return;
    }
    QList<int> valid;
    QSet<int> seen;
    m_applyingSelection = true;
    m_scene->clearSelection();
    for (int revision : revisions) {
        RevisionItem *item = m_scene->revisionItem(revision);
        if (item && !seen.contains(revision)) {
            item->setSelected(true);
            seen.insert(revision);
            valid += revision;
        }
    }
    m_applyingSelection = false;
    setSelection(valid, alwaysNotify);
    if (centerOn && !valid.isEmpty()) {
        QRectF area;
        for (int revision : std::as_const(valid))
            area |= m_scene->revisionItem(revision)->sceneBoundingRect();
        this->centerOn(area.center());
    }
}

void GraphView::onSceneSelectionChanged()
{
    if (m_applyingSelection)
        return;
    // Keep the order the user picked them in: survivors first, newcomers after.
    const QList<int> selected = m_scene->selectedRevisions();
    const QSet<int> now(selected.cbegin(), selected.cend());
    QList<int> ordered;
    QSet<int> kept;
    for (int revision : std::as_const(m_selection)) {
        if (now.contains(revision)) {
            ordered += revision;
            kept.insert(revision);
        }
    }
    for (int revision : selected)
        if (!kept.contains(revision))
            ordered += revision;
    setSelection(ordered);
}

void GraphView::setSelection(const QList<int> &ordered, bool alwaysNotify)
{
    if (ordered == m_selection && !alwaysNotify)
        return;
    m_selection = ordered;
    m_scene->emphasize(m_selection);
    if (currentRevision() >= 0)
        m_search.moveTo(currentRevision()); // Find next continues from a selected match
    Q_EMIT selectionChanged(m_selection);
}

int GraphView::revisionItemCount() const
{
    return m_scene->revisionItemCount();
}

QList<int> GraphView::highlightedHeads() const
{
    return m_scene->headRevisions();
}

void GraphView::setDatabaseRevisions(const QStringList &ids)
{
    m_scene->setDatabaseRevisions(ids);
}

void GraphView::setLegendVisible(bool visible)
{
    m_legend->setVisible(visible);
    if (m_fitted && m_scene->hasGraph())
        fitToWindow(); // room beside the legend, or no longer
}

bool GraphView::isLegendVisible() const
{
    return !m_legend->isHidden();
}

// Zoom, level of detail and the first view -----------------------------------

qreal GraphView::zoomFactor() const
{
    return m_zoom->factor();
}

void GraphView::zoomIn()
{
    m_zoom->zoomIn();
}

void GraphView::zoomOut()
{
    m_zoom->zoomOut();
}

bool GraphView::fitToWindow()
{
    m_fitting = true;
    const QRect legend = m_legend->isVisible() ? m_legend->geometry().translated(-viewport()->pos()) : QRect();
    const bool whole = m_zoom->fit(legend);
    m_fitting = false;
    m_fitted = true;
    return whole;
}

void GraphView::resetZoom()
{
    m_zoom->reset();
}

void GraphView::onZoomChanged(qreal factor)
{
    m_fitted = m_fitted && m_fitting;
    updateItemCaching();
    Q_EMIT zoomChanged(factor);
}

void GraphView::updateItemCaching()
{
    // A cached pixmap pays only while the box carries text (bench_paint: 1:1 frames take
    // about half as long); zoomed in far, box-sized pixmaps would crowd QPixmapCache.
    const qreal zoom = zoomFactor();
    m_scene->setItemCaching(zoom >= graphstyle::fullDetailLod && zoom <= kMaximumCachedZoom);
}

void GraphView::showInitialView()
{
    if (!isVisible()) {
        m_initialViewPending = true; // fitting needs the viewport's real size
        return;
    }
    m_initialViewPending = false;
    fitToWindow(); // a big history: its branches at the newest head rather than specks
}

void GraphView::resizeEvent(QResizeEvent *event)
{
    const bool fitted = m_fitted; // the resize itself may scroll
    QGraphicsView::resizeEvent(event);
    placeLegend();
    if (m_initialViewPending)
        showInitialView();
    else if (fitted && m_scene->hasGraph())
        fitToWindow();
}

void GraphView::scrollContentsBy(int dx, int dy)
{
    QGraphicsView::scrollContentsBy(dx, dy);
    m_fitted = m_fitted && m_fitting;
}

void GraphView::showEvent(QShowEvent *event)
{
    QGraphicsView::showEvent(event);
    if (m_initialViewPending)
        showInitialView();
}

void GraphView::changeEvent(QEvent *event)
{
    QGraphicsView::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        followPalette();
}

void GraphView::followPalette()
{
    graphstyle::setDarkTheme(palette().color(QPalette::Base).lightness() < 128);
    setBackgroundBrush(palette().color(QPalette::Base));
    // Cached pixmaps hold the old colours: drop them by turning caching off and on.
    if (m_scene->itemCaching()) {
        m_scene->setItemCaching(false);
        updateItemCaching();
    }
    m_scene->update();
    m_legend->update();
}

void GraphView::setOrigins(std::shared_ptr<const OriginReport> origins)
{
    m_scene->setOrigins(std::move(origins));
    setOriginsShown(m_scene->originsShown());
}

void GraphView::setOriginsShown(bool shown)
{
    m_scene->setOriginsShown(shown);
    m_legend->setOriginsShown(shown && m_scene->origins() && m_scene->origins()->available);
    placeLegend();
}

void GraphView::setOnlyForkOwn(bool only)
{
    m_scene->setOnlyForkOwn(only);
}

void GraphView::placeLegend()
{
    const QSize size = m_legend->sizeHint();
    const QRect area = viewport()->geometry();
    m_legend->setGeometry(area.left() + 8, area.bottom() - size.height() - 8, size.width(), size.height());
}

// Navigation and Find --------------------------------------------------------

void GraphView::move(SelectionNavigator::Move move)
{
    const int target = m_navigator.target(currentRevision(), move);
    if (RevisionItem *item = m_scene->revisionItem(target)) {
        selectRevisions({item->revision()}, false);
        ensureVisible(item, 48, 48);
    } else if (m_scene->runItemOf(target)) {
        selectRevisions({target}, true); // expands the run, then selects
    }
}

void GraphView::selectParent()
{
    move(SelectionNavigator::Move::Parent);
}

void GraphView::selectChild()
{
    move(SelectionNavigator::Move::Child);
}

void GraphView::selectNextSibling()
{
    move(SelectionNavigator::Move::NextSibling);
}

void GraphView::selectPreviousSibling()
{
    move(SelectionNavigator::Move::PreviousSibling);
}

int GraphView::find(const QString &text)
{
    const int count = m_search.find(text);
    showFindResult(m_search.current());
    return count;
}

void GraphView::findNext()
{
    showFindResult(m_search.next());
}

void GraphView::findPrevious()
{
    showFindResult(m_search.previous());
}

void GraphView::showFindResult(int revision)
{
    if (revision >= 0)
        selectRevisions({revision}, true);
    Q_EMIT findPositionChanged(m_search.currentPosition(), int(m_search.matches().size()));
}

namespace {

// Cached items would be written as bitmaps of the view's resolution: an SVG
// without text, a blurry PNG. Exports paint every item directly.
class UncachedScene
{
public:
    explicit UncachedScene(GraphScene &scene)
        : m_scene(scene)
        , m_cached(scene.itemCaching())
    {
        m_scene.setItemCaching(false);
    }
    ~UncachedScene() { m_scene.setItemCaching(m_cached); }
    UncachedScene(const UncachedScene &) = delete;
    UncachedScene &operator=(const UncachedScene &) = delete;

private:
    GraphScene &m_scene;
    bool m_cached;
};

} // namespace

bool GraphView::exportSvg(const QString &path) const
{
    const UncachedScene uncached(*m_scene);
    return m_scene->hasGraph() && writeSceneSvg(*m_scene, path, tr("Alembic revision graph"));
}

bool GraphView::exportPng(const QString &path) const
{
    const UncachedScene uncached(*m_scene);
    return m_scene->hasGraph() && writeScenePng(*m_scene, path);
}

} // namespace headway
