#!/usr/bin/env bash
# Runs each fuzz target in fuzz/ for N seconds (default 10): `bash
# scripts/fuzz.sh 5` is CI's smoke run, `just fuzz` the 10-minute one.
#
# Builds with nightly and libFuzzer's sanitizer-coverage flags (what `cargo
# fuzz build` passes, minus AddressSanitizer: the targets are safe Rust, and
# without ASan they run several times faster). Skips with a message when no
# nightly toolchain is installed. Seeds come from the golden vectors.
set -euo pipefail
cd "$(dirname "$0")/.."

SECONDS_PER_TARGET="${1:-10}"
TARGETS=(parse flow)

if ! rustup toolchain list 2>/dev/null | grep -q '^nightly'; then
  echo "fuzz: no nightly toolchain (rustup toolchain install nightly); skipped"
  exit 0
fi

TRIPLE="$(rustc -vV | awk '/^host:/ {print $2}')"
python3 fuzz/seed.py

# The flags cargo-fuzz uses; `--target` keeps them off build scripts.
export RUSTFLAGS="-Cpasses=sancov-module -Cllvm-args=-sanitizer-coverage-level=4 \
-Cllvm-args=-sanitizer-coverage-inline-8bit-counters -Cllvm-args=-sanitizer-coverage-pc-table \
-Cllvm-args=-sanitizer-coverage-trace-compares --cfg fuzzing -Cdebug-assertions -Coverflow-checks"
# A smoke run (under a minute a target) uses the quick-to-build dev
# profile; long runs the optimized one.
if [ "$SECONDS_PER_TARGET" -ge 60 ]; then PROFILE=release; else PROFILE=dev; fi
DIR=$([ "$PROFILE" = dev ] && echo debug || echo release)
cargo +nightly build --profile "$PROFILE" --locked --manifest-path fuzz/Cargo.toml --target "$TRIPLE" --bins

status=0
for t in "${TARGETS[@]}"; do
  echo "== fuzz $t for ${SECONDS_PER_TARGET}s"
  mkdir -p "fuzz/artifacts/$t"
  # -timeout: one input taking 10 s is a hang; -rss_limit_mb bounds memory.
  "fuzz/target/$TRIPLE/$DIR/$t" "fuzz/corpus/$t" \
    -dict=fuzz/json.dict -max_total_time="$SECONDS_PER_TARGET" -timeout=10 \
    -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="fuzz/artifacts/$t/" \
    2>"fuzz/artifacts/$t.log" || status=$?
  grep -E '^stat::number_of_executed_units|^stat::average_exec_per_sec|^stat::peak_rss_mb|SUMMARY|panicked' "fuzz/artifacts/$t.log" || true
  if [ "$status" -ne 0 ]; then
    tail -40 "fuzz/artifacts/$t.log" >&2
    echo "fuzz: $t failed (artifacts in fuzz/artifacts/$t/)" >&2
    exit "$status"
  fi
done
