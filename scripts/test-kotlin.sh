#!/usr/bin/env bash
# Builds the uniffi library and the emulator, checks that the committed Kotlin
# sources match what uniffi generates from the library, then runs the Kotlin
# suite (golden vectors, emulator workflows over the built-in and a Kotlin
# transport, typed errors) with Maven.
#
# Idempotent: Java 17 and Maven are installed (Debian apt) only when missing;
# cargo and Maven skip work already done. Run from anywhere; CI calls it from
# the repo root. Needs Rust (rustup) and network access to Maven Central.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
PKG="$ROOT/packages/kotlin"
GENERATED="$PKG/src/main/kotlin"
TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"
case "$TARGET_DIR" in /*) ;; *) TARGET_DIR="$ROOT/$TARGET_DIR" ;; esac

step() { printf '\n==> %s\n' "$*"; }

if ! command -v cargo >/dev/null 2>&1; then
  echo "cargo not found: install Rust with rustup first" >&2
  exit 1
fi

apt_install() {
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "$1 not found and apt-get is unavailable: install $1" >&2
    exit 1
  fi
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  step "installing $*"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${@:2}" >/dev/null
}
command -v javac >/dev/null 2>&1 || apt_install "a JDK" openjdk-17-jdk-headless
command -v mvn >/dev/null 2>&1 || apt_install "Maven" maven

step "building rosterkit-uniffi and the rosterkit CLI (emulator)"
cargo build -p rosterkit-uniffi
cargo build -p rosterkit-cli

case "$(uname -s)" in
  Darwin) LIB="$TARGET_DIR/debug/librosterkit_uniffi.dylib" ;;
  *) LIB="$TARGET_DIR/debug/librosterkit_uniffi.so" ;;
esac

step "checking that the committed Kotlin sources are up to date"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
cargo run -q -p rosterkit-uniffi --bin uniffi-bindgen -- \
  generate --library "$LIB" --language kotlin --no-format --out-dir "$TMP"
if ! diff -ru "$GENERATED" "$TMP" >"$TMP.diff" 2>&1; then
  head -40 "$TMP.diff" >&2
  rm -f "$TMP.diff"
  echo "packages/kotlin/src/main/kotlin is stale: regenerate it with" >&2
  echo "  cargo run -p rosterkit-uniffi --bin uniffi-bindgen -- generate --library $LIB --language kotlin --no-format --out-dir packages/kotlin/src/main/kotlin" >&2
  exit 1
fi
rm -f "$TMP.diff"

# uniffi copies Rust doc comments verbatim into KDoc and Swift doc comments.
# Both languages nest block comments, so a `/*` inside one (`projects/*`)
# leaves the comment open and nothing compiles; name the Rust doc to fix.
if nested="$(grep -rn '^ *\*.*/\*' "$GENERATED" "$ROOT/packages/swift/Sources/RosterKit")"; then
  echo "$nested" >&2
  echo "a Rust doc comment above contains '/*', which opens a nested comment in Kotlin and Swift:" >&2
  echo "reword it in the Rust source (e.g. 'projects/<id>') and regenerate" >&2
  exit 1
fi

# Swift cannot be compiled on Linux; its generated sources are checked here
# too, since they come from the same library.
step "checking that the committed Swift sources are up to date"
"$ROOT/scripts/gen-swift.sh" --check

step "running the Kotlin tests (mvn test)"
cd "$PKG"
rm -rf target/surefire-reports
status=0
mvn -B -q -Dstyle.color=never test \
  -Drosterkit.native.dir="$TARGET_DIR/debug" \
  -Drosterkit.repo.root="$ROOT" \
  -Drosterkit.bin="$TARGET_DIR/debug/rosterkit" || status=$?

# `mvn -q` prints nothing on success; count the results from Surefire's reports.
read -r tests failures errors skipped < <(
  cat target/surefire-reports/TEST-*.xml 2>/dev/null |
    grep -o '<testsuite [^>]*>' |
    awk '{
      for (i = 1; i <= NF; i++) {
        split($i, kv, "=")
        gsub(/[">]/, "", kv[2])
        if (kv[1] == "tests") t += kv[2]
        if (kv[1] == "failures") f += kv[2]
        if (kv[1] == "errors") e += kv[2]
        if (kv[1] == "skipped") s += kv[2]
      }
    } END { printf "%d %d %d %d\n", t, f, e, s }'
)
failed=$((failures + errors))
echo
echo "kotlin: $((tests - failed - skipped)) passed, $failed failed, $skipped skipped"
if [ "$status" -ne 0 ] || [ "$failed" -ne 0 ]; then
  exit 1
fi
if [ "$tests" -eq 0 ]; then
  echo "no Kotlin tests ran" >&2
  exit 1
fi
