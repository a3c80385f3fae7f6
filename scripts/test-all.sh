#!/usr/bin/env bash
# Every test suite, installing what each needs (idempotently). This is the
# README's test command and what CI runs. Suites run one after another on the
# same cargo target directory so each build is reused.
set -uo pipefail
cd "$(dirname "$0")/.."
export CARGO_TERM_COLOR=never
suites=(rust js python kotlin swift)
passed=0
failed=0
failed_names=()
for suite in "${suites[@]}"; do
  case "$suite" in
    swift) script=scripts/gen-swift.sh; args=(--check) ;;
    *) script="scripts/test-$suite.sh"; args=() ;;
  esac
  echo
  echo "######## suite: $suite ($script)"
  start=$(date +%s)
  if bash "$script" "${args[@]}"; then
    passed=$((passed + 1))
    echo "######## suite $suite passed in $(( $(date +%s) - start ))s"
  else
    failed=$((failed + 1))
    failed_names+=("$suite")
    echo "######## suite $suite FAILED after $(( $(date +%s) - start ))s"
  fi
done
echo
[ "$failed" -eq 0 ] || echo "failed suites: ${failed_names[*]}"
echo "suites: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
