"""Ask the real Alembic which operations a migration's upgrade() and downgrade() make.

Usage: PYTHON operations_oracle.py FILE [FILE...]
       PYTHON operations_oracle.py --stdin        (one FILE per line)

Runs each migration file's upgrade() and downgrade() with Alembic's own `op`
proxy, bound to an Operations object whose invoke() records each operation
object (AddColumnOp, CreateIndexOp, ...) instead of running it: no database
is touched. Prints one JSON object per FILE and line:

    {"file", "upgrade": [OP, ...], "downgrade": [OP, ...],
     "errors": {"upgrade"|"downgrade"|"load": "Type: message"}}

OP: {"op" (Alembic's class), "kind" (Headway's operationKindName), "line"
(where the migration file made the call), "batch", "table", "schema",
"name", "new_name", "referred_table", "constraint_type", "columns",
"changes", "table_columns", "inline_constraints"}; strings are "" when
Alembic has None. The ops recorded before an exception are kept.

Tests only: Headway itself never executes migrations. Needs the standard
library, SQLAlchemy and Alembic; the interpreter is whatever the caller runs
this with.
"""

import contextlib
import importlib.util
import io
import json
import os
import sys

import sqlalchemy as sa
from alembic.operations import BatchOperations, Operations
from alembic.operations import batch as alembic_batch
from alembic.operations import ops
from alembic.runtime.migration import MigrationContext

# Loading the migration files must not leave __pycache__ next to them.
sys.dont_write_bytecode = True

# Alembic's operation classes by Headway's kind names (MigrationOperation.cpp).
KINDS = {
    ops.CreateTableOp: "create_table",
    ops.DropTableOp: "drop_table",
    ops.RenameTableOp: "rename_table",
    ops.AddColumnOp: "add_column",
    ops.DropColumnOp: "drop_column",
    ops.AlterColumnOp: "alter_column",
    ops.CreateIndexOp: "create_index",
    ops.DropIndexOp: "drop_index",
    ops.CreateUniqueConstraintOp: "create_unique_constraint",
    ops.CreateForeignKeyOp: "create_foreign_key",
    ops.CreateCheckConstraintOp: "create_check_constraint",
    ops.CreatePrimaryKeyOp: "create_primary_key",
    ops.DropConstraintOp: "drop_constraint",
    ops.CreateTableCommentOp: "create_table_comment",
    ops.BulkInsertOp: "bulk_insert",
    ops.ExecuteSQLOp: "execute",
}

INLINE_KINDS = (
    (sa.PrimaryKeyConstraint, "primary-key"),
    (sa.ForeignKeyConstraint, "foreign-key"),
    (sa.UniqueConstraint, "unique"),
    (sa.CheckConstraint, "check"),
    (sa.Index, "index"),
)


def text(value):
    return "" if value is None else str(value)


def column_name(element):
    """A column as Headway reads it: "email", sa.text("lower(email)") as its SQL."""
    if isinstance(element, str):
        return str(element)
    if isinstance(element, sa.sql.elements.TextClause):
        return element.text
    return text(getattr(element, "name", None) or element)


def names(elements):
    return [column_name(e) for e in (elements or [])]


def column_spec(column):
    foreign_keys = [fk.target_fullname for fk in column.foreign_keys]
    return {
        "name": text(column.name),
        "index": bool(column.index),
        "unique": bool(column.unique),
        "foreign_key": foreign_keys[0] if foreign_keys else "",
    }


def inline_constraint(element):
    """A constraint or index written inside create_table(), after to_table() attached it."""
    for cls, kind in INLINE_KINDS:
        if isinstance(element, cls):
            break
    else:
        return None
    if kind == "check":
        columns = []  # a condition, not a column list
    elif kind == "foreign-key":
        columns = list(element.column_keys)
    elif kind == "index":
        columns = names(element.expressions)
    else:
        columns = [c.name for c in element.columns]
    return {"kind": kind, "name": text(element.name), "columns": columns}


def alter_changes(operation):
    """What alter_column() was asked to change, in Headway's words and order.
    Alembic's own "not given" markers: None for type and nullable, False for
    server_default and comment."""
    changes = []
    if operation.modify_type is not None:
        changes.append("type")
    if operation.modify_nullable is not None:
        changes.append("nullable")
    if operation.modify_server_default is not False:
        changes.append("server_default")
    if operation.modify_comment is not False:
        changes.append("comment")
    if operation.modify_name is not None:
        changes.append("name")
    return changes


