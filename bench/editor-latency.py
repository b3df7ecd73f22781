#!/usr/bin/env python3
"""Times corolint-clangd against Debian's clangd-19 in the editor: the time
from didOpen to the file's first diagnostics (the preamble and the AST
built, the checks run), and after an edit below the includes (didChange to
diagnostics: the AST rebuilt on the existing preamble). Interleaved rounds,
medians, ratios. Default file: examples/seed_chain.cpp with real Asio and
the coro-* checks enabled by .clang-tidy.

    python3 bench/editor-latency.py [--rounds N] [--clangd PATH] [FILE]

Needs Debian's clangd-19 (apt-get install clangd-19), which runs no coro-*
checks: the ratio includes the checks' own cost.

With --database, the file is compiled from a compile_commands.json instead
of compile_flags.txt, so corolint-clangd also brings the project's facts up
to date in the background (corolint at idle priority, from an empty cache in
every session): the times then show whether that delays the editor. With
--warm as well, the cache is kept between sessions (after the first, the
background run finds every file fresh): the editor in its steady state.
"""
import argparse
import importlib.util
import json
import os
import shutil
import statistics
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
spec = importlib.util.spec_from_file_location(
    "lsp_session", os.path.join(ROOT, "test/utils/lsp-session.py"))
lsp = importlib.util.module_from_spec(spec)
spec.loader.exec_module(lsp)


def session(server_path, path, home, warm):
    """Seconds to the first diagnostics after didOpen, and after a didChange."""
    os.environ["XDG_CONFIG_HOME"] = home
    # Each session starts from an empty corolint cache, unless warm.
    os.environ["XDG_CACHE_HOME"] = os.path.join(home, "cache")
    if not warm:
        shutil.rmtree(os.environ["XDG_CACHE_HOME"], ignore_errors=True)
    server = lsp.Server([server_path])
    uri = "file://" + path
    server.request("initialize", {"processId": os.getpid(),
                                  "rootUri": "file://" + os.path.dirname(path),
                                  "capabilities": {}})
    server.notify("initialized", {})
    with open(path) as f:
        text = f.read()
    start = time.monotonic()
    server.notify("textDocument/didOpen", {"textDocument": {
        "uri": uri, "languageId": "cpp", "version": 1, "text": text}})
    server.diagnostics_for(uri)
    opened = time.monotonic() - start
    start = time.monotonic()
    server.notify("textDocument/didChange", {
        "textDocument": {"uri": uri, "version": 2},
        "contentChanges": [{"text": text + "\n// an edit\n"}]})
    server.diagnostics_for(uri)
    edited = time.monotonic() - start
    server.request("shutdown", None)
    server.notify("exit", None)
    server.proc.wait(timeout=lsp.WAIT)
    return opened, edited


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--clangd", default="clangd-19")
    parser.add_argument("--corolint-clangd",
                        default=os.path.join(ROOT, "build/bin/corolint-clangd"))
    parser.add_argument("--database", action="store_true",
                        help="compile_commands.json (background facts) instead of compile_flags.txt")
    parser.add_argument("--warm", action="store_true",
                        help="with --database: keep corolint's cache between sessions")
    parser.add_argument("file", nargs="?",
                        default=os.path.join(ROOT, "examples/seed_chain.cpp"))
    args = parser.parse_args()
    work = tempfile.mkdtemp(prefix="corolint-latency-")
    home = os.path.join(work, "home")
    os.makedirs(os.path.join(home, "clangd"))
    with open(os.path.join(home, "clangd", "config.yaml"), "w") as f:
        f.write("Index:\n  StandardLibrary: No\n  Background: Skip\n")
    path = os.path.join(work, os.path.basename(args.file))
    shutil.copy(args.file, path)
    with open(os.path.join(work, ".clang-tidy"), "w") as f:
        f.write('Checks: "-*,coro-*"\n')
    flags = ["-std=c++20", "-DASIO_HAS_CO_AWAIT=1"]
    if args.database:
        with open(os.path.join(work, "compile_commands.json"), "w") as f:
            json.dump([{"directory": work, "file": path,
                        "arguments": ["clang++"] + flags + ["-c", path]}], f)
    else:
        with open(os.path.join(work, "compile_flags.txt"), "w") as f:
            f.write("\n".join(flags) + "\n")
    times = {"clangd-19": ([], []), "corolint-clangd": ([], [])}
    for r in range(args.rounds):
        for name, server in (("clangd-19", args.clangd),
                             ("corolint-clangd", args.corolint_clangd)):
            opened, edited = session(server, path, home, args.warm)
            times[name][0].append(opened)
            times[name][1].append(edited)
            print("round %d %-16s open %.2fs, edit %.2fs" % (r + 1, name, opened, edited))
    base, ours = times["clangd-19"], times["corolint-clangd"]
    for i, what in enumerate(("open", "edit")):
        b, o = statistics.median(base[i]), statistics.median(ours[i])
        print("median %s: clangd-19 %.2fs, corolint-clangd %.2fs, ratio %.3f" % (what, b, o, o / b))
    shutil.rmtree(work)


if __name__ == "__main__":
    main()
