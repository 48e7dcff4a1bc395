// Turns what a user types (a full id, a unique prefix, a branch label,
// "head", "heads", "base", "label@head") into revisions, with Alembic's
// error wording when that is impossible.
#pragma once

#include "RevisionGraph.h"

namespace headway {

struct Resolution {
    QList<int> revisions; // node indices
    QString error;        // empty on success
    bool ok() const { return error.isEmpty(); }
};

class RevisionResolver
{
public:
    explicit RevisionResolver(const RevisionGraph &graph)
        : m_graph(graph)
    {
    }

    Resolution resolve(const QString &identifier) const;

private:
    Resolution resolveText(const QString &id) const;
    Resolution resolveOne(const QString &identifier) const;
    QList<int> headsOfBranch(const QString &branch) const;

    const RevisionGraph &m_graph;
};

} // namespace headway
