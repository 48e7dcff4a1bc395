"""Time `headway-cli heads DIR` against `PYTHON -m alembic -c DIR/alembic.ini heads`.

For each size, writes a seeded history with Flask-Migrate bodies and several
heads, then times whole-process runs of both tools (after one warm-up run
each) and reports median/min wall time and each child's peak RSS. Exits with
an error if the two tools disagree on the set of head ids.

Usage: bench_heads.py --cli headway-cli --gen headway-gen-history --python PY
                      [--sizes 500,2000,20000] [--runs N] [--json OUT]
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time


def run_once(cmd):
    """Runs cmd to completion; returns (wall seconds, peak RSS in KiB, stdout)."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=err)
        # wait4 gives this child's own rusage; RUSAGE_CHILDREN would be the max over all children so far.
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)  # already reaped: keep Popen from waiting again
        if proc.returncode != 0:
            err.seek(0)
            sys.exit(f"{' '.join(cmd)} exited with {proc.returncode}:\n{err.read().decode(errors='replace')}")
        out.seek(0)
        return wall, usage.ru_maxrss, out.read().decode()


def head_ids(output):
    # `<rev> (head)`, or with alembic also `<rev> (label, ...) (effective head)`
    return {line.split()[0] for line in output.splitlines() if line.strip()}


def measure(cmd, runs):
    _, _, output = run_once(cmd)  # warm-up: page cache, and alembic's __pycache__
    walls, rss = [], []
    for _ in range(runs):
        wall, peak, _ = run_once(cmd)
        walls.append(wall)
        rss.append(peak)
    return {
        "median_s": statistics.median(walls),
        "min_s": min(walls),
        "peak_rss_kib": max(rss),
        "runs": runs,
        "heads": sorted(head_ids(output)),
    }


def generate(args, size, workdir):
    """Writes a history with at least two heads; returns (seed, root)."""
    for seed in range(size, size + 20):
        root = os.path.join(workdir, f"seed{seed}")
        subprocess.run([args.gen, "--seed", str(seed), "--revisions", str(size), "--out", root,
                        "--flask-bodies"], check=True, stdout=subprocess.DEVNULL)
        if len(head_ids(run_once([args.cli, "heads", root])[2])) >= 2:
            return seed, root
    sys.exit(f"no seed in {size}..{size + 19} gave several heads for {size} revisions")


def bench_size(args, size):
    with tempfile.TemporaryDirectory(prefix="headway-bench-") as workdir:
        seed, root = generate(args, size, workdir)
        headway = measure([args.cli, "heads", root], args.runs or 7)
        alembic = measure([args.python, "-m", "alembic", "-c", os.path.join(root, "alembic.ini"), "heads"],
                          args.runs or 5)
    heads, alembic_heads = headway.pop("heads"), alembic.pop("heads")
    if heads != alembic_heads:
        sys.exit(f"heads differ for {size} revisions (seed {seed}):\n"
                 f"  headway: {heads}\n  alembic: {alembic_heads}")
    return {"revisions": size, "seed": seed, "heads": heads, "headway": headway, "alembic": alembic,
            "ratio": alembic["median_s"] / headway["median_s"]}


def ms(seconds):
    return f"{seconds * 1000:.1f} ms"


def mib(kib):
    return f"{kib / 1024:.1f} MiB"


def markdown(results):
    lines = ["| revisions | heads | headway median | headway min | headway RSS "
             "| alembic median | alembic min | alembic RSS | alembic/headway |",
             "|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for r in results:
        h, a = r["headway"], r["alembic"]
        lines.append(f"| {r['revisions']} | {len(r['heads'])} | {ms(h['median_s'])} | {ms(h['min_s'])} "
                     f"| {mib(h['peak_rss_kib'])} | {ms(a['median_s'])} | {ms(a['min_s'])} "
                     f"| {mib(a['peak_rss_kib'])} | {r['ratio']:.1f}x |")
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cli", required=True, help="path to headway-cli")
    parser.add_argument("--gen", required=True, help="path to headway-gen-history")
    parser.add_argument("--python", required=True, help="interpreter that has alembic installed")
    parser.add_argument("--sizes", default="500,2000,20000", help="comma-separated revision counts")
    parser.add_argument("--runs", type=int, help="timed runs per tool (default: 7 headway, 5 alembic)")
    parser.add_argument("--json", metavar="OUT", help="also write the results as JSON")
    args = parser.parse_args()

    probe = subprocess.run([args.python, "-c", "import sys, alembic; print(sys.version.split()[0], "
                            "alembic.__version__)"], capture_output=True, text=True)
    if probe.returncode != 0:
        sys.exit(f"{args.python} cannot import alembic:\n{probe.stderr}")
    versions = probe.stdout.split()
    results = []
    for size in (int(s) for s in args.sizes.split(",")):
        results.append(bench_size(args, size))
        print(f"{size} revisions done", file=sys.stderr, flush=True)

    print(f"Python {versions[0]}, Alembic {versions[1]}\n")
    print(markdown(results))
    if args.json:
        with open(args.json, "w") as out:
            json.dump({"python": versions[0], "alembic": versions[1], "results": results}, out, indent=2)


if __name__ == "__main__":
    main()
