"""What Headway adds to the project's own commands.

Times, on a fresh copy of the demo (a real Flask-Migrate app with SQLite):
- `headway-cli current` against the same `python -m flask db current` typed by
  hand (with SERVER_NAME/CACHE_TYPE/FLASK_APP set), and
- `headway-cli test-upgrade --no-project-tests` (one process running every
  step) against the same steps run directly one after another (the commands
  come from `headway-cli test-upgrade --dry-run --json`, so both sides run
  exactly the same).

Usage: python3 tests/benchmarks/bench_commands.py --cli build/app/cli/headway-cli
           [--runs 5] [--app DIR]   (default app: a fixed copy of the demo with its heads merged)

Needs only Python 3.9+ and the standard library; the interpreter that runs
`flask db` is the one Headway discovers (printed). Whole-process wall times,
medians.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time


def timed(command, **kwargs):
    start = time.perf_counter()
    result = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **kwargs)
    return time.perf_counter() - start, result


def median_ms(runs, command, **kwargs):
    times = []
    for _ in range(runs):
        elapsed, result = timed(command, **kwargs)
        if result.returncode not in (0, 4):
            sys.exit("failed: %s\n%s" % (command, result.stderr))
        times.append(elapsed * 1000)
    return statistics.median(times)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--cli", required=True)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--app")
    args = parser.parse_args()
    args.cli = os.path.abspath(args.cli)
    home = tempfile.mkdtemp(prefix="headway-bench-home-")
    env = dict(os.environ, XDG_CONFIG_HOME=home + "/config", XDG_DATA_HOME=home + "/data",
               XDG_CACHE_HOME=home + "/cache")
    app = args.app
    if not app:
        app = home + "/demo"
        subprocess.run([args.cli, "demo", "--path", app], check=True, env=env, stdout=subprocess.DEVNULL)
        # Make the heads compatible and merge them: a history whose test upgrade passes end to end.
        upstream = app + "/migrations/versions/dd710196dcb0_add_post_slug.py"
        text = open(upstream).read()
        text = "\n".join(line for line in text.split("\n") if "ix_user_email" not in line)
        open(upstream, "w").write(text)
        subprocess.run([args.cli, "merge", "-m", "user preferences with post slugs"], check=True, env=env,
                       cwd=app, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    python = subprocess.run([args.cli, "interpreter", "--require", "flask_migrate", app], env=env,
                            stdout=subprocess.PIPE, text=True, check=True).stdout.strip()
    print("app: %s\ninterpreter: %s\n" % (app, python))

    direct_env = dict(env, SERVER_NAME="localhost", CACHE_TYPE="NullCache", FLASK_APP="app.py")
    current_headway = median_ms(args.runs, [args.cli, "current"], env=env, cwd=app)
    current_direct = median_ms(args.runs, [python, "-m", "flask", "db", "current"], env=direct_env, cwd=app)

    dry = json.loads(subprocess.run([args.cli, "test-upgrade", "--dry-run", "--json", "--no-project-tests"], env=env,
                                    cwd=app, stdout=subprocess.PIPE, text=True, check=True).stdout)
    steps = [step["command"] for step in dry["steps"]]
    planned_database = dry["database_url"][len("sqlite:///"):]
    # The dry run's scratch directory is gone: the direct run gets its own.
    scratch = tempfile.mkdtemp(prefix="headway-bench-scratch-")
    database = scratch + "/scratch.db"

    def run_steps_directly():
        if os.path.exists(database):
            os.remove(database)
        for command in steps:
            step_env = dict(env, **command["environment"])
            step_env = {name: value.replace(planned_database, database) for name, value in step_env.items()}
            arguments = [argument.replace(planned_database, database) for argument in command["arguments"]]
            result = subprocess.run([command["program"]] + arguments, cwd=command["working_directory"], env=step_env,
                                    stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
            if result.returncode != 0:
                sys.exit("direct step failed: %s\n%s" % (command["shell"][:200], result.stderr[-2000:]))

    times = []
    for _ in range(args.runs):
        start = time.perf_counter()
        run_steps_directly()
        times.append((time.perf_counter() - start) * 1000)
    test_direct = statistics.median(times)
    test_headway = median_ms(args.runs, [args.cli, "test-upgrade", "--no-project-tests"], env=env, cwd=app)

    print("| command | Headway | run directly | Headway's overhead |")
    print("|---|---:|---:|---:|")
    print("| current | %.0f ms | %.0f ms | %+.0f ms |" % (current_headway, current_direct, current_headway - current_direct))
    print("| test-upgrade (%d steps) | %.0f ms | %.0f ms | %+.0f ms |"
          % (len(steps), test_headway, test_direct, test_headway - test_direct))


if __name__ == "__main__":
    main()
