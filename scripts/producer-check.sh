#!/usr/bin/env bash
# The reference producer's own gates, offline: cargo fmt, clippy (warnings are errors) and test.
set -euo pipefail
cd "$(dirname "$0")/../services/memorykernel"
export CARGO_NET_OFFLINE=true
cargo fmt --all -- --check
cargo clippy --workspace --all-targets --all-features --locked --quiet -- -D warnings
cargo test --workspace --all-targets --all-features --locked --quiet
