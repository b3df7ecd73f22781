#!/usr/bin/env bash
# project.sh NAME DIR: copies test/Inputs/NAME to DIR (replacing it) and
# writes DIR/compile_commands.json from its compile_commands.json.in, with
# @DIR@ standing for DIR and @INPUTS@ for test/Inputs.
set -euo pipefail
inputs=$(cd "$(dirname "$0")/../Inputs" && pwd)
rm -rf "$2"
cp -r "$inputs/$1" "$2"
dir=$(cd "$2" && pwd)
sed -e "s|@DIR@|$dir|g" -e "s|@INPUTS@|$inputs|g" "$dir/compile_commands.json.in" > "$dir/compile_commands.json"
