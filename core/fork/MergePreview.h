// The revision graph a `git merge REF` would produce, computed before it: the
// version folders as they are at REF and in the work tree (HEAD plus whatever is
// uncommitted), combined file by file the way git's three-way merge combines
// them against the merge base, and loaded like any repository. Read from git
// objects only: HEAD, the index and the work tree are never changed.
// Blocks on git: call it off the GUI thread.
#pragma once

#include "conflicts/ConflictReport.h"
#include "MigrationRebase.h"
#include "git/GitObjects.h"
#include "operations/RepositoryOperations.h"
#include "report/HealthCheck.h"
#include "repository/RepositoryLoader.h"

namespace headway {

// A path both sides changed differently: git will stop on it.
struct GitFileConflict {
    QString path;   // relative to the work-tree root
    QString reason; // "changed on both sides", "added on both sides with different content", ...
};

struct MergePreviewResult {
    QString error; // the preview could not be made; nothing else is set
    QString ref;
    QString refCommit;
    QString head;  // empty before the first commit
    QString base;  // the merge base; empty for unrelated histories
    bool alreadyMerged = false;   // REF is already in HEAD's history
    Repository merged;            // the graph after the merge
    RepositoryOperations operations; // of merged.files
    QList<GitFileConflict> gitConflicts;
    QStringList incoming;         // revisions the merge brings in (ids)
    HealthVerdict verdict;
    ConflictReport conflicts;     // between the heads after the merge, when several
    RebaseAdvice rebase;          // whether the fork's side could move onto REF's head instead

    bool ok() const { return error.isEmpty(); }
    // As check's: 0 one head, 1 several, 2 broken (a git conflict in a migration file too).
    int exitCode() const;
};

class MergePreview
{
public:
    static MergePreviewResult preview(const Repository &current, const QString &ref, const LoadOptions &options = {});
};

} // namespace headway
