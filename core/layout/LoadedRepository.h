// A repository as the GUI shows it: the repository, the operations its files
// perform, the layout input made from it and the finished layout of that
// input, made together once a load and its layout are done and never changed
// afterwards. They must agree (the input's nodes index the repository's graph;
// the layout's nodes and edges are parallel to the input's; the operations are
// by file index, as the repository's files), so they travel as one value,
// shared read-only by pointer: whoever holds it keeps the graph alive for
// anything that refers into it (GraphNavigation). Here and not in
// core/repository because a repository does not need a layout; the layout is
// what ties them together.
#pragma once

#include "GraphLayout.h"
#include "LayoutInput.h"
#include "operations/RepositoryOperations.h"
#include "repository/Repository.h"

#include <QMetaType>

#include <memory>

namespace headway {

struct LoadedRepository {
    std::shared_ptr<const Repository> repository; // never null in a value made by make()
    LayoutInput input;
    GraphLayout layout;
    // Read from `repository`'s files off the GUI thread (RepositoryOperations::read);
    // empty when nobody read them, and then panels show no operations.
    RepositoryOperations operations;
    // They are being read: a newer value with them follows (RepositorySession::operationsRead).
    bool operationsPending = false;

    // The shared, immutable value; `input` must be made from `repository`
    // (layoutInputFor), `layout` be the layout of `input` and `operations` be
    // read from `repository`.
    static std::shared_ptr<const LoadedRepository> make(std::shared_ptr<const Repository> repository,
                                                        LayoutInput input, GraphLayout layout,
                                                        RepositoryOperations operations = {})
    {
        return std::make_shared<const LoadedRepository>(LoadedRepository{
            std::move(repository), std::move(input), std::move(layout), std::move(operations), false});
    }

    // The operations of graph node `revision`; empty ones when none were read.
    MigrationOperations operationsOf(int revision) const
    {
        return operations.ofNode(*repository, revision);
    }

    // Whether the layout has a box for every input node and a route for every input
    // edge: a failed layout has neither, and then nothing can be drawn from it.
    bool layoutFitsInput() const
    {
        return layout.nodes.size() == input.nodes.size() && layout.edges.size() == input.edges.size();
    }
};

} // namespace headway

Q_DECLARE_METATYPE(std::shared_ptr<const headway::LoadedRepository>)
