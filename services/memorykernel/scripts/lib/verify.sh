# shellcheck shell=bash
# Shared by the verify_*.sh scripts (sourced, not run): argument parsing, and failures that are collected,
# printed with what and where, and counted, never stopping at the first.
# The sourcing script defines usage() and sets SCRIPT (its name) before calling parse_root_args.

# Sets `root` from --memorykernel-root (default: the scripts' parent directory) and cds into it.
parse_root_args() {
  root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
  while [ $# -gt 0 ]; do
    case "$1" in
      --memorykernel-root)
        if [ $# -lt 2 ]; then
          echo "$SCRIPT: --memorykernel-root needs a value" >&2
          usage >&2
          exit 2
        fi
        root=$2
        shift 2
        ;;
      --memorykernel-root=*)
        root=${1#*=}
        shift
        ;;
      -h | --help)
        usage
        exit 0
        ;;
      *)
        echo "$SCRIPT: unknown argument '$1'" >&2
        usage >&2
        exit 2
        ;;
    esac
  done
  if [ ! -d "$root" ]; then
    echo "$SCRIPT: --memorykernel-root '$root' is not a directory" >&2
    exit 2
  fi
  cd "$root" || exit 2
  if ! command -v jq >/dev/null 2>&1; then
    echo "FAIL: jq is required (PATH): expected jq on PATH, got nothing" >&2
    exit 1
  fi
}

failures=0
fail() {
  failures=$((failures + 1))
  printf 'FAIL: %s\n' "$1" >&2
}
check() {
  printf '[check] %s\n' "$1"
}
# Run a jq program whose every output line is one failure message.
fail_each() {
  local out line
  if ! out=$(jq -r "$@"); then
    fail "internal jq error while checking (jq $*): expected exit 0, got a jq error"
    return
  fi
  while IFS= read -r line; do
    if [ -n "$line" ]; then fail "$line"; fi
  done <<<"$out"
}
