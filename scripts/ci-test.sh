#!/usr/bin/env bash
# npm test: lint, typecheck, check-dist, the producer's cargo gates, then jest with its coverage gate (statements of
# src/ >= 90%, jest.config.js). Every stage runs; the last line is jest's count.
set -u
cd "$(dirname "$0")/.." || exit 2
failed=()
stage() {
  local name=$1
  shift
  echo "==> $name"
  if ! "$@"; then failed+=("$name"); fi
}
stage lint npm run --silent lint
stage typecheck npm run --silent typecheck
stage check-dist bash scripts/check-dist.sh
stage producer bash scripts/producer-check.sh
stage jest bash scripts/jest.sh --coverage
if [ ${#failed[@]} -gt 0 ]; then
  echo "FAILED: ${failed[*]}"
  cat reports/jest-line.txt 2>/dev/null || echo "jest: 0 passed, 1 failed"
  exit 1
fi
echo "all stages passed"
cat reports/jest-line.txt
