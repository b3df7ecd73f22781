#!/usr/bin/env bash
# Installs what corolint needs to build and test, idempotently, from Debian's packages.
set -euo pipefail

packages=(
  clang-19 clang-tidy-19 clang-tools-19 libclang-19-dev llvm-19-dev llvm-19-tools
  cmake ninja-build
  libasio-dev libboost1.81-dev libboost1.81-doc
  libgrpc++-dev libprotobuf-dev neovim
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done

if [ "${#missing[@]}" -eq 0 ]; then
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  SUDO="sudo"
fi

echo "install-deps: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
