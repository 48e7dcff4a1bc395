#include "RevisionSearch.h"

#include "repository/Repository.h"

namespace headway {

RevisionSearch::RevisionSearch(const Repository &repository)
{
    const RevisionGraph &graph = repository.graph;
    const QList<int> &order = graph.historyOrder();
    m_entries.reserve(order.size());
    for (int revision : order)
        m_entries.append({revision, graph.node(revision).id.toCaseFolded(),
                          repository.fileOf(revision).doc.toCaseFolded()});
}

QList<int> RevisionSearch::matchesOf(const QString &text) const
{
    const QString needle = text.trimmed().toCaseFolded();
    QList<int> result;
    if (needle.isEmpty())
        return result;
    for (const Entry &entry : m_entries)
        if (entry.id.startsWith(needle) || entry.message.contains(needle))
            result.append(entry.revision);
    return result;
}

int RevisionSearch::find(const QString &text)
{
    m_text = text;
    m_matches = matchesOf(text);
    m_position = m_matches.isEmpty() ? -1 : 0;
    return int(m_matches.size());
}

int RevisionSearch::next()
{
    if (m_matches.isEmpty())
        return -1;
    m_position = (m_position + 1) % int(m_matches.size());
    return current();
}

int RevisionSearch::previous()
{
    if (m_matches.isEmpty())
        return -1;
    const int count = int(m_matches.size());
    m_position = (m_position - 1 + count) % count;
    return current();
}

bool RevisionSearch::moveTo(int revision)
{
    const qsizetype position = m_matches.indexOf(revision);
    if (position < 0)
        return false;
    m_position = int(position);
    return true;
}

} // namespace headway
