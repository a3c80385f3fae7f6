#!/usr/bin/env bash
# Every benchmark, each printing its ratios against the peer a user would
# pick instead (see BENCHMARKS.md for the latest figures and the machine):
#   Rust   criterion per endpoint, ratio goals, peak memory, paging on the emulator
#   Python parse of a 10,000-member page vs json.loads / orjson / pydantic (release wheel)
#   Node   parse through the npm package vs JSON.parse + map, and the .wasm size
# `bash scripts/bench.sh --smoke` runs each a few rounds only (CI keeps them working).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
SMOKE="${1:-}"

python3 scripts/bench-pages.py >/dev/null

if [ "$SMOKE" = "--smoke" ]; then
  echo "== rust benches (smoke: test profile, a round or two each)"
  cargo test -q -p rosterkit-core --benches
  echo "== python bench (smoke)"
  "$ROOT/.venv/bin/python" packages/python/benches/parse.py --smoke
  echo "== node bench (smoke)"
  (cd packages/npm && node bench/parse.mjs --smoke)
  exit 0
fi

echo "== rust: ratios and memory"
cargo bench -q -p rosterkit-core --bench ratios 2>&1 | grep -v "^warning"
cargo bench -q -p rosterkit-core --bench memory
echo "== rust: criterion"
cargo bench -q -p rosterkit-core --bench endpoints
cargo bench -q -p rosterkit --bench paging

echo "== python (release wheel; peers orjson and pydantic)"
bash scripts/test-python.sh >/dev/null 2>&1 || true   # the venv and tools
"$ROOT/.venv/bin/python" -m pip install -q "orjson==3.13.0" "pydantic==2.14.4"
rm -rf target/wheels-bench
(cd packages/python && "$ROOT/.venv/bin/maturin" build -q --release -o "$ROOT/target/wheels-bench")
"$ROOT/.venv/bin/python" -m pip install -q --force-reinstall --no-deps target/wheels-bench/*.whl
"$ROOT/.venv/bin/python" packages/python/benches/parse.py

echo "== node (release-wasm build)"
bash scripts/build-wasm.sh >/dev/null
(cd packages/npm && npm run -s build && node bench/parse.mjs)
