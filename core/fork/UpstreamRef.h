// Which ref is "upstream" for a fork: the one the user set, else the first that
// exists of upstream/main, upstream/master, upstream/HEAD, the remote the
// current branch does not track, origin/main, origin/master.
#pragma once

#include "git/GitObjects.h"

namespace headway {

struct UpstreamRef {
    QString name;    // as the user would type it: "upstream/main"
    QString commit;
    QString problem; // why none was found, and what to do

    bool found() const { return !commit.isEmpty(); }

    // `requested` empty: discover from the refs and the current branch.
    static UpstreamRef find(const GitObjects &objects, const QString &requested);
    // The discovery alone, over refs already listed (for tests and the GUI's hint).
    static QString discover(const QList<GitRef> &refs, const QString &branch);
};

} // namespace headway
