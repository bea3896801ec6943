#!/usr/bin/env bash
# Run jest in native ESM mode and end with one plain line: "jest: N passed, N failed, N skipped".
# JEST_REPORT names the report (reports/<name>.json, reports/<name>-line.txt; default "jest"), so several
# runs (the suite steps of a promotion) can go at once.
set -u
cd "$(dirname "$0")/.." || exit 2
mkdir -p reports
report=${JEST_REPORT:-jest}
rm -f "reports/$report.json"
# NODE_EXTRA_CA_CERTS (set on some machines) makes every node start read a certificate bundle, about 40 ms for
# each of the hundreds of processes the tests start; no test speaks TLS to anything but itself
env -u NODE_EXTRA_CA_CERTS NODE_OPTIONS="--experimental-vm-modules ${NODE_OPTIONS:-}" NODE_NO_WARNINGS=1 \
  node node_modules/jest/bin/jest.js --ci --json "--outputFile=reports/$report.json" "$@"
rc=$?
if [ -s "reports/$report.json" ]; then
  # shellcheck disable=SC2016 # the backticks are JavaScript's, not the shell's
  line=$(node -e '
    const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    const failed = r.numFailedTests + r.numRuntimeErrorTestSuites;
    console.log(`jest: ${r.numPassedTests} passed, ${failed} failed, ${r.numPendingTests + r.numTodoTests} skipped`);' "reports/$report.json")
else
  line="jest: 0 passed, 1 failed"
  [ "$rc" -eq 0 ] && rc=1
fi
# every test passed but jest failed: the coverage gate (its message is above)
if [ "$rc" -ne 0 ] && [[ "$line" == *" 0 failed,"* ]]; then line="$line; the coverage gate was not met"; fi
echo "$line" > "reports/$report-line.txt"
echo "$line"
exit $rc