def describe(operation, migration_context):
    """The recorded operation object as a JSON-able dict, and what invoke() returns."""
    entry = {
        "op": type(operation).__name__,
        "kind": KINDS.get(type(operation), "unknown"),
        "table": text(getattr(operation, "table_name", None)),
        "schema": text(getattr(operation, "schema", None)),
        "name": "",
        "new_name": "",
        "referred_table": "",
        "constraint_type": "",
        "columns": [],
        "changes": [],
        "table_columns": [],
        "inline_constraints": [],
    }
    returned = None
    if isinstance(operation, ops.CreateTableOp):
        # The columns before to_table(): attaching a ForeignKeyConstraint gives
        # its columns ForeignKey objects they were not written with.
        columns = [e for e in operation.columns if isinstance(e, sa.Column)]
        entry["table_columns"] = [column_spec(c) for c in columns]
        # to_table() attaches the constraints, which resolves their columns;
        # the migration may use the Table it returns (bulk_insert).
        returned = operation.to_table(migration_context)
        for element in operation.columns:
            constraint = None if isinstance(element, sa.Column) else inline_constraint(element)
            if constraint is not None:
                entry["inline_constraints"].append(constraint)
    elif isinstance(operation, ops.RenameTableOp):
        entry["new_name"] = text(operation.new_table_name)
    elif isinstance(operation, ops.AddColumnOp):
        entry["name"] = text(operation.column.name)
        entry["table_columns"].append(column_spec(operation.column))
    elif isinstance(operation, ops.DropColumnOp):
        entry["name"] = text(operation.column_name)
    elif isinstance(operation, ops.AlterColumnOp):
        entry["name"] = text(operation.column_name)
        entry["new_name"] = text(operation.modify_name)
        entry["changes"] = alter_changes(operation)
    elif isinstance(operation, (ops.CreateIndexOp, ops.DropIndexOp)):
        entry["name"] = text(operation.index_name)
        entry["columns"] = names(getattr(operation, "columns", None))
    elif isinstance(operation, ops.CreateForeignKeyOp):
        entry["name"] = text(operation.constraint_name)
        entry["table"] = text(operation.source_table)
        entry["schema"] = text(operation.kw.get("source_schema"))
        entry["referred_table"] = text(operation.referent_table)
        entry["columns"] = names(operation.local_cols)
    elif isinstance(operation, (ops.CreateUniqueConstraintOp, ops.CreatePrimaryKeyOp)):
        entry["name"] = text(operation.constraint_name)
        entry["columns"] = names(operation.columns)
    elif isinstance(operation, ops.CreateCheckConstraintOp):
        entry["name"] = text(operation.constraint_name)
    elif isinstance(operation, ops.DropConstraintOp):
        entry["name"] = text(operation.constraint_name)
        entry["constraint_type"] = text(operation.constraint_type)
    elif isinstance(operation, ops.BulkInsertOp):
        entry["table"] = text(getattr(operation.table, "name", None))
        entry["schema"] = text(getattr(operation.table, "schema", None))
    return entry, returned


class Recorder:
    """Collects the operations one migration file makes, with their lines."""

    def __init__(self, path):
        self.path = path
        self.operations = []

    def call_line(self):
        # The innermost frame running the migration file made the call;
        # Alembic's proxy, op classes and this module are further in.
        frame = sys._getframe(1)
        while frame is not None:
            if frame.f_code.co_filename == self.path:
                return frame.f_lineno
            frame = frame.f_back
        return 0

    def record(self, operations, operation):
        if isinstance(operations, BatchOperations) and isinstance(operation, (ops.CreateTableOp, ops.DropTableOp)):
            raise NotImplementedError("Can't create or drop a table in batch mode")  # as Alembic's batch impl does
        entry, returned = describe(operation, operations.migration_context)
        entry["line"] = self.call_line()
        entry["batch"] = isinstance(operations, BatchOperations)
        self.operations.append(entry)
        return returned


@contextlib.contextmanager
def recording(recorder):
    """Operations.invoke (BatchOperations inherits it) records instead of running;
    a batch has nothing to flush then."""
    invoke, flush = Operations.invoke, alembic_batch.BatchOperationsImpl.flush
    Operations.invoke = lambda operations, operation: recorder.record(operations, operation)
    alembic_batch.BatchOperationsImpl.flush = lambda impl: None
    try:
        yield
    finally:
        Operations.invoke, alembic_batch.BatchOperationsImpl.flush = invoke, flush


def offline_context():
    return MigrationContext.configure(dialect_name="sqlite", opts={"as_sql": True, "output_buffer": io.StringIO()})


def load(path, index):
    spec = importlib.util.spec_from_file_location("headway_oracle_migration_%d" % index, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def error_text(error):
    return "%s: %s" % (type(error).__name__, error)


def read(path, index):
    path = os.path.abspath(path)
    result = {"file": path, "upgrade": [], "downgrade": [], "errors": {}}
    with Operations.context(offline_context()):
        try:
            module = load(path, index)
        except Exception as error:  # a broken file is an answer too
            result["errors"]["load"] = error_text(error)
            return result
        for body in ("upgrade", "downgrade"):
            function = getattr(module, body, None)
            if function is None:
                continue
            recorder = Recorder(path)
            with recording(recorder):
                try:
                    function()
                except Exception as error:
                    result["errors"][body] = error_text(error)
            result[body] = recorder.operations
    return result


def main(arguments):
    files = [line.strip() for line in sys.stdin if line.strip()] if arguments == ["--stdin"] else arguments
    if not files:
        print(__doc__, file=sys.stderr)
        return 2
    for index, path in enumerate(files):
        print(json.dumps(read(path, index)), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
