#!/usr/bin/env bash
# Runs clang-tidy-19 with the given arguments and keeps only the lines of its
# output that are diagnostics or messages, not the source snippets under
# them: a snippet may quote a test's own CHECK comments. The exit code is
# clang-tidy's.
set -o pipefail
clang-tidy-19 "$@" | sed -n '/^[^ ]/p'
