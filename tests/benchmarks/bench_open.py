"""Open to first paint: `headway --screenshot` on generated histories, whole process.

For each size, writes a seeded history (headway-gen-history, Flask-Migrate
bodies, a few branches and merges) and runs the real application on it,
offscreen: with linear runs collapsed (the default above 200 revisions) and
with every revision in a box of its own (--collapse never). Each run logs its
phases (QT_LOGGING_RULES=headway.timing.info=true, window/OpenTimings.h); the
benchmark notes the wall time from starting the process to the "first-paint"
line (the graph painted in the window) and the peak RSS until then (VmHWM read
at that line), then the whole run: the operations read in the background, the
screenshot taken and the process ended, with its peak RSS. The reference,
measured in the same run on the same files, is Alembic loading the script
directory and walking every revision (what `alembic history` does before
printing). Reports medians and mins.

Usage: bench_open.py --gui headway --gen headway-gen-history --python PY
                     [--sizes 10000,100000] [--runs N] [--json OUT]
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

ALEMBIC_WALK = (
    "import sys\n"
    "from alembic.config import Config\n"
    "from alembic.script import ScriptDirectory\n"
    "script = ScriptDirectory.from_config(Config(sys.argv[1]))\n"
    "print(sum(1 for _ in script.walk_revisions()))\n"
)


def peak_rss_now(pid):
    """VmHWM of a running process, in KiB: its peak RSS so far."""
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return 0


def run_once(cmd, env=None):
    """Runs cmd to completion; returns (wall seconds, peak RSS in KiB, stdout, first paint).

    first paint is (seconds from the start, peak RSS in KiB until then) when the
    process logged a "headway.timing: first-paint" line, else None."""
    with tempfile.TemporaryFile() as out:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.PIPE, env=env)
        first_paint, errors = None, []
        for raw in proc.stderr:  # line by line, as the process writes them
            line = raw.decode(errors="replace")
            if first_paint is None and line.startswith("headway.timing: first-paint"):
                first_paint = (time.perf_counter() - start, peak_rss_now(proc.pid))
            errors.append(line)
        _, status, usage = os.wait4(proc.pid, 0)  # this child's own rusage
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode != 0:
            sys.exit(f"{' '.join(cmd)} exited with {proc.returncode}:\n{''.join(errors)}")
        out.seek(0)
        return wall, usage.ru_maxrss, out.read().decode(), first_paint


def measure(cmd, runs, env=None):
    run_once(cmd, env)  # warm-up: page cache, fonts, __pycache__
    walls, rss, paints, paint_rss = [], [], [], []
    for _ in range(runs):
        wall, peak, output, first_paint = run_once(cmd, env)
        walls.append(wall)
        rss.append(peak)
        if first_paint:
            paints.append(first_paint[0])
            paint_rss.append(first_paint[1])
    result = {"median_s": statistics.median(walls), "min_s": min(walls), "peak_rss_kib": max(rss),
              "runs": runs, "output": output.strip()}
    if paints:
        if len(paints) != runs:
            sys.exit(f"{' '.join(cmd)} logged no first paint in {runs - len(paints)} of {runs} runs")
        result.update({"first_paint_median_s": statistics.median(paints), "first_paint_min_s": min(paints),
                       "first_paint_rss_kib": max(paint_rss)})
    return result


def bench_size(args, size, env):
    with tempfile.TemporaryDirectory(prefix="headway-bench-open-") as workdir:
        root = os.path.join(workdir, "history")
        subprocess.run([args.gen, "--seed", str(size), "--revisions", str(size), "--out", root,
                        "--flask-bodies", "--branch-chance", str(args.branch_chance),
                        "--merge-chance", str(args.branch_chance)],
                       check=True, stdout=subprocess.DEVNULL)
        png = os.path.join(workdir, "shot.png")
        result = {"revisions": size}
        for mode in ("auto", "never"):
            cmd = [args.gui, "--screenshot", png, "--collapse", mode, root]
            result[f"headway_{mode}"] = measure(cmd, args.runs, dict(env, QT_LOGGING_RULES="headway.timing.info=true"))
            if "first_paint_median_s" not in result[f"headway_{mode}"]:
                sys.exit(f"{' '.join(cmd)} logged no first paint: is it built with window/OpenTimings?")
            if not os.path.getsize(png):
                sys.exit(f"{' '.join(cmd)} wrote an empty screenshot")
        result["alembic_walk"] = alembic = reference(args, root, size)
    for key in ("headway_auto", "headway_never"):
        result[key].pop("output")
        if "median_s" in alembic:
            result[key]["alembic_ratio"] = alembic["median_s"] / result[key]["first_paint_median_s"]
    return result


def reference(args, root, size):
    """Alembic loading and walking the same files; stopped after --reference-timeout seconds."""
    cmd = [args.python, "-c", ALEMBIC_WALK, os.path.join(root, "alembic.ini")]
    start = time.perf_counter()
    try:  # the warm-up, timed: a history Alembic needs minutes for is not walked again
        walked = subprocess.run(cmd, check=True, capture_output=True, text=True, timeout=args.reference_timeout)
    except subprocess.TimeoutExpired:
        return {"stopped_after_s": args.reference_timeout}
    if int(walked.stdout) != size:
        sys.exit(f"Alembic walked {walked.stdout.strip()} revisions of {size}")
    if time.perf_counter() - start > args.reference_timeout / (args.runs + 1):
        return {"median_s": time.perf_counter() - start, "min_s": time.perf_counter() - start, "runs": 1}
    result = measure(cmd, args.runs)
    result.pop("output")
    return result


def describe(alembic):
    return (f"{alembic['median_s']:.2f} s" if "median_s" in alembic
            else f"more than {alembic['stopped_after_s']:.0f} s (stopped)")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gui", required=True, help="path to the headway executable")
    parser.add_argument("--gen", required=True, help="path to headway-gen-history")
    parser.add_argument("--python", required=True, help="interpreter that has alembic installed")
    parser.add_argument("--sizes", default="10000,100000", help="comma-separated revision counts")
    parser.add_argument("--branch-chance", type=float, default=0.05, help="chance a revision starts a branch")
    parser.add_argument("--runs", type=int, default=3, help="timed runs per variant")
    parser.add_argument("--json", metavar="OUT", help="also write the results as JSON")
    parser.add_argument("--reference-timeout", type=float, default=300,
                        help="stop Alembic's walk of one size after this many seconds")
    args = parser.parse_args()

    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    # Headway's settings and caches in a throwaway place: the user's are neither read nor changed.
    home = tempfile.mkdtemp(prefix="headway-bench-home-")
    for name in ("XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME"):
        env[name] = os.path.join(home, name.lower())
    results = []
    for size in (int(s) for s in args.sizes.split(",")):
        results.append(bench_size(args, size, env))
        print(f"{size} revisions done: {json.dumps(results[-1])}", file=sys.stderr, flush=True)

    print("| revisions | boxes | first paint: median / min | RSS at first paint "
          "| whole run (operations, screenshot, exit): median | peak RSS | Alembic loading + walk "
          "| Alembic / Headway's first paint |")
    print("|---:|---|---:|---:|---:|---:|---:|---:|")
    for r in results:
        w = r["alembic_walk"]
        for key, boxes in (("headway_auto", "runs collapsed (default)"), ("headway_never", "every revision")):
            h = r[key]
            ratio = f"{h['alembic_ratio']:.1f}x" if "alembic_ratio" in h else ""
            print(f"| {r['revisions']:,} | {boxes} | {h['first_paint_median_s']:.2f} / {h['first_paint_min_s']:.2f} s "
                  f"| {h['first_paint_rss_kib'] / 1024:.0f} MiB | {h['median_s']:.2f} s | {h['peak_rss_kib'] / 1024:.0f} MiB "
                  f"| {describe(w)} | {ratio} |")
    if args.json:
        with open(args.json, "w") as out:
            json.dump(results, out, indent=2)


if __name__ == "__main__":
    main()
