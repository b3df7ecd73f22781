#!/usr/bin/env bash
# Installs what corolint needs, idempotently, from Debian's packages:
#   install-deps.sh        everything, to build and test (and, from npm where
#                          there is none, the SARIF schema the tests use);
#   install-deps.sh build  what building the standalone corolint needs;
#   install-deps.sh run    what a built corolint needs to run (the Action,
#                          with its build restored from the cache).
# With --print, prints the packages it would need instead (one per line).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)

mode=all print=0
for arg in "$@"; do
  case "$arg" in
    all | build | run) mode=$arg ;;
    --print) print=1 ;;
    *) echo "install-deps: unknown argument '$arg' (all, build, run, --print)" >&2; exit 2 ;;
  esac
done

run=(clang-19 libclang-cpp19 libllvm19)
build=(clang-19 clang-tidy-19 libclang-19-dev llvm-19-dev cmake ninja-build)
tests=(
  clang-tools-19 clang-format-19 llvm-19-tools patch
  libasio-dev libboost1.81-dev libboost1.81-doc
  libgrpc++-dev libprotobuf-dev protobuf-compiler protobuf-compiler-grpc
  libpq-dev libsqlite3-dev libcurl4-openssl-dev libhiredis-dev
  qcoro-qt6-dev qt6-base-dev pkg-config
  neovim python3-jsonschema python3-yaml
  libclang-rt-19-dev
)
case "$mode" in
  run) packages=("${run[@]}") ;;
  build) packages=("${build[@]}") ;;
  all) packages=("${build[@]}" "${tests[@]}") ;;
esac
if [ "$print" = 1 ]; then
  printf '%s\n' "${packages[@]}"
  [ "$mode" = all ] && echo "npm (where there is none, for the SARIF schema)"
  exit 0
fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done
# npm from Debian only where there is none (another one may be installed),
# and only for the tests.
if [ "$mode" = all ] && ! command -v npm >/dev/null; then
  missing+=(npm)
fi

if [ "${#missing[@]}" -ne 0 ]; then
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then
    SUDO="sudo"
  fi
  echo "install-deps: installing ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# The SARIF 2.1.0 JSON schema (OASIS), as Microsoft's @microsoft/jest-sarif
# package ships it, for test/tool/sarif.test.
schema="$root/build/sarif-2.1.0-rtm.5.json"
if [ "$mode" = all ] && [ ! -f "$schema" ]; then
  mkdir -p "$root/build"
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  (cd "$tmp" && npm pack --silent @microsoft/jest-sarif@1.0.0-beta.0 >/dev/null 2>&1 &&
     tar xzf microsoft-jest-sarif-1.0.0-beta.0.tgz package/lib/schemas/sarif-2.1.0-rtm.5.json) ||
    { echo "install-deps: could not fetch the SARIF schema from npm" >&2; exit 1; }
  mv "$tmp/package/lib/schemas/sarif-2.1.0-rtm.5.json" "$schema"
fi
