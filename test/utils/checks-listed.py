#!/usr/bin/env python3
"""Checks that every row of core/knowledge/Checks.def has its documentation.

Usage: checks-listed.py ROOT

Prints "checks: N listed, M without a page or a README line", and a line
for each that lacks one; exits 1 when any does.
"""
import os
import re
import sys


def main():
    root = sys.argv[1]
    text = open(os.path.join(root, "core", "knowledge", "Checks.def")).read()
    names = re.findall(r'^COROLINT_CHECK\(\w+, "([^"]+)"', text, re.M)
    readme = open(os.path.join(root, "README.md")).read()
    missing = 0
    for name in names:
        page = os.path.join(root, "docs", "checks", name + ".md")
        if not os.path.isfile(page):
            print("%s: no page docs/checks/%s.md" % (name, name))
            missing += 1
        elif "| [%s](docs/checks/%s.md) |" % (name, name) not in readme:
            print("%s: no line in the README's table of checks" % name)
            missing += 1
    print("checks: %d listed, %d without a page or a README line"
          % (len(names), missing))
    sys.exit(1 if missing else 0)


if __name__ == "__main__":
    main()
