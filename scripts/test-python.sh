#!/usr/bin/env bash
# Builds the `rosterkit` wheel (pyo3 + maturin) and runs the Python suite:
# ruff, mypy --strict, stubtest of the compiled module, then pytest.
#
# Idempotent: the venv (.venv at the repo root) and the pinned tools are
# installed only when missing. Run from anywhere; CI calls it from the root.
#
# The wheel is built with Cargo's dev profile by default, like `maturin
# develop`: the tests need no optimization, and the dev build shares its
# dependencies with the workspace's `cargo test` instead of compiling them
# again with the release profile's LTO. For the wheel you ship:
#   ROSTERKIT_PY_PROFILE=release scripts/test-python.sh
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
PKG="$ROOT/packages/python"
VENV="$ROOT/.venv"
PYTHON="${PYTHON:-python3}"
PROFILE="${ROSTERKIT_PY_PROFILE:-dev}"
WHEELS="$ROOT/target/wheels-python"

TOOLS=(
  "maturin==1.16.0"
  "pytest==9.2.0"
  "pytest-asyncio==1.5.0"
  "mypy==2.4.1"
  "ruff==0.17.6"
  "tqdm==4.70.1"
  "pandas==3.1.1"
)

step() { printf '\n==> %s\n' "$*"; }

if ! command -v cargo >/dev/null 2>&1; then
  echo "cargo not found: install Rust with rustup first" >&2
  exit 1
fi

if [ ! -x "$VENV/bin/python" ]; then
  step "creating $VENV"
  "$PYTHON" -m venv "$VENV"
  # Keep the venv out of git without touching the repo's ignore rules.
  echo '*' >"$VENV/.gitignore"
fi
PY="$VENV/bin/python"

missing=()
for tool in "${TOOLS[@]}"; do
  name="${tool%%==*}"
  want="${tool#*==}"
  have="$("$PY" -m pip show "$name" 2>/dev/null | awk '/^Version:/ {print $2}' || true)"
  [ "$have" = "$want" ] || missing+=("$tool")
done
if [ "${#missing[@]}" -gt 0 ]; then
  step "installing ${missing[*]}"
  "$PY" -m pip install --quiet --disable-pip-version-check "${missing[@]}"
fi

step "building the wheel ($PROFILE)"
rm -rf "$WHEELS"
if [ "$PROFILE" = "release" ]; then
  profile_flag=(--release)
else
  profile_flag=(--profile "$PROFILE")
fi
# maturin reads packages/python/pyproject.toml from its working directory;
# its manifest-path points at bindings/python/Cargo.toml.
(cd "$PKG" && "$VENV/bin/maturin" build "${profile_flag[@]}" --interpreter "$PY" --out "$WHEELS")
"$PY" -m pip install --quiet --disable-pip-version-check --force-reinstall --no-deps \
  "$WHEELS"/rosterkit-*.whl

step "ruff"
# Python sources only: README code samples are prose, not checked code.
(cd "$PKG" && "$VENV/bin/ruff" check python tests examples benches)
(cd "$PKG" && "$VENV/bin/ruff" format --check python tests examples benches)

step "mypy --strict"
(cd "$PKG" && MYPYPATH=python "$VENV/bin/mypy" --strict python/rosterkit tests examples)

step "stubtest rosterkit._native"
# From the repo root so `rosterkit` is the installed wheel, not the sources.
"$PY" -m mypy.stubtest rosterkit._native

step "pytest"
set +e
(cd "$PKG" && "$PY" -m pytest)
status=$?
set -e
if [ "$status" -eq 5 ]; then
  echo "pytest collected no tests: failing" >&2
  exit 1
fi
step "benchmark smoke (a few rounds; figures in BENCHMARKS.md come from scripts/bench.sh)"
"$PY" "$PKG/benches/parse.py" --smoke || status=$?
exit "$status"
