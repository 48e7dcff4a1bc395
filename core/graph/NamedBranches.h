// Which heads are named branches kept on purpose. Projects such as OpenStack's
// expand/contract trees or Invenio's one branch per package keep one head per
// branch label and upgrade with `heads` or `label@head`; telling them to merge
// would break their deployments. Heads are by design when every head carries a
// branch label (as Alembic propagates labels) and no label is on two heads.
#pragma once

#include "RevisionNode.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <vector>

namespace headway {

struct NamedBranch {
    QString label;
    QList<int> heads; // the heads carrying the label, in the graph's head order
    QStringList headIds;

    QString headsText() const; // the ids as shown to people, comma-separated
};

class NamedBranches
{
public:
    NamedBranches() = default;
    NamedBranches(const std::vector<RevisionNode> &nodes, const QList<int> &heads);

    // Every label some head carries, in the order of the first head carrying it.
    const QList<NamedBranch> &branches() const { return m_branches; }
    const QList<int> &unlabelledHeads() const { return m_unlabelled; }
    QString unlabelledText() const; // their ids as shown to people, comma-separated
    // Labels on two or more heads: a named branch that diverged.
    QList<NamedBranch> diverged() const;

    // Several heads, each labelled, no label shared: nothing to merge.
    bool byDesign() const { return m_headCount > 1 && m_unlabelled.isEmpty() && diverged().isEmpty(); }
    // The label that names `head` alone, or empty; a head with several labels gives the first.
    QString labelOf(int head) const;
    // "2 named branches: expand → 5c85685d616d, contract → a1b2c3d4e5f6"
    QString summary() const;
    // Whether the heads lie on two or more different named branches.
    bool spanBranches(const QList<int> &heads) const;

private:
    QList<NamedBranch> m_branches;
    QList<int> m_unlabelled;
    QStringList m_unlabelledIds;
    QHash<int, QStringList> m_labelsOfHead;
    qsizetype m_headCount = 0;
};

} // namespace headway
