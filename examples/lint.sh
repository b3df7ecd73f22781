#!/usr/bin/env bash
# Lints the bundled examples: seed_chain.cpp and ticker.cpp with clang-tidy-19
# and the plugin, one file at a time; then split/, the seed split across three
# files, with the standalone corolint over a compile database, which finds the
# chain that crosses files. The examples are wrong on purpose: the warnings
# are the point, so this exits 0 when both tools ran. COROLINT_BUILD_DIR
# names the build to use (default: build/).
set -euo pipefail
cd "$(dirname "$0")/.."
build=${COROLINT_BUILD_DIR:-build}
build=${build%/}
plugin=$build/lib/libcorolint.so
corolint=$build/bin/corolint
for f in "$plugin" "$corolint"; do
  if [ ! -f "$f" ]; then
    echo "lint.sh: $f is missing; build first (bash scripts/build.sh)" >&2
    exit 2
  fi
done
# Debian's asio 1.22 detects co_await support for GCC only; clang needs the
# macro.
flags='"-std=c++20", "-DASIO_HAS_CO_AWAIT=1"'

echo "== clang-tidy-19 with the plugin: examples/seed_chain.cpp examples/ticker.cpp"
clang-tidy-19 --load="$plugin" --checks='-*,coro-*' \
  examples/seed_chain.cpp examples/ticker.cpp \
  -- -std=c++20 -DASIO_HAS_CO_AWAIT=1

db=$build/examples
echo "== corolint over examples/split (compile database in ${db#"$PWD"/})"
mkdir -p "$db"
dir="$PWD/examples/split"
{
  echo "["
  sep=""
  for f in price.cpp legacy.cpp loop.cpp; do
    printf '%s  {"directory": "%s", "file": "%s", "arguments": ["clang++-19", %s, "-c", "%s"]}' \
      "$sep" "$dir" "$f" "$flags" "$f"
    sep=$',\n'
  done
  printf '\n]\n'
} > "$db/compile_commands.json"
status=0
# Three small files: no heartbeat lines, even when the output is a log.
"$corolint" -p "$db" --progress-interval=0 || status=$?
# 1 means findings, which the examples have; 2 and 3 are real failures.
[ "$status" -le 1 ]
