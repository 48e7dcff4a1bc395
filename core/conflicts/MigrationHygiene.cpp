#include "MigrationHygiene.h"

#include "FindingWording.h"

#include <QSet>

namespace headway {

namespace MigrationHygiene {

namespace {

using Kind = MigrationOperation::Kind;

ConflictFinding warning(const QString &code, const MigrationOperation &operation, const SchemaObject &object,
                        const Locate &locate)
{
    ConflictFinding finding;
    finding.code = code;
    finding.severity = ConflictFinding::Severity::Warning;
    finding.object = object;
    finding.locations = {locate(operation)};
    finding.revisions = {finding.locations.first().revision};
    return finding;
}

// What downgrade() takes away: the keys of dropped objects, and the tables dropped whole.
struct Removed {
    QSet<QString> objects;
    QSet<QString> tables;
    bool opaque = false; // raw SQL or unread statements: nothing can be concluded
};

Removed removedBy(const QList<MigrationOperation> &downgrade)
{
    Removed removed;
    for (const MigrationOperation &operation : downgrade) {
        if (operation.kind == Kind::Execute || operation.kind == Kind::NotAnalysed)
            removed.opaque = true;
        for (const SchemaTouch &touch : touchesOf(operation)) {
            if (touch.action != SchemaTouch::Action::Drop && touch.action != SchemaTouch::Action::Rename)
                continue;
            removed.objects.insert(touch.object.key());
            if (touch.object.kind == SchemaObject::Kind::Table)
                removed.tables.insert(touch.object.schema + QLatin1Char('.') + touch.object.name);
        }
    }
    return removed;
}

// Created by upgrade(), and neither dropped by downgrade() nor gone with its dropped table.
bool leftBehind(const SchemaTouch &touch, const Removed &removed)
{
    if (touch.action != SchemaTouch::Action::Create || removed.objects.contains(touch.object.key()))
        return false;
    return !removed.tables.contains(touch.object.schema + QLatin1Char('.') + touch.object.table);
}

} // namespace

QList<ConflictFinding> check(const MigrationOperations &operations, const Locate &locate)
{
    QList<ConflictFinding> findings;
    for (const MigrationOperation &operation : operations.upgrade) {
        if (operation.kind != Kind::DropTable && operation.kind != Kind::DropColumn)
            continue;
        const SchemaObject object = touchesOf(operation).constLast().object;
        ConflictFinding finding = warning(QStringLiteral("destructive"), operation, object, locate);
        finding.message = QStringLiteral("`%1` drops %2 and every value in it.").arg(FindingWording::call(operation), object.shown());
        finding.fix = QStringLiteral("Make sure the data is no longer needed or has been copied elsewhere by an "
                                     "earlier migration; back up deployed databases before upgrading.");
        findings += finding;
    }
    if (!operations.hasUpgrade)
        return findings;
    const Removed removed = removedBy(operations.downgrade);
    if (removed.opaque)
        return findings;
    QStringList missing;
    const MigrationOperation *first = nullptr;
    SchemaObject firstObject;
    for (const MigrationOperation &operation : operations.upgrade)
        for (const SchemaTouch &touch : touchesOf(operation))
            if (leftBehind(touch, removed)) {
                // A table created here takes its own columns and indexes along: name the table only.
                if (touch.object.kind != SchemaObject::Kind::Table && operation.kind == Kind::CreateTable)
                    continue;
                if (!first) {
                    first = &operation;
                    firstObject = touch.object;
                }
                missing += touch.object.shown();
            }
    if (!first)
        return findings;
    ConflictFinding finding = warning(QStringLiteral("downgrade-incomplete"), *first, firstObject, locate);
    finding.message = QStringLiteral("downgrade() does not undo upgrade(): it leaves %1.").arg(missing.join(QStringLiteral(", ")));
    finding.fix = QStringLiteral("Drop in downgrade() what upgrade() creates (in reverse order), so `downgrade` "
                                 "returns the database to the previous revision's schema.");
    findings += finding;
    return findings;
}

} // namespace MigrationHygiene

} // namespace headway
