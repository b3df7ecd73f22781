#!/usr/bin/env bash
# Runs clang-tidy-19 with the given arguments and keeps only the lines of its
# output that are diagnostics or messages, not the source snippets under
# them: a snippet may quote a test's own CHECK comments. With --fix, the
# note clang-tidy adds to each diagnostic whose fix it applied is left out
# too, so that a test checks one run's diagnostics as it would without
# --fix, and the fixed text on its own. The exit code is clang-tidy's.
set -o pipefail
clang-tidy-19 "$@" | sed -n '/^[^ ]/{/: note: FIX-IT applied suggested code changes$/!p}'
