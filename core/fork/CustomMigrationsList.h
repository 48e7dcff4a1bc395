// CUSTOM_MIGRATIONS.md: the fork's own migrations (id, message, date, file,
// commit) as a Markdown table inside a generated block between two marker
// comments, merged into whatever the file already says: text outside the
// block is kept byte for byte, and writing again with nothing new changes
// nothing (no timestamps).
#pragma once

#include "MigrationOrigins.h"

namespace headway {

struct CustomMigrationsWrite {
    QString error;
    QString path;
    bool changed = false; // false: the file already said exactly this
    int migrations = 0;
    bool ok() const { return error.isEmpty(); }
};

class CustomMigrationsList
{
public:
    static const QString startMarker;
    static const QString endMarker;

    // The block for `origins` (available), markers included.
    static QString block(const Repository &repository, const OriginReport &origins);
    // `existing` with its block replaced, or the block appended (a title first when the file is new).
    static QString merged(const QString &existing, const QString &block);
    // Writes `path` (default: CUSTOM_MIGRATIONS.md at the work-tree root) when it would change.
    static CustomMigrationsWrite write(const Repository &repository, const OriginReport &origins, const QString &path = {});
};

} // namespace headway
