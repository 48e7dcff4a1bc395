// The revision graph of a repository, built from statically parsed migration
// files with Alembic's semantics (alembic/script/revision.py): heads, bases,
// branch and merge points, branch labels and depends_on. Problems become
// diagnostics; the graph still stands for everything that could be read.
#pragma once

#include "NamedBranches.h"
#include "RevisionNode.h"
#include "diagnostics/Diagnostic.h"
#include "parser/MigrationFile.h"

#include <QHash>

#include <optional>
#include <vector>

namespace headway {

class RevisionGraph
{
public:
    RevisionGraph() = default;
    explicit RevisionGraph(const QList<MigrationFile> &files);

    const std::vector<RevisionNode> &nodes() const { return m_nodes; }
    const RevisionNode &node(int index) const { return m_nodes[static_cast<std::size_t>(index)]; }
    int size() const { return static_cast<int>(m_nodes.size()); }

    // The node Alembic's map holds for `id` (the last file declaring it), or -1.
    int indexOf(const QString &id) const { return m_byId.value(id, -1); }
    // The revision that declares `label` in its branch_labels, or -1.
    int indexOfLabel(const QString &label) const { return m_byLabel.value(label, -1); }

    // In Alembic's order (the order files are enumerated).
    const QList<int> &heads() const { return m_heads; }
    const QList<int> &realHeads() const { return m_realHeads; }
    const QList<int> &bases() const { return m_bases; }
    // How the heads fall into named branches (by design, diverged, unlabelled).
    const NamedBranches &namedBranches() const { return m_namedBranches; }

    // `alembic history` order: newest first (Alembic's walk_revisions). Computed on
    // the first call and cached: make that call before sharing the graph between threads.
    const QList<int> &historyOrder() const;

    // Ancestors (via down_revision and, if asked, depends_on), including `index`.
    QList<int> ancestors(int index, bool includeDependencies = true) const;
    QList<int> descendants(int index, bool includeDependencies = true) const;

    const Diagnostics &diagnostics() const { return m_diagnostics; }

private:
    void addNodes(const QList<MigrationFile> &files);
    void mapBranchLabels(const QList<MigrationFile> &files);
    void resolveEdges(const QList<MigrationFile> &files);
    void normalizeDependencies();
    void collectRoles();
    void reportMultipleHeads(const QList<MigrationFile> &files);

    std::vector<RevisionNode> m_nodes;
    QHash<QString, int> m_byId;
    QHash<QString, int> m_byLabel;
    QList<int> m_heads, m_realHeads, m_bases;
    NamedBranches m_namedBranches;
    mutable std::optional<QList<int>> m_history;
    Diagnostics m_diagnostics;
};

} // namespace headway
