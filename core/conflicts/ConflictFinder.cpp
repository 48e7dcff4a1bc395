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

const QList<ConflictFinder::NodeTouch> &ConflictFinder::touchesOfNode(int node) const
{
    if (m_touches.size() != std::size_t(m_repository.graph.size()))
        m_touches.assign(std::size_t(m_repository.graph.size()), std::nullopt);
    std::optional<QList<NodeTouch>> &cached = m_touches[std::size_t(node)];
    if (!cached) {
        cached.emplace();
        const QList<MigrationOperation> upgrade = m_operations.ofNode(m_repository, node).upgrade;
        for (qsizetype i = 0; i < upgrade.size(); ++i)
            for (const SchemaTouch &touch : touchesOf(upgrade.at(i))) {
                const QString key = touch.object.key();
                int id = m_objectIds.value(key, -1);
                if (id < 0) {
                    id = int(m_objects.size());
                    m_objectIds.insert(key, id);
                    m_objects += touch.object;
                }
                *cached += NodeTouch{id, int(i), touch.action};
            }
    }
    return *cached;
}

bool ConflictFinder::touchedMoreThanOnce(int object) const
{
    if (m_sharedObjects.empty()) {
        // Every revision's touches, once: which objects more than one revision touches.
        std::vector<int> lastNode;
        std::vector<char> shared;
        for (int node = 0; node < m_repository.graph.size(); ++node)
            for (const NodeTouch &touch : touchesOfNode(node)) {
                if (std::size_t(touch.object) >= lastNode.size()) {
                    lastNode.resize(std::size_t(touch.object) + 1, -1);
                    shared.resize(std::size_t(touch.object) + 1, 0);
                }
                if (lastNode[std::size_t(touch.object)] >= 0 && lastNode[std::size_t(touch.object)] != node)
                    shared[std::size_t(touch.object)] = 1;
                lastNode[std::size_t(touch.object)] = node;
            }
        m_sharedObjects = std::move(shared);
        m_sharedObjects.push_back(0); // never empty once computed
    }
    return std::size_t(object) < m_sharedObjects.size() && m_sharedObjects[std::size_t(object)];
}

