#!/usr/bin/env bash
# Regenerates the Swift bindings of rosterkit-uniffi into packages/swift. The
# library carries two crates' interfaces (rosterkit-core's types, the
# client), and uniffi's Swift model compiles both into one module:
#   Sources/RosterKit/rosterkit_core.swift         the core's types
#   Sources/RosterKit/rosterkit_uniffi.swift       the client
#   Sources/RosterKitFFI/rosterkit_coreFFI.h       their C declarations
#   Sources/RosterKitFFI/rosterkit_uniffiFFI.h
#   Sources/RosterKitFFI/module.modulemap          one C module, linking librosterkit_uniffi
#
#   scripts/gen-swift.sh           write them
#   scripts/gen-swift.sh --check   fail if the committed ones are stale (for CI;
#                                  Swift itself cannot be compiled on Linux CI)
#
# Builds the library first (cargo skips the work when it is up to date).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
PKG="$ROOT/packages/swift"
TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"
case "$TARGET_DIR" in /*) ;; *) TARGET_DIR="$ROOT/$TARGET_DIR" ;; esac

mode="write"
case "${1:-}" in
  "") ;;
  --check) mode="check" ;;
  *) echo "usage: $0 [--check]" >&2; exit 2 ;;
esac

if ! command -v cargo >/dev/null 2>&1; then
  echo "cargo not found: install Rust with rustup first" >&2
  exit 1
fi

cargo build -q -p rosterkit-uniffi
case "$(uname -s)" in
  Darwin) LIB="$TARGET_DIR/debug/librosterkit_uniffi.dylib" ;;
  *) LIB="$TARGET_DIR/debug/librosterkit_uniffi.so" ;;
esac

TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
cargo run -q -p rosterkit-uniffi --bin uniffi-bindgen -- \
  generate --library "$LIB" --language swift --no-format --out-dir "$TMP/raw"

# Lay the files out as the package holds them. SwiftPM wants the module map
# of a system library target named module.modulemap, and for local builds it
# must name the library to link; the xcframework script writes its own.
mkdir -p "$TMP/out/Sources/RosterKit" "$TMP/out/Sources/RosterKitFFI"
for crate in rosterkit_core rosterkit_uniffi; do
  cp "$TMP/raw/$crate.swift" "$TMP/out/Sources/RosterKit/"
  cp "$TMP/raw/${crate}FFI.h" "$TMP/out/Sources/RosterKitFFI/"
done
# One module map for both headers, naming the library to link.
sed -e '/^ *header "/a\    header "rosterkit_coreFFI.h"' -e '/^ *header "/a\    link "rosterkit_uniffi"' \
  "$TMP/raw/rosterkit_uniffiFFI.modulemap" \
  | awk '!(/header "rosterkit_coreFFI.h"/ && seen++)' \
  >"$TMP/out/Sources/RosterKitFFI/module.modulemap"

FILES=(
  Sources/RosterKit/rosterkit_core.swift
  Sources/RosterKit/rosterkit_uniffi.swift
  Sources/RosterKitFFI/rosterkit_coreFFI.h
  Sources/RosterKitFFI/rosterkit_uniffiFFI.h
  Sources/RosterKitFFI/module.modulemap
)

if [ "$mode" = "check" ]; then
  stale=0
  for f in "${FILES[@]}"; do
    if ! cmp -s "$TMP/out/$f" "$PKG/$f"; then
      echo "stale: packages/swift/$f" >&2
      diff -u "$PKG/$f" "$TMP/out/$f" 2>&1 | head -20 >&2 || true
      stale=1
    fi
  done
  if [ "$stale" -ne 0 ]; then
    echo "the Swift bindings are stale: run scripts/gen-swift.sh" >&2
    exit 1
  fi
  echo "swift bindings: up to date (${#FILES[@]} files)"
else
  for f in "${FILES[@]}"; do
    mkdir -p "$(dirname "$PKG/$f")"
    cp "$TMP/out/$f" "$PKG/$f"
  done
  echo "swift bindings: wrote ${#FILES[@]} files under packages/swift"
fi
