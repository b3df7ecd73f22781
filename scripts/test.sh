#!/usr/bin/env bash
# Builds everything and runs the whole lit suite, a line per test as it
# finishes ("PASS: corolint :: tool/cache.test (12 of 103)"); ends with "N passed,
# N failed" and exits non-zero when a test fails.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bash "$root/scripts/build.sh"
results="$root/build/test/results.xml"
rm -f "$results"
status=0
python3 /usr/lib/llvm-19/build/utils/lit/lit.py -v --xunit-xml-output="$results" \
  "$root/build/test" || status=$?
python3 - "$results" <<'PY'
import sys, xml.etree.ElementTree as ET
try:
    suites = ET.parse(sys.argv[1]).getroot()
except (OSError, ET.ParseError):
    print("0 passed, 1 failed")
    sys.exit(0)
cases = suites.findall(".//testcase")
failed = sum(1 for c in cases if c.find("failure") is not None or c.find("error") is not None)
skipped = sum(1 for c in cases if c.find("skipped") is not None)
print("%d passed, %d failed, %d skipped" % (len(cases) - failed - skipped, failed, skipped))
PY
exit "$status"
