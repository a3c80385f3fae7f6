#!/usr/bin/env bash
# Builds bindings/wasm (crate rosterkit-wasm) for wasm32-unknown-unknown and
# generates the JavaScript glue into packages/npm/wasm/ with wasm-bindgen.
# Installs what it needs, once: the wasm32 target and the wasm-bindgen CLI
# matching Cargo.lock. Runs wasm-opt when packages/npm has binaryen installed
# (npm ci); set ROSTERKIT_WASM_OPT=0 to skip it.
#
# Usage (from anywhere): scripts/build-wasm.sh
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
OUT="$ROOT/packages/npm/wasm"

log() { printf '[build-wasm] %s\n' "$*"; }

ensure_wasm_target() {
    local sysroot
    sysroot=$(rustc --print sysroot)
    if [ -d "$sysroot/lib/rustlib/wasm32-unknown-unknown/lib" ]; then
        return
    fi
    log "adding the wasm32-unknown-unknown target with rustup"
    if rustup target add wasm32-unknown-unknown; then
        return
    fi
    local archive="$ROOT/../shared/toolchain/rust-std-1.95.0-wasm32-unknown-unknown.tar.xz"
    if [ "$(rustc --version)" = "rustc 1.95.0 (59807616e 2026-04-14)" ] && [ -f "$archive" ]; then
        log "rustup could not add the target: unpacking the rust-std 1.95.0 wasm32 archive from shared/toolchain into $sysroot/lib/rustlib/ (fallback)"
        tar xJf "$archive" -C "$sysroot/lib/rustlib/"
    else
        log "error: no wasm32-unknown-unknown standard library for $(rustc --version)"
        exit 1
    fi
}

ensure_wasm_bindgen() {
    local want have
    want=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock)
    if [ -z "$want" ]; then
        log "error: wasm-bindgen is not in Cargo.lock"
        exit 1
    fi
    have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
    if [ "$have" != "$want" ]; then
        log "installing wasm-bindgen-cli $want (found: ${have:-none})"
        cargo install wasm-bindgen-cli --version "$want"
    fi
}

ensure_wasm_target
ensure_wasm_bindgen

log "cargo build -p rosterkit-wasm --profile release-wasm --target wasm32-unknown-unknown"
cargo build -p rosterkit-wasm --profile release-wasm --target wasm32-unknown-unknown
TARGET_DIR=$(cargo metadata --format-version 1 --no-deps | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).target_directory))')
WASM="$TARGET_DIR/wasm32-unknown-unknown/release-wasm/rosterkit_wasm.wasm"

rm -rf "$OUT"
mkdir -p "$OUT"
# --target web: one ES module that Node (initSync with the file's bytes) and
# browsers (fetch next to the module) both load; --weak-refs frees wasm
# objects the host forgets.
wasm-bindgen --target web --weak-refs --remove-name-section --remove-producers-section --out-dir "$OUT" --out-name rosterkit_wasm "$WASM"

WASM_OPT="$ROOT/packages/npm/node_modules/.bin/wasm-opt"
if [ "${ROSTERKIT_WASM_OPT:-1}" != 0 ] && [ -x "$WASM_OPT" ]; then
    # -Oz without binaryen's inlining: inlining saves bytes but makes the
    # code less repetitive, and the gzipped size is what users download.
    log "wasm-opt -Oz, no inlining ($("$WASM_OPT" --version))"
    "$WASM_OPT" -Oz --one-caller-inline-max-function-size=0 --always-inline-max-function-size=0 \
        --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
        --enable-mutable-globals --enable-reference-types --enable-multivalue \
        "$OUT/rosterkit_wasm_bg.wasm" -o "$OUT/rosterkit_wasm_bg.opt.wasm"
    mv "$OUT/rosterkit_wasm_bg.opt.wasm" "$OUT/rosterkit_wasm_bg.wasm"
else
    log "wasm-opt skipped"
fi
log "wrote $OUT ($(wc -c <"$OUT/rosterkit_wasm_bg.wasm") bytes of wasm)"
