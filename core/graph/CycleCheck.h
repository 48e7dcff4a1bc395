// Finds revisions caught in down_revision or depends_on cycles, marks them,
// and reports them in Alembic's words ("Cycle is detected in revisions (...)").
#pragma once

#include "RevisionNode.h"
#include "diagnostics/Diagnostic.h"
#include "parser/MigrationFile.h"

#include <vector>

namespace headway {

Diagnostics markCycles(std::vector<RevisionNode> &nodes, const QList<MigrationFile> &files);

} // namespace headway
