// Lists the migration files of a layout in the order Alembic loads them:
// version locations in order; within each, file names sorted; with
// recursive_version_locations, subdirectories walked top-down in sorted order
// (never through symbolic links, never into __pycache__). Names that are not
// revision files (__init__.py, editor lock files .#x.py, non-.py) are skipped.
#pragma once

#include "RepositoryLayout.h"

namespace headway {

struct VersionFiles {
    QStringList paths; // absolute
    Diagnostics diagnostics;
};

class VersionScanner
{
public:
    static VersionFiles scan(const RepositoryLayout &layout);
    static bool isRevisionFileName(const QString &name);
};

} // namespace headway
