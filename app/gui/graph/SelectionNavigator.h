// Where moving the selection leads in the shown graph (the Go menu, the arrow
// keys): GraphNavigation's choices plus a memory of where the user came from,
// so Down then Up returns to the same child of a branch point and Up then Down
// to the same parent of a merge. Without a revision to start from, every move
// starts at the newest head. The memory belongs to one graph: reset() on a new one.
#pragma once

#include <QHash>

namespace headway {

class GraphScene;

class SelectionNavigator
{
public:
    enum class Move { Parent, Child, NextSibling, PreviousSibling };

    explicit SelectionNavigator(const GraphScene &scene) : m_scene(scene) {}

    // The revision `move` leads to from `from` (a graph index, or -1 for none
    // selected); -1 when there is none. Remembers the step for the way back.
    int target(int from, Move move);
    void reset();

private:
    int start() const;

    const GraphScene &m_scene;
    QHash<int, int> m_preferredChild;  // parent -> the child the user came down from
    QHash<int, int> m_preferredParent; // child -> the parent the user came up from
};

} // namespace headway
