#include "RunCollapse.h"

#include "RunCondenser.h"

#include <algorithm>

namespace headway {

namespace {

// The middle of `run` (its members without the bottom and the top), when it is to be
// collapsed; empty otherwise.
QList<int> middleToCollapse(const LayoutInput &input, const QList<int> &run, const CollapseOptions &options)
{
    if (run.size() - 2 < std::max(options.shortestRun, 1))
        return {};
    const QList<int> middle = run.mid(1, run.size() - 2);
    const bool expanded = std::any_of(middle.cbegin(), middle.cend(), [&](int node) {
        return options.expanded.contains(input.nodes.at(node).id);
    });
    return expanded ? QList<int>() : middle;
}

} // namespace

int revisionBoxCount(const LayoutInput &input)
{
    return int(std::count_if(input.nodes.cbegin(), input.nodes.cend(),
                             [](const LayoutNode &node) { return !node.ghost && !node.isCollapsedRun(); }));
}

int revisionCount(const LayoutInput &input)
{
    int count = 0;
    for (const LayoutNode &node : input.nodes)
        count += node.isCollapsedRun() ? int(node.collapsed.size()) : node.ghost ? 0 : 1;
    return count;
}

LayoutInput collapseLinearRuns(const LayoutInput &input, const CollapseOptions &options)
{
    if (!options.appliesTo(revisionCount(input)))
        return input;
    const RunCondenser runs(input);
    const qsizetype count = input.nodes.size();
    QList<int> middleOf(count, -1); // per input node: the collapsed middle it belongs to
    QList<QList<int>> middles;
    for (int r = 0; r < runs.runCount(); ++r) {
        const QList<int> middle = middleToCollapse(input, runs.run(r), options);
        if (middle.isEmpty())
            continue;
        for (int node : middle)
            middleOf[node] = int(middles.size());
        middles.append(middle);
    }
    if (middles.isEmpty())
        return input;

    LayoutInput collapsed;
    collapsed.options = input.options;
    collapsed.nodes.reserve(count);
    QList<int> newIndex(count, -1);
    QList<int> middleNode(middles.size(), -1);
    for (int node = 0; node < count; ++node) {
        const int middle = middleOf.at(node);
        if (middle < 0) {
            newIndex[node] = int(collapsed.nodes.size());
            collapsed.nodes.append(input.nodes.at(node));
            continue;
        }
        if (middleNode.at(middle) < 0) {
            const QList<int> &members = middles.at(middle);
            LayoutNode box;
            box.id = QStringLiteral("⋯") + input.nodes.at(members.first()).id;
            box.size = input.nodes.at(members.first()).size;
            box.collapsed.reserve(members.size());
            for (int member : members)
                box.collapsed.append(input.nodes.at(member).revision);
            middleNode[middle] = int(collapsed.nodes.size());
            collapsed.nodes.append(box);
        }
        newIndex[node] = middleNode.at(middle);
    }
    for (const LayoutEdge &edge : input.edges) {
        const int from = newIndex.at(edge.from);
        const int to = newIndex.at(edge.to);
        if (from != to) // edges inside a middle vanish with it
            collapsed.edges.append({from, to, edge.kind});
    }
    return collapsed;
}

} // namespace headway
