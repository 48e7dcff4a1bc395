#include "JsonReport.h"

namespace headway {

QString JsonReport::relative(const QString &path) const
{
    return path.isEmpty() ? QString() : m_repository.relativePath(path);
}

QJsonObject JsonReport::revision(int node) const
{
    const RevisionNode &n = m_repository.graph.node(node);
    const MigrationFile &file = m_repository.fileOf(node);
    QJsonArray children;
    for (int child : n.children)
        children.append(m_repository.graph.node(child).id);
    return QJsonObject{
        {QStringLiteral("id"), n.id},
        {QStringLiteral("down_revisions"), QJsonArray::fromStringList(n.downRevisions)},
        {QStringLiteral("depends_on"), QJsonArray::fromStringList(n.dependsOn)},
        {QStringLiteral("branch_labels"), QJsonArray::fromStringList(n.branchLabels)},
        {QStringLiteral("message"), file.doc},
        {QStringLiteral("create_date"), file.createDate},
        {QStringLiteral("path"), relative(file.path)},
        {QStringLiteral("line"), file.revision.line},
        {QStringLiteral("children"), children},
        {QStringLiteral("is_head"), n.isHead()},
        {QStringLiteral("is_base"), n.isBase()},
        {QStringLiteral("is_branch_point"), n.isBranchPoint()},
        {QStringLiteral("is_merge_point"), n.isMergePoint()},
        {QStringLiteral("resolved_through_python"), [&] {
             QJsonArray names;
             const std::pair<const char *, const AssignedValue *> values[] = {
                 {"revision", &file.revision}, {"down_revision", &file.downRevision},
                 {"branch_labels", &file.branchLabels}, {"depends_on", &file.dependsOn}};
             for (const auto &[name, value] : values)
                 if (value->resolvedByPython)
                     names.append(QString::fromLatin1(name));
             return names;
         }()},
        {QStringLiteral("resolved_from_module"), [&] {
             // {"branch_labels": {"cli.EXPAND_BRANCH": "neutron/db/migration/cli.py"}}
             QJsonObject variables;
             const std::pair<const char *, const AssignedValue *> values[] = {
                 {"revision", &file.revision}, {"down_revision", &file.downRevision},
                 {"branch_labels", &file.branchLabels}, {"depends_on", &file.dependsOn}};
             for (const auto &[name, value] : values) {
                 if (value->resolvedFromModule.isEmpty())
                     continue;
                 QJsonObject references;
                 for (auto it = value->resolvedFromModule.cbegin(); it != value->resolvedFromModule.cend(); ++it)
                     references.insert(it.key(), it.value());
                 variables.insert(QString::fromLatin1(name), references);
             }
             return variables;
         }()},
    };
}

QJsonArray JsonReport::revisions(const QList<int> &nodes) const
{
    QJsonArray array;
    for (int node : nodes)
        array.append(revision(node));
    return array;
}

QJsonArray JsonReport::ids(const QList<int> &nodes) const
{
    QJsonArray array;
    for (int node : nodes)
        array.append(m_repository.graph.node(node).id);
    return array;
}

QJsonObject JsonReport::diagnostic(const Diagnostic &d) const
{
    return QJsonObject{
        {QStringLiteral("severity"), severityName(d.severity)},
        {QStringLiteral("code"), d.code},
        {QStringLiteral("message"), d.message},
        {QStringLiteral("path"), relative(d.path)},
        {QStringLiteral("line"), d.line},
        {QStringLiteral("hint"), d.hint},
    };
}

QJsonArray JsonReport::diagnostics() const
{
    QJsonArray array;
    for (const Diagnostic &d : m_repository.diagnostics)
        array.append(diagnostic(d));
    return array;
}

QJsonObject JsonReport::namedBranches() const
{
    QJsonObject branches;
    for (const NamedBranch &branch : m_repository.graph.namedBranches().branches())
        branches.insert(branch.label, QJsonArray::fromStringList(branch.headIds));
    return branches;
}

QJsonObject JsonReport::graph() const
{
    QJsonArray versions;
    for (const QString &dir : m_repository.layout.versionDirectories)
        versions.append(relative(dir));
    return QJsonObject{
        {QStringLiteral("versions"), versions},
        {QStringLiteral("revisions"), revisions(m_repository.graph.historyOrder())},
        {QStringLiteral("heads"), ids(m_repository.graph.heads())},
        {QStringLiteral("named_branches"), namedBranches()},
        {QStringLiteral("bases"), ids(m_repository.graph.bases())},
        {QStringLiteral("diagnostics"), diagnostics()},
    };
}

} // namespace headway
