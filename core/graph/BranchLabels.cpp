#include "BranchLabels.h"

#include "GraphWalk.h"

namespace headway {

namespace {

bool stopsLabelWalk(const RevisionNode &node)
{
    return node.isRealBranchPoint() || node.isMergePoint();
}

void addLabels(RevisionNode &node, const QStringList &labels)
{
    for (const QString &label : labels)
        if (!node.branchLabels.contains(label))
            node.branchLabels += label;
}

} // namespace

// Alembic labels every descendant, then walks down from the last descendant it
// visited, labelling until a branch point or merge point. That walk only gets
// past the labelled revision itself when its descendants form one unbranched,
// unmerged line; then it continues into the revision's own ancestors.
void propagateBranchLabels(std::vector<RevisionNode> &nodes)
{
    std::vector<std::pair<int, QStringList>> labelled;
    for (int i = 0; i < static_cast<int>(nodes.size()); ++i)
        if (!nodes[i].shadowed && !nodes[i].ownBranchLabels.isEmpty())
            labelled.emplace_back(i, nodes[i].ownBranchLabels);

    for (const auto &entry : labelled) {
        const int origin = entry.first;
        const QStringList &labels = entry.second;
        bool straightLine = true;
        forEachReachable(nodes, origin, EdgeKind::Children, [&](int i) {
            addLabels(nodes[i], labels);
            if (stopsLabelWalk(nodes[i]) || nodes[i].children.size() > 1)
                straightLine = false;
        });
        if (!straightLine)
            continue;
        const RevisionNode *current = &nodes[origin];
        while (current->parents.size() == 1 && current->missingParents.isEmpty()) {
            RevisionNode &parent = nodes[current->parents.first()];
            if (stopsLabelWalk(parent) || parent.inCycle)
                break; // a cycle would never end the walk
            addLabels(parent, labels);
            current = &parent;
        }
    }
    for (RevisionNode &node : nodes)
        node.branchLabels.sort();
}

} // namespace headway
