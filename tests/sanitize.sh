#!/usr/bin/env bash
# Builds the native core and the Catch2 suite a second time, with clang-14 and AddressSanitizer +
# UndefinedBehaviorSanitizer (tests/sanitizer_build.sh: build-asan/, -O1 -g, assertions on), and runs
# it. A finding (out-of-bounds access, use after free, leak, signed overflow, misaligned or null
# access, bad shift or cast...) ends the run with its report and a non-zero status.
#   tests/sanitize.sh                 build unit_tests in build-asan/ and run every test case
#   tests/sanitize.sh "[utf8]"        run only the cases matching a Catch2 filter
# Only unit_tests is built, not the CLI or WASM.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/tests/sanitizer_build.sh"

start=$(date +%s)
configure_sanitizer_build
cmake --build "$embplay_asan_dir" --target unit_tests -j"$embplay_jobs"
echo "sanitize: built $embplay_asan_dir/tests/unit_tests in $(elapsed_since "$start")"

# Leaks count as findings; the first report ends the run.
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:halt_on_error=1:strict_string_checks=1:detect_stack_use_after_return=1:check_initialization_order=1:strict_init_order=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
ran=$(date +%s)
status=0
"$embplay_asan_dir/tests/unit_tests" "$@" || status=$?
echo "sanitize: ran the suite in $(elapsed_since "$ran") (status $status)"
exit "$status"
