"""Ask the real Alembic what it makes of migration repositories.

Usage: PYTHON alembic_oracle.py DIR [DIR...]
       PYTHON alembic_oracle.py --stdin        (one DIR per line)

For each DIR (which holds alembic.ini) prints one JSON object per line:
{"dir", "ok": true, "heads", "real_heads", "bases", "real_bases", "revisions",
"history", "label_heads", "warnings"}, or on an exception {"dir", "ok": false, "error_type",
"error", "warnings"} plus whichever of the other keys were computed before it
(e.g. a duplicated revision id still yields heads, but walk_revisions fails).
Needs only the standard library and alembic; the interpreter is whatever the
caller runs this with.

Determinism: sets (nextrev, branch_labels) are sorted here. The order of
"history" (walk_revisions) depends on set iteration, hence PYTHONHASHSEED,
only when a revision has two or more dependencies left after Alembic drops
those already reached through its ancestors; histories that declare at most
one depends_on per revision are stable.
"""

import argparse
import json
import os
import signal
import sys
import warnings

import alembic
from alembic.config import Config
from alembic.script import ScriptDirectory
from alembic.script.base import Script

# Importing the revision files must not leave __pycache__ in the trees we inspect.
sys.dont_write_bytecode = True

# Alembic < 1.10 loads version files in raw os.listdir() order, >= 1.10 sorts
# the file names of each version directory. The load order decides the order
# of heads and of ties in history, so give old versions the modern,
# reproducible behaviour. (Sourceless __pycache__ entries stay unsorted after
# the sorted files, as in modern Alembic.)
if tuple(int(part) for part in alembic.__version__.split(".")[:2]) < (1, 10):
    _unsorted_list_py_dir = Script._list_py_dir.__func__

    def _sorted_list_py_dir(cls, scriptdir, path):
        names = _unsorted_list_py_dir(cls, scriptdir, path)
        cached = [n for n in names if n.startswith("__pycache__" + os.sep)]
        return sorted(n for n in names if n not in cached) + cached

    Script._list_py_dir = classmethod(_sorted_list_py_dir)


def describe(directory, result):
    """Fills result step by step, so a failure still reports what came before it."""
    script = ScriptDirectory.from_config(Config(os.path.join(directory, "alembic.ini")))
    revision_map = script.revision_map
    result["heads"] = script.get_heads()  # builds the map: load warnings come from here
    result["real_heads"] = list(revision_map._real_heads)
    result["bases"] = script.get_bases()
    result["real_bases"] = list(revision_map._real_bases)

    revisions = result["revisions"] = {}
    # _revision_map also maps branch labels, None and (); keep the id entries.
    for key, rev in revision_map._revision_map.items():
        if rev is None or key != rev.revision:
            continue
        revisions[key] = {
            "down_revisions": list(rev._versioned_down_revisions),
            "dependencies": list(rev._resolved_dependencies),
            "branch_labels": sorted(rev.branch_labels),
            "is_head": rev.is_head,
            "is_base": rev.is_base,
            "is_branch_point": rev.is_branch_point,
            "is_merge_point": rev.is_merge_point,
            "nextrev": sorted(rev.nextrev),
            "doc": rev.doc,
            "path": os.path.relpath(rev.path, directory),
        }
    result["history"] = [rev.revision for rev in script.walk_revisions()]

    # What `<label>@head` names for every branch label: one head, or Alembic's refusal.
    label_heads = result["label_heads"] = {}
    labels = sorted({label for rev in revisions.values() for label in rev["branch_labels"]})
    for label in labels:
        try:
            label_heads[label] = {"ok": True, "heads": [
                rev.revision for rev in revision_map.get_revisions(label + "@head")]}
        except Exception as exc:
            label_heads[label] = {"ok": False, "error_type": type(exc).__name__, "error": str(exc)}


class AlembicHung(Exception):
    """Alembic 1.8 loops forever on some cycles its _detect_cycles misses
    (a cycle entered through a merge point), so each directory gets a deadline."""


def _on_deadline(signum, frame):
    raise AlembicHung("Alembic did not finish: it loops on this history")


def inspect(directory, timeout):
    result = {"dir": directory, "ok": True}
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        signal.signal(signal.SIGALRM, _on_deadline)
        signal.alarm(timeout)
        try:
            describe(directory, result)
        except Exception as exc:  # any failure is an answer to compare against
            result.update(ok=False, error_type=type(exc).__name__, error=str(exc))
        finally:
            signal.alarm(0)
    result["warnings"] = [str(w.message) for w in caught]
    return result


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dirs", nargs="*", metavar="DIR")
    parser.add_argument("--stdin", action="store_true", help="read one DIR per line from stdin")
    parser.add_argument("--timeout", type=int, default=60, metavar="SECONDS",
                        help="give up on a directory after this long (default 60)")
    args = parser.parse_args()

    dirs = list(args.dirs)
    if args.stdin:
        dirs += [line.strip() for line in sys.stdin if line.strip()]
    if not dirs:
        parser.error("no DIR given")
    for directory in dirs:
        print(json.dumps(inspect(directory, args.timeout)), flush=True)


if __name__ == "__main__":
    main()
