// What a merge of heads needs before it runs (the heads, a descriptive
// message) and what must hold after it (one new file, a single head or fewer
// heads, every earlier file untouched).
#pragma once

#include "repository/Repository.h"

namespace headway {

struct MergeVerification {
    QString newFile;        // absolute path of the merge migration
    int newRevision = -1;   // its node in the reloaded graph
    int headsBefore = 0;
    int headsAfter = 0;
    QString problem;        // what is wrong; empty when the merge did what was asked
    bool ok() const { return problem.isEmpty(); }
};

class MergeRequest
{
public:
    // "merge heads: add user preferences, add post slug": the messages say what is merged.
    static QString defaultMessage(const Repository &repository, const QList<int> &heads);
    // Why a message is refused (empty, or says nothing but "merge"); empty when it is fine.
    static QString messageProblem(const QString &message);
    // The heads a merge should join when the user has not chosen: all of them, or only a
    // diverged named branch's; none when named branches are kept on purpose, or when
    // unlabelled heads sit beside named branches (only the user knows where they belong).
    static QList<int> suggestedHeads(const Repository &repository);
    // Why merging these heads joins named branches the project keeps apart; empty when it does not.
    static QString acrossBranchesWarning(const Repository &repository, const QList<int> &heads);
    static MergeVerification verify(const Repository &before, const Repository &after, const QStringList &mergedHeads);
};

} // namespace headway
