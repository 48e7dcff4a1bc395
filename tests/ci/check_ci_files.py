#!/usr/bin/env python3
"""The CI files Headway ships (packaging/ci/headway.yml, .pre-commit-hooks.yaml)
parse as YAML, are shaped as GitHub Actions and pre-commit read them, and run
only commands and formats that `headway-cli --help` lists.

Usage: check_ci_files.py HEADWAY_CLI SOURCE_DIR
"""
import os
import re
import subprocess
import sys

import yaml

FORMATS = {"text", "json", "github", "junit", "sarif"}
problems = {}  # in order, each once


def expect(condition, message):
    if not condition:
        problems[message] = None


def help_of(cli, *command):
    return subprocess.run([cli, *command, "--help"], capture_output=True, text=True, check=True).stdout


def commands_of(cli):
    # Command lines of the usage are indented by two spaces exactly.
    return set(re.findall(r"^  ([a-z][a-z-]*)\b", help_of(cli), re.M))


def check_invocation(cli, commands, text, where):
    """Every `headway-cli COMMAND ... --format F` in text names a real command and format."""
    for line in text.splitlines():
        for match in re.finditer(r"headway-cli\s+([a-z][a-z-]*)", line):
            command = match.group(1)
            expect(command in commands, f"{where}: headway-cli {command} is not a command of headway-cli --help")
            formats = re.findall(r"--format\s+(\S+)", line[match.end():])
            for value in formats:
                expect(value in FORMATS, f"{where}: --format {value} is not one of {sorted(FORMATS)}")
            if formats and command in commands:
                expect("--format" in help_of(cli, command), f"{where}: headway-cli {command} has no --format")


def check_hooks(cli, commands, path):
    hooks = yaml.safe_load(open(path, encoding="utf-8"))
    expect(isinstance(hooks, list), f"{path}: pre-commit expects a list of hooks")
    hooks = hooks if isinstance(hooks, list) else []
    expect({hook.get("id") for hook in hooks} == {"headway-check", "headway-conflicts"},
           f"{path}: the hooks are not headway-check and headway-conflicts")
    for hook in hooks:
        where = f"{path}: {hook.get('id')}"
        for key in ("id", "name", "entry", "language"):
            expect(key in hook, f"{where}: no {key}")
        entry = str(hook.get("entry", "")).split()
        expect(entry[:1] == ["headway-cli"] and len(entry) >= 2, f"{where}: the entry does not run headway-cli COMMAND")
        check_invocation(cli, commands, str(hook.get("entry", "")), where)
        expect(hook.get("language") == "system", f"{where}: headway-cli is installed on the system, not by pre-commit")
        expect(hook.get("pass_filenames") is False, f"{where}: Headway reads the whole repository, not file names")
        files = re.compile(hook.get("files", ""))  # pre-commit matches with Python's re.search
        for name in ("migrations/versions/1a2b3c_add_users.py", "versions/x.py", "backend/migrations/versions/x.py",
                     "alembic.ini", "backend/alembic.ini"):
            expect(files.search(name), f"{where}: files does not match {name}")
        for name in ("app/models.py", "versions.py", "docs/versions.txt", "migrations/env.py"):
            expect(not files.search(name), f"{where}: files matches {name}")


def check_workflow(cli, commands, path):
    workflow = yaml.safe_load(open(path, encoding="utf-8"))
    triggers = workflow.get("on", workflow.get(True))  # YAML 1.1 reads a bare `on` as true
    expect(isinstance(triggers, dict) and "pull_request" in triggers, f"{path}: not run on pull_request")
    steps = [step for job in workflow.get("jobs", {}).values() for step in job.get("steps", [])]
    checkouts = [step for step in steps if str(step.get("uses", "")).startswith("actions/checkout@")]
    expect(len(checkouts) == 1 and checkouts[0].get("with", {}).get("fetch-depth") == 0,
           f"{path}: one actions/checkout with fetch-depth: 0 (preview-merge needs the base branch)")
    runs = "\n".join(str(step.get("run", "")) for step in steps)
    check_invocation(cli, commands, runs, path)
    for command in ("check", "conflicts", "preview-merge"):
        expect(re.search(rf"headway-cli {command}\b.*--format github", runs),
               f"{path}: no `headway-cli {command} ... --format github` step")
    written = set(re.findall(r"--format sarif > (\S+)", runs))
    uploads = [step for step in steps if str(step.get("uses", "")).startswith("github/codeql-action/upload-sarif@")]
    expect(uploads, f"{path}: no github/codeql-action/upload-sarif step")
    for upload in uploads:
        sarif = upload.get("with", {}).get("sarif_file")
        expect(sarif in written, f"{path}: uploads {sarif}, which no `--format sarif >` writes")
    expect(len({upload.get("with", {}).get("category") for upload in uploads}) == len(uploads),
           f"{path}: each SARIF upload needs a category of its own")


def main():
    cli, source = sys.argv[1], sys.argv[2]
    commands = commands_of(cli)
    expect({"check", "conflicts"} <= commands, f"headway-cli --help lists no check / conflicts: {sorted(commands)}")
    check_hooks(cli, commands, os.path.join(source, ".pre-commit-hooks.yaml"))
    check_workflow(cli, commands, os.path.join(source, "packaging", "ci", "headway.yml"))
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
