#include "LayoutInput.h"

#include "repository/Repository.h"

#include <QHash>

namespace headway {

LayoutInput layoutInputFor(const Repository &repository, QSizeF nodeSize)
{
    const RevisionGraph &graph = repository.graph;
    LayoutInput input;
    QList<int> layoutIndexOf(graph.size(), -1);
    for (int index = 0; index < graph.size(); ++index) {
        const RevisionNode &node = graph.node(index);
        if (node.shadowed)
            continue; // Alembic ignores it; the file that shadows it stands for the id
        layoutIndexOf[index] = int(input.nodes.size());
        input.nodes.append({node.id, nodeSize, index, false, {}});
    }

    QHash<QString, int> ghostOf;
    const auto addEdge = [&input](int from, int to, LayoutEdge::Kind kind) {
        if (from >= 0 && to >= 0)
            input.edges.append({from, to, kind});
    };
    for (int index = 0; index < graph.size(); ++index) {
        const int to = layoutIndexOf.at(index);
        if (to < 0)
            continue;
        const RevisionNode &node = graph.node(index);
        for (int parent : node.parents)
            addEdge(layoutIndexOf.at(parent), to, LayoutEdge::Kind::Parent);
        for (int dependency : node.dependencies)
            addEdge(layoutIndexOf.at(dependency), to, LayoutEdge::Kind::Dependency);
        for (const QString &missing : node.missingParents) {
            auto ghost = ghostOf.constFind(missing);
            if (ghost == ghostOf.constEnd()) {
                ghost = ghostOf.insert(missing, int(input.nodes.size()));
                input.nodes.append({missing, nodeSize, -1, true, {}});
            }
            addEdge(*ghost, to, LayoutEdge::Kind::Missing);
        }
    }
    return input;
}

} // namespace headway
