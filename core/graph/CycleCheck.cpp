#include "CycleCheck.h"

#include "GraphWalk.h"

#include <algorithm>

namespace headway {

namespace {

using Nodes = std::vector<RevisionNode>;

// Strongly connected components (Tarjan, iterative) over down_revision edges and,
// if asked, depends_on edges. Returns, per node, whether it sits on a cycle.
std::vector<char> nodesOnCycles(const Nodes &nodes, bool withDependencies)
{
    const int n = static_cast<int>(nodes.size());
    std::vector<int> order(n, -1), low(n, 0);
    std::vector<char> onStack(n, 0), cyclic(n, 0);
    std::vector<int> stack;
    int counter = 0;
    auto edges = [&](int v) {
        QList<int> out = nodes[v].parents;
        if (withDependencies)
            out += nodes[v].dependencies;
        return out;
    };
    struct Frame { int node; QList<int> edges; int next; };
    for (int root = 0; root < n; ++root) {
        if (order[root] >= 0 || nodes[root].shadowed)
            continue;
        std::vector<Frame> frames{{root, edges(root), 0}};
        order[root] = low[root] = counter++;
        stack.push_back(root);
        onStack[root] = 1;
        while (!frames.empty()) {
            Frame &frame = frames.back();
            if (frame.next < frame.edges.size()) {
                const int w = frame.edges[frame.next++];
                if (order[w] < 0) {
                    order[w] = low[w] = counter++;
                    stack.push_back(w);
                    onStack[w] = 1;
                    frames.push_back({w, edges(w), 0});
                } else if (onStack[w]) {
                    low[frame.node] = std::min(low[frame.node], order[w]);
                }
                continue;
            }
            const int v = frame.node;
            frames.pop_back();
            if (!frames.empty())
                low[frames.back().node] = std::min(low[frames.back().node], low[v]);
            if (low[v] != order[v])
                continue;
            std::vector<int> component;
            int w;
            do {
                w = stack.back();
                stack.pop_back();
                onStack[w] = 0;
                component.push_back(w);
            } while (w != v);
            // A lone revision is on a cycle only through an edge to itself (a depends_on
            // naming its own branch label: the plain self-loops were removed before).
            if (component.size() > 1 || edges(v).contains(v))
                for (int member : component)
                    cyclic[member] = 1;
        }
    }
    return cyclic;
}

// The revisions Alembic's _detect_cycles names: those not both reachable from
// a base going up and from a head going down.
QStringList alembicCycleSet(const Nodes &nodes, bool withDependencies)
{
    std::vector<int> heads, bases;
    QStringList all;
    for (int i = 0; i < static_cast<int>(nodes.size()); ++i) {
        const RevisionNode &node = nodes[i];
        if (node.shadowed)
            continue;
        all += node.id;
        if (withDependencies ? node.isRealHead() : node.isHead())
            heads.push_back(i);
        if (withDependencies ? node.isRealBase() : node.isBase())
            bases.push_back(i);
    }
    if (heads.empty() || bases.empty())
        return all; // Alembic lists every revision in map order here
    std::vector<char> down(nodes.size(), 0), up(nodes.size(), 0);
    const EdgeKind downKind = withDependencies ? EdgeKind::ParentsAndDependencies : EdgeKind::Parents;
    const EdgeKind upKind = withDependencies ? EdgeKind::AllChildren : EdgeKind::Children;
    for (int head : heads)
        forEachReachable(nodes, head, downKind, [&](int i) { down[i] = 1; });
    for (int base : bases)
        forEachReachable(nodes, base, upKind, [&](int i) { up[i] = 1; });
    QStringList deleted;
    for (int i = 0; i < static_cast<int>(nodes.size()); ++i)
        if (!nodes[i].shadowed && !(down[i] && up[i]))
            deleted += nodes[i].id;
    deleted.sort();
    return deleted;
}

bool hasMissingReferences(const Nodes &nodes)
{
    return std::any_of(nodes.begin(), nodes.end(), [](const RevisionNode &node) {
        return !node.shadowed && (!node.missingParents.isEmpty() || !node.missingDependencies.isEmpty());
    });
}

Diagnostic cycleDiagnostic(const Nodes &nodes, const QList<MigrationFile> &files,
                           const std::vector<char> &members, const QStringList &alembicNames,
                           bool dependencyCycle)
{
    QStringList cycleIds;
    int first = -1;
    for (int i = 0; i < static_cast<int>(nodes.size()); ++i) {
        if (members[i]) {
            cycleIds += nodes[i].id;
            if (first < 0)
                first = i;
        }
    }
    cycleIds.sort();
    const QStringList named = alembicNames.isEmpty() ? cycleIds : alembicNames;
    const MigrationFile &file = files.at(nodes[first].fileIndex);
    const QString kind = dependencyCycle ? QStringLiteral("Dependency cycle") : QStringLiteral("Cycle");
    return Diagnostic::error(
        dependencyCycle ? QStringLiteral("dependency-cycle") : QStringLiteral("cycle"),
        QStringLiteral("%1 is detected in revisions (%2)").arg(kind, named.join(QLatin1String(", "))),
        file.path, dependencyCycle ? file.dependsOn.line : file.downRevision.line,
        QStringLiteral("Revisions %1 follow each other in a circle; one of them names a later "
                       "revision in its %2. Point it back at the revision it was created after.")
            .arg(cycleIds.join(QLatin1String(", ")),
                 dependencyCycle ? QStringLiteral("depends_on") : QStringLiteral("down_revision")));
}

} // namespace

Diagnostics markCycles(std::vector<RevisionNode> &nodes, const QList<MigrationFile> &files)
{
    Diagnostics diagnostics;
    const std::vector<char> versioned = nodesOnCycles(nodes, false);
    const bool alembicComparable = !hasMissingReferences(nodes);
    if (std::find(versioned.begin(), versioned.end(), 1) != versioned.end()) {
        const QStringList named = alembicComparable ? alembicCycleSet(nodes, false) : QStringList();
        diagnostics += cycleDiagnostic(nodes, files, versioned, named, false);
    } else {
        // Alembic checks dependency cycles only once the plain history is sound.
        const std::vector<char> withDeps = nodesOnCycles(nodes, true);
        if (std::find(withDeps.begin(), withDeps.end(), 1) != withDeps.end()) {
            const QStringList named = alembicComparable ? alembicCycleSet(nodes, true) : QStringList();
            diagnostics += cycleDiagnostic(nodes, files, withDeps, named, true);
        }
    }
    const std::vector<char> anyCycle = nodesOnCycles(nodes, true);
    for (std::size_t i = 0; i < nodes.size(); ++i)
        nodes[i].inCycle = anyCycle[i] != 0;
    return diagnostics;
}

} // namespace headway
