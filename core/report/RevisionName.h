// How Headway names a revision to people, in the banner, dialogs, plans, the
// CLI and diagnostics alike: its id, or "id (message)" with the message's
// whitespace simplified and long messages cut short with an ellipsis.
//
// Includes nothing but QString, so the revision graph can name its heads while
// it is being built, before there is a Repository.
#pragma once

#include <QString>

namespace headway {

struct Repository;

QString revisionName(const Repository &repository, int revision);
// The same from the parts: `message` is the migration's docstring (its first paragraph).
QString revisionName(const QString &id, const QString &message);

// The older name, for callers not yet switched to revisionName().
inline QString shortRevisionName(const Repository &repository, int revision)
{
    return revisionName(repository, revision);
}

} // namespace headway
