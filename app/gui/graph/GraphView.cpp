#include "GraphView.h"

#include "GraphExport.h"
#include "GraphLegend.h"
#include "GraphScene.h"
#include "GraphStyle.h"
#include "RevisionItem.h"

#include <QSet>

namespace headway {

GraphView::GraphView(QWidget *parent)
    : QGraphicsView(parent)
    , m_scene(new GraphScene(this))
    , m_legend(new GraphLegend(this))
{
    setScene(m_scene);
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    setDragMode(ScrollHandDrag);
    setTransformationAnchor(NoAnchor); // zoomAt() keeps its own anchor
    setResizeAnchor(AnchorViewCenter);
    // Smart: few dirty items get exact regions, a highlight change over thousands of
    // items one bounding rect instead of a huge region.
    setViewportUpdateMode(SmartViewportUpdate);
    // Every paint() sets the pen, brush and font it uses. Qt's 2-pixel margin around
    // exposed areas stays on (no DontAdjustForAntialiasing): cosmetic pens reach
    // past boundingRect when zoomed out.
    setOptimizationFlags(DontSavePainterState);
    setBackgroundBrush(palette().color(QPalette::Base));
    setFocusPolicy(Qt::StrongFocus);
    viewport()->grabGesture(Qt::PinchGesture);
    connect(m_scene, &QGraphicsScene::selectionChanged, this, &GraphView::onSceneSelectionChanged);
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

void GraphView::showGraph(const Repository &repository, const LayoutInput &input, const GraphLayout &layout)
{
    // Remember what the user was looking at by revision id: indices change with files.
    const bool reload = m_scene->hasGraph() && !m_initialViewPending;
    const ViewAnchor anchor = reload ? currentAnchor() : ViewAnchor();
    QStringList selectedIds;
    for (int revision : std::as_const(m_selection))
        selectedIds += m_scene->repository().graph.node(revision).id;
    const QString findText = m_search.text();

    m_applyingSelection = true;
    m_scene->setGraph(repository, input, layout);
    m_applyingSelection = false;
    m_preferredChild.clear();
    m_preferredParent.clear();
    m_search = RevisionSearch(m_scene->repository());
    if (!findText.isEmpty())
        m_search.find(findText);

    if (reload)
        restoreAnchor(anchor);
    else
        showInitialView();
    updateItemCaching();

    QList<int> selection;
    for (const QString &id : std::as_const(selectedIds))
        if (const int revision = m_scene->repository().graph.indexOf(id); m_scene->revisionItem(revision))
            selection += revision;
    // Indices may have changed even when the ids did not: tell the window whenever
    // something was or is selected.
    applySelection(selection, false, !selectedIds.isEmpty() || !selection.isEmpty());
}

void GraphView::clearGraph()
{
    m_applyingSelection = true;
    m_scene->clearGraph();
    m_applyingSelection = false;
    m_search = RevisionSearch();
    m_preferredChild.clear();
    m_preferredParent.clear();
    m_initialViewPending = false;
    setSelection({});
}

void GraphView::selectRevisions(const QList<int> &revisions, bool centerOn)
{
    applySelection(revisions, centerOn, false);
}

void GraphView::applySelection(const QList<int> &revisions, bool centerOn, bool alwaysNotify)
{
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
}

bool GraphView::isLegendVisible() const
{
    return !m_legend->isHidden();
}

// Navigation and Find --------------------------------------------------------

int GraphView::navigationStart() const
{
    const QList<int> heads = m_scene->headRevisions();
    return heads.isEmpty() ? m_scene->repository().graph.historyOrder().value(0, -1) : heads.first();
}

void GraphView::moveSelectionTo(int revision)
{
    if (RevisionItem *item = m_scene->revisionItem(revision)) {
        selectRevisions({revision}, false);
        ensureVisible(item, 48, 48);
    }
}

void GraphView::selectParent()
{
    const int from = currentRevision();
    if (!m_scene->hasGraph() || from < 0)
        return moveSelectionTo(navigationStart());
    const int to = m_scene->navigation().parent(from, m_preferredParent.value(from, -1));
    if (to >= 0)
        m_preferredChild.insert(to, from);
    moveSelectionTo(to);
}

void GraphView::selectChild()
{
    const int from = currentRevision();
    if (!m_scene->hasGraph() || from < 0)
        return moveSelectionTo(navigationStart());
    const int to = m_scene->navigation().child(from, m_preferredChild.value(from, -1));
    if (to >= 0)
        m_preferredParent.insert(to, from);
    moveSelectionTo(to);
}

void GraphView::selectNextSibling()
{
    const int from = currentRevision();
    if (!m_scene->hasGraph() || from < 0)
        return moveSelectionTo(navigationStart());
    moveSelectionTo(m_scene->navigation().nextSibling(from));
}

void GraphView::selectPreviousSibling()
{
    const int from = currentRevision();
    if (!m_scene->hasGraph() || from < 0)
        return moveSelectionTo(navigationStart());
    moveSelectionTo(m_scene->navigation().previousSibling(from));
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
