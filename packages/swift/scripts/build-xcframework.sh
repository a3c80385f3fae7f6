#!/usr/bin/env bash
# Builds RosterKitFFI.xcframework (macOS only, needs Xcode): the Rust library
# as static libraries for iOS devices, the iOS simulator (arm64 and x86_64)
# and macOS (arm64 and x86_64), with the generated C header and module map.
# With the framework beside Package.swift, SwiftPM uses it instead of the
# local system-library target, so apps can depend on this package.
#
#   packages/swift/scripts/build-xcframework.sh            release build
#   PROFILE=debug packages/swift/scripts/build-xcframework.sh
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
cd "$ROOT"
PROFILE="${PROFILE:-release}"
TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"
OUT="$HERE/RosterKitFFI.xcframework"
WORK="$TARGET_DIR/xcframework"
LIB=librosterkit_uniffi.a

if [ "$(uname -s)" != "Darwin" ]; then
  echo "build-xcframework.sh needs macOS with Xcode (xcodebuild, lipo)" >&2
  exit 1
fi

TARGETS=(
  aarch64-apple-ios
  aarch64-apple-ios-sim
  x86_64-apple-ios
  aarch64-apple-darwin
  x86_64-apple-darwin
)
installed="$(rustup target list --installed)"
for t in "${TARGETS[@]}"; do
  grep -qx "$t" <<<"$installed" || rustup target add "$t"
done

cargo_flag=()
[ "$PROFILE" = "release" ] && cargo_flag=(--release)
profile_dir="$PROFILE"
[ "$PROFILE" = "dev" ] && profile_dir="debug"
for t in "${TARGETS[@]}"; do
  echo "==> cargo build --target $t ($PROFILE)"
  cargo build -p rosterkit-uniffi --lib ${cargo_flag[@]+"${cargo_flag[@]}"} --target "$t"
done

rm -rf "$WORK" "$OUT"
mkdir -p "$WORK/headers" "$WORK/ios-sim" "$WORK/macos"

# The header and a module map without `link`: the framework carries the library.
cargo run -q -p rosterkit-uniffi --bin uniffi-bindgen -- \
  generate --library "$TARGET_DIR/aarch64-apple-darwin/$profile_dir/$LIB" \
  --language swift --no-format --out-dir "$WORK/gen"
cp "$WORK/gen/rosterkit_uniffiFFI.h" "$WORK/headers/"
cp "$WORK/gen/rosterkit_uniffiFFI.modulemap" "$WORK/headers/module.modulemap"

lib() { echo "$TARGET_DIR/$1/$profile_dir/$LIB"; }
lipo -create "$(lib aarch64-apple-ios-sim)" "$(lib x86_64-apple-ios)" -output "$WORK/ios-sim/$LIB"
lipo -create "$(lib aarch64-apple-darwin)" "$(lib x86_64-apple-darwin)" -output "$WORK/macos/$LIB"

xcodebuild -create-xcframework \
  -library "$(lib aarch64-apple-ios)" -headers "$WORK/headers" \
  -library "$WORK/ios-sim/$LIB" -headers "$WORK/headers" \
  -library "$WORK/macos/$LIB" -headers "$WORK/headers" \
  -output "$OUT"
echo "wrote $OUT"
