#include "ConflictFinder.h"

#include "BranchSpans.h"
#include "FindingWording.h"
#include "MigrationHygiene.h"
#include "operations/RepositoryOperations.h"
#include "repository/Repository.h"

#include <QHash>
#include <QSet>

#include <algorithm>

namespace headway {

namespace {

using Action = SchemaTouch::Action;

// What two touches of one object on concurrent revisions amount to; empty when they coexist.
QString collisionCode(Action a, Action b, const SchemaObject &object)
{
    auto is = [&](Action x, Action y) { return (a == x && b == y) || (a == y && b == x); };
    auto either = [&](Action x) { return a == x || b == x; };
    if (a == Action::Create && b == Action::Create)
        return QStringLiteral("duplicate-") + object.kindName();
    if (a == Action::Drop && b == Action::Drop)
        return QStringLiteral("dropped-twice");
    if (is(Action::Create, Action::Drop))
        return QStringLiteral("created-and-dropped");
    if (a == Action::Rename && b == Action::Rename)
        return QStringLiteral("renamed-twice");
    if (either(Action::Rename) && !either(Action::Create))
        return QStringLiteral("renamed-while-used");
    if (either(Action::Drop) && !either(Action::Create))
        return QStringLiteral("dropped-while-used");
    if (a == Action::Alter && b == Action::Alter)
        return QStringLiteral("altered-twice");
    return {};
}

// Where the finder records which codes each location silences: "path:line" -> codes.
QString placeKey(const FindingLocation &location)
{
    return location.path + QLatin1Char(':') + QString::number(location.line);
}

} // namespace

struct ConflictFinder::Touching {
    int node = -1;
    const MigrationOperation *operation = nullptr;
    SchemaTouch touch;
};

ConflictFinder::ConflictFinder(const Repository &repository, const RepositoryOperations &operations)
    : m_repository(repository)
    , m_operations(operations)
{
}

FindingLocation ConflictFinder::locationOf(int node, const MigrationOperation &operation) const
{
    const RevisionNode &revision = m_repository.graph.node(node);
    return {node, revision.id, m_repository.relativePath(m_repository.fileOf(node).path), operation.line,
            operation.summary()};
}

void ConflictFinder::findCollisions(const BranchSpans &spans, const QString &merge, QList<ConflictFinding> &found) const
{
    QHash<QString, QList<Touching>> byObject;
    for (int node : spans.revisions())
        for (const MigrationOperation &operation : m_operations.ofNode(m_repository, node).upgrade)
            for (const SchemaTouch &touch : touchesOf(operation))
                byObject[touch.object.key()] += Touching{node, &operation, touch};

    // One finding per object and code, however many revisions take part.
    QHash<QString, qsizetype> findingOf;
    for (auto it = byObject.cbegin(); it != byObject.cend(); ++it) {
        const QList<Touching> &touches = it.value();
        for (qsizetype i = 0; i < touches.size(); ++i) {
            const Touching &a = touches.at(i);
            if (a.touch.action == Action::Use)
                continue; // two uses never collide; a use is compared from the other side
            for (qsizetype j = 0; j < touches.size(); ++j) {
                const Touching &b = touches.at(j);
                if ((b.touch.action != Action::Use && j <= i) || !spans.concurrent(a.node, b.node))
                    continue;
                const QString code = collisionCode(a.touch.action, b.touch.action, a.touch.object);
                if (code.isEmpty())
                    continue;
                const QString key = code + QLatin1Char('|') + it.key();
                if (!findingOf.contains(key)) {
                    ConflictFinding finding;
                    finding.code = code;
                    finding.collision = true;
                    finding.severity = code == QLatin1String("altered-twice") ? ConflictFinding::Severity::Warning
                                                                              : ConflictFinding::Severity::Error;
                    finding.object = a.touch.object;
                    finding.merge = merge;
                    findingOf.insert(key, found.size());
                    found += finding;
                }
                ConflictFinding &finding = found[findingOf.value(key)];
                for (const Touching *side : {&a, &b}) {
                    const FindingLocation location = locationOf(side->node, *side->operation);
                    const bool known = std::any_of(finding.locations.cbegin(), finding.locations.cend(),
                                                   [&](const FindingLocation &l) { return placeKey(l) == placeKey(location); });
                    if (!known)
                        finding.locations += location;
                    if (!finding.revisions.contains(location.revision))
                        finding.revisions += location.revision;
                }
            }
        }
    }
}

// A table created on both branches brings its columns and constraints twice too: name the table only.
void ConflictFinder::dropImpliedByDuplicateTables(QList<ConflictFinding> &found)
{
    QSet<QString> tables;
    for (const ConflictFinding &finding : found)
        if (finding.code == QLatin1String("duplicate-table"))
            tables.insert(finding.object.schema + QLatin1Char('.') + finding.object.name);
    if (tables.isEmpty())
        return;
    found.removeIf([&](const ConflictFinding &finding) {
        return finding.collision && finding.object.kind != SchemaObject::Kind::Table
               && finding.code.startsWith(QLatin1String("duplicate-"))
               && tables.contains(finding.object.schema + QLatin1Char('.') + finding.object.table);
    });
}

void ConflictFinder::listBranches(const BranchSpans &spans, const QString &merge, ConflictReport &report) const
{
    for (qsizetype i = 0; i < spans.heads().size(); ++i) {
        BranchReport branch;
        branch.head = m_repository.graph.node(spans.heads().at(i)).id;
        branch.merge = merge;
        for (int node : spans.branch(int(i)))
            for (const MigrationOperation &operation : m_operations.ofNode(m_repository, node).upgrade)
                branch.operations += BranchOperation{locationOf(node, operation), operation};
        report.branches += branch;
    }
    for (int node : spans.revisions())
        for (const MigrationOperation &operation : m_operations.ofNode(m_repository, node).upgrade)
            if (operation.kind == MigrationOperation::Kind::Execute || operation.kind == MigrationOperation::Kind::NotAnalysed)
                report.notAnalysed += BranchOperation{locationOf(node, operation), operation};
}

void ConflictFinder::addHygiene(const QList<int> &nodes, QList<ConflictFinding> &found) const
{
    for (int node : nodes)
        found += MigrationHygiene::check(m_operations.ofNode(m_repository, node), [&](const MigrationOperation &operation) {
            return locationOf(node, operation);
        });
}

void ConflictFinder::sortAndSilence(QList<ConflictFinding> found, ConflictReport &report,
                                    const QHash<QString, QStringList> &ignoredAt)
{
    std::stable_sort(found.begin(), found.end(), [](const ConflictFinding &a, const ConflictFinding &b) {
        return std::make_tuple(!a.collision, a.severity, a.merge) < std::make_tuple(!b.collision, b.severity, b.merge);
    });
    for (const ConflictFinding &finding : found) {
        const bool silenced = std::any_of(finding.locations.cbegin(), finding.locations.cend(), [&](const FindingLocation &l) {
            const QStringList codes = ignoredAt.value(placeKey(l));
            return codes.contains(finding.code) || codes.contains(QStringLiteral("*"));
        });
        (silenced ? report.silenced : report.findings) += finding;
    }
}

ConflictReport ConflictFinder::between(const QList<int> &heads) const
{
    ConflictReport report;
    for (int head : heads)
        report.heads += m_repository.graph.node(head).id;
    const BranchSpans spans(m_repository.graph, heads);
    QList<ConflictFinding> found;
    findCollisions(spans, {}, found);
    dropImpliedByDuplicateTables(found);
    listBranches(spans, {}, report);
    addHygiene(spans.revisions(), found);
    // Messages need every location, so they are written once all pairs are in.
    QHash<QString, QStringList> ignoredAt;
    for (int node : spans.revisions())
        for (const MigrationOperation &operation : m_operations.ofNode(m_repository, node).upgrade)
            if (!operation.ignored.isEmpty())
                ignoredAt.insert(placeKey(locationOf(node, operation)), operation.ignored);
    // Places in head order: the first head's branch first, as the user listed them.
    for (ConflictFinding &finding : found)
        std::stable_sort(finding.locations.begin(), finding.locations.end(), [&](const FindingLocation &a, const FindingLocation &b) {
            return std::make_pair(spans.branchesOf(a.node).value(0), a.line) < std::make_pair(spans.branchesOf(b.node).value(0), b.line);
        });
    for (ConflictFinding &finding : found)
        if (finding.collision) {
            finding.revisions.clear();
            for (const FindingLocation &location : finding.locations)
                if (!finding.revisions.contains(location.revision))
                    finding.revisions += location.revision;
            QList<const MigrationOperation *> operations;
            QStringList messages;
            for (const FindingLocation &location : finding.locations) {
                messages += m_repository.fileOf(location.node).doc;
                for (const MigrationOperation &operation : m_operations.ofNode(m_repository, location.node).upgrade)
                    if (operation.line == location.line) {
                        operations += &operation;
                        break;
                    }
            }
            FindingWording::describeCollision(finding, operations, messages);
        }
    sortAndSilence(found, report, ignoredAt);
    return report;
}

ConflictReport ConflictFinder::auditMerges() const
{
    ConflictReport report;
    report.audit = true;
    const QList<int> &history = m_repository.graph.historyOrder();
    QSet<QString> seen; // a collision older merges already joined is reported once
    for (auto it = history.crbegin(); it != history.crend(); ++it) {
        const RevisionNode &merge = m_repository.graph.node(*it);
        if (merge.parents.size() < 2)
            continue;
        const ConflictReport one = between(merge.parents);
        report.merges += merge.id;
        for (BranchReport branch : one.branches) {
            branch.merge = merge.id;
            report.branches += branch;
        }
        report.notAnalysed += one.notAnalysed;
        for (const auto *list : {&one.findings, &one.silenced})
            for (ConflictFinding finding : *list) {
                const QString key = finding.code + finding.object.key() + finding.revisions.join(QLatin1Char(','));
                if (seen.contains(key))
                    continue;
                seen.insert(key);
                finding.merge = merge.id;
                (list == &one.findings ? report.findings : report.silenced) += finding;
            }
    }
    return report;
}

ConflictReport ConflictFinder::check() const
{
    const QList<int> &heads = m_repository.graph.heads();
    return heads.size() > 1 ? between(heads) : auditMerges();
}

bool ConflictReport::collides() const
{
    return std::any_of(findings.cbegin(), findings.cend(), [](const ConflictFinding &f) { return f.collision; });
}

} // namespace headway
