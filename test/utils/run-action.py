#!/usr/bin/env python3
"""Runs a composite GitHub Action's steps as the runner does.

Usage: run-action.py ACTION_DIR WORKSPACE [NAME=VALUE...]

Each step's `run` goes to `bash --noprofile --norc -eo pipefail` in
WORKSPACE, with GITHUB_ACTION_PATH and GITHUB_WORKSPACE set and the step's
`env`, in which `${{ inputs.NAME }}` is the input given, else its default.
An expression anywhere else is an error: the runner would expand it and this
script does not. Prints "step <name>: exit <code>" after each step and stops
at the first that fails, with its code.
"""
import os
import re
import subprocess
import sys

import yaml


def main():
    action_dir, workspace = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    with open(os.path.join(action_dir, "action.yml")) as f:
        action = yaml.safe_load(f)
    inputs = {name: str(spec.get("default", "")) for name, spec in action.get("inputs", {}).items()}
    for arg in sys.argv[3:]:
        name, _, value = arg.partition("=")
        if name not in inputs:
            raise SystemExit("run-action: no input %r" % name)
        inputs[name] = value
    if action["runs"]["using"] != "composite":
        raise SystemExit("run-action: not a composite action")

    def expand(text):
        def one(m):
            expr = m.group(1).strip()
            if not expr.startswith("inputs."):
                raise SystemExit("run-action: unsupported expression %r" % expr)
            return inputs[expr[len("inputs."):]]
        return re.sub(r"\$\{\{(.*?)\}\}", one, text)

    for step in action["runs"]["steps"]:
        if "${{" in step["run"]:
            raise SystemExit("run-action: an expression in a script: %s" % step["name"])
        if step.get("shell") != "bash":
            raise SystemExit("run-action: step %r is not bash" % step["name"])
        env = dict(os.environ, GITHUB_ACTION_PATH=action_dir, GITHUB_WORKSPACE=workspace)
        env.update({k: expand(str(v)) for k, v in step.get("env", {}).items()})
        sys.stdout.flush()
        code = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", step["run"]],
                              cwd=workspace, env=env).returncode
        print("step %s: exit %d" % (step["name"], code))
        if code:
            sys.exit(code)


if __name__ == "__main__":
    main()
