#!/usr/bin/env bash
# npm test: lint, typecheck, check-dist, the producer's cargo gates, and jest with its coverage gate (statements of
# src/ >= 90%, jest.config.js). Every stage runs; the last line is jest's count.
# The four checks run beside jest, in two lanes (lint in one; typecheck, check-dist and the producer in the other)
# at the lowest priority: jest's workers wait on their child processes for part of the run, and the checks take
# that CPU instead of a minute of their own before jest (measured on two cores: jest alone used 1.85 of them).
# Jest prints as it runs; each check's output is printed whole, in order, once jest and both lanes are done.
set -u
cd "$(dirname "$0")/.." || exit 2
logs=$(mktemp -d)
trap 'rm -rf "$logs"' EXIT
stages=(lint typecheck check-dist producer)
run_stage() {
  case $1 in
    lint) npm run --silent lint ;;
    typecheck) npm run --silent typecheck ;;
    check-dist) bash scripts/check-dist.sh ;;
    producer) bash scripts/producer-check.sh ;;
  esac >"$logs/$1.log" 2>&1
  echo $? >"$logs/$1.rc"
}
# a lane of checks, niced (its children inherit it); without renice it runs at the usual priority
lane() {
  renice -n 19 -p "$BASHPID" >/dev/null 2>&1 || true
  for name in "$@"; do run_stage "$name"; done
}
lane lint &
lane_a=$!
lane typecheck check-dist producer &
lane_b=$!
failed=()
echo "==> jest"
bash scripts/jest.sh --coverage || failed+=(jest)
wait "$lane_a" "$lane_b"
for name in "${stages[@]}"; do
  echo "==> $name"
  cat "$logs/$name.log"
  [ "$(cat "$logs/$name.rc" 2>/dev/null)" = 0 ] || failed=("$name" "${failed[@]}")
done
if [ ${#failed[@]} -gt 0 ]; then
  echo "FAILED: ${failed[*]}"
  cat reports/jest-line.txt 2>/dev/null || echo "jest: 0 passed, 1 failed"
  exit 1
fi
echo "all stages passed"
cat reports/jest-line.txt
