#include "MigrationCommit.h"

namespace headway {

QString MigrationCommit::suggestedMessage(const QString &revision, const QStringList &joined, const QString &upstream)
{
    const QString subject = joined.size() > 1
                                ? QStringLiteral("Add merge migration %1 joining %2").arg(revision, joined.join(QStringLiteral(" and ")))
                                : QStringLiteral("Rebase migration %1 onto %2").arg(revision, joined.value(0));
    return upstream.isEmpty() ? subject
                              : subject + QStringLiteral("\n\nAfter merging %1: one head again, so deploys can upgrade.").arg(upstream);
}

QString MigrationCommit::description(const GitCheckout &checkout, const QString &path)
{
    const QString relative = checkout.relativePath(path);
    return checkout.mergeHead.isEmpty()
               ? QStringLiteral("Stage and commit only %1; nothing else that is staged goes in, nothing is pushed.").arg(relative)
               : QStringLiteral("git's merge is still in progress: %1 is staged and the commit concludes the merge, "
                                "with what the merge itself staged. Nothing is pushed.")
                     .arg(relative);
}

MigrationCommitResult MigrationCommit::commit(const QString &path, const QString &message, const std::atomic<bool> *cancel)
{
    MigrationCommitResult result;
    const GitCheckout checkout = GitCheckout::open(path, cancel);
    const QString relative = checkout.relativePath(path);
    if (!checkout.found || relative.isEmpty()) {
        result.error = checkout.found ? QStringLiteral("%1 is outside the git work tree %2").arg(path, checkout.topLevel)
                                      : checkout.problem;
        return result;
    }
    if (message.trimmed().isEmpty()) {
        result.error = QStringLiteral("The commit message is empty.");
        return result;
    }
    const GitProcess git = checkout.git(cancel);
    result.concludedMerge = !checkout.mergeHead.isEmpty();
    if (result.concludedMerge) {
        const GitOutput unmerged = git.run({QStringLiteral("ls-files"), QStringLiteral("-z"), QStringLiteral("--unmerged")});
        if (!unmerged.out.isEmpty()) {
            result.error = QStringLiteral("git's merge still has unmerged paths: resolve them (git add) first; nothing was committed.");
            return result;
        }
    }
    const GitOutput added = git.run({QStringLiteral("add"), QStringLiteral("--"), relative});
    if (!added.ok) {
        result.error = QStringLiteral("git add %1 failed: %2").arg(relative, added.error);
        return result;
    }
    // The message goes through a file (-F -): verbatim, whatever it holds.
    QStringList arguments{QStringLiteral("commit"), QStringLiteral("-q"), QStringLiteral("-F"), QStringLiteral("-")};
    if (!result.concludedMerge)
        arguments += {QStringLiteral("--only"), QStringLiteral("--"), relative};
    const GitOutput committed = git.run(arguments, message.toUtf8());
    if (!committed.ok) {
        result.error = QStringLiteral("git commit failed: %1").arg(committed.error);
        return result;
    }
    const GitOutput head = git.run({QStringLiteral("rev-parse"), QStringLiteral("HEAD")});
    result.commit = QString::fromUtf8(head.out).trimmed();
    return result;
}

} // namespace headway
