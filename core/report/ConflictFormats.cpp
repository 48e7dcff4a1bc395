#include "ConflictFormats.h"

#include "conflicts/FindingCodes.h"

#include <QJsonArray>
#include <QTextStream>

namespace headway {

namespace ConflictFormats {

namespace {

QJsonObject locationJson(const FindingLocation &location)
{
    return {{QStringLiteral("path"), location.path},
            {QStringLiteral("line"), location.line},
            {QStringLiteral("revision"), location.revision},
            {QStringLiteral("operation"), location.operation}};
}

QJsonObject operationJson(const BranchOperation &entry)
{
    const MigrationOperation &operation = entry.operation;
    QJsonObject object{{QStringLiteral("revision"), entry.location.revision},
                       {QStringLiteral("path"), entry.location.path},
                       {QStringLiteral("line"), operation.line},
                       {QStringLiteral("kind"), operationKindName(operation.kind)},
                       {QStringLiteral("summary"), operation.summary()},
                       {QStringLiteral("table"), operation.table},
                       {QStringLiteral("name"), operation.name}};
    if (!operation.schema.isEmpty())
        object.insert(QStringLiteral("schema"), operation.schema);
    if (!operation.text.isEmpty())
        object.insert(QStringLiteral("text"), operation.text);
    return object;
}

QString countOf(qsizetype count, const char *one, const char *many)
{
    return QStringLiteral("%1 %2").arg(count).arg(QLatin1String(count == 1 ? one : many));
}

} // namespace

QJsonObject finding(const ConflictFinding &finding)
{
    QJsonObject object{{QStringLiteral("kind"), finding.object.kindName()},
                       {QStringLiteral("table"), finding.object.table},
                       {QStringLiteral("name"), finding.object.name}};
    if (!finding.object.schema.isEmpty())
        object.insert(QStringLiteral("schema"), finding.object.schema);
    QJsonArray locations;
    for (const FindingLocation &location : finding.locations)
        locations += locationJson(location);
    QJsonObject result{{QStringLiteral("code"), finding.code},
                       {QStringLiteral("severity"), finding.severityName()},
                       {QStringLiteral("collision"), finding.collision},
                       {QStringLiteral("object"), object},
                       {QStringLiteral("revisions"), QJsonArray::fromStringList(finding.revisions)},
                       {QStringLiteral("locations"), locations},
                       {QStringLiteral("message"), finding.message},
                       {QStringLiteral("fix"), finding.fix}};
    if (!finding.merge.isEmpty())
        result.insert(QStringLiteral("merge"), finding.merge);
    return result;
}

QJsonObject json(const ConflictReport &report)
{
    QJsonArray findings, silenced, branches, notAnalysed;
    for (const ConflictFinding &one : report.findings)
        findings += finding(one);
    for (const ConflictFinding &one : report.silenced)
        silenced += finding(one);
    for (const BranchReport &branch : report.branches) {
        QJsonArray operations;
        for (const BranchOperation &entry : branch.operations)
            operations += operationJson(entry);
        QJsonObject object{{QStringLiteral("head"), branch.head}, {QStringLiteral("operations"), operations}};
        if (!branch.merge.isEmpty())
            object.insert(QStringLiteral("merge"), branch.merge);
        branches += object;
    }
    for (const BranchOperation &entry : report.notAnalysed)
        notAnalysed += operationJson(entry);
    return {{QStringLiteral("mode"), report.audit ? QStringLiteral("audit") : QStringLiteral("heads")},
            {QStringLiteral("heads"), QJsonArray::fromStringList(report.heads)},
            {QStringLiteral("merges"), QJsonArray::fromStringList(report.merges)},
            {QStringLiteral("collides"), report.collides()},
            {QStringLiteral("findings"), findings},
            {QStringLiteral("silenced"), silenced},
            {QStringLiteral("branches"), branches},
            {QStringLiteral("not_analysed"), notAnalysed}};
}

QString text(const ConflictReport &report)
{
    QString out;
    QTextStream stream(&out);
    if (report.audit)
        stream << "One head: auditing " << countOf(report.merges.size(), "past merge", "past merges")
               << (report.merges.isEmpty() ? "" : " (") << report.merges.join(QStringLiteral(", "))
               << (report.merges.isEmpty() ? "" : ")") << ".\n";
    else
        stream << "Branches meeting at heads " << report.heads.join(QStringLiteral(", ")) << ":\n";
    // Branch listings: every branch for the heads; when auditing, only merges with a finding.
    QStringList mergesWithFindings;
    for (const ConflictFinding &finding : report.findings)
        mergesWithFindings += finding.merge;
    for (const BranchReport &branch : report.branches) {
        if (report.audit && !mergesWithFindings.contains(branch.merge))
            continue;
        stream << '\n' << (branch.merge.isEmpty() ? QString() : QStringLiteral("[merge %1] ").arg(branch.merge))
               << "Branch to " << branch.head << ":\n";
        QString revision;
        for (const BranchOperation &entry : branch.operations) {
            if (entry.location.revision != revision) {
                revision = entry.location.revision;
                stream << "  " << revision << "  " << entry.location.path << '\n';
            }
            stream << "    " << entry.operation.summary();
            if (entry.operation.kind == MigrationOperation::Kind::Execute || entry.operation.kind == MigrationOperation::Kind::NotAnalysed)
                stream << "  " << entry.operation.text;
            stream << "   (line " << entry.operation.line << ")\n";
        }
        if (branch.operations.isEmpty())
            stream << "    (no operations)\n";
    }
    stream << '\n';
    for (const ConflictFinding &finding : report.findings) {
        stream << finding.severityName() << " [" << finding.code << "] " << finding.message << '\n';
        for (const FindingLocation &location : finding.locations)
            stream << "    " << location.path << ':' << location.line << "  " << location.operation << '\n';
        stream << "    fix: " << finding.fix << '\n';
    }
    qsizetype collisions = 0;
    for (const ConflictFinding &finding : report.findings)
        collisions += finding.collision;
    stream << (collisions ? "" : "No collisions between branches. ")
           << countOf(collisions, "collision", "collisions") << ", "
           << countOf(report.findings.size() - collisions, "warning", "warnings") << ", "
           << countOf(report.silenced.size(), "finding silenced by # headway: ignore", "findings silenced by # headway: ignore")
           << ", " << countOf(report.notAnalysed.size(), "statement not analysed", "statements not analysed") << ".\n";
    return out;
}

QList<CiAnnotation> annotations(const ConflictReport &report)
{
    QList<CiAnnotation> list;
    for (const ConflictFinding &finding : report.findings) {
        const FindingCode *code = findingCode(finding.code);
        CiAnnotation annotation{finding.code, finding.severityName(), code ? code->title : finding.code,
                                finding.message, finding.fix, {}};
        for (const FindingLocation &location : finding.locations)
            annotation.locations += CiLocation{location.path, location.line};
        list += annotation;
    }
    return list;
}

QList<CiRule> rules()
{
    QList<CiRule> list;
    for (const FindingCode &code : findingCodes())
        list += CiRule{code.code, code.title, code.help};
    return list;
}

} // namespace ConflictFormats

} // namespace headway
