// The last step after an upstream merge: stage and commit only the migration
// file Headway made or changed, with a message the user can edit. Nothing else
// is staged and nothing is pushed. While git's merge is still in progress, the
// commit is the one that concludes it (git allows no partial commit then), and
// only once no path is left unmerged. Blocks on git: call it off the GUI thread.
#pragma once

#include "git/GitCheckout.h"

namespace headway {

struct MigrationCommitResult {
    QString error;
    QString commit; // the new commit
    bool concludedMerge = false;
    bool ok() const { return error.isEmpty(); }
};

class MigrationCommit
{
public:
    // The message offered: what the file does and why it exists.
    static QString suggestedMessage(const QString &revision, const QStringList &joined, const QString &upstream);
    // What the user is told before: which file, and whether the merge is concluded with it.
    static QString description(const GitCheckout &checkout, const QString &path);
    static MigrationCommitResult commit(const QString &path, const QString &message, const std::atomic<bool> *cancel = nullptr);
};

} // namespace headway
