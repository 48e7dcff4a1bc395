// Reads the database's revisions out of `flask db current` / `alembic current`
// output: the lines whose first word is a revision the graph knows, in the
// order printed, ignoring log lines.
#pragma once

#include "graph/RevisionGraph.h"

namespace headway {

struct CurrentRevisions {
    QStringList revisions; // empty: the database is at base (no alembic_version rows)
    QStringList unknown;   // revision-like words the migration files do not declare

    static CurrentRevisions parse(const QString &output, const RevisionGraph &graph);
};

} // namespace headway
