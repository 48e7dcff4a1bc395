// Depth-first reachability over one kind of edge, iterative so that long
// linear histories cannot overflow the stack, and cycle-safe.
#pragma once

#include "RevisionNode.h"

#include <vector>

namespace headway {

enum class EdgeKind {
    Parents,                // down_revision
    ParentsAndDependencies, // down_revision + normalized depends_on (Alembic's ancestors)
    Children,               // nextrev
    AllChildren,            // nextrev + dependents
};

inline const QList<int> &edgesOf(const RevisionNode &node, EdgeKind kind, int part)
{
    static const QList<int> none;
    switch (kind) {
    case EdgeKind::Parents:
        return part == 0 ? node.parents : none;
    case EdgeKind::ParentsAndDependencies:
        return part == 0 ? node.parents : node.normalizedDependencies;
    case EdgeKind::Children:
        return part == 0 ? node.children : none;
    case EdgeKind::AllChildren:
        return part == 0 ? node.allChildren : none;
    }
    return none;
}

// Calls visit(index) once for `start` and every node reachable from it.
template<typename Visit>
void forEachReachable(const std::vector<RevisionNode> &nodes, int start, EdgeKind kind, Visit visit)
{
    std::vector<char> seen(nodes.size(), 0);
    std::vector<int> todo{start};
    while (!todo.empty()) {
        const int current = todo.back();
        todo.pop_back();
        if (seen[static_cast<std::size_t>(current)])
            continue;
        seen[static_cast<std::size_t>(current)] = 1;
        visit(current);
        const RevisionNode &node = nodes[static_cast<std::size_t>(current)];
        for (int part = 0; part < 2; ++part)
            for (int next : edgesOf(node, kind, part))
                if (!seen[static_cast<std::size_t>(next)])
                    todo.push_back(next);
    }
}

} // namespace headway
