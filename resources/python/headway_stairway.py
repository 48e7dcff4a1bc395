"""Headway's test-upgrade driver: runs a whole test upgrade in one process of the
project's own interpreter, through Alembic's command API (with Flask-Migrate's
configuration for a Flask app), instead of one `flask db` process per step.

Usage: python headway_stairway.py run PLAN.json | drop PLAN.json

The plan (written by Headway) lists the steps; each is reported on stdout as
one JSON line prefixed with the plan's marker, so that the migrations' own
output (Alembic's log, prints) can be told apart from the protocol:
  MARKER {"event": "started", "index": 0}
  MARKER {"event": "finished", "index": 0, "status": "passed", "seconds": 0.12}
  MARKER {"event": "finished", "index": 1, "status": "failed", "error": {...}}
A merge rehearsal's steps carry a "path": after a failure the rest of that
path is reported "skipped" and the next path, which starts with a "reset" to
a fresh database, runs. A "schema" step reports the database's schema as
sorted lines in "data".
Everything else on stdout/stderr belongs to the step that is running.
It imports nothing but the project's app (or its env.py, through Alembic),
Alembic and the SQLAlchemy they bring.
"""
import json
import os
import sys
import time
import traceback


def emit(marker, **event):
    sys.stdout.write(marker + " " + json.dumps(event) + "\n")
    sys.stdout.flush()


def error_of(exc):
    frames = [
        {"file": os.path.abspath(frame.filename), "line": frame.lineno}
        for frame in traceback.extract_tb(exc.__traceback__)
    ]
    # SQLAlchemy wraps the driver's error: the driver's own names the engine's complaint.
    orig = getattr(exc, "orig", None)
    cause = orig if isinstance(orig, BaseException) else exc
    return {
        "type": type(cause).__module__ + "." + type(cause).__qualname__,
        "message": str(cause).strip(),
        "frames": frames,
    }


def same_database(actual, expected):
    """The app's URL and the scratch URL name the same database on the same server."""
    from sqlalchemy.engine.url import make_url

    actual, expected = make_url(str(actual)), make_url(expected)
    if actual.get_backend_name() != expected.get_backend_name():
        return False
    if expected.get_backend_name() == "sqlite":
        return os.path.abspath(actual.database or "") == os.path.abspath(expected.database or "")
    for key in ("host", "unix_socket"):
        if dict(actual.query).get(key) != dict(expected.query).get(key):
            return False
    return (actual.database, actual.host, actual.port) == (expected.database, expected.host, expected.port)


def shown(url):
    render = getattr(url, "render_as_string", None)
    return render(hide_password=True) if render else repr(url)


class FlaskProject:
    def __init__(self, plan):
        from flask.cli import ScriptInfo, load_dotenv

        load_dotenv()
        self.app = ScriptInfo(app_import_path=os.environ.get("FLASK_APP")).load_app()
        self.context = self.app.app_context()
        self.context.push()
        self.directory = plan["directory"]

    def config(self):
        from flask import current_app

        return current_app.extensions["migrate"].migrate.get_config(self.directory)

    def verify(self, expected, variable):
        from flask import current_app

        url = current_app.extensions["migrate"].db.engine.url
        if not same_database(url, expected):
            raise RuntimeError(
                "The app does not take its database from %s: it would use %s. Set the "
                "database-URL variable in the repository settings to the one the app reads."
                % (variable, shown(url)))
        print("The app uses the scratch database " + shown(url))


    def dispose(self):
        from flask import current_app

        db = current_app.extensions["migrate"].db
        engines = getattr(db, "engines", None)  # Flask-SQLAlchemy 3: one per bind
        for engine in (engines.values() if engines else [db.engine]):
            engine.dispose()


class AlembicProject:
    def __init__(self, plan):
        self.ini = plan["ini"]

    def config(self):
        from alembic.config import Config

        return Config(self.ini)

    def verify(self, expected, variable):
        print("alembic.ini points at the scratch database")

    def dispose(self):
        pass  # env.py makes its engine per command


def run_step(project, step):
    from alembic import command

    kind = step["kind"]
    if kind == "verify":
        project.verify(step["url"], step.get("variable", ""))
    elif kind == "upgrade":
        command.upgrade(project.config(), step["target"])
    elif kind == "downgrade":
        command.downgrade(project.config(), step["target"])
    else:
        raise ValueError("unknown step " + kind)


def on_server(admin_url, statement, name, force=False):
    """CREATE or DROP the scratch database, outside a transaction, from the server's own database."""
    import sqlalchemy

    engine = sqlalchemy.create_engine(admin_url, isolation_level="AUTOCOMMIT")
    quoted = engine.dialect.identifier_preparer.quote(name)
    with engine.connect() as connection:
        suffix = ""
        # A connection a migration left open must not keep the database alive (PostgreSQL 13+).
        if force and engine.dialect.name == "postgresql" and (engine.dialect.server_version_info or (0,)) >= (13,):
            suffix = " WITH (FORCE)"
        connection.execute(sqlalchemy.text(statement + " " + quoted + suffix))
    engine.dispose()
    print("%s %s: done" % (statement, name))


