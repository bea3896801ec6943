#!/usr/bin/env bash
# Run jest in native ESM mode and end with one plain line: "jest: N passed, N failed, N skipped".
set -u
cd "$(dirname "$0")/.."
mkdir -p reports
rm -f reports/jest.json
NODE_OPTIONS="--experimental-vm-modules ${NODE_OPTIONS:-}" NODE_NO_WARNINGS=1 \
  node node_modules/jest/bin/jest.js --ci --json --outputFile=reports/jest.json "$@"
rc=$?
if [ -s reports/jest.json ]; then
  line=$(node -e '
    const r = JSON.parse(require("fs").readFileSync("reports/jest.json", "utf8"));
    const failed = r.numFailedTests + r.numRuntimeErrorTestSuites;
    console.log(`jest: ${r.numPassedTests} passed, ${failed} failed, ${r.numPendingTests + r.numTodoTests} skipped`);')
else
  line="jest: 0 passed, 1 failed"
  [ "$rc" -eq 0 ] && rc=1
fi
echo "$line" > reports/jest-line.txt
echo "$line"
exit $rc
