// The interactive revision graph: shows a loaded repository's scene, keeps the
// selection, zoom and the view's place across reloads, draws boxes with or
// without cached pixmaps as the zoom asks (level of detail), and offers the
// selection, navigation, Find, zoom and export the window's actions call. What
// input means is GraphViewInput's job, the zoom's arithmetic GraphZoom's, and
// where a move leads SelectionNavigator's; this class ties them together.
//
// Input, as GraphViewInput reads it:
// Mouse:  click selects, Ctrl+click adds or removes, Shift+drag selects with a
//         rubber band, drag elsewhere pans, double click activates (revisionActivated).
// Wheel:  scrolls; Ctrl+wheel zooms around the pointer. Pinch (touch, touchpad) zooms.
// Keys:   with a selection, Up = child (newer), Down = parent (older), Left / Right =
//         previous / next sibling, Enter = activate, Escape = clear the selection;
//         Alt+arrows navigate even without one (starting at the newest head).
//         Without a selection the arrows scroll.
// The window's actions call zoomIn / zoomOut / fitToWindow / resetZoom (Ctrl+= etc.).
#pragma once

#include "LayoutInput.h"
#include "RevisionSearch.h"
#include "SelectionNavigator.h"

#include <QGraphicsView>

#include <memory>

namespace headway {

struct LoadedRepository;
struct Repository;
class GraphLegend;
struct OriginReport;
class GraphScene;
class GraphViewInput;
class GraphZoom;

class GraphView : public QGraphicsView
{
    Q_OBJECT

public:
    explicit GraphView(QWidget *parent = nullptr);
    ~GraphView() override;

    // The layout input for a repository with the box size this view draws: what the
    // window hands to LayoutService::requestLayout.
    static headway::LayoutInput layoutInputFor(const headway::Repository &repository);

    // Shows a repository once its layout is done (GUI thread); the scene keeps a
    // share of `loaded`. Keeps the selection, zoom and view centre when the same
    // revisions still exist (a reload after a file change).
    void showGraph(std::shared_ptr<const headway::LoadedRepository> loaded);
    // The shown graph with its operations, read after it was shown (GraphScene::setOperations).
    void showOperations(std::shared_ptr<const headway::LoadedRepository> loaded);
    void clearGraph();

    QList<int> selectedRevisions() const { return m_selection; } // in the order they were selected
    // Selecting a revision inside a collapsed run asks for the run to be expanded
    // (runExpansionRequested) and selects it once the expanded graph is shown.
    void selectRevisions(const QList<int> &revisions, bool centerOn = true);
    // Asks for every collapsed run holding one of `revisions` to be expanded.
    void expandRunsOf(const QList<int> &revisions);
    int revisionItemCount() const; // items drawn for revisions (ghosts excluded)
    QList<int> highlightedHeads() const; // heads drawn with head styling, history order

    // The revisions the database is at (full ids); drawn with a green ring. Kept across reloads.
    void setDatabaseRevisions(const QStringList &ids);
    void setLegendVisible(bool visible);
    bool isLegendVisible() const;
    // Where each revision came from: stripes on the boxes and their legend (null: none known).
    void setOrigins(std::shared_ptr<const headway::OriginReport> origins);
    void setOriginsShown(bool shown);
    void setOnlyForkOwn(bool only);

    // Zoom: factor 1 is 1:1 (one scene unit, a Graphviz point, per pixel).
    void zoomIn();
    void zoomOut();
    // The whole graph, never magnified beyond 1:1, and true; false when that would be
    // too small to read and every branch is shown at the newest revisions instead.
    // Kept fitted through resizes until the user zooms or scrolls.
    bool fitToWindow();
    void resetZoom();   // 1:1
    qreal zoomFactor() const;

    // Keyboard navigation from the last selected revision (see the header comment).
    void selectParent();
    void selectChild();
    void selectNextSibling();
    void selectPreviousSibling();

    // Find: id prefix or message text, case-insensitive, in history order. find()
    // selects the first match and returns the match count; next / previous wrap.
    int find(const QString &text);
    void findNext();
    void findPrevious();
    int findMatchCount() const { return int(m_search.matches().size()); }
    int findMatchPosition() const { return m_search.currentPosition(); } // 0-based, -1 when none

    bool exportSvg(const QString &path) const;
    bool exportPng(const QString &path) const;

    GraphScene *graphScene() const { return m_scene; }

Q_SIGNALS:
    void selectionChanged(const QList<int> &revisions);
    void revisionActivated(int revision); // double click / Enter: show its file
    void zoomChanged(qreal factor);
    void findPositionChanged(int position, int count); // after find / findNext / findPrevious
    // The user wants these collapsed runs open: one member's id per run.
    void runExpansionRequested(const QStringList &memberIds);

protected:
    void resizeEvent(QResizeEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;
    void showEvent(QShowEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void onSceneSelectionChanged();
    void applySelection(const QList<int> &revisions, bool centerOn, bool alwaysNotify);
    void setSelection(const QList<int> &ordered, bool alwaysNotify = false);
    int currentRevision() const { return m_selection.isEmpty() ? -1 : m_selection.last(); }
    void move(SelectionNavigator::Move move);
    void showFindResult(int revision);

    void showInitialView();
    void onZoomChanged(qreal factor);
    void updateItemCaching();
    void placeLegend();
    void followPalette(); // light or dark graph colours, as the palette is

    GraphScene *m_scene;
    GraphLegend *m_legend;
    GraphZoom *m_zoom;
    GraphViewInput *m_input;
    SelectionNavigator m_navigator;
    RevisionSearch m_search;
    QList<int> m_selection;
    QStringList m_pendingSelection; // ids to select once their expanded runs are shown
    bool m_applyingSelection = false;
    bool m_initialViewPending = false;
    // Fitted and not zoomed or scrolled since: a resize (docks placed, window
    // maximised) fits again, as the user would have.
    bool m_fitted = false;
    bool m_fitting = false;
};

} // namespace headway
