// The schema objects a migration's operations touch, and how: what the
// conflict finder compares across branches. A table, a column, an index or a
// constraint, named as the operation names it (op.f() names as written).
#pragma once

#include "operations/MigrationOperation.h"

#include <QList>
#include <QString>

namespace headway {

struct SchemaObject {
    enum class Kind { Table, Column, Index, Constraint };
    Kind kind = Kind::Table;
    QString schema;
    QString table;
    QString name; // the column, index or constraint; the table's own name for a table

    // Identity across migrations: index names are per schema, constraint names per table.
    QString key() const;
    QString kindName() const; // "table", "column", "index", "constraint"
    QString shown() const;    // "table user", "column post.slug", "index ix_user_email"
};

struct SchemaTouch {
    // Use: the operation needs the object to exist (adds a column to the table, indexes the column).
    enum class Action { Create, Drop, Alter, Rename, Use };
    SchemaObject object;
    Action action = Action::Use;
};

// What one upgrade operation does to which objects; none for raw SQL or what was not analysed.
QList<SchemaTouch> touchesOf(const MigrationOperation &operation);

} // namespace headway
