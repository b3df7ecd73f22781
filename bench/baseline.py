#!/usr/bin/env python3
"""Baseline: the memory and time of reading a large --baseline.

A baseline of N entries (the shape --write-baseline writes: check, file,
function, called, count; about 100 bytes each) is read by corolint on a
one-file project whose facts come from the cache (no parse in the timing).
Reported: the file's size, corolint's peak resident memory and time, and
memory / file size. Target: memory within 3x the file's size.

    python3 bench/baseline.py [--entries 1000000] [--corolint build/bin/corolint]
"""
import argparse
import json
import os
import tempfile

import measure

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def write_baseline(path, entries):
    with open(path, "w") as f:
        f.write('{\n  "corolint-baseline": 1,\n  "findings": [\n')
        for i in range(entries):
            entry = {"called": "legacy::fetch_quote_%d" % i, "check": "coro-sync-calls-async",
                     "count": 1, "file": "src/service/module_%d/handler.cpp" % (i % 997),
                     "function": "service::Handler::on_request_%d" % i}
            f.write("    " + json.dumps(entry, sort_keys=True)
                    + (",\n" if i + 1 < entries else "\n"))
        f.write("  ]\n}\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=1000000)
    parser.add_argument("--corolint", default=os.path.join(ROOT, "build/bin/corolint"))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        with open(os.path.join(work, "a.cpp"), "w") as f:
            f.write("int main() { return 0; }\n")
        with open(os.path.join(work, "compile_commands.json"), "w") as f:
            json.dump([{"directory": work, "file": "a.cpp",
                        "arguments": ["clang++", "-std=c++20", "-c", "a.cpp"]}], f)
        baseline = os.path.join(work, "baseline.json")
        write_baseline(baseline, args.entries)
        size_mib = os.path.getsize(baseline) / 2**20
        cmd = [args.corolint, "-p", work, "--cache-dir", os.path.join(work, "cache"),
               "--quiet", "--baseline", baseline]
        measure.run(cmd)  # warms the cache
        r = measure.run(cmd)
        rss_mib = r.rss_kib / 1024
        print("baseline of %d entries: %.0f MiB; corolint %.2f s, %.0f MiB peak; "
              "memory / file %.2f (target <= 3)"
              % (args.entries, size_mib, r.seconds, rss_mib, rss_mib / size_mib))


if __name__ == "__main__":
    main()
