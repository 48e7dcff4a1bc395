// The interactive revision graph: shows a repository's finished layout, keeps
// the selection and the view's place across reloads, and turns mouse, wheel,
// gestures and keys into zoom, pan, selection, navigation and Find.
//
// Mouse:  click selects, Ctrl+click adds or removes, Shift+drag selects with a
//         rubber band, drag elsewhere pans, double click activates (revisionActivated).
// Wheel:  scrolls; Ctrl+wheel zooms around the pointer. Pinch (touch, touchpad) zooms.
// Keys:   with a selection, Up = child (newer), Down = parent (older), Left / Right =
//         previous / next sibling, Enter = activate, Escape = clear the selection;
//         Alt+arrows navigate even without one (starting at the newest head).
//         Without a selection the arrows scroll.
// The window's actions call zoomIn / zoomOut / fitToWindow / resetZoom (Ctrl+= etc.).
#pragma once

#include "GraphLayout.h"
#include "LayoutInput.h"
#include "RevisionSearch.h"

#include <QGraphicsView>
#include <QHash>

class QGestureEvent;

namespace headway {

struct Repository;
class GraphLegend;
class GraphScene;

class GraphView : public QGraphicsView
{
    Q_OBJECT

public:
    explicit GraphView(QWidget *parent = nullptr);
    ~GraphView() override;

    // The layout input for a repository with the box size this view draws: what the
    // window hands to LayoutService::requestLayout.
    static headway::LayoutInput layoutInputFor(const headway::Repository &repository);

    // Shows a repository once its layout is done (GUI thread, values from
    // LayoutService). Keeps the selection, zoom and view centre when the same
    // revisions still exist (a reload after a file change).
    void showGraph(const headway::Repository &repository, const headway::LayoutInput &input,
                   const headway::GraphLayout &layout);
    void clearGraph();

    QList<int> selectedRevisions() const { return m_selection; } // in the order they were selected
    void selectRevisions(const QList<int> &revisions, bool centerOn = true);
    int revisionItemCount() const; // items drawn for revisions (ghosts excluded)
    QList<int> highlightedHeads() const; // heads drawn with head styling, history order

    // The revisions the database is at (full ids); drawn with a green ring. Kept across reloads.
    void setDatabaseRevisions(const QStringList &ids);
    void setLegendVisible(bool visible);
    bool isLegendVisible() const;

    // Zoom: factor 1 is 1:1 (one scene unit, a Graphviz point, per pixel).
    void zoomIn();
    void zoomOut();
    void fitToWindow(); // the whole graph, never magnified beyond 1:1
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

protected:
    void wheelEvent(QWheelEvent *event) override;
    bool viewportEvent(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    struct ViewAnchor {
        QString id;     // the revision nearest the view's centre
        QPointF offset; // from that revision's centre to the view's centre
        QPointF center; // the view's centre, when no revision was near
    };

    void onSceneSelectionChanged();
    void applySelection(const QList<int> &revisions, bool centerOn, bool alwaysNotify);
    void setSelection(const QList<int> &ordered, bool alwaysNotify = false);
    int currentRevision() const { return m_selection.isEmpty() ? -1 : m_selection.last(); }
    void moveSelectionTo(int revision);
    int navigationStart() const;
    void showFindResult(int revision);
    bool handleGesture(QGestureEvent *event);

    void zoomAt(qreal factor, QPointF viewportPoint);
    qreal fitScale() const;
    qreal minimumZoom() const;
    void showInitialView();
    ViewAnchor currentAnchor() const;
    void restoreAnchor(const ViewAnchor &anchor);
    void updateItemCaching();
    void placeLegend();

    GraphScene *m_scene;
    GraphLegend *m_legend;
    RevisionSearch m_search;
    QList<int> m_selection;
    bool m_applyingSelection = false;
    bool m_initialViewPending = false;
    // Where the user came from, so Down then Up returns to the same child of a
    // branch point and Up then Down to the same parent of a merge.
    QHash<int, int> m_preferredChild;
    QHash<int, int> m_preferredParent;
};

} // namespace headway
