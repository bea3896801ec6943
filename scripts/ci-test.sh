#!/usr/bin/env bash
# npm test: lint (eslint, prettier), typecheck, check-dist, the producer's cargo gates, then jest with its coverage
# gate (statements of src/ >= 90%, jest.config.js). Every stage runs; the last line is jest's count.
# The five checks before jest run two at a time, the longest first, each next one as soon as a place is free (on a
# fresh machine, alone: prettier 8.7 s, typecheck 8.2 s, eslint 7.0 s, producer 3.5 s, check-dist 1.9 s; in two
# fixed lanes of lint + check-dist and typecheck + producer they took 25 s). Each stage's output is printed whole,
# in order, when all are done.
set -u
cd "$(dirname "$0")/.." || exit 2
logs=$(mktemp -d)
trap 'rm -rf "$logs"' EXIT
stages=(prettier typecheck eslint producer check-dist)
run_stage() {
  case $1 in
    # the package's own binaries: `npx prettier --check` would hand --check to npm, and prettier would print
    # every file instead of checking it
    eslint) node_modules/.bin/eslint . ;;
    prettier) node_modules/.bin/prettier --check . ;;
    typecheck) npm run --silent typecheck ;;
    check-dist) bash scripts/check-dist.sh ;;
    producer) bash scripts/producer-check.sh ;;
  esac >"$logs/$1.log" 2>&1
  echo $? >"$logs/$1.rc"
}
running=0
for name in "${stages[@]}"; do
  if [ "$running" -ge 2 ]; then
    wait -n
    running=$((running - 1))
  fi
  run_stage "$name" &
  running=$((running + 1))
done
wait
failed=()
for name in "${stages[@]}"; do
  echo "==> $name"
  cat "$logs/$name.log"
  [ "$(cat "$logs/$name.rc")" = 0 ] || failed+=("$name")
done
echo "==> jest"
bash scripts/jest.sh --coverage || failed+=(jest)
if [ ${#failed[@]} -gt 0 ]; then
  echo "FAILED: ${failed[*]}"
  cat reports/jest-line.txt 2>/dev/null || echo "jest: 0 passed, 1 failed"
  exit 1
fi
echo "all stages passed"
cat reports/jest-line.txt
