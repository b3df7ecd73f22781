#!/usr/bin/env python3
"""Compiles a file with another file's command from a compile database.

Usage: compile-as.py BUILD_DIR SOURCE OTHER

Runs the command compile_commands.json in BUILD_DIR gives SOURCE, with
-fsyntax-only, on OTHER instead; exits with the compiler's status.
"""
import json
import os
import shlex
import subprocess
import sys


def main():
    build, source, other = sys.argv[1], os.path.realpath(sys.argv[2]), sys.argv[3]
    with open(os.path.join(build, "compile_commands.json")) as f:
        entries = json.load(f)
    for e in entries:
        path = os.path.realpath(os.path.join(e["directory"], e["file"]))
        if path != source:
            continue
        args = e.get("arguments") or shlex.split(e["command"])
        out, i = [], 0
        while i < len(args):
            a = args[i]
            if a in ("-o", "-MF", "-MT", "-MQ"):
                i += 2
                continue
            if a in ("-c", "-MD", "-MMD") or os.path.realpath(
                    os.path.join(e["directory"], a)) == source:
                i += 1
                continue
            out.append(a)
            i += 1
        cmd = out + ["-fsyntax-only", os.path.abspath(other)]
        sys.exit(subprocess.run(cmd, cwd=e["directory"]).returncode)
    raise SystemExit("compile-as: %s is not in the database" % source)


if __name__ == "__main__":
    main()
