#include "LayeredLayout.h"

#include <QLineF>

#include <algorithm>
#include <limits>
#include <numeric>
#include <vector>

namespace headway {

namespace {

// Longest path from the bases along parent edges; nodes on a cycle follow the rest.
std::vector<int> ranksOf(const LayoutInput &input, const std::vector<std::vector<int>> &parents,
                         const std::vector<std::vector<int>> &children)
{
    const int count = static_cast<int>(input.nodes.size());
    std::vector<int> rank(count, 0), waiting(count, 0);
    std::vector<int> ready;
    for (int v = 0; v < count; ++v) {
        waiting[v] = static_cast<int>(parents[v].size());
        if (waiting[v] == 0)
            ready.push_back(v);
    }
    int placed = 0;
    for (std::size_t i = 0; i < ready.size(); ++i, ++placed) {
        const int u = ready[i];
        for (int v : children[u]) {
            rank[v] = std::max(rank[v], rank[u] + 1);
            if (--waiting[v] == 0)
                ready.push_back(v);
        }
    }
    if (placed < count) {
        const int top = count == 0 ? 0 : *std::max_element(rank.begin(), rank.end());
        int next = top + 1;
        for (int v = 0; v < count; ++v)
            if (waiting[v] > 0)
                rank[v] = next++;
    }
    return rank;
}

} // namespace

GraphLayout layOutLayered(const LayoutInput &input)
{
    const int count = static_cast<int>(input.nodes.size());
    const LayoutOptions &options = input.options;
    std::vector<std::vector<int>> parents(count), children(count);
    for (const LayoutEdge &edge : input.edges) {
        if (edge.kind == LayoutEdge::Kind::Dependency || edge.from == edge.to)
            continue;
        parents[edge.to].push_back(edge.from);
        children[edge.from].push_back(edge.to);
    }
    const std::vector<int> rank = ranksOf(input, parents, children);
    const int ranks = count == 0 ? 0 : *std::max_element(rank.begin(), rank.end()) + 1;
    std::vector<std::vector<int>> byRank(ranks);
    for (int v = 0; v < count; ++v)
        byRank[rank[v]].push_back(v);

    GraphLayout layout;
    layout.nodes.resize(count);
    // Rank 0 at the bottom: each rank sits one rank separation above the one below.
    qreal y = 0;
    for (int r = 0; r < ranks; ++r) {
        qreal height = 0;
        for (int v : byRank[r])
            height = std::max(height, input.nodes.at(v).size.height());
        if (r > 0)
            y -= options.rankSeparation + height / 2;
        // Order by the parents' mean position (bases keep their input order), then pack.
        std::vector<std::pair<qreal, int>> wanted;
        for (int v : byRank[r]) {
            qreal sum = 0;
            for (int p : parents[v])
                sum += layout.nodes[p].center.x();
            wanted.emplace_back(parents[v].empty() ? std::numeric_limits<qreal>::lowest() : sum / parents[v].size(), v);
        }
        std::stable_sort(wanted.begin(), wanted.end(),
                         [](const auto &a, const auto &b) { return a.first < b.first; });
        qreal right = std::numeric_limits<qreal>::lowest();
        for (const auto &[x, v] : wanted) {
            const QSizeF size = input.nodes.at(v).size;
            const qreal earliest = right == std::numeric_limits<qreal>::lowest() ? 0 : right + options.nodeSeparation + size.width() / 2;
            const qreal centerX = x == std::numeric_limits<qreal>::lowest() ? earliest : std::max(x, earliest);
            layout.nodes[v] = NodeGeometry{QPointF(centerX, y), size};
            right = centerX + size.width() / 2;
        }
        y -= height / 2;
    }

    // Straight edges from the top of the older box to the bottom of the newer one.
    for (const LayoutEdge &edge : input.edges) {
        EdgeGeometry geometry{edge.from, edge.to, edge.kind, {}};
        if (edge.kind != LayoutEdge::Kind::Dependency) {
            const QRectF from = layout.nodes[edge.from].rect();
            const QRectF to = layout.nodes[edge.to].rect();
            const QPointF start(from.center().x(), from.top());
            const QPointF tip(to.center().x(), to.bottom());
            const QLineF line(start, tip);
            const qreal arrow = std::min(options.arrowLength, line.length() / 2);
            const QPointF end = line.length() > 0 ? line.pointAt(1 - arrow / line.length()) : tip;
            geometry.curves.append(BezierCurve{{start, QLineF(start, end).pointAt(1.0 / 3), QLineF(start, end).pointAt(2.0 / 3), end},
                                               std::nullopt, tip});
        }
        layout.edges.append(geometry);
    }
    QRectF bounds;
    for (const NodeGeometry &node : std::as_const(layout.nodes))
        bounds = bounds.united(node.rect());
    layout.boundingRect = bounds;
    layout.graphvizNodes = 0;
    layout.reducedQuality = true;
    layout.succeeded = true;
    return layout;
}

} // namespace headway
