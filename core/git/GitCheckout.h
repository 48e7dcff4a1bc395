// The git checkout a repository folder lies in, as git itself sees it: the top
// of the work tree, HEAD (or none yet), the branch or a detached HEAD, a merge
// in progress, a shallow history. A folder outside git, or git missing, is a
// value too, with the reason in words.
#pragma once

#include "GitProcess.h"

namespace headway {

struct GitCheckout {
    bool found = false;
    QString problem;       // why not found: "not a git checkout", git missing, ...
    QString topLevel;      // canonical work-tree root
    QString gitDirectory;
    QString head;          // HEAD's commit; empty before the first commit
    QString branch;        // refs/heads/…; empty when HEAD is detached
    QString mergeHead;     // MERGE_HEAD's commit while a merge is in progress
    bool shallow = false;

    static GitCheckout open(const QString &folder, const std::atomic<bool> *cancel = nullptr);

    bool detached() const { return found && branch.isEmpty(); }
    GitProcess git(const std::atomic<bool> *cancel = nullptr) const { return GitProcess(topLevel, cancel); }
    // A path relative to the work-tree root, '/'-separated; empty when outside it.
    QString relativePath(const QString &path) const;
    QString absolutePath(const QString &relative) const;
};

} // namespace headway
