// Where git still has a migration the work tree lacks ("Can't locate revision
// identified by ..."): deleted or moved away in the history of any ref, or
// present on another branch, tag or remote-tracking ref. One history walk and
// one batch read of the candidate files; each is parsed (never run) to see
// which one defines the revision. Restoring writes the file back byte for
// byte where it was, and never over an existing file.
// Blocks on git and the disk: call it off the GUI thread.
#pragma once

#include "git/GitObjects.h"

namespace headway {

struct Repository;

struct MissingRevisionSource {
    QString revision;
    QString error;     // not found, or why it could not be searched
    QString path;      // where it was, relative to the work-tree root
    QString blob;
    QString how;       // "deleted in <commit>", "moved away in <commit>", "on <ref>"
    CommitStamp commit; // the deleting commit, or the ref's commit
    QString subject;
    bool found() const { return !blob.isEmpty(); }
};

struct RestoreResult {
    QString error;
    QString path; // absolute
    bool ok() const { return error.isEmpty(); }
};

class MissingRevisionFinder
{
public:
    static MissingRevisionSource find(const Repository &repository, const QString &revision,
                                      const std::atomic<bool> *cancel = nullptr);
    static RestoreResult restore(const Repository &repository, const MissingRevisionSource &source);
};

} // namespace headway
