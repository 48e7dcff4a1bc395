#!/usr/bin/env python3
"""Times Headway's test upgrade against the same stairway run by a plain script
through Flask-Migrate's API, in the same run, on a generated Flask app with a
linear history of N revisions (2N+1 migration steps: upgrade to heads, undo each
newest first, apply each oldest first).

    python3 tests/benchmarks/bench_testupgrade.py --cli build/app/cli/headway-cli \
        --python /usr/bin/python3 [--revisions 100] [--runs 3] [--per-process] \
        [--engines postgresql,mariadb] [--json out.json]

--per-process also times the way Headway ran before its driver (and the way users
run it by hand): one `flask db` process per step. --engines also times Headway's
test upgrade on throwaway servers (the reference script needs a server of its
own, so those are figures, not ratios). Standard library only.
"""
import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

APP = '''import os
from flask import Flask
from flask_migrate import Migrate
from flask_sqlalchemy import SQLAlchemy

app = Flask(__name__)
app.config["SQLALCHEMY_DATABASE_URI"] = os.environ["DATABASE_URL"]
db = SQLAlchemy(app)
migrate = Migrate(app, db)
'''

MIGRATION = '''"""step {index}"""
from alembic import op
import sqlalchemy as sa

revision = '{revision}'
down_revision = {down}
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('table_{index}', sa.Column('id', sa.Integer(), primary_key=True),
                    sa.Column('name', sa.String(80), nullable=False))


def downgrade():
    op.drop_table('table_{index}')
'''

REFERENCE = '''import os, sys
from flask.cli import ScriptInfo
import flask_migrate

revisions = sys.argv[1].split(",")
app = ScriptInfo(app_import_path="app.py").load_app()
with app.app_context():
    flask_migrate.upgrade("migrations", "heads")
    for index in range(len(revisions) - 1, -1, -1):
        flask_migrate.downgrade("migrations", revisions[index - 1] if index else "base")
    for revision in revisions:
        flask_migrate.upgrade("migrations", revision)
'''


def write_project(root, count):
    """The Flask app and its history."""
    os.makedirs(os.path.join(root, "migrations", "versions"))
    with open(os.path.join(root, "app.py"), "w") as file:
        file.write(APP)
    revisions = ["%012x" % (0xb0000000000 + index) for index in range(count)]
    for index, revision in enumerate(revisions):
        down = "None" if index == 0 else repr(revisions[index - 1])
        with open(os.path.join(root, "migrations", "versions", revision + ".py"), "w") as file:
            file.write(MIGRATION.format(index=index, revision=revision, down=down))
    return revisions


def copy_template(root):
    """`flask db init`'s files, as the test fixtures keep them."""
    template = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "fixtures", "engineapp", "migrations")
    for name in ("alembic.ini", "env.py", "script.py.mako"):
        shutil.copy(os.path.join(template, name), os.path.join(root, "migrations", name))


def timed(command, env, cwd):
    began = time.monotonic()
    result = subprocess.run(command, env=env, cwd=cwd, capture_output=True, text=True)
    elapsed = time.monotonic() - began
    if result.returncode != 0:
        sys.exit("failed (%d): %s\n%s%s" % (result.returncode, " ".join(command), result.stdout[-3000:], result.stderr[-3000:]))
    return elapsed, result


def median_of(runs, function):
    return statistics.median(function() for _ in range(runs))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cli", required=True)
    parser.add_argument("--python", required=True, help="an interpreter with Flask-Migrate")
    parser.add_argument("--revisions", type=int, default=100)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--per-process", action="store_true")
    parser.add_argument("--engines", default="")
    parser.add_argument("--json")
    args = parser.parse_args()
    args.cli = os.path.abspath(args.cli)

    work = tempfile.mkdtemp(prefix="headway-bench-testupgrade-")
    try:
        project = os.path.join(work, "app")
        revisions = write_project(project, args.revisions)
        copy_template(project)
        steps = 2 * len(revisions) + 1
        database = os.path.join(work, "reference.db")
        env = dict(os.environ, SERVER_NAME="localhost", CACHE_TYPE="NullCache", FLASK_APP="app.py",
                   PYTHONDONTWRITEBYTECODE="1")
        with open(os.path.join(work, "reference.py"), "w") as file:
            file.write(REFERENCE)

        def reference():
            if os.path.exists(database):
                os.remove(database)
            return timed([args.python, os.path.join(work, "reference.py"), ",".join(revisions)],
                         dict(env, DATABASE_URL="sqlite:///" + database), project)[0]

        def headway(engine="sqlite"):
            elapsed, result = timed([args.cli, "test-upgrade", "--json", "--no-project-tests", "--python", args.python,
                                     "--engine", engine, "--env", "DATABASE_URL=sqlite:///" + database, project],
                                    env, project)
            report = json.loads(result.stdout)
            passed = [s for s in report["steps"] if s["status"] == "passed"]
            if len(passed) < steps:
                sys.exit("headway ran %d of %d steps" % (len(passed), steps))
            return elapsed

        reference()  # warm-up: bytecode of Flask, SQLAlchemy, Alembic in the page cache
        headway()
        figures = {"revisions": len(revisions), "steps": steps,
                   "reference_s": median_of(args.runs, reference), "headway_s": median_of(args.runs, headway)}
        figures["ratio"] = figures["headway_s"] / figures["reference_s"]
        print("%d revisions, %d steps, median of %d runs" % (len(revisions), steps, args.runs))
        print("  plain script through Flask-Migrate's API  %7.2f s" % figures["reference_s"])
        print("  headway-cli test-upgrade (SQLite)         %7.2f s   %.2fx the script" % (figures["headway_s"], figures["ratio"]))

        if args.per_process:
            def per_process():
                if os.path.exists(database):
                    os.remove(database)
                flask = [args.python, "-m", "flask", "db"]
                step_env = dict(env, DATABASE_URL="sqlite:///" + database)
                began = time.monotonic()
                timed(flask + ["upgrade", "heads"], step_env, project)
                for index in range(len(revisions) - 1, -1, -1):
                    timed(flask + ["downgrade", revisions[index - 1] if index else "base"], step_env, project)
                for revision in revisions:
                    timed(flask + ["upgrade", revision], step_env, project)
                return time.monotonic() - began
            figures["per_process_s"] = per_process()
            print("  one `flask db` process per step            %7.2f s   %.1fx the script (one run)"
                  % (figures["per_process_s"], figures["per_process_s"] / figures["reference_s"]))

        for engine in filter(None, args.engines.split(",")):
            headway(engine)  # warm-up
            seconds = median_of(args.runs, lambda: headway(engine))
            figures["headway_%s_s" % engine] = seconds
            print("  headway-cli test-upgrade (%s, throwaway server, start and stop included) %7.2f s" % (engine, seconds))

        if args.json:
            with open(args.json, "w") as file:
                json.dump(figures, file, indent=2)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
