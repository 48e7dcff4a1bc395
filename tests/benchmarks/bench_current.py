"""Time `headway-cli current DIR` against the raw `python -m flask db current`.

Copies the strict Flask-Migrate fixture app (tests/fixtures/strictapp: SQLite
through DATABASE_URL, refuses to start without SERVER_NAME and CACHE_TYPE) to
a temporary directory, upgrades its database to the middle revision, then
times whole-process runs, interleaved after a warm-up:
- headway-cli current DIR (its interpreter choice cached, as from the second
  run on),
- the same with the interpreter cache removed before every run (every
  candidate probed, as before the cache existed),
- PYTHON -m flask db current in DIR with SERVER_NAME=localhost
  CACHE_TYPE=NullCache FLASK_APP=app.py, as typed by hand.
Prints medians, minimums, Headway's overhead in ms and the ratio. Exits with an
error if Headway and Flask report different revisions.

Usage: bench_current.py --cli build/app/cli/headway-cli [--python PY] [--runs 20]
                        [--warmup 2] [--app DIR] [--json OUT]
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

FIXTURE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "fixtures", "strictapp")


def run_once(cmd, env, cwd=None):
    """Runs cmd to completion; returns (wall seconds, stdout)."""
    start = time.perf_counter()
    result = subprocess.run(cmd, env=env, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    wall = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"{' '.join(cmd)} exited with {result.returncode}:\n{result.stderr}")
    return wall, result.stdout


def summary(walls):
    return {"median_ms": statistics.median(walls) * 1000, "min_ms": min(walls) * 1000, "runs": len(walls)}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cli", required=True, help="path to headway-cli")
    parser.add_argument("--python", help="interpreter with Flask-Migrate (default: the one Headway finds)")
    parser.add_argument("--runs", type=int, default=20, help="timed runs per variant")
    parser.add_argument("--warmup", type=int, default=2, help="untimed runs per variant first")
    parser.add_argument("--app", help="a Flask-Migrate app to use instead of a copy of the fixture")
    parser.add_argument("--json", metavar="OUT", help="also write the results as JSON")
    args = parser.parse_args()
    cli = os.path.abspath(args.cli)

    with tempfile.TemporaryDirectory(prefix="headway-bench-current-") as work:
        # Headway's settings and caches live here, not in the user's home.
        env = dict(os.environ, XDG_CONFIG_HOME=work + "/config", XDG_DATA_HOME=work + "/data",
                   XDG_CACHE_HOME=work + "/cache", DATABASE_URL="sqlite:///" + work + "/bench.db")
        app = args.app
        if not app:
            app = work + "/app"
            shutil.copytree(FIXTURE, app)
        app = os.path.abspath(app)
        choices = work + "/cache/headway/interpreter-choices.json"
        python = args.python or run_once([cli, "interpreter", "--require", "flask_migrate", app], env)[1].strip()
        raw_env = dict(env, SERVER_NAME="localhost", CACHE_TYPE="NullCache", FLASK_APP="app.py")
        raw = [python, "-m", "flask", "db", "current"]
        if not args.app:  # something for `current` to report: one revision applied, two pending
            run_once([python, "-m", "flask", "db", "upgrade", "1a0000000001"], raw_env, app)

        # Both must read the same database state.
        headway_revisions = json.loads(run_once([cli, "current", "--json", app], env)[1])["revisions"]
        raw_revisions = [line.split()[0] for line in run_once(raw, raw_env, app)[1].splitlines() if line.strip()]
        if sorted(headway_revisions) != sorted(raw_revisions):
            sys.exit(f"different revisions: headway {headway_revisions}, flask {raw_revisions}")

        def uncached():
            if os.path.exists(choices):
                os.remove(choices)
            return run_once([cli, "current", app], env)

        variants = {
            "headway": lambda: run_once([cli, "current", app], env),
            "headway_uncached": uncached,
            "raw": lambda: run_once(raw, raw_env, app),
        }
        walls = {name: [] for name in variants}
        for _ in range(args.warmup):
            for run in variants.values():
                run()
        # Interleaved, so a busy machine slows every variant alike.
        for _ in range(args.runs):
            for name, run in variants.items():
                walls[name].append(run()[0])
        if not os.path.exists(choices):  # e.g. a headway-cli from before the cache
            print(f"warning: no interpreter cache at {choices}: every run probed", file=sys.stderr)

    results = {name: summary(times) for name, times in walls.items()}
    raw_ms = results["raw"]["median_ms"]
    print(f"app: {app}\ninterpreter: {python}\nrevisions: {', '.join(raw_revisions) or 'base'}\n")
    print("| command | median | min | overhead vs raw | ratio |")
    print("|---|---:|---:|---:|---:|")
    for name, label in (("raw", "python -m flask db current"), ("headway", "headway-cli current"),
                        ("headway_uncached", "headway-cli current, cache removed each run")):
        r = results[name]
        r["overhead_ms"] = r["median_ms"] - raw_ms
        r["ratio"] = r["median_ms"] / raw_ms
        print(f"| {label} | {r['median_ms']:.0f} ms | {r['min_ms']:.0f} ms | {r['overhead_ms']:+.0f} ms "
              f"| {r['ratio']:.2f}x |")
    if args.json:
        with open(args.json, "w") as out:
            json.dump({"python": python, "revisions": raw_revisions, "results": results}, out, indent=2)


if __name__ == "__main__":
    main()
