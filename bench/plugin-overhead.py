#!/usr/bin/env python3
"""Times clang-tidy-19 with the corolint plugin (coro-* checks only) against
clang++-19 -fsyntax-only on the same files, interleaved, and prints the
median ratio over rounds. Default files: Debian's Boost.Asio C++20 examples.

    python3 bench/plugin-overhead.py [--rounds N] [--plugin PATH] [FILE...]
"""
import argparse
import glob
import os
import statistics
import sys

import measure

EXAMPLES = "/usr/share/doc/libboost1.81-doc/examples/libs/asio/example/cpp20"
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def timed(cmd):
    return measure.run(cmd).seconds


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--plugin", default=os.path.join(ROOT, "build/lib/libcorolint.so"))
    parser.add_argument("files", nargs="*")
    args = parser.parse_args()
    files = args.files or sorted(glob.glob(os.path.join(EXAMPLES, "**/*.cpp"), recursive=True))
    if not files:
        sys.exit("bench: no input files (is libboost1.81-doc installed?)")
    if not os.path.exists(args.plugin):
        sys.exit("bench: no plugin at %s; build first" % args.plugin)
    flags = ["-std=c++20", "-I", os.path.join(EXAMPLES, "type_erasure")]

    ratios = []
    for r in range(args.rounds):
        parse = tidy = 0.0
        for i, f in enumerate(files):
            clang = ["clang++-19", "-fsyntax-only"] + flags + [f]
            lint = ["clang-tidy-19", "--load=" + args.plugin, "--quiet",
                    "--checks=-*,coro-*", f, "--"] + flags
            # Alternate which runs first, so neither always gets a warm cache.
            if (r + i) % 2:
                tidy += timed(lint)
                parse += timed(clang)
            else:
                parse += timed(clang)
                tidy += timed(lint)
        ratios.append(tidy / parse)
        print("round %d: %d files, clang++ -fsyntax-only %.2fs, clang-tidy + corolint %.2fs, ratio %.3f"
              % (r + 1, len(files), parse, tidy, tidy / parse), flush=True)
    print("median ratio: %.3f" % statistics.median(ratios))


if __name__ == "__main__":
    main()
