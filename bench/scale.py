#!/usr/bin/env python3
"""Scale: the standalone corolint where whole-program analysis costs most.

  chain:   one generated file, a chain of 100,000 plain functions down to a
           sleep, called from one coroutine (one warning, 100,000 notes):
           corolint -j 1 --no-cache against clang-tidy-19 with the plugin.
           Targets: at most 1.3x the plugin's time, 1.5x its peak memory;
           against clang++-19 -fsyntax-only on the file, 1.5x both
           (--chain 800000 is the size issue 20 asks for).
  project: a generated project of many files whose chains cross every file
           (projects.generate_project): corolint -j 1 --no-cache against
           clang++-19 -fsyntax-only on each file. Targets: at most 1.10x the
           time, and a worker at most 1.2x the compiler's peak memory.

Times are medians over rounds, run one command at a time, with the
processor time (user and system, every process of the run) beside the wall
time: on a shared machine the wall time also counts the time others take.
Memory is the
peak resident set of the largest process (/usr/bin/time -v's maximum
resident set size, read with getrusage).

    python3 bench/scale.py [--rounds 3] [--chain 100000] [--files 40 --functions 4000]
                           [--files 0: the chain alone]
"""
import argparse
import os
import statistics
import sys
import tempfile

import measure
from projects import CXXFLAGS, generate_chain, generate_project, write_database

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def medians(samples):
    return {k: (statistics.median(t for t, _, _ in v), max(m for _, m, _ in v),
                statistics.median(c for _, _, c in v))
            for k, v in samples.items() if v}


def report(name, med, base, tool, time_target, memory_target):
    (tb, mb, cb), (tt, mt, ct) = med[base], med[tool]
    print("%s: %s %.2f s, %.0f MiB; corolint %.2f s, %.0f MiB; time %.3f (target <= %.2f), "
          "memory %.3f (target <= %.2f); processor time %.2f s against %.2f s, %.3f"
          % (name, base, tb, mb / 1024, tt, mt / 1024, tt / tb, time_target, mt / mb,
             memory_target, ct, cb, ct / cb), flush=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--chain", type=int, default=100000)
    parser.add_argument("--files", type=int, default=40)
    parser.add_argument("--functions", type=int, default=4000)
    args = parser.parse_args()
    corolint = os.path.join(ROOT, "build", "bin", "corolint")
    plugin = os.path.join(ROOT, "build", "lib", "libcorolint.so")
    for binary in (corolint, plugin):
        if not os.path.exists(binary):
            sys.exit("bench: no %s; build first" % binary)

    with tempfile.TemporaryDirectory() as directory:
        chain_dir = os.path.join(directory, "chain")
        project_dir = os.path.join(directory, "project")
        os.makedirs(chain_dir)
        os.makedirs(project_dir)
        chain = os.path.join(chain_dir, "chain.cpp")
        generate_chain(chain, args.chain)
        write_database(chain_dir, [chain])
        files = generate_project(project_dir, args.files, args.functions) if args.files else []
        write_database(project_dir, files)

        samples = {"plugin": [], "chain tool": [], "chain parse": [], "parse": [],
                   "project tool": []}
        for r in range(args.rounds):
            c = measure.run(["clang++-19", "-fsyntax-only", "-I", chain_dir] + CXXFLAGS + [chain])
            samples["chain parse"].append((c.seconds, c.rss_kib, c.cpu_seconds))
            p = measure.run(["clang-tidy-19", "--load=" + plugin, "--quiet",
                             "--checks=-*,coro-*", chain, "--"] + CXXFLAGS)
            samples["plugin"].append((p.seconds, p.rss_kib, p.cpu_seconds))
            t = measure.run([corolint, "-p", chain_dir, "-j", "1", "--no-cache"], ok=(1,))
            samples["chain tool"].append((t.seconds, t.rss_kib, t.cpu_seconds))
            if not files:
                print("round %d: plugin %.2f s, tool %.2f s on the chain"
                      % (r + 1, samples["plugin"][-1][0], samples["chain tool"][-1][0]), flush=True)
                continue
            parse_time, parse_rss, parse_cpu = 0.0, 0, 0.0
            for f in files:
                c = measure.run(["clang++-19", "-fsyntax-only", "-I", project_dir] +
                                CXXFLAGS + [f])
                parse_time += c.seconds
                parse_rss = max(parse_rss, c.rss_kib)
                parse_cpu += c.cpu_seconds
            samples["parse"].append((parse_time, parse_rss, parse_cpu))
            t = measure.run([corolint, "-p", project_dir, "-j", "1", "--no-cache"],
                            ok=(1,))
            samples["project tool"].append((t.seconds, t.rss_kib, t.cpu_seconds))
            print("round %d: plugin %.2f s, tool %.2f s on the chain; parse %.2f s, tool %.2f s "
                  "on the project" % (r + 1, samples["plugin"][-1][0],
                                      samples["chain tool"][-1][0], parse_time,
                                      samples["project tool"][-1][0]), flush=True)
        med = medians(samples)
        print("chain: %d functions; project: %d files, %d functions in chains across all"
              % (args.chain, args.files, args.functions))
        report("chain", med, "plugin", "chain tool", 1.3, 1.5)
        report("chain", med, "chain parse", "chain tool", 1.5, 1.5)
        if files:
            report("project", med, "parse", "project tool", 1.10, 1.2)


if __name__ == "__main__":
    main()
