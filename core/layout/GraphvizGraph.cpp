#include "GraphvizGraph.h"

#include "GraphvizContext.h"

#include <QByteArray>

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include <memory>
#include <vector>

namespace headway {

namespace {

// Graphviz 2.4x declares its string parameters `char *` but only reads them
// (agattr and agxset copy into Graphviz's string pool), so passing ours is safe.
char *gv(const char *text)
{
    return const_cast<char *>(text);
}

// The one place where scene units meet Graphviz's: Graphviz takes sizes in inches,
// answers in points with y pointing up; the scene is in points with y pointing down
// and (0, 0) at the top left of the drawing.
class GraphvizUnits
{
public:
    static QByteArray inches(qreal sceneUnits) { return QByteArray::number(sceneUnits / 72.0, 'f', 4); }

    explicit GraphvizUnits(boxf boundingBox) : m_box(boundingBox) {}
    QPointF toScene(pointf p) const { return {p.x - m_box.LL.x, m_box.UR.y - p.y}; }
    QRectF sceneRect() const { return {0, 0, m_box.UR.x - m_box.LL.x, m_box.UR.y - m_box.LL.y}; }

private:
    boxf m_box;
};

struct GraphCloser {
    void operator()(Agraph_t *graph) const { agclose(graph); }
};
using GraphPtr = std::unique_ptr<Agraph_t, GraphCloser>;

// Owns what gvLayout attached to a graph; must go before the graph does.
class LayoutGuard
{
public:
    LayoutGuard(GVC_t *gvc, Agraph_t *graph) : m_gvc(gvc), m_graph(graph) {}
    ~LayoutGuard() { gvFreeLayout(m_gvc, m_graph); }
    LayoutGuard(const LayoutGuard &) = delete;
    LayoutGuard &operator=(const LayoutGuard &) = delete;

private:
    GVC_t *m_gvc;
    Agraph_t *m_graph;
};

// Graph-wide settings, measured with tests/benchmarks/bench_layout. newrank: on a
// branchy generated graph dot's classic ranking took 74% of the layout, newrank a
// fraction of that. Past LayoutOptions::largeGraphNodes the time goes into the
// network simplex that places boxes horizontally and into crossing minimisation;
// only the latter is bounded (mclimit): bounding the former (nslimit) was faster
// but crashed Graphviz on some inputs, and a crash is worse than a slow layout. searchsize and remincross made no measurable difference, and
// splines=polyline or line saved little once depends_on edges left the graph.
void setGraphAttributes(Agraph_t *graph, const LayoutOptions &options, bool large)
{
    agattr(graph, AGRAPH, gv("rankdir"), gv("BT")); // parents below children: newest on top
    agattr(graph, AGRAPH, gv("newrank"), gv("true"));
    agattr(graph, AGRAPH, gv("ranksep"), gv(GraphvizUnits::inches(options.rankSeparation).constData()));
    agattr(graph, AGRAPH, gv("nodesep"), gv(GraphvizUnits::inches(options.nodeSeparation).constData()));
    agattr(graph, AGRAPH, gv("splines"), gv("spline"));
    // No nslimit: Graphviz 2.43's dot crashes (SIGSEGV in dot_layout) when the
    // network simplex is cut short on some branchy histories of ~1,500 nodes.
    if (large)
        agattr(graph, AGRAPH, gv("mclimit"), gv("0.3"));
}

QByteArray nodeName(Agraph_t *graph, const LayoutNode &node, int index)
{
    QByteArray name = node.id.toUtf8();
    if (name.isEmpty() || agnode(graph, name.data(), 0))
        name += '#' + QByteArray::number(index); // keep names unique, still readable in messages
    return name;
}

class GraphBuilder
{
public:
    explicit GraphBuilder(const LayoutInput &input) : m_input(input) {}

    GraphPtr build(bool large)
    {
        char name[] = "revisions";
        GraphPtr graph(agopen(name, Agdirected, nullptr));
        setGraphAttributes(graph.get(), m_input.options, large);
        addNodes(graph.get());
        addEdges(graph.get());
        return graph;
    }

    std::vector<Agnode_t *> nodes;
    std::vector<Agedge_t *> edges;

private:
    void addNodes(Agraph_t *graph)
    {
        agattr(graph, AGNODE, gv("shape"), gv("box"));
        agattr(graph, AGNODE, gv("fixedsize"), gv("true"));
        agattr(graph, AGNODE, gv("label"), gv("")); // the GUI draws the text; no font work here
        Agsym_t *width = agattr(graph, AGNODE, gv("width"), gv("0.75"));
        Agsym_t *height = agattr(graph, AGNODE, gv("height"), gv("0.5"));
        nodes.reserve(std::size_t(m_input.nodes.size()));
        for (int i = 0; i < m_input.nodes.size(); ++i) {
            const LayoutNode &node = m_input.nodes.at(i);
            QByteArray name = nodeName(graph, node, i);
            Agnode_t *n = agnode(graph, name.data(), 1);
            agxset(n, width, GraphvizUnits::inches(node.size.width()).data());
            agxset(n, height, GraphvizUnits::inches(node.size.height()).data());
            nodes.push_back(n);
        }
    }

