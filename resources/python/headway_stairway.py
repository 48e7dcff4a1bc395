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


class AlembicProject:
    def __init__(self, plan):
        self.ini = plan["ini"]

    def config(self):
        from alembic.config import Config

        return Config(self.ini)

    def verify(self, expected, variable):
        print("alembic.ini points at the scratch database")


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


def on_server(admin_url, statement, name):
    """CREATE or DROP the scratch database, outside a transaction, from the server's own database."""
    import sqlalchemy

    engine = sqlalchemy.create_engine(admin_url, isolation_level="AUTOCOMMIT")
    quoted = engine.dialect.identifier_preparer.quote(name)
    with engine.connect() as connection:
        connection.execute(sqlalchemy.text(statement + " " + quoted))
    engine.dispose()
    print("%s %s: done" % (statement, name))


def run(plan):
    marker = plan["marker"]
    project = None
    for index, step in enumerate(plan["steps"]):
        emit(marker, event="started", index=index)
        began = time.monotonic()
        try:
            if step["kind"] == "create-database":
                on_server(plan["admin_url"], "CREATE DATABASE", plan["database"])
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
            return 1
        sys.stdout.flush()
        sys.stderr.flush()
        emit(marker, event="finished", index=index, status="passed", seconds=time.monotonic() - began)
    return 0


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
