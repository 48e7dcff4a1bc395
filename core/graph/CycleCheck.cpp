#include "CycleCheck.h"

#include "GraphWalk.h"

#include <algorithm>

namespace headway {

namespace {

using Nodes = std::vector<RevisionNode>;

// Edges stored flat, built once per walk: a history of 100,000 revisions is
// searched without copying one edge list per revision.
struct FlatEdges {
    std::vector<int> start; // node i's targets are targets[start[i] .. start[i + 1])
    std::vector<int> targets;

    FlatEdges(const Nodes &nodes, bool withDependencies)
    {
        start.reserve(nodes.size() + 1);
        start.push_back(0);
        for (const RevisionNode &node : nodes) {
            targets.insert(targets.end(), node.parents.cbegin(), node.parents.cend());
            if (withDependencies)
                targets.insert(targets.end(), node.dependencies.cbegin(), node.dependencies.cend());
            start.push_back(static_cast<int>(targets.size()));
        }
    }
    bool contains(int from, int to) const
    {
        return std::find(targets.begin() + start[from], targets.begin() + start[from + 1], to)
               != targets.begin() + start[from + 1];
    }
};

// Strongly connected components (Tarjan, iterative) over down_revision edges and,
// if asked, depends_on edges. Returns, per node, whether it sits on a cycle.
std::vector<char> nodesOnCycles(const Nodes &nodes, bool withDependencies)
{
    const int n = static_cast<int>(nodes.size());
    const FlatEdges edges(nodes, withDependencies);
    std::vector<int> order(n, -1), low(n, 0);
    std::vector<char> onStack(n, 0), cyclic(n, 0);
    std::vector<int> stack;
    int counter = 0;
    struct Frame { int node; int next; }; // next: index into edges.targets
    std::vector<Frame> frames;
    std::vector<int> component;
    for (int root = 0; root < n; ++root) {
        if (order[root] >= 0 || nodes[root].shadowed)
            continue;
        frames.push_back({root, edges.start[root]});
        order[root] = low[root] = counter++;
        stack.push_back(root);
        onStack[root] = 1;
        while (!frames.empty()) {
            Frame &frame = frames.back();
            if (frame.next < edges.start[frame.node + 1]) {
                const int w = edges.targets[frame.next++];
                if (order[w] < 0) {
                    order[w] = low[w] = counter++;
                    stack.push_back(w);
                    onStack[w] = 1;
                    frames.push_back({w, edges.start[w]});
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
            component.clear();
            int w;
            do {
                w = stack.back();
                stack.pop_back();
                onStack[w] = 0;
                component.push_back(w);
            } while (w != v);
            // A lone revision is on a cycle only through an edge to itself (a depends_on
            // naming its own branch label: the plain self-loops were removed before).
            if (component.size() > 1 || edges.contains(v, v))
                for (int member : component)
                    cyclic[member] = 1;
        }
    }
    return cyclic;
}

bool hasDependencies(const Nodes &nodes)
{
    return std::any_of(nodes.begin(), nodes.end(), [](const RevisionNode &node) { return !node.dependencies.isEmpty(); });
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
    }
    // Without any depends_on the walk with dependencies is the same walk.
    const std::vector<char> anyCycle = hasDependencies(nodes) ? nodesOnCycles(nodes, true) : versioned;
    // Alembic checks dependency cycles only once the plain history is sound.
    if (std::find(versioned.begin(), versioned.end(), 1) == versioned.end()
        && std::find(anyCycle.begin(), anyCycle.end(), 1) != anyCycle.end()) {
        const QStringList named = alembicComparable ? alembicCycleSet(nodes, true) : QStringList();
        diagnostics += cycleDiagnostic(nodes, files, anyCycle, named, true);
    }
    for (std::size_t i = 0; i < nodes.size(); ++i)
        nodes[i].inCycle = anyCycle[i] != 0;
    return diagnostics;
}

} // namespace headway