    void addEdges(Agraph_t *graph)
    {
        const QByteArray arrowSize = QByteArray::number(m_input.options.arrowLength / 10.0, 'f', 4);
        agattr(graph, AGEDGE, gv("arrowsize"), gv(arrowSize.constData()));
        Agsym_t *constraint = agattr(graph, AGEDGE, gv("constraint"), gv("true"));
        Agsym_t *weight = agattr(graph, AGEDGE, gv("weight"), gv("1"));
        Agsym_t *tailPort = agattr(graph, AGEDGE, gv("tailport"), gv(""));
        Agsym_t *headPort = agattr(graph, AGEDGE, gv("headport"), gv(""));
        edges.reserve(std::size_t(m_input.edges.size()));
        for (const LayoutEdge &edge : m_input.edges) {
            Agedge_t *e = agedge(graph, nodes.at(std::size_t(edge.from)), nodes.at(std::size_t(edge.to)),
                                 nullptr, 1);
            if (edge.kind == LayoutEdge::Kind::Dependency) {
                // Not ranked, not pulling boxes together (the engine routes these itself).
                agxset(e, constraint, gv("false"));
                agxset(e, weight, gv("0"));
            } else {
                // In rankdir=BT compass points name the final drawing: "n" is the top.
                agxset(e, tailPort, gv("n"));
                agxset(e, headPort, gv("s"));
            }
            edges.push_back(e);
        }
    }

    const LayoutInput &m_input;
};

BezierCurve curveOf(const bezier &piece, const GraphvizUnits &units)
{
    BezierCurve curve;
    curve.points.reserve(piece.size);
    for (int i = 0; i < piece.size; ++i)
        curve.points.append(units.toScene(piece.list[i]));
    if (piece.sflag)
        curve.startArrowTip = units.toScene(piece.sp);
    if (piece.eflag)
        curve.endArrowTip = units.toScene(piece.ep);
    return curve;
}

GraphLayout readLayout(Agraph_t *graph, const GraphBuilder &built, const LayoutInput &input)
{
    const GraphvizUnits units(GD_bb(graph));
    GraphLayout layout;
    layout.succeeded = true;
    layout.boundingRect = units.sceneRect();
    layout.nodes.reserve(input.nodes.size());
    for (int i = 0; i < input.nodes.size(); ++i)
        layout.nodes.append({units.toScene(ND_coord(built.nodes.at(std::size_t(i)))), input.nodes.at(i).size});

    layout.edges.reserve(input.edges.size());
    for (int i = 0; i < input.edges.size(); ++i) {
        const LayoutEdge &edge = input.edges.at(i);
        EdgeGeometry geometry{edge.from, edge.to, edge.kind, {}};
        if (const splines *route = ED_spl(built.edges.at(std::size_t(i)))) {
            for (int piece = 0; piece < route->size; ++piece)
                geometry.curves.append(curveOf(route->list[piece], units));
        } else {
            layout.diagnostics += Diagnostic::warning(
                QStringLiteral("layout-no-route"),
                QStringLiteral("Graphviz drew no route for the edge %1 -> %2")
                    .arg(input.nodes.at(edge.from).id, input.nodes.at(edge.to).id),
                {}, 0, QStringLiteral("The edge is drawn as a straight line."));
        }
        layout.edges.append(geometry);
    }
    return layout;
}

} // namespace

GraphLayout layOutWithGraphviz(GraphvizContext &context, const LayoutInput &input)
{
    GraphLayout layout;
    if (!context.handle()) {
        layout.diagnostics += Diagnostic::error(
            QStringLiteral("layout-failed"), QStringLiteral("Graphviz could not be initialised"), {}, 0,
            QStringLiteral("Reinstall Graphviz (the libgvc library and its plugins)."));
        return layout;
    }
    const bool large = input.nodes.size() >= input.options.largeGraphNodes;
    GraphBuilder builder(input);
    GraphPtr graph = builder.build(large);
    const int status = gvLayout(context.handle(), graph.get(), "dot");
    const LayoutGuard guard(context.handle(), graph.get()); // also after a failure: frees what it left
    if (status != 0) {
        layout.diagnostics += Diagnostic::error(
            QStringLiteral("layout-failed"), QStringLiteral("Graphviz could not lay out the graph"), {}, 0,
            QStringLiteral("Check that Graphviz's dot layout plugin is installed; running `dot -c` "
                           "as root registers the plugins."));
        return layout;
    }
    layout = readLayout(graph.get(), builder, input);
    layout.graphvizNodes = int(input.nodes.size());
    layout.reducedQuality = large;
    return layout;
}

} // namespace headway
