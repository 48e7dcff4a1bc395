// Rebasing what nobody has yet: the fork's oldest unpublished migration is
// pointed at upstream's head by rewriting only its `down_revision` value and its
// `Revises:` header, after a backup of the file. A revision whose file is
// reachable from a remote-tracking ref or a tag is published: databases may be
// stamped with it, and moving it would strand them, so it is refused with the
// ref that publishes it. Blocks on git and the disk: call it off the GUI thread.
#pragma once

#include "MigrationOrigins.h"
#include "parser/MigrationFile.h"
#include "workflow/CommandConfirmation.h"

namespace headway {

struct Publication {
    QString revision;
    QString path;
    QString commit; // the commit that added the file; empty when uncommitted or untracked
    QStringList refs; // the remote-tracking refs and tags that hold it; empty: unpublished
};

struct RebaseCheck {
    QString error;       // why it cannot be done; empty when it can
    int revisionNode = -1;
    int targetNode = -1;
    QString oldParent;
    QList<Publication> moved; // the revision and every descendant that moves with it
    const Publication *firstPublished() const;
    bool ok() const { return error.isEmpty(); }
};

struct RebaseResult {
    QString error;
    QString path;   // the rewritten file
    QString backup; // its copy as it was
    bool ok() const { return error.isEmpty(); }
};

// When two heads meet, whether the fork's side can be rebased onto the other.
struct RebaseAdvice {
    bool offered = false; // the fork's side is unpublished and starts at one revision
    QString revision;     // the fork's oldest migration above the branch point
    QString onto;         // upstream's head
    QString reason;       // why rebase is offered, or why only a merge migration is
};

class MigrationRebase
{
public:
    static RebaseCheck check(const Repository &repository, const QString &revision, const QString &target,
                             const std::atomic<bool> *cancel = nullptr);
    // What the user is asked first: the file, the two lines that change, where the backup goes.
    static CommandConfirmation confirmationFor(const Repository &repository, const RebaseCheck &check,
                                               const QString &backupDirectory);
    static RebaseResult apply(const Repository &repository, const RebaseCheck &check,
                              const QString &backupDirectory);
    // The file's text with only the down_revision value and the Revises: header changed.
    static QByteArray rewritten(const QByteArray &source, const MigrationFile &file, const QString &target, QString *error);
    // Two heads, one of them the fork's own (`forkOwn` says which revisions are): the advice.
    static RebaseAdvice advise(const Repository &repository, const QSet<QString> &forkOwn, const OriginReport &origins);
};

} // namespace headway
