#!/usr/bin/env python3
"""Mutation fuzzing of the plugin's analysis and fix-its.

Takes the test suite's and the examples' C++ files, mutates them (lines
dropped, duplicated, swapped or cut short; identifiers swapped; blocking
calls, awaits, lambdas, deep expressions and stray tokens inserted), and
runs clang-tidy-19 with the plugin and --fix --fix-notes on each mutant.
It reports:

  crash   clang-tidy died by a signal, printed a crash backtrace, or (with
          a sanitizer build) printed a sanitizer's report
  hang    it ran past --timeout seconds
  broken  the mutant compiled, corolint's fixes were applied, and the fixed
          file no longer compiles

Each case it reports is kept under --out with the command that shows it.
Not part of .ci/run: it runs for as long as it is told.

    python3 bench/fuzz.py [--minutes 30] [--seed N] [--out DIR] [-j 2]

Under the sanitizer build (cmake -DCOROLINT_SANITIZE=address,undefined), the
plugin needs the sanitizer's runtime loaded first into clang-tidy-19:

    python3 bench/fuzz.py --plugin build-asan/lib/libcorolint.so --sanitized
"""
import argparse
import glob
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
INPUTS = os.path.join(ROOT, "test", "Inputs")
FLAGS = ["-std=c++20", "-I", INPUTS, "-DASIO_HAS_CO_AWAIT=1", "-ferror-limit=0"]

SNIPPETS = [
    "std::this_thread::sleep_for(std::chrono::milliseconds(1));",
    "std::this_thread::sleep_until(std::chrono::steady_clock::now());",
    "sleep(1);",
    "usleep(10);",
    "{ std::thread T([] {}); T.join(); }",
    "std::async(std::launch::async, [] {});",
    "cppcoro::sync_wait(cppcoro::task<int>());",
    "(void)[] { std::this_thread::sleep_for(std::chrono::seconds(1)); };",
    "[] { std::this_thread::sleep_for(std::chrono::seconds(1)); }();",
    "co_await std::suspend_never{};",
    "co_return;",
    "if (false) { sleep(1); }",
    "for (int I = 0; I < 2; ++I) sleep(1);",
    "struct Local { ~Local() { sleep(1); } } L;",
    "throw 1;",
    "std::abort();",
    "return;",
    "{",
    "}",
    "(",
    ")",
    ";",
    "#define X sleep(1)\nX;",
    "int Deep = " + " + ".join(["1"] * 3000) + ";",
]
HEADER = ("#include <chrono>\n#include <cstdlib>\n#include <future>\n"
          "#include <thread>\n#include <unistd.h>\n#include <coroutine>\n")


def mutate(text, rng):
    lines = text.splitlines()
    if not lines:
        return text
    for _ in range(rng.randint(1, 4)):
        op = rng.randrange(8)
        i = rng.randrange(len(lines))
        if op == 0 and len(lines) > 1:
            del lines[i]
        elif op == 1:
            lines.insert(i, lines[rng.randrange(len(lines))])
        elif op == 2:
            j = rng.randrange(len(lines))
            lines[i], lines[j] = lines[j], lines[i]
        elif op == 3:
            lines.insert(i, rng.choice(SNIPPETS))
        elif op == 4:
            words = re.findall(r"\b[A-Za-z_]\w*\b", text)
            if words:
                lines[i] = re.sub(r"\b[A-Za-z_]\w*\b",
                                  lambda m: rng.choice(words) if rng.random() < 0.2
                                  else m.group(0), lines[i])
        elif op == 5:
            lines = lines[:rng.randrange(1, len(lines) + 1)]
        elif op == 6:
            k = rng.randrange(len(lines[i]) + 1)
            lines[i] = lines[i][:k] + rng.choice(["{", "}", "(", ")", ";", "co_await ",
                                                  "&", "*", "::", "<", ">"]) + lines[i][k:]
        else:
            lines.insert(i, rng.choice(SNIPPETS))
            lines.insert(rng.randrange(len(lines)), rng.choice(SNIPPETS))
        if not lines:
            lines = [""]
    return HEADER + "\n".join(lines) + "\n"


# What a sanitizer prints when it finds something; ASan exits 1 after it and
# UBSan goes on, so neither is seen in the exit status alone.
SANITIZER_REPORTS = ("ERROR: AddressSanitizer", "ERROR: LeakSanitizer",
                     "runtime error:")


def sanitizer_env():
    """The environment that loads the sanitizer runtime into clang-tidy-19."""
    runtime = subprocess.run(["clang++-19", "-print-file-name=libclang_rt.asan-x86_64.so"],
                             stdout=subprocess.PIPE, check=True).stdout.decode().strip()
    if not os.path.isfile(runtime):
        sys.exit("fuzz: no ASan runtime at %s" % runtime)
    env = dict(os.environ)
    env["LD_PRELOAD"] = runtime
    # Leaks are clang-tidy's own at exit; the alternate stack and user
    # poisoning conflict with LLVM's signal handlers and allocators.
    env["ASAN_OPTIONS"] = "detect_leaks=0:use_sigaltstack=0:allow_user_poisoning=0"
    env["UBSAN_OPTIONS"] = "print_stacktrace=1"
    return env


