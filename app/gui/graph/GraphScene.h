// The scene of one repository's revision graph. Builds the items from a
// finished layout on the GUI thread, maps revisions to their items, and styles
// them for a selection: the lineage of the selected revisions, or, with
// exactly two related ones selected, the path between them. Keeps its own copy
// of the repository, so the items' tooltips and the navigation outlive the
// caller's value.
#pragma once

#include "GraphLayout.h"
#include "GraphNavigation.h"
#include "GraphStyle.h"
#include "LayoutInput.h"
#include "repository/Repository.h"

#include <QGraphicsScene>

#include <optional>

namespace headway {

class EdgeItem;
class GhostItem;
class RevisionItem;

class GraphScene : public QGraphicsScene
{
    Q_OBJECT

public:
    explicit GraphScene(QObject *parent = nullptr);
    ~GraphScene() override;

    // Replaces every item. `layout` must be the layout of `input`, and `input` the
    // layout input of `repository` (layoutInputFor); a failed layout shows nothing.
    void setGraph(const Repository &repository, const LayoutInput &input, const GraphLayout &layout);
    void clearGraph();
    bool hasGraph() const { return m_navigation.has_value(); }

    const Repository &repository() const { return m_repository; }
    const GraphNavigation &navigation() const { return *m_navigation; } // only while hasGraph()

    RevisionItem *revisionItem(int revision) const { return m_revisionItems.value(revision); }
    int revisionItemCount() const { return m_revisionItemCount; }
    int ghostCount() const { return int(m_ghosts.size()); }
    const QList<GhostItem *> &ghosts() const { return m_ghosts; }
    // Revisions drawn with head styling, in history order.
    QList<int> headRevisions() const;
    // Selected revisions (ghosts are not revisions), in history order.
    QList<int> selectedRevisions() const;

    // Emphasis for `selection` (graph indices); an empty selection clears it.
    void emphasize(const QList<int> &selection);
    // Which edges and items are emphasized, for tests: Path, Ancestor, ...
    int edgeCount(graphstyle::Emphasis emphasis) const;

    // The revisions the database is at (full ids; usually one, several on branches).
    void setDatabaseRevisions(const QStringList &ids);

    // DeviceCoordinateCache on boxes, worth it only when their text is drawn.
    void setItemCaching(bool enabled);
    bool itemCaching() const { return m_itemCaching; }

protected:
    void helpEvent(QGraphicsSceneHelpEvent *event) override;

private:
    struct Edge {
        EdgeItem *item;
        int from;          // graph index, or -1 when `ghost` is the parent
        int to;            // graph index
        GhostItem *ghost;
    };

    void buildItems(const LayoutInput &input, const GraphLayout &layout);
    QString toolTipFor(const QGraphicsItem *item) const;

    Repository m_repository;
    std::optional<GraphNavigation> m_navigation; // refers to m_repository.graph
    QList<RevisionItem *> m_revisionItems;       // per graph node; null when not drawn
    int m_revisionItemCount = 0;
    QList<GhostItem *> m_ghosts;
    QList<Edge> m_edges;
    QStringList m_databaseRevisions;
    bool m_itemCaching = false;
};

} // namespace headway
