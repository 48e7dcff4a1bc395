#include "NamedBranches.h"

#include "report/RevisionName.h"

#include <QHash>

namespace headway {

NamedBranches::NamedBranches(const std::vector<RevisionNode> &nodes, const QList<int> &heads)
    : m_headCount(heads.size())
{
    QHash<QString, qsizetype> byLabel;
    for (int head : heads) {
        const QStringList &labels = nodes[static_cast<std::size_t>(head)].branchLabels;
        if (labels.isEmpty()) {
            m_unlabelled += head;
            m_unlabelledIds += nodes[static_cast<std::size_t>(head)].id;
        }
        for (const QString &label : labels) {
            auto it = byLabel.constFind(label);
            if (it == byLabel.constEnd()) {
                it = byLabel.insert(label, m_branches.size());
                m_branches += NamedBranch{label, {}, {}};
            }
            m_branches[*it].heads += head;
            m_branches[*it].headIds += nodes[static_cast<std::size_t>(head)].id;
        }
    }
    m_labelsOfHead.reserve(heads.size());
    for (int head : heads)
        m_labelsOfHead.insert(head, nodes[static_cast<std::size_t>(head)].branchLabels);
}

namespace {

QString shownIds(const QStringList &ids)
{
    QStringList shown;
    for (const QString &id : ids)
        shown += displayedId(id);
    return joinedNames(shown);
}

} // namespace

QString NamedBranch::headsText() const
{
    return shownIds(headIds);
}

QString NamedBranches::unlabelledText() const
{
    return shownIds(m_unlabelledIds);
}

QString NamedBranches::summary() const
{
    QStringList branches;
    for (const NamedBranch &branch : m_branches)
        branches += QStringLiteral("%1 \u2192 %2").arg(branch.label, branch.headsText());
    return QStringLiteral("%1 named branches: %2").arg(m_branches.size()).arg(joinedNames(branches));
}

QList<NamedBranch> NamedBranches::diverged() const
{
    QList<NamedBranch> result;
    for (const NamedBranch &branch : m_branches)
        if (branch.heads.size() > 1)
            result += branch;
    return result;
}

QString NamedBranches::labelOf(int head) const
{
    return m_labelsOfHead.value(head).value(0);
}

bool NamedBranches::spanBranches(const QList<int> &heads) const
{
    // Heads of one diverged branch carry the same labels; different labels on two
    // labelled heads mean different branches. An unlabelled head belongs to none.
    QStringList first;
    for (int head : heads) {
        const QStringList labels = m_labelsOfHead.value(head);
        if (labels.isEmpty())
            continue;
        if (first.isEmpty())
            first = labels;
        else if (labels != first)
            return true;
    }
    return false;
}

} // namespace headway
