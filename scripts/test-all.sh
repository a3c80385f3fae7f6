#!/usr/bin/env bash
# Every test suite, installing what each needs (idempotently). This is the
# README's test command and what CI runs. Suites run one after another on the
# same cargo target directory so each build is reused.
set -uo pipefail
cd "$(dirname "$0")/.."
export CARGO_TERM_COLOR=never
# The Kotlin suite also checks that the committed Swift sources are fresh.
suites=(rust js python kotlin)
passed=0
failed=0
failed_names=()
for suite in "${suites[@]}"; do
  script="scripts/test-$suite.sh"
  echo
  echo "######## suite: $suite ($script)"
  start=$(date +%s)
  if bash "$script"; then
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
