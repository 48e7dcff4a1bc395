// What one call in a migration's upgrade() or downgrade() does, as read
// statically: the Alembic operation, the objects it names (table, column,
// index, constraint, schema) and its line. Calls Headway cannot read are kept
// as NotAnalysed with their text, never guessed; op.execute() is Execute,
// opaque by nature.
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace headway {

// A column of create_table() or add_column(): sa.Column("name", type, ...).
struct ColumnSpec {
    QString name;
    QString type;         // "sa.String(length=80)", as written
    bool index = false;   // index=True
    bool unique = false;  // unique=True
    QString foreignKey;   // sa.ForeignKey("users.id")

    bool operator==(const ColumnSpec &) const = default;
};

// A constraint or index written inside create_table(): sa.UniqueConstraint("email", name="uq_x").
struct InlineConstraint {
    QString kind;         // "unique", "check", "foreign-key", "primary-key", "index"
    QString name;         // empty when unnamed
    QStringList columns;

    bool operator==(const InlineConstraint &) const = default;
};

struct MigrationOperation {
    enum class Kind {
        CreateTable, DropTable, RenameTable, AddColumn, DropColumn, AlterColumn, CreateIndex, DropIndex,
        CreateUniqueConstraint, CreateForeignKey, CreateCheckConstraint, CreatePrimaryKey, DropConstraint,
        CreateTableComment, BulkInsert, Execute, NotAnalysed
    };
    Kind kind = Kind::NotAnalysed;
    int line = 0;
    int endLine = 0;           // the call's last line (calls span lines)
    bool batch = false;        // inside `with op.batch_alter_table(...) as batch_op:`
    QString table;
    QString schema;
    QString name;              // the column, index or constraint
    QString newName;           // rename_table's new name, alter_column's new_column_name
    QString referredTable;     // create_foreign_key
    QString constraintType;    // drop_constraint's type_ ("check", "unique", "foreignkey", "primary")
    QStringList columns;       // an index's or constraint's columns
    QStringList changes;       // alter_column: "type", "nullable", "server_default", "comment", "name"
    QList<ColumnSpec> tableColumns;        // create_table, add_column (one)
    QList<InlineConstraint> inlineConstraints; // create_table
    QString text;              // NotAnalysed / Execute: the source as written (cut)
    // Codes silenced by `# headway: ignore[CODE, ...]` on one of the call's lines;
    // "*" for a bare `# headway: ignore`.
    QStringList ignored;

    bool operator==(const MigrationOperation &) const = default;
    bool ignores(const QString &code) const { return ignored.contains(code) || ignored.contains(QStringLiteral("*")); }

    // "+users.prefs", "+ix ix_users_email (users.email)", "-users", "?sql"
    QString summary() const;
};

QString operationKindName(MigrationOperation::Kind kind); // "create_table", ..., "not_analysed"

struct MigrationOperations {
    QList<MigrationOperation> upgrade;
    QList<MigrationOperation> downgrade;
    bool hasUpgrade = false;   // the file defines upgrade()
    bool hasDowngrade = false;

    bool operator==(const MigrationOperations &) const = default;
};

} // namespace headway