def reset(plan, project):
    """A fresh, empty scratch database for the next path."""
    import gc

    gc.collect()  # pooled connections of finished commands
    if project is not None:
        project.dispose()
    if plan.get("admin_url"):
        on_server(plan["admin_url"], "DROP DATABASE IF EXISTS", plan["database"], force=True)
        on_server(plan["admin_url"], "CREATE DATABASE", plan["database"])
        return
    for suffix in ("", "-journal", "-wal", "-shm"):
        if os.path.exists(plan["file"] + suffix):
            os.remove(plan["file"] + suffix)
    print("A fresh scratch database: " + plan["file"])


def schema_lines(url):
    """Tables, columns (type, nullability), indexes and constraints as sorted lines, through SQLAlchemy's inspector."""
    import sqlalchemy
    from sqlalchemy.pool import NullPool

    engine = sqlalchemy.create_engine(url, poolclass=NullPool)

    def typed(column):
        try:
            return column["type"].compile(dialect=engine.dialect)
        except Exception:  # a type the dialect cannot render: its repr still compares
            return repr(column["type"])

    def optional(read, table):
        try:
            return read(table)
        except NotImplementedError:
            return []

    lines = []
    try:
        inspector = sqlalchemy.inspect(engine)
        for table in sorted(inspector.get_table_names()):
            lines.append("table %s" % table)
            for column in inspector.get_columns(table):
                lines.append("column %s.%s %s %s" % (table, column["name"], typed(column),
                                                     "NULL" if column.get("nullable", True) else "NOT NULL"))
            primary = inspector.get_pk_constraint(table) or {}
            if primary.get("constrained_columns"):
                lines.append("primary key %s (%s)" % (table, ", ".join(primary["constrained_columns"])))
            for index in inspector.get_indexes(table):
                lines.append("%sindex %s on %s (%s)" % ("unique " if index.get("unique") else "", index.get("name"), table,
                                                        ", ".join(str(c) for c in index.get("column_names") or [])))
            for unique in optional(inspector.get_unique_constraints, table):
                lines.append("unique constraint %s on %s (%s)" % (unique.get("name"), table, ", ".join(unique["column_names"])))
            for check in optional(inspector.get_check_constraints, table):
                lines.append("check constraint %s on %s (%s)" % (check.get("name"), table, " ".join(check["sqltext"].split())))
            for key in inspector.get_foreign_keys(table):
                lines.append("foreign key %s on %s (%s) -> %s (%s)" % (
                    key.get("name"), table, ", ".join(key["constrained_columns"]), key["referred_table"],
                    ", ".join(key["referred_columns"])))
        if "alembic_version" in inspector.get_table_names():
            with engine.connect() as connection:
                for (version,) in connection.execute(sqlalchemy.text("SELECT version_num FROM alembic_version")):
                    lines.append("alembic_version %s" % version)
    finally:
        engine.dispose()
    return sorted(lines)


def run(plan):
    marker = plan["marker"]
    project = None
    failed = False
    failed_path = None  # the rehearsal path whose remaining steps are skipped
    for index, step in enumerate(plan["steps"]):
        emit(marker, event="started", index=index)
        began = time.monotonic()
        path = step.get("path")
        if path is not None and path == failed_path:
            emit(marker, event="finished", index=index, status="skipped", seconds=0)
            continue
        data = None
        try:
            if step["kind"] == "create-database":
                on_server(plan["admin_url"], "CREATE DATABASE", plan["database"])
            elif step["kind"] == "reset":
                reset(plan, project)
            elif step["kind"] == "schema":
                data = schema_lines(plan["url"])
                print("%d schema lines" % len(data))
            else:
                if project is None:
                    project = (FlaskProject if plan["backend"] == "flask" else AlembicProject)(plan)
                run_step(project, step)
        except BaseException as exc:  # SystemExit from the app, KeyboardInterrupt too
            sys.stdout.flush()
            traceback.print_exc()
            sys.stderr.flush()
            emit(marker, event="finished", index=index, status="failed",
                 seconds=time.monotonic() - began, error=error_of(exc))
            if path is None or isinstance(exc, KeyboardInterrupt):
                return 1
            failed, failed_path = True, path
            continue
        sys.stdout.flush()
        sys.stderr.flush()
        emit(marker, event="finished", index=index, status="passed", seconds=time.monotonic() - began, data=data)
    return 1 if failed else 0


def main(argv):
    if len(argv) != 3 or argv[1] not in ("run", "drop"):
        sys.stderr.write(__doc__)
        return 64
    with open(argv[2], encoding="utf-8") as file:
        plan = json.load(file)
    if argv[1] == "drop":
        on_server(plan["admin_url"], "DROP DATABASE IF EXISTS", plan["database"])
        return 0
    return run(plan)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
