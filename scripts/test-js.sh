#!/usr/bin/env bash
# The npm package's suite: builds the wasm layer and the TypeScript host
# layer, then runs `node --test` (golden vectors, the emulator over real HTTP,
# Chromium). Installs what it needs once and skips what is already there.
# Called from the repository root by CI; exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
PKG="$ROOT/packages/npm"

log() { printf '[test-js] %s\n' "$*"; }

# Node 18+ and npm come with the machine; Chromium comes from Debian.
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
    log "error: node and npm are required"
    exit 1
fi
if [ ! -x /usr/bin/chromium ] && [ -z "${CHROMIUM_PATH:-}" ]; then
    log "installing Debian's chromium"
    SUDO=""
    if [ "$(id -u)" != 0 ]; then SUDO=sudo; fi
    $SUDO apt-get update
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y chromium
fi

# npm ci only when package-lock.json changed since the last install.
STAMP="$PKG/node_modules/.rosterkit-lock"
if [ ! -f "$STAMP" ] || ! cmp -s "$PKG/package-lock.json" "$STAMP"; then
    log "npm ci"
    (cd "$PKG" && npm ci --no-audit --no-fund)
    cp "$PKG/package-lock.json" "$STAMP"
fi

# The wasm target, wasm-bindgen-cli, cargo build, wasm-bindgen, wasm-opt.
"$ROOT/scripts/build-wasm.sh"

log "tsc (dist/ and the --strict check of the types and examples/)"
(cd "$PKG" && rm -rf dist && npm run --silent build && npm run --silent typecheck)

log "cargo build -p rosterkit-cli (the emulator the tests start)"
cargo build -p rosterkit-cli
TARGET_DIR=$(cargo metadata --format-version 1 --no-deps | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).target_directory))')
export ROSTERKIT_BIN="$TARGET_DIR/debug/rosterkit"

gz() { gzip -9c "$@" | wc -c; }
WASM_GZ=$(gz "$PKG/wasm/rosterkit_wasm_bg.wasm")
GLUE_GZ=$(gz "$PKG/wasm/rosterkit_wasm.js")
DIST_GZ=$(cat "$PKG"/dist/*.js | gzip -9 | wc -c)
PACK_GZ=$(cd "$PKG" && npm pack --dry-run --json 2>/dev/null | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s)[0].size))')

log "node --test"
status=0
(cd "$PKG" && node --test --test-concurrency=1 test/) || status=$?
log "benchmark smoke (a few rounds; figures in BENCHMARKS.md come from scripts/bench.sh)"
(cd "$PKG" && node bench/parse.mjs --smoke) || status=$?

log "sizes, gzip -9:"
log "  wasm/rosterkit_wasm_bg.wasm  $(wc -c <"$PKG/wasm/rosterkit_wasm_bg.wasm") bytes, ${WASM_GZ} gzipped"
log "  wasm/rosterkit_wasm.js (glue) $(wc -c <"$PKG/wasm/rosterkit_wasm.js") bytes, ${GLUE_GZ} gzipped"
log "  dist/*.js (host layer)       $(cat "$PKG"/dist/*.js | wc -c) bytes, ${DIST_GZ} gzipped"
log "  the package as npm pack would publish it: ${PACK_GZ} bytes (.tgz)"
exit "$status"
