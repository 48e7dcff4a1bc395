// The offline (`--sql`) form of an upgrade or downgrade: Alembic cannot read
// the database in offline mode, so the range must start where the database is
// (`from:to`). Some states cannot be written as one range (a database at
// several heads); then the preview says why instead.
#pragma once

#include "plan/MigrationPlanner.h"
#include "runner/MigrationTool.h"

namespace headway {

struct SqlPreview {
    CommandLine line;
    QString error;
    bool ok() const { return error.isEmpty(); }

    static SqlPreview forPlan(const MigrationTool &tool, const RevisionGraph &graph, const QStringList &current,
                              const MigrationPlan &plan);
};

} // namespace headway
