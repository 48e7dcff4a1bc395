#include "SchemaObject.h"

#include <QHash>

namespace headway {

namespace {

using Action = SchemaTouch::Action;
using ObjectKind = SchemaObject::Kind;
using Kind = MigrationOperation::Kind;

SchemaObject table(const MigrationOperation &operation, const QString &name)
{
    return {ObjectKind::Table, operation.schema, name, name};
}

SchemaObject column(const MigrationOperation &operation, const QString &name)
{
    return {ObjectKind::Column, operation.schema, operation.table, name};
}

// A constraint without a name is known by what it constrains: two unnamed
// unique constraints on user(email) are the same object twice.
SchemaObject constraint(const MigrationOperation &operation, const QString &type)
{
    const QString name = operation.name.isEmpty()
                             ? QStringLiteral("%1 (%2)").arg(type, operation.columns.join(QLatin1Char(',')))
                             : operation.name;
    return {ObjectKind::Constraint, operation.schema, operation.table, name};
}

// "users.id" or "auth.users.id" in sa.ForeignKey(): the table it refers to.
QString referredTable(const QString &foreignKey)
{
    const QStringList parts = foreignKey.split(QLatin1Char('.'));
    return parts.size() >= 2 ? parts.at(parts.size() - 2) : QString();
}

void useColumns(QList<SchemaTouch> &touches, const MigrationOperation &operation)
{
    for (const QString &name : operation.columns)
        touches += {column(operation, name), Action::Use};
}

void useReferredTable(QList<SchemaTouch> &touches, const MigrationOperation &operation, const QString &name)
{
    if (!name.isEmpty() && name != operation.table)
        touches += {SchemaObject{ObjectKind::Table, operation.schema, name, name}, Action::Use};
}

QList<SchemaTouch> createTableTouches(const MigrationOperation &operation)
{
    QList<SchemaTouch> touches{{table(operation, operation.table), Action::Create}};
    for (const ColumnSpec &spec : operation.tableColumns) {
        touches += {column(operation, spec.name), Action::Create};
        useReferredTable(touches, operation, referredTable(spec.foreignKey));
    }
    // Unnamed inline constraints belong to the table: only named ones are objects of their own.
    for (const InlineConstraint &inline_ : operation.inlineConstraints) {
        if (inline_.name.isEmpty())
            continue;
        const ObjectKind kind = inline_.kind == QLatin1String("index") ? ObjectKind::Index : ObjectKind::Constraint;
        touches += {SchemaObject{kind, operation.schema, operation.table, inline_.name}, Action::Create};
    }
    return touches;
}

} // namespace

QString SchemaObject::key() const
{
    switch (kind) {
    case Kind::Table: return QStringLiteral("table|%1|%2").arg(schema, name);
    case Kind::Column: return QStringLiteral("column|%1|%2|%3").arg(schema, table, name);
    case Kind::Index: return QStringLiteral("index|%1|%2").arg(schema, name);
    case Kind::Constraint: return QStringLiteral("constraint|%1|%2|%3").arg(schema, table, name);
    }
    return {};
}

QString SchemaObject::kindName() const
{
    switch (kind) {
    case Kind::Table: return QStringLiteral("table");
    case Kind::Column: return QStringLiteral("column");
    case Kind::Index: return QStringLiteral("index");
    case Kind::Constraint: return QStringLiteral("constraint");
    }
    return {};
}

QString SchemaObject::shown() const
{
    const QString prefix = schema.isEmpty() ? QString() : schema + QLatin1Char('.');
    switch (kind) {
    case Kind::Table: return QStringLiteral("table %1%2").arg(prefix, name);
    case Kind::Column: return QStringLiteral("column %1%2.%3").arg(prefix, table, name);
    case Kind::Index: return QStringLiteral("index %1%2").arg(prefix, name);
    case Kind::Constraint: return QStringLiteral("constraint %1 on %2%3").arg(name, prefix, table);
    }
    return {};
}

QList<SchemaTouch> touchesOf(const MigrationOperation &operation)
{
    QList<SchemaTouch> touches;
    const SchemaTouch usesTable{table(operation, operation.table), Action::Use};
    switch (operation.kind) {
    case Kind::CreateTable:
        return createTableTouches(operation);
    case Kind::DropTable:
        return {{table(operation, operation.table), Action::Drop}};
    case Kind::RenameTable:
        return {{table(operation, operation.table), Action::Rename}, {table(operation, operation.newName), Action::Create}};
    case Kind::AddColumn:
        touches = {usesTable, {column(operation, operation.name), Action::Create}};
        for (const ColumnSpec &spec : operation.tableColumns)
            useReferredTable(touches, operation, referredTable(spec.foreignKey));
        return touches;
    case Kind::DropColumn:
        return {usesTable, {column(operation, operation.name), Action::Drop}};
    case Kind::AlterColumn:
        touches = {usesTable, {column(operation, operation.name), Action::Alter}};
        if (!operation.newName.isEmpty())
            touches += {{column(operation, operation.name), Action::Rename}, {column(operation, operation.newName), Action::Create}};
        return touches;
    case Kind::CreateIndex:
        touches = {usesTable, {SchemaObject{ObjectKind::Index, operation.schema, operation.table, operation.name}, Action::Create}};
        useColumns(touches, operation);
        return touches;
    case Kind::DropIndex:
        return {{SchemaObject{ObjectKind::Index, operation.schema, operation.table, operation.name}, Action::Drop}};
    case Kind::CreateUniqueConstraint:
    case Kind::CreatePrimaryKey:
    case Kind::CreateCheckConstraint:
    case Kind::CreateForeignKey: {
        static const QHash<Kind, QString> types{{Kind::CreateUniqueConstraint, QStringLiteral("unique")},
                                                {Kind::CreatePrimaryKey, QStringLiteral("primary key")},
                                                {Kind::CreateCheckConstraint, QStringLiteral("check")},
                                                {Kind::CreateForeignKey, QStringLiteral("foreign key")}};
        touches = {usesTable, {constraint(operation, types.value(operation.kind)), Action::Create}};
        useColumns(touches, operation);
        useReferredTable(touches, operation, operation.referredTable);
        return touches;
    }
    case Kind::DropConstraint:
        return {{constraint(operation, operation.constraintType), Action::Drop}};
    case Kind::CreateTableComment:
        return {{table(operation, operation.table), Action::Alter}};
    case Kind::BulkInsert:
        return operation.table.isEmpty() ? touches : QList<SchemaTouch>{usesTable};
    case Kind::Execute:
    case Kind::NotAnalysed:
        return touches;
    }
    return touches;
}

} // namespace headway
