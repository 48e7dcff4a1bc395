// The order `alembic history` lists revisions in (newest first): Alembic's
// RevisionMap._topological_sort walking down from every real head, which
// finishes one branch before starting another whenever it can.
#pragma once

#include "RevisionNode.h"

#include <vector>

namespace headway {

QList<int> computeHistoryOrder(const std::vector<RevisionNode> &nodes, const QList<int> &realHeads);

} // namespace headway
