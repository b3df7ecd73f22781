#!/usr/bin/env bash
# project.sh NAME DIR: copies test/Inputs/NAME to DIR (replacing it) and
# turns each FILE.in in it into FILE, with @DIR@ standing for DIR and
# @INPUTS@ for test/Inputs (for compile_commands.json, say).
set -euo pipefail
inputs=$(cd "$(dirname "$0")/../Inputs" && pwd)
rm -rf "$2"
cp -r "$inputs/$1" "$2"
dir=$(cd "$2" && pwd)
find "$dir" -name '*.in' | while read -r in; do
  sed -e "s|@DIR@|$dir|g" -e "s|@INPUTS@|$inputs|g" "$in" > "${in%.in}"
done