void ConflictFinder::findCollisions(const BranchSpans &spans, const QString &merge, QList<ConflictFinding> &found) const
{
    struct Touching {
        int node;
        int operation;
        Action action;
    };
    QHash<int, QList<Touching>> byObject;
    for (int node : spans.revisions())
        for (const NodeTouch &touch : touchesOfNode(node))
            if (touchedMoreThanOnce(touch.object)) // most objects only one revision ever touches
                byObject[touch.object] += Touching{node, touch.operation, touch.action};

    // One finding per object and code, however many revisions take part; places are
    // collected as (node, operation) and written out once.
    struct Collected {
        QList<std::pair<int, int>> places;
        QSet<qint64> seen;
    };
    const qsizetype first = found.size();
    QHash<QString, qsizetype> findingOf;
    QList<Collected> collected;
    for (auto it = byObject.cbegin(); it != byObject.cend(); ++it) {
        const QList<Touching> &touches = it.value();
        if (touches.size() < 2)
            continue;
        const SchemaObject &object = m_objects.at(it.key());
        for (qsizetype i = 0; i < touches.size(); ++i) {
            const Touching &a = touches.at(i);
            if (a.action == Action::Use)
                continue; // two uses never collide; a use is compared from the other side
            for (qsizetype j = 0; j < touches.size(); ++j) {
                const Touching &b = touches.at(j);
                if ((b.action != Action::Use && j <= i) || !spans.concurrent(a.node, b.node))
                    continue;
                const QString code = collisionCode(a.action, b.action, object);
                if (code.isEmpty())
                    continue;
                const QString key = code + QLatin1Char('|') + QString::number(it.key());
                qsizetype index = findingOf.value(key, -1);
                if (index < 0) {
                    ConflictFinding finding;
                    finding.code = code;
                    finding.collision = true;
                    finding.severity = code == QLatin1String("altered-twice") ? ConflictFinding::Severity::Warning
                                                                              : ConflictFinding::Severity::Error;
                    finding.object = object;
                    finding.merge = merge;
                    index = found.size();
                    findingOf.insert(key, index);
                    found += finding;
                    collected += Collected{};
                }
                Collected &places = collected[index - first];
                for (const Touching *side : {&a, &b}) {
                    const qint64 place = (qint64(side->node) << 32) | quint32(side->operation);
                    if (!places.seen.contains(place)) {
                        places.seen.insert(place);
                        places.places += {side->node, side->operation};
                    }
                }
            }
        }
    }
    for (qsizetype i = 0; i < collected.size(); ++i) {
        ConflictFinding &finding = found[first + i];
        for (const auto &[node, operation] : collected.at(i).places) {
            const FindingLocation location = locationOf(node, m_operations.ofNode(m_repository, node).upgrade.at(operation));
            finding.locations += location;
            if (!finding.revisions.contains(location.revision))
                finding.revisions += location.revision;
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

void ConflictFinder::listBranches(const BranchSpans &spans, const QString &merge, ConflictReport &report,
                                  const QSet<int> &onlyNodes) const
{
    for (qsizetype i = 0; i < spans.heads().size(); ++i) {
        BranchReport branch;
        branch.head = m_repository.graph.node(spans.heads().at(i)).id;
        branch.merge = merge;
        for (int node : spans.branch(int(i)))
            if (onlyNodes.isEmpty() || onlyNodes.contains(node))
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
    for (int node : nodes) {
        auto cached = m_hygiene.constFind(node);
        if (cached == m_hygiene.cend())
            cached = m_hygiene.insert(node, MigrationHygiene::check(m_operations.ofNode(m_repository, node),
                                                                    [&](const MigrationOperation &operation) {
                                                                        return locationOf(node, operation);
                                                                    }));
        found += *cached;
    }
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
    return examine(heads, nullptr);
}

ConflictReport ConflictFinder::examine(const QList<int> &heads, QList<int> *auditedRevisions) const
{
    const bool alwaysListBranches = !auditedRevisions;
    ConflictReport report;
    for (int head : heads)
        report.heads += m_repository.graph.node(head).id;
    const BranchSpans spans(m_repository.graph, heads);
    QList<ConflictFinding> found;
    findCollisions(spans, {}, found);
    dropImpliedByDuplicateTables(found);
    // An audit of a long history lists, for each merge that collides, only the revisions involved.
    QSet<int> involved;
    for (const ConflictFinding &finding : found)
        for (const FindingLocation &location : finding.locations)
            involved.insert(location.node);
    if (alwaysListBranches)
        listBranches(spans, {}, report);
    else if (!involved.isEmpty())
        listBranches(spans, {}, report, involved);
    if (alwaysListBranches)
        addHygiene(spans.revisions(), found); // an audit adds each revision's warnings once, at the end
    else
        *auditedRevisions = spans.revisions();
    // Messages need every location, so they are written once all pairs are in.
    QHash<QString, QStringList> ignoredAt;
    for (int node : spans.revisions())
        for (const MigrationOperation &operation : m_operations.ofNode(m_repository, node).upgrade)
            if (!operation.ignored.isEmpty())
                ignoredAt.insert(placeKey(locationOf(node, operation)), operation.ignored);
    // Places in head order: the first head's branch first, as the user listed them.
    for (ConflictFinding &finding : found) {
        QHash<int, int> branchOf;
        for (const FindingLocation &location : finding.locations)
            branchOf.insert(location.node, spans.branchesOf(location.node).value(0));
        std::stable_sort(finding.locations.begin(), finding.locations.end(), [&](const FindingLocation &a, const FindingLocation &b) {
            return std::make_pair(branchOf.value(a.node), a.line) < std::make_pair(branchOf.value(b.node), b.line);
        });
    }
    for (ConflictFinding &finding : found)
        if (finding.collision) {
            finding.revisions.clear();
            for (const FindingLocation &location : finding.locations)
                if (!finding.revisions.contains(location.revision))
                    finding.revisions += location.revision;
            QList<MigrationOperation> colliding; // unpacked copies: the pointers below point into them
            QStringList messages;
            for (const FindingLocation &location : finding.locations) {
                messages += m_repository.fileOf(location.node).doc;
                for (const MigrationOperation &operation : m_operations.ofNode(m_repository, location.node).upgrade)
                    if (operation.line == location.line) {
                        colliding += operation;
                        break;
                    }
            }
            QList<const MigrationOperation *> operations;
            for (const MigrationOperation &operation : std::as_const(colliding))
                operations += &operation;
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
    QSet<int> examined;
    QList<int> examinedInOrder;
    for (auto it = history.crbegin(); it != history.crend(); ++it) {
        const RevisionNode &merge = m_repository.graph.node(*it);
        if (merge.parents.size() < 2)
            continue;
        QList<int> joined;
        const ConflictReport one = examine(merge.parents, &joined);
        report.merges += merge.id;
        for (BranchReport branch : one.branches) {
            branch.merge = merge.id;
            report.branches += branch;
        }
        report.notAnalysed += one.notAnalysed;
        for (int node : joined)
            if (!examined.contains(node)) {
                examined.insert(node);
                examinedInOrder += node;
            }
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
    // Per-migration warnings once for every revision some merge joined, silenced as collisions are.
    QList<ConflictFinding> warnings;
    addHygiene(examinedInOrder, warnings);
    QHash<QString, QStringList> ignoredAt;
    for (int node : examinedInOrder)
        for (const MigrationOperation &operation : m_operations.ofNode(m_repository, node).upgrade)
            if (!operation.ignored.isEmpty())
                ignoredAt.insert(placeKey(locationOf(node, operation)), operation.ignored);
    sortAndSilence(warnings, report, ignoredAt);
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
