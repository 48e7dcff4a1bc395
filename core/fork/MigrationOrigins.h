// Where each migration came from, for a fork: its own (the file is not in the
// upstream ref's tree), upstream's (new in the last merge of upstream), shared,
// uncommitted or untracked, with the commit that added the file. One walk of
// the history for all files. Blocks on git: call it off the GUI thread.
#pragma once

#include "UpstreamRef.h"
#include "diagnostics/Diagnostic.h"

#include <QHash>

namespace headway {

struct Repository;

enum class Origin { Fork, Upstream, Shared, Uncommitted, Untracked };
QString originName(Origin origin); // "fork", "upstream", ... as in the JSON

struct RevisionOrigin {
    int node = -1;
    QString revision;
    Origin origin = Origin::Untracked;
    QString path;         // relative to the work-tree root
    CommitStamp added;    // empty for uncommitted and untracked files
    bool modified = false; // committed, with uncommitted changes in the work tree
};

struct OriginReport {
    bool available = false;
    QString note;          // why the origin view is off; or what to know (a shallow history)
    GitCheckout checkout;
    UpstreamRef upstream;
    QString lastUpstreamMerge; // the merge commit of upstream the "upstream" origin is measured at
    QList<RevisionOrigin> revisions; // in history order, one per node with a file
    QHash<int, int> byNode;          // node -> index into revisions
    // Migration files git still tracks (in the index) that the work tree lacks: deleted or moved.
    QStringList trackedMissing;

    const RevisionOrigin *ofNode(int node) const;
    // By revision id: for another graph of the same files (a merge preview's).
    const RevisionOrigin *ofRevision(const QString &revision) const;
};

class MigrationOrigins
{
public:
    // `upstream` empty: discover it (UpstreamRef).
    static OriginReport classify(const Repository &repository, const QString &upstream,
                                 const std::atomic<bool> *cancel = nullptr);
    // The version directories as pathspecs relative to the work-tree root (those inside it).
    static QStringList versionFolders(const Repository &repository, const GitCheckout &checkout);
    // The warning for trackedMissing, naming each file and the fix.
    static Diagnostics trackedMissingWarnings(const OriginReport &report);
};

} // namespace headway