def run(cmd, timeout, env=None):
    try:
        r = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                           timeout=timeout, env=env)
        return r.returncode, r.stdout.decode(errors="replace")
    except subprocess.TimeoutExpired:
        return None, ""


def compiles(path, timeout):
    code, _ = run(["clang++-19", "-fsyntax-only"] + FLAGS + [path], timeout)
    return code == 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=30)
    parser.add_argument("--seed", type=int, default=int(time.time()))
    parser.add_argument("--out", default=os.path.join(ROOT, "build", "fuzz"))
    parser.add_argument("--timeout", type=int, default=120)
    parser.add_argument("-j", type=int, default=2)
    parser.add_argument("--plugin", default=os.path.join(ROOT, "build/lib/libcorolint.so"))
    parser.add_argument("--sanitized", action="store_true",
                        help="the plugin is a sanitizer build: preload its runtime")
    args = parser.parse_args()
    tidy_env = sanitizer_env() if args.sanitized else None
    seeds = sorted(glob.glob(os.path.join(ROOT, "test", "*", "*.cpp")) +
                   glob.glob(os.path.join(ROOT, "examples", "*.cpp")))
    texts = [open(p, errors="replace").read() for p in seeds]
    os.makedirs(args.out, exist_ok=True)
    stop = time.time() + args.minutes * 60
    counts = {"mutants": 0, "compiled": 0, "fixed": 0, "crash": 0, "hang": 0,
              "broken": 0}
    lock = threading.Lock()
    print("fuzz: seed %d, %d seed files, %.0f minutes, -j %d%s"
          % (args.seed, len(seeds), args.minutes, args.j,
             ", sanitized" if args.sanitized else ""), flush=True)

    def keep(kind, n, mutant, detail):
        case = os.path.join(args.out, "%s-%d-%d" % (kind, args.seed, n))
        os.makedirs(case, exist_ok=True)
        shutil.copy(mutant, os.path.join(case, "input.cpp"))
        with open(os.path.join(case, "README"), "w") as f:
            prefix = "".join("%s=%s " % (k, tidy_env[k]) for k in
                             ("LD_PRELOAD", "ASAN_OPTIONS")) if tidy_env else ""
            f.write("%sclang-tidy-19 --load=%s --checks='-*,coro-*' --fix --fix-notes "
                    "input.cpp -- %s\n\n%s\n" % (prefix, args.plugin, " ".join(FLAGS),
                                                   detail[-4000:]))
        print("fuzz: %s, kept in %s" % (kind, case), flush=True)

    def worker(w):
        rng = random.Random(args.seed * 1000 + w)
        with tempfile.TemporaryDirectory() as tmp:
            n = 0
            while time.time() < stop:
                n += 1
                mutant = os.path.join(tmp, "m.cpp")
                with open(mutant, "w") as f:
                    f.write(mutate(rng.choice(texts), rng))
                ok = compiles(mutant, args.timeout)
                fixed = os.path.join(tmp, "fixed.cpp")
                shutil.copy(mutant, fixed)
                code, out = run(["clang-tidy-19", "--load=" + args.plugin,
                                 "--checks=-*,coro-*", "--fix", "--fix-notes", fixed,
                                 "--"] + FLAGS, args.timeout, tidy_env)
                kind = None
                if code is None:
                    kind = "hang"
                elif (code < 0 or code >= 128 or "PLEASE submit a bug report" in out
                      or any(r in out for r in SANITIZER_REPORTS)):
                    kind = "crash"
                changed = open(fixed).read() != open(mutant).read()
                if kind is None and ok and changed and not compiles(fixed, args.timeout):
                    kind = "broken"
                    _, out = run(["clang++-19", "-fsyntax-only"] + FLAGS + [fixed],
                                 args.timeout)
                with lock:
                    counts["mutants"] += 1
                    counts["compiled"] += ok
                    counts["fixed"] += ok and changed
                    if kind:
                        counts[kind] += 1
                if kind:
                    keep(kind, w * 1000000 + n, mutant, out)

    threads = [threading.Thread(target=worker, args=(w,)) for w in range(args.j)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    print("fuzz: %(mutants)d mutants, %(compiled)d compiled, %(fixed)d fixed and "
          "compiled before; %(crash)d crashes, %(hang)d hangs, %(broken)d fixed files "
          "that no longer compile" % counts)
    sys.exit(1 if counts["crash"] or counts["hang"] or counts["broken"] else 0)


if __name__ == "__main__":
    main()
