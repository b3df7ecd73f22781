#!/usr/bin/env python3
"""Runs a composite GitHub Action's steps as the runner does.

Usage: run-action.py ACTION_DIR WORKSPACE [NAME=VALUE...] [--output ID.NAME=VALUE...]

Each step's `run` goes to `bash --noprofile --norc -eo pipefail` in
WORKSPACE, with GITHUB_ACTION_PATH, GITHUB_WORKSPACE and GITHUB_OUTPUT set
and the step's `env`, in which `${{ inputs.NAME }}` is the input given
(NAME=VALUE), else its default, and `${{ steps.ID.outputs.NAME }}` what an
earlier step wrote to GITHUB_OUTPUT. A step's `if` is evaluated as the
runner does for comparisons of those with '...' strings joined by `&&`; a
step whose `if` is false is skipped ("step <name>: skipped"). A `uses` step
(another action, such as actions/cache) is not run here: its outputs are
those given with --output ID.NAME=VALUE. Any other expression is an error:
the runner would expand it and this script does not. Prints "step <name>:
exit <code>" after each step run and stops at the first that fails, with its
code.
"""
import os
import re
import subprocess
import sys
import tempfile

import yaml


def main():
    action_dir, workspace = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    with open(os.path.join(action_dir, "action.yml")) as f:
        action = yaml.safe_load(f)
    inputs = {name: str(spec.get("default", "")) for name, spec in action.get("inputs", {}).items()}
    outputs = {}  # step id -> {name: value}
    args = sys.argv[3:]
    while args:
        arg = args.pop(0)
        if arg == "--output":
            ref, _, value = args.pop(0).partition("=")
            step, _, name = ref.partition(".")
            outputs.setdefault(step, {})[name] = value
            continue
        name, _, value = arg.partition("=")
        if name not in inputs:
            raise SystemExit("run-action: no input %r" % name)
        inputs[name] = value
    if action["runs"]["using"] != "composite":
        raise SystemExit("run-action: not a composite action")

    def value(ref):
        ref = ref.strip()
        if ref.startswith("'") and ref.endswith("'"):
            return ref[1:-1]
        if ref.startswith("inputs."):
            return inputs[ref[len("inputs."):]]
        m = re.fullmatch(r"steps\.([\w-]+)\.outputs\.([\w-]+)", ref)
        if m:
            return outputs.get(m.group(1), {}).get(m.group(2), "")
        if ref == "github.action_path":
            return action_dir
        raise SystemExit("run-action: unsupported expression %r" % ref)

    def holds(condition):
        for part in condition.split("&&"):
            m = re.fullmatch(r"\s*(\S+)\s*(==|!=)\s*(\S+)\s*", part)
            if not m:
                raise SystemExit("run-action: unsupported condition %r" % condition)
            same = value(m.group(1)) == value(m.group(3))
            if same != (m.group(2) == "=="):
                return False
        return True

    def expand(text):
        return re.sub(r"\$\{\{(.*?)\}\}", lambda m: value(m.group(1)), text)

    for step in action["runs"]["steps"]:
        name = step["name"]
        if "if" in step and not holds(step["if"]):
            print("step %s: skipped" % name)
            continue
        if "uses" in step:
            print("step %s: uses %s, not run here" % (name, step["uses"]))
            continue
        if "${{" in step["run"]:
            raise SystemExit("run-action: an expression in a script: %s" % name)
        if step.get("shell") != "bash":
            raise SystemExit("run-action: step %r is not bash" % name)
        with tempfile.NamedTemporaryFile("r", suffix=".output") as out:
            env = dict(os.environ, GITHUB_ACTION_PATH=action_dir,
                       GITHUB_WORKSPACE=workspace, GITHUB_OUTPUT=out.name)
            env.update({k: expand(str(v)) for k, v in step.get("env", {}).items()})
            sys.stdout.flush()
            code = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", step["run"]],
                                  cwd=workspace, env=env).returncode
            for line in out.read().splitlines():
                key, _, val = line.partition("=")
                outputs.setdefault(step.get("id", ""), {})[key] = val
        print("step %s: exit %d" % (name, code))
        if code:
            sys.exit(code)


if __name__ == "__main__":
    main()
