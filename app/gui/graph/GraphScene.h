// The scene of one repository's revision graph. Builds the items from a
// finished layout on the GUI thread, maps revisions to their items, and styles
// them for a selection: the lineage of the selected revisions, or, with
// exactly two related ones selected, the path between them. Holds a share of
// the shown LoadedRepository, so the items' tooltips and the navigation (which
// refers into its graph) never outlive the repository they describe.
#pragma once

#include "GraphNavigation.h"
#include "GraphStyle.h"
#include "LoadedRepository.h"
#include "fork/MigrationOrigins.h"

#include <QGraphicsScene>

#include <memory>
#include <optional>

namespace headway {

class CollapsedRunItem;
class EdgeItem;
class GhostItem;
class RevisionItem;

class GraphScene : public QGraphicsScene
{
    Q_OBJECT

public:
    explicit GraphScene(QObject *parent = nullptr);
    ~GraphScene() override;

    // Replaces every item and keeps `loaded` (no copy); a failed layout shows no
    // items, a null one clears the graph.
    void setGraph(std::shared_ptr<const LoadedRepository> loaded);
    // The shown graph again, now with its operations: the boxes get their summaries.
    // Ignored unless `loaded` has the shown repository and layout.
    void setOperations(std::shared_ptr<const LoadedRepository> loaded);
    void clearGraph();
    bool hasGraph() const { return m_navigation.has_value(); }

    // The shown repository; an empty one while !hasGraph().
    const Repository &repository() const;
    const GraphNavigation &navigation() const { return *m_navigation; } // only while hasGraph()

    RevisionItem *revisionItem(int revision) const { return m_revisionItems.value(revision); }
    int revisionItemCount() const { return m_revisionItemCount; }
    int ghostCount() const { return int(m_ghosts.size()); }
    const QList<GhostItem *> &ghosts() const { return m_ghosts; }
    // Boxes standing for the middle of a collapsed linear run, and the one holding
    // `revision` (null when it has its own box or is not shown).
    const QList<CollapsedRunItem *> &collapsedRuns() const { return m_runs; }
    CollapsedRunItem *runItemOf(int revision) const { return m_runOf.value(revision); }
    // Revisions drawn with head styling, in history order.
    QList<int> headRevisions() const;
    // How the shown graph is laid out: newer revisions above, or to the right.
    LayoutDirection layoutDirection() const
    {
        return m_loaded ? m_loaded->input.options.direction : LayoutDirection::TopDown;
    }
    // Selected revisions (ghosts are not revisions), in history order.
    QList<int> selectedRevisions() const;

    // Emphasis for `selection` (graph indices); an empty selection clears it.
    void emphasize(const QList<int> &selection);
    // Which edges and items are emphasized, for tests: Path, Ancestor, ...
    int edgeCount(graphstyle::Emphasis emphasis) const;

    // The revisions the database is at (full ids; usually one, several on branches).
    void setDatabaseRevisions(const QStringList &ids);

    // Where each revision came from (by id, so a report outlives a reload); null clears it.
    void setOrigins(std::shared_ptr<const OriginReport> origins);
    const OriginReport *origins() const { return m_origins.get(); }
    const RevisionOrigin *originOf(int revision) const;
    // Stripes on the boxes by origin, and the filter that leaves only the fork's own bright.
    void setOriginsShown(bool shown);
    bool originsShown() const { return m_originsShown; }
    void setOnlyForkOwn(bool only);
    bool onlyForkOwn() const { return m_onlyForkOwn; }

    // What hovering over `item` shows (rich text): built when asked, never stored.
    QString toolTipFor(const QGraphicsItem *item) const;

    // DeviceCoordinateCache on boxes, worth it only when their text is drawn.
    void setItemCaching(bool enabled);
    bool itemCaching() const { return m_itemCaching; }

protected:
    void helpEvent(QGraphicsSceneHelpEvent *event) override;

private:
    struct Edge {
        EdgeItem *item;
        int from;          // graph index, or -1 when `ghost` or `fromRun` is the parent
        int to;            // graph index, or -1 when `toRun` is the child
        GhostItem *ghost;
        CollapsedRunItem *fromRun = nullptr;
        CollapsedRunItem *toRun = nullptr;
    };

    void buildItems();
    void applyOrigins();

    // Declared before the navigation, which refers into its graph: destroyed after it.
    std::shared_ptr<const LoadedRepository> m_loaded;
    std::optional<GraphNavigation> m_navigation; // refers to m_loaded->repository->graph
    QList<RevisionItem *> m_revisionItems;       // per graph node; null when not drawn
    int m_revisionItemCount = 0;
    QList<GhostItem *> m_ghosts;
    QList<CollapsedRunItem *> m_runs;
    QHash<int, CollapsedRunItem *> m_runOf; // graph index of a collapsed member -> its box
    QList<Edge> m_edges;
    QStringList m_databaseRevisions;
    std::shared_ptr<const OriginReport> m_origins;
    QHash<QString, int> m_originById; // revision id -> index into m_origins->revisions
    bool m_originsShown = true;
    bool m_onlyForkOwn = false;
    bool m_itemCaching = false;
};

} // namespace headway
