#!/usr/bin/env python3
"""Times the standalone corolint against parsing alone, on the same files
with the same parallelism.

The files: Debian's 23 Boost.Asio C++20 examples and a generated project
whose chains of calls cross files (every function of a chain in another
file, ending in a nested event loop run, a coroutine at the head of each).
The compile database lists them all.

  parse:  clang++-19 -fsyntax-only on each file, -j at a time
  cold:   corolint -p DB -j N with an empty cache
  warm:   corolint again after editing one file (a comment appended), so
          that one file is parsed and the rest comes from the cache

With --mixed-standards, the generated files that hold no coroutine are
compiled with -std=c++14, as a project's older parts are: their facts are
cached like the others', so the warm run stays warm.

Rounds are interleaved; the medians are reported, with the ratios cold/parse
(target <= 1.10) and warm/cold (target <= 0.10), and the peak resident
memory of the largest process of each (a worker holds one AST).

    python3 bench/tool-overhead.py [--rounds 3] [-j 2] [--files 8 --functions 2000]
                                   [--mixed-standards]
"""
import argparse
import os
import statistics
import subprocess
import sys
import tempfile

import measure
from projects import flags_of, generate_project, write_database

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EXAMPLES = "/usr/share/doc/libboost1.81-doc/examples/libs/asio/example/cpp20"


def run(cmd, ok=(0,)):
    """Wall time, peak RSS (KiB, the largest process of the tree) and stderr."""
    r = measure.run(cmd, ok)
    return r.seconds, r.rss_kib, r.stderr


def parse_all(paths, jobs, directory, older):
    """clang++-19 -fsyntax-only on each file with its flags, jobs at a time."""
    listing = os.path.join(directory, "files.txt")
    with open(listing, "w") as f:
        f.write("\n".join(" ".join(["-I", directory] + flags_of(p, older) + [p])
                          for p in paths) + "\n")
    return run(["xargs", "-a", listing, "-P", str(jobs), "-L", "1",
                "clang++-19", "-fsyntax-only"])


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("-j", type=int, default=2)
    parser.add_argument("--files", type=int, default=8)
    parser.add_argument("--functions", type=int, default=2000)
    parser.add_argument("--mixed-standards", action="store_true")
    args = parser.parse_args()
    corolint = os.path.join(ROOT, "build", "bin", "corolint")
    with tempfile.TemporaryDirectory() as directory:
        examples = sorted(os.path.join(d, n) for d, _, names in os.walk(EXAMPLES)
                          for n in names if n.endswith(".cpp"))
        generated = generate_project(directory, args.files, args.functions)
        paths = examples + generated
        older = set(generated[1:]) if args.mixed_standards else set()
        write_database(directory, paths, older)
        cache = os.path.join(directory, "cache")
        edited = generated[len(generated) // 2]
        times = {"parse": [], "cold": [], "warm": []}
        memory = {"parse": 0, "cold": 0, "warm": 0}
        summary = ""
        for r in range(args.rounds):
            subprocess.run(["rm", "-rf", cache])
            t, m, _ = parse_all(paths, args.j, directory, older)
            times["parse"].append(t)
            memory["parse"] = max(memory["parse"], m)
            t, m, summary = run([corolint, "-p", directory, "-j", str(args.j),
                                 "--cache-dir", cache], ok=(1,))
            times["cold"].append(t)
            memory["cold"] = max(memory["cold"], m)
            with open(edited, "a") as f:
                f.write("// edit %d\n" % r)
            t, m, warm_summary = run([corolint, "-p", directory, "-j", str(args.j),
                                      "--cache-dir", cache], ok=(1,))
            times["warm"].append(t)
            memory["warm"] = max(memory["warm"], m)
            print("round %d: parse %.2f s, cold %.2f s, warm %.2f s"
                  % (r + 1, times["parse"][-1], times["cold"][-1], times["warm"][-1]))
        med = {k: statistics.median(v) for k, v in times.items()}
        print("files: %d (%d Boost.Asio examples, %d generated with %d functions, "
              "%d of them C++14), -j %d"
              % (len(paths), len(examples), len(generated), args.functions,
                 len(older), args.j))
        print("corolint: %s" % summary.strip().splitlines()[-1])
        print("warm run: %s" % warm_summary.strip().splitlines()[-1])
        print("median: parse %.2f s, corolint cold %.2f s, warm %.2f s"
              % (med["parse"], med["cold"], med["warm"]))
        print("ratio cold/parse: %.3f (target <= 1.10)" % (med["cold"] / med["parse"]))
        print("ratio warm/cold: %.3f (target <= 0.10)" % (med["warm"] / med["cold"]))
        print("peak RSS of the largest process: parse %.0f MiB, cold %.0f MiB, warm %.0f MiB"
              % (memory["parse"] / 1024, memory["cold"] / 1024, memory["warm"] / 1024))


if __name__ == "__main__":
    main()
