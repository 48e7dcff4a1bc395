"""Ask the real Alembic which migrations an upgrade or downgrade would run.

Usage: PYTHON alembic_plan_oracle.py < queries.jsonl

Each input line is {"dir": DIR (holds alembic.ini), "queries": [{"kind":
"upgrade"|"downgrade", "current": [revision ids the database is at],
"target": "..."}]}. For each input line prints one JSON line {"dir",
"answers": [{"ok": true, "revisions": [ids in Alembic's order]} or {"ok":
false, "error_type", "error"}]}. Uses the same calls `alembic upgrade` and
`alembic downgrade` make (ScriptDirectory._upgrade_revs / _downgrade_revs)
without a database. Needs only the standard library and alembic.
"""

import json
import os
import sys
import warnings

from alembic.config import Config
from alembic.script import ScriptDirectory

sys.dont_write_bytecode = True


def answer(script, query):
    current = tuple(query["current"])
    target = query["target"]
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            if query["kind"] == "upgrade":
                steps = script._upgrade_revs(target, current)
            else:
                steps = script._downgrade_revs(target, current)
        return {"ok": True, "revisions": [step.revision.revision for step in steps]}
    except Exception as error:  # every refusal is an answer to compare
        return {"ok": False, "error_type": type(error).__name__, "error": str(error)}


def main():
    for line in sys.stdin:
        if not line.strip():
            continue
        request = json.loads(line)
        script = ScriptDirectory.from_config(Config(os.path.join(request["dir"], "alembic.ini")))
        answers = [answer(script, query) for query in request["queries"]]
        print(json.dumps({"dir": request["dir"], "answers": answers}), flush=True)


if __name__ == "__main__":
    main()
