#include "MigrationOperation.h"

namespace headway {

QString operationKindName(MigrationOperation::Kind kind)
{
    using Kind = MigrationOperation::Kind;
    switch (kind) {
    case Kind::CreateTable: return QStringLiteral("create_table");
    case Kind::DropTable: return QStringLiteral("drop_table");
    case Kind::RenameTable: return QStringLiteral("rename_table");
    case Kind::AddColumn: return QStringLiteral("add_column");
    case Kind::DropColumn: return QStringLiteral("drop_column");
    case Kind::AlterColumn: return QStringLiteral("alter_column");
    case Kind::CreateIndex: return QStringLiteral("create_index");
    case Kind::DropIndex: return QStringLiteral("drop_index");
    case Kind::CreateUniqueConstraint: return QStringLiteral("create_unique_constraint");
    case Kind::CreateForeignKey: return QStringLiteral("create_foreign_key");
    case Kind::CreateCheckConstraint: return QStringLiteral("create_check_constraint");
    case Kind::CreatePrimaryKey: return QStringLiteral("create_primary_key");
    case Kind::DropConstraint: return QStringLiteral("drop_constraint");
    case Kind::CreateTableComment: return QStringLiteral("create_table_comment");
    case Kind::BulkInsert: return QStringLiteral("bulk_insert");
    case Kind::Execute: return QStringLiteral("execute");
    case Kind::NotAnalysed: return QStringLiteral("not_analysed");
    }
    return {};
}

QString MigrationOperation::summary() const
{
    const QString onColumns = columns.isEmpty() ? QString()
                                                : QStringLiteral(" (%1.%2)").arg(table, columns.join(QLatin1Char(',')));
    switch (kind) {
    case Kind::CreateTable: return QLatin1Char('+') + table;
    case Kind::DropTable: return QLatin1Char('-') + table;
    case Kind::RenameTable: return QStringLiteral("~%1→%2").arg(table, newName);
    case Kind::AddColumn: return QStringLiteral("+%1.%2").arg(table, name);
    case Kind::DropColumn: return QStringLiteral("-%1.%2").arg(table, name);
    case Kind::AlterColumn: return QStringLiteral("~%1.%2").arg(table, name);
    case Kind::CreateIndex: return QStringLiteral("+ix ") + name + onColumns;
    case Kind::DropIndex: return QStringLiteral("-ix ") + name;
    case Kind::CreateUniqueConstraint: return QStringLiteral("+uq ") + name + onColumns;
    case Kind::CreateForeignKey: return QStringLiteral("+fk ") + name + onColumns;
    case Kind::CreateCheckConstraint: return QStringLiteral("+ck %1 (%2)").arg(name, table);
    case Kind::CreatePrimaryKey: return QStringLiteral("+pk ") + name + onColumns;
    case Kind::DropConstraint: return QStringLiteral("-constraint %1 (%2)").arg(name, table);
    case Kind::CreateTableComment: return QStringLiteral("~%1 comment").arg(table);
    case Kind::BulkInsert: return QStringLiteral("+rows ") + (table.isEmpty() ? QStringLiteral("?") : table);
    case Kind::Execute: return QStringLiteral("?sql");
    case Kind::NotAnalysed: return QStringLiteral("?");
    }
    return {};
}

} // namespace headway
