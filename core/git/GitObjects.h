// What git holds under a few folders, read through plumbing only (ls-tree,
// ls-files, cat-file --batch, hash-object, for-each-ref, rev-list, diff-tree):
// never a checkout, never a write to the index or the work tree.
#pragma once

#include "GitCheckout.h"

#include <QHash>
#include <QSet>

#include <optional>

namespace headway {

struct TreeEntry {
    QString blob;
    bool symlink = false;
};
using TreeFiles = QHash<QString, TreeEntry>; // by path relative to the work-tree root

struct GitRef {
    QString name;      // refs/remotes/upstream/main
    QString commit;    // what it points at, peeled for annotated tags
    QString upstream;  // the ref a local branch tracks, refs/remotes/…
};

struct CommitStamp {
    QString commit;
    QString author;
    QString date; // ISO 8601, the author date
};

class GitObjects
{
public:
    GitObjects(const GitCheckout &checkout, const std::atomic<bool> *cancel = nullptr);

    // A commit for any revision expression; empty when git knows none.
    QString commitOf(const QString &revision, QString *error = nullptr) const;
    std::optional<TreeFiles> treeFiles(const QString &commit, const QStringList &folders, QString *error = nullptr) const;
    // Blob contents by id; a blob git cannot read is left out.
    QHash<QString, QByteArray> blobs(const QStringList &ids) const;
    // The blob ids the work-tree files would get if added now (filters applied).
    QStringList hashFiles(const QStringList &relativePaths) const;
    QStringList untracked(const QStringList &folders) const; // not ignored
    QSet<QString> indexed(const QStringList &folders) const;
    QList<GitRef> refs() const; // local branches, remote-tracking refs, tags
    QString mergeBase(const QString &a, const QString &b) const;
    // The refs among refs/remotes and refs/tags whose history holds `commit`.
    QStringList publishingRefs(const QString &commit) const;
    QSet<QString> reachable(const QString &commit) const;
    // HEAD's first-parent chain, newest first, each with all its parents.
    QList<QStringList> firstParentChain(const QString &commit) const;
    // For each path under `folders` in `commit`'s history: the newest commit that added it there.
    // One walk of the history, limited to those folders.
    QHash<QString, CommitStamp> addingCommits(const QString &commit, const QStringList &folders) const;

    const GitCheckout &checkout() const { return m_checkout; }

private:
    GitOutput git(const QStringList &arguments, const QByteArray &input = {}) const;

    const GitCheckout &m_checkout;
    GitProcess m_process;
};

} // namespace headway
