#!/usr/bin/env bash
# Generate the producer release handoff payload: a thin wrapper that runs the memorykernel-handoff
# binary (cargo run --quiet --locked) in the producer root. Same flags as the binary:
#
#   generate_producer_handoff_payload.sh --mode stable|service-v3-candidate [--memorykernel-root DIR]
#       [--generated-at YYYY-MM-DDTHH:MM:SSZ] [--out-json FILE]
#
# --memorykernel-root defaults to this script's parent directory. A relative --out-json is taken
# relative to the directory you run this from. Exit status is the binary's (2 for bad arguments).
# Publishing the stable payload:
#   bash scripts/generate_producer_handoff_payload.sh --mode stable --generated-at <UTC timestamp> \
#     --out-json docs/implementation/PRODUCER_RELEASE_HANDOFF_LATEST.json
set -euo pipefail

script_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root="$script_dir/.."
args=()

absolute() {
  case "$1" in
    /*) printf '%s\n' "$1" ;;
    *) printf '%s/%s\n' "$PWD" "$1" ;;
  esac
}

while [ $# -gt 0 ]; do
  case "$1" in
    --memorykernel-root)
      if [ $# -lt 2 ]; then
        echo "generate_producer_handoff_payload.sh: --memorykernel-root needs a value" >&2
        exit 2
      fi
      root=$2
      shift 2
      ;;
    --memorykernel-root=*)
      root=${1#*=}
      shift
      ;;
    --out-json)
      if [ $# -lt 2 ]; then
        echo "generate_producer_handoff_payload.sh: --out-json needs a value" >&2
        exit 2
      fi
      args+=(--out-json "$(absolute "$2")")
      shift 2
      ;;
    --out-json=*)
      args+=(--out-json "$(absolute "${1#*=}")")
      shift
      ;;
    *)
      args+=("$1")
      shift
      ;;
  esac
done

if [ ! -d "$root" ]; then
  echo "generate_producer_handoff_payload.sh: --memorykernel-root '$root' is not a directory" >&2
  exit 2
fi

cd "$root"
exec env CARGO_NET_OFFLINE=true cargo run --quiet --locked --bin memorykernel-handoff -- \
  --memorykernel-root . ${args[@]+"${args[@]}"}
