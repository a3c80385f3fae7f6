#!/usr/bin/env bash
# Rust: formatting, clippy with warnings denied, every workspace test (golden
# vectors included), the demo, and the core's wasm32 build.
set -euo pipefail
cd "$(dirname "$0")/.."
rustup component add rustfmt clippy >/dev/null 2>&1 || true
echo "== cargo fmt --check"
cargo fmt --all -- --check
echo "== cargo clippy (warnings denied)"
cargo clippy --workspace --all-targets -- -D warnings
echo "== cargo test"
cargo test --workspace
echo "== benchmark smoke (each bench a round or two in the test profile)"
cargo test -q -p rosterkit-core -p rosterkit --benches
echo "== demo (the main job)"
cargo run -q -p rosterkit-cli -- demo
# rosterkit-core's wasm32 build is the npm package's (scripts/test-js.sh).
echo "== fuzz smoke (a few seconds a target, when nightly is installed)"
bash scripts/fuzz.sh 5
