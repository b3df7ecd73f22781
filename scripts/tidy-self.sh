#!/usr/bin/env bash
# Runs clang-tidy-19 with the project's own configuration (the .clang-tidy
# files of core/, checks/ and tool/) over corolint's sources, and
# clang-format-19 (.clang-format) in check mode; exits non-zero when either
# finds anything. Needs a build (scripts/build.sh) for its compile database.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${COROLINT_BUILD_DIR:-$root/build}
cd "$root"
sources=$(git ls-files 'core/*.cpp' 'checks/*.cpp' 'tool/*.cpp')
status=0
run-clang-tidy-19 -quiet -p "$build" $sources > "$build/tidy-self.log" 2>&1 || status=$?
if grep -E "(warning|error):" "$build/tidy-self.log"; then
  status=1
fi
git ls-files 'core/*.cpp' 'core/*.h' 'checks/*.cpp' 'checks/*.h' 'tool/*.cpp' 'tool/*.h' |
  xargs clang-format-19 --dry-run --Werror || status=1
exit "$status"
