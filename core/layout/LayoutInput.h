// What the layout engine needs to know about a revision graph, as a plain value
// that can be copied to the layout thread: the nodes with the sizes the GUI
// chose for them, which of them are ghosts, and the edges with their kinds.
#pragma once

#include <QList>
#include <QMetaType>
#include <QSizeF>
#include <QString>

namespace headway {

struct Repository;

// Scene units are Graphviz points (1/72 inch), so a size the GUI picks is the size
// Graphviz reserves; the engine converts to Graphviz's inches in one place.
struct LayoutNode {
    QString id;
    QSizeF size;         // in scene units
    int revision = -1;   // index into RevisionGraph::nodes(); -1 for a ghost
    bool ghost = false;  // a missing parent: named by a down_revision, declared by no file
    // A collapsed linear run (see RunCollapse.h): the graph indices of the revisions
    // this one box stands for, oldest first. Empty for a revision or a ghost.
    QList<int> collapsed;

    bool isCollapsedRun() const { return !collapsed.isEmpty(); }
};

struct LayoutEdge {
    enum class Kind {
        Parent,     // down_revision: drawn solid, ranks the child above the parent
        Dependency, // depends_on: does not rank revisions; an arc drawn over the layout
        Missing,    // down_revision naming a ghost
    };

    int from = -1; // index into LayoutInput::nodes: the older revision
    int to = -1;   // the revision that names `from`
    Kind kind = Kind::Parent;
};

enum class LayoutDirection {
    TopDown,   // newest at the top, like `alembic history`; bases at the bottom
    LeftRight, // oldest at the left, time running to the right
};

struct LayoutOptions {
    LayoutDirection direction = LayoutDirection::TopDown;
    qreal rankSeparation = 36; // gap between a parent's box and its child's, along the direction
    qreal nodeSeparation = 18; // horizontal gap between neighbouring boxes
    qreal arrowLength = 10;    // Graphviz's default arrowhead
    // Lay out linear runs of revisions as one tall node each (see RunCondenser).
    bool condenseRuns = true;
    // From this many Graphviz nodes on, cheaper settings (bounded network simplex and
    // crossing minimisation) keep very branchy histories fast; see GraphvizGraph.cpp.
    int largeGraphNodes = 1000;
    // Past this many nodes (after condensation) Graphviz is not used at all: see LayeredLayout.
    int graphvizNodeLimit = 1200;
};

// Orientation: newest at the top, like `alembic history`; bases at the bottom.
struct LayoutInput {
    QList<LayoutNode> nodes;
    QList<LayoutEdge> edges;
    LayoutOptions options;
};

// Every revision Alembic uses (shadowed duplicates left out) in the graph's order,
// then one ghost per missing parent id; parent, depends_on and missing-parent edges.
// Every node gets `nodeSize`.
LayoutInput layoutInputFor(const Repository &repository, QSizeF nodeSize);

} // namespace headway

Q_DECLARE_METATYPE(headway::LayoutInput)
