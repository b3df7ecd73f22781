#!/usr/bin/env bash
# Runs the corolint checks over the bundled examples with clang-tidy-19 and
# the plugin in build/lib. The examples are wrong on purpose: the warnings are
# the point, so this exits 0 when clang-tidy ran.
set -euo pipefail
cd "$(dirname "$0")/.."
plugin=build/lib/libcorolint.so
if [ ! -f "$plugin" ]; then
  echo "lint.sh: $PWD/$plugin is missing; build first (bash scripts/build.sh)" >&2
  exit 2
fi
# Debian's asio 1.22 detects co_await support for GCC only; clang needs the
# macro.
clang-tidy-19 --load="$plugin" --checks='-*,coro-*' \
  examples/seed_chain.cpp examples/ticker.cpp \
  -- -std=c++20 -DASIO_HAS_CO_AWAIT=1
