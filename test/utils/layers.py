#!/usr/bin/env python3
"""Checks that the floors of core/ include only downward.

Usage: layers.py ROOT

Each floor is a directory of ROOT/core with a CMakeLists.txt that declares
its library with corolint_floor(NAME SOURCES ... LINKS ...). A file of a
floor may include the headers of its own floor and of the floors it links,
directly or through them; core/ includes nothing of checks/ or tool/. Every
`#include "..."` that names a header of the project is checked; prints one
line per violation and exits 1 when there is any.
"""
import os
import re
import sys


def floors(core):
    """{library: (directory, [linked libraries])} from the CMakeLists."""
    out = {}
    for d in sorted(os.listdir(core)):
        cmake = os.path.join(core, d, "CMakeLists.txt")
        if not os.path.isfile(cmake):
            continue
        text = open(cmake).read()
        m = re.search(r"corolint_floor\((\w+)(.*?)\)", text, re.S)
        if not m:
            raise SystemExit("layers: %s declares no floor" % cmake)
        links = re.search(r"LINKS\s+([\w\s]*)", m.group(2))
        out[m.group(1)] = (d, links.group(1).split() if links else [])
    return out


def reachable(lib, libs):
    seen, todo = set(), [lib]
    while todo:
        l = todo.pop()
        if l in seen or l not in libs:
            continue
        seen.add(l)
        todo.extend(libs[l][1])
    return seen


def main():
    root = sys.argv[1]
    core = os.path.join(root, "core")
    libs = floors(core)
    owner = {}  # header name -> directory that holds it
    for top in ("core", "checks", os.path.join("tool", "corolint"),
                os.path.join("tool", "corolint-clangd")):
        base = os.path.join(root, top)
        for dirpath, _, files in os.walk(base):
            for f in files:
                if f.endswith((".h", ".def")):
                    owner[f] = os.path.relpath(dirpath, root)
    bad = 0
    for lib, (d, _) in sorted(libs.items()):
        allowed = {os.path.join("core", libs[l][0]) for l in reachable(lib, libs)}
        for f in sorted(os.listdir(os.path.join(core, d))):
            if not f.endswith((".h", ".cpp", ".def")):
                continue
            path = os.path.join(core, d, f)
            for n, line in enumerate(open(path), 1):
                m = re.match(r'\s*#\s*include\s*"([^"]+)"', line)
                if not m:
                    continue
                name = m.group(1)
                first = name.split("/")[0]
                if "/" in name and (first in (".", "..", "core", "checks", "tool")):
                    print("%s:%d: includes %s by a path; name the header alone"
                          % (os.path.relpath(path, root), n, name))
                    bad += 1
                    continue
                where = owner.get(name)
                if where is not None and where not in allowed:
                    print("%s:%d: floor %s includes %s from %s, which it does not link"
                          % (os.path.relpath(path, root), n, d, name, where))
                    bad += 1
    print("layers: %d floors, %d violations" % (len(libs), bad))
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
