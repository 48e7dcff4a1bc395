// Spreads branch labels the way Alembic's RevisionMap._add_branches does: to
// every descendant of a labelled revision, and down its own unbranched stem.
#pragma once

#include "RevisionNode.h"

#include <vector>

namespace headway {

void propagateBranchLabels(std::vector<RevisionNode> &nodes);

} // namespace headway
