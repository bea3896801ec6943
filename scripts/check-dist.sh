#!/usr/bin/env bash
# Fail when dist/ or src/generated/ differ from a fresh build of the sources (built elsewhere: the tree is untouched).
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
GEN_OUT_DIR="$tmp/generated" node scripts/gen-validators.mjs >/dev/null
GEN_OUT_DIR="$tmp/generated" node scripts/gen-guardian.mjs >/dev/null
if ! diff -r "$tmp/generated" src/generated >"$tmp/gen.diff"; then
  echo "src/generated/ is out of date with config/schemas or the guardian's sources: run 'npm run build' and commit" >&2
  head -20 "$tmp/gen.diff" >&2
  exit 1
fi
OUT_DIR="$tmp/dist" node esbuild.config.mjs >/dev/null
if ! diff -r -q -x .compile-cache "$tmp/dist" dist >"$tmp/dist.diff"; then
  echo "dist/ is not a fresh build of src/: run 'npm run build' and commit dist/" >&2
  cat "$tmp/dist.diff" >&2
  exit 1
fi
if [ ! -x dist/cli/index.js ]; then
  echo "dist/cli/index.js is not executable (npx runs it directly): run 'npm run build' and commit" >&2
  exit 1
fi
echo "dist: up to date"
