#!/usr/bin/env bash
# project.sh NAME DIR: copies test/Inputs/NAME to DIR (replacing it) and
# turns each FILE.in in it into FILE, with @DIR@ standing for DIR and
# @INPUTS@ for test/Inputs (for compile_commands.json, say), and @ASIO_PCH@
# for $COROLINT_TEST_ASIO_PCH (the suite's precompiled Asio).
set -euo pipefail
inputs=$(cd "$(dirname "$0")/../Inputs" && pwd)
rm -rf "$2"
cp -r "$inputs/$1" "$2"
dir=$(cd "$2" && pwd)
find "$dir" -name '*.in' | while read -r in; do
  if grep -q '@ASIO_PCH@' "$in" && [ ! -f "${COROLINT_TEST_ASIO_PCH:-}" ]; then
    echo "project.sh: $in needs the precompiled Asio; build the target corolint-test-pch" >&2
    exit 1
  fi
  sed -e "s|@DIR@|$dir|g" -e "s|@INPUTS@|$inputs|g" \
    -e "s|@ASIO_PCH@|${COROLINT_TEST_ASIO_PCH:-}|g" "$in" > "${in%.in}"
done
