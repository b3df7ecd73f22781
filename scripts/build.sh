#!/usr/bin/env bash
# Installs what is missing, configures build/ with CMake and Ninja, and builds
# everything; `build.sh tool` builds only the standalone corolint, with only
# what it needs installed (the GitHub Action's build).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
if [ "${1:-}" = tool ]; then
  bash "$root/scripts/install-deps.sh" build
  if [ ! -f "$root/build/build.ninja" ]; then
    cmake -S "$root" -B "$root/build" -G Ninja -DCMAKE_CXX_COMPILER=clang++-19 \
      -DCMAKE_BUILD_TYPE=Release -DCOROLINT_TESTS=OFF -DCOROLINT_CLANGD=OFF
  fi
  cmake --build "$root/build" --target corolint-tool
  exit 0
fi
bash "$root/scripts/install-deps.sh"
if [ ! -f "$root/build/build.ninja" ]; then
  cmake -S "$root" -B "$root/build" -G Ninja -DCMAKE_CXX_COMPILER=clang++-19 \
    -DCMAKE_BUILD_TYPE=Release
fi
cmake --build "$root/build"
