// A loaded repository: where its migrations are, every file as read, the
// revision graph, and every diagnostic in one list. A value type: cheap to
// hand from a loading thread to the GUI.
#pragma once

#include "RepositoryLayout.h"
#include "graph/RevisionGraph.h"
#include "parser/MigrationFile.h"

namespace headway {

struct Repository {
    RepositoryLayout layout;
    QList<MigrationFile> files; // in Alembic's load order
    RevisionGraph graph;
    Diagnostics diagnostics;    // layout, files and graph problems together
    bool cancelled = false;

    bool found() const { return layout.found; }
    const MigrationFile &fileOf(int node) const { return files.at(graph.node(node).fileIndex); }
    QString relativePath(const QString &absolutePath) const { return layout.relativePath(absolutePath); }
};

} // namespace headway
