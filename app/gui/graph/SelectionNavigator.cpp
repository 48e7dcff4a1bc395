#include "SelectionNavigator.h"

#include "GraphScene.h"

namespace headway {

int SelectionNavigator::target(int from, Move move)
{
    if (!m_scene.hasGraph() || from < 0)
        return start();
    const GraphNavigation &navigation = m_scene.navigation();
    switch (move) {
    case Move::Parent: {
        const int to = navigation.parent(from, m_preferredParent.value(from, -1));
        if (to >= 0)
            m_preferredChild.insert(to, from);
        return to;
    }
    case Move::Child: {
        const int to = navigation.child(from, m_preferredChild.value(from, -1));
        if (to >= 0)
            m_preferredParent.insert(to, from);
        return to;
    }
    case Move::NextSibling:
        return navigation.nextSibling(from);
    case Move::PreviousSibling:
        return navigation.previousSibling(from);
    }
    return -1;
}

void SelectionNavigator::reset()
{
    m_preferredChild.clear();
    m_preferredParent.clear();
}

int SelectionNavigator::start() const
{
    const QList<int> heads = m_scene.headRevisions();
    return heads.isEmpty() ? m_scene.repository().graph.historyOrder().value(0, -1) : heads.first();
}

} // namespace headway
