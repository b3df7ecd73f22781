#!/usr/bin/env bash
# Runs the corolint checks over the bundled examples with clang-tidy-19 and
# the plugin in build/lib. The examples are wrong on purpose: the warnings are
# the point, so this exits 0 when clang-tidy ran.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
plugin="$here/../build/lib/libcorolint.so"
if [ ! -f "$plugin" ]; then
  echo "lint.sh: $plugin is missing; build first (bash scripts/build.sh)" >&2
  exit 2
fi
# Debian's asio 1.22 detects co_await support for GCC only; clang needs the
# macro.
clang-tidy-19 --load="$plugin" --checks='-*,coro-*' \
  "$here"/seed_chain.cpp "$here"/ticker.cpp \
  -- -std=c++20 -DASIO_HAS_CO_AWAIT=1
