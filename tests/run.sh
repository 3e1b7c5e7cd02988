#!/usr/bin/env bash
# Runs every test: Catch2 unit tests (native, via CTest), Node tests of the WASM module and CLI,
# browser tests of the page in headless Chromium, the cross-browser subset (tests/browser/cross)
# again in Firefox ESR and WebKitGTK, the Catch2 suite again under ASan + UBSan, and each libFuzzer
# target for 20 s. Installs and builds what is missing first.
#   tests/run.sh                      everything
#   EMBPLAY_UPDATE_SCREENSHOT=1 tests/run.sh   also regenerate assets/screenshot.png
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

# Every summary line says how long its part took (the README's cost table comes from these).
EMBPLAY_DEPS_PROFILE=test bash web/build.sh || { echo "tests: build failed"; exit 1; }
build_seconds=$SECONDS
part_started=$SECONDS
# The test profile installed gensim and fastText: tests comparing against them must run, not skip.
export EMBPLAY_REQUIRE_PEERS=1

failed=0
passed=0
declare -a summary

record() {  # name status passed failed
  summary+=("$1: $3 passed, $4 failed in $((SECONDS - part_started)) s")
  part_started=$SECONDS
  passed=$((passed + $3))
  failed=$((failed + $4))
  [ "$2" = 0 ] || [ "$4" != 0 ] || failed=$((failed + 1))
}

record_catch2() {  # name status log
  # Catch2 v2 closes with "All tests passed (A assertions in N test cases)" or "test cases: N | P passed | F failed".
  local cases p f
  cases=$(sed -nE 's/^All tests passed \([0-9]+ assertions? in ([0-9]+) test cases?\).*/\1/p' "$3" | tail -1)
  if [ -n "$cases" ]; then
    record "$1" "$2" "$cases" 0
  else
    p=$(sed -nE 's/^test cases: *[0-9]+ \| *([0-9]+) passed.*/\1/p' "$3" | tail -1)
    f=$(sed -nE 's/^test cases: .*\| *([0-9]+) failed.*/\1/p' "$3" | tail -1)
    record "$1" "$2" "${p:-0}" "${f:-1}"
  fi
}

echo "== Catch2 unit tests (build/tests/unit_tests; also registered with CTest, one test per file)"
unit_log="$(mktemp)"
build/tests/unit_tests 2>&1 | tee "$unit_log" | tail -n 40
record_catch2 "unit (Catch2)" "${PIPESTATUS[0]}" "$unit_log"
rm -f "$unit_log"

run_node_suite() {  # name dir
  local log; log="$(mktemp)"
  # A test that hangs (a browser driver that never answers) fails after 10 minutes instead of
  # stalling the run.
  node --test --test-timeout=600000 --test-reporter=spec "$2" 2>&1 | tee "$log" | grep -vE '^\s*$' | tail -n 400
  local status=${PIPESTATUS[0]}
  local p f
  p=$(sed -nE 's/^ℹ pass ([0-9]+).*/\1/p' "$log" | tail -1)
  f=$(sed -nE 's/^ℹ fail ([0-9]+).*/\1/p' "$log" | tail -1)
  record "$1" "$status" "${p:-0}" "${f:-1}"
  rm -f "$log"
}

echo "== Node tests: WASM module and CLIs (tests/node)"
run_node_suite "node (WASM)" tests/node/
echo "== Browser tests: the page in headless Chromium (tests/browser, with tests/browser/cross)"
run_node_suite "browser (Chromium)" tests/browser/
# The cross-browser subset (page, training, PE heatmap, each widget, the iframe route) in the
# other two engines; tests/browser/drivers.mjs starts each one (WebKit on its own Xvfb display).
for engine in firefox:"Firefox ESR" webkit:"WebKitGTK"; do
  echo "== Cross-browser tests in ${engine#*:} (tests/browser/cross)"
  EMBPLAY_BROWSER="${engine%%:*}" run_node_suite "browser (${engine#*:}, cross-browser subset)" tests/browser/cross/
done

# Hardening (README "Hardening"): the Catch2 suite again under ASan + UBSan, and every fuzz target
# for a short time (EMBPLAY_FUZZ_SECONDS, default 20 s each); both share the clang build in build-asan/.
echo "== Sanitizers: the Catch2 suite built with clang-14 -fsanitize=address,undefined (tests/sanitize.sh)"
san_log="$(mktemp)"
bash tests/sanitize.sh 2>&1 | tee "$san_log" | grep -vE '^\[ *[0-9]+%\]' | tail -n 40
record_catch2 "unit under ASan+UBSan (clang)" "${PIPESTATUS[0]}" "$san_log"
rm -f "$san_log"

echo "== Fuzzing: each libFuzzer target for ${EMBPLAY_FUZZ_SECONDS:-20} s (tests/fuzz.sh)"
fuzz_log="$(mktemp)"
bash tests/fuzz.sh "${EMBPLAY_FUZZ_SECONDS:-20}" 2>&1 | tee "$fuzz_log" | grep -vE '^\[ *[0-9]+%\]' | tail -n 60
status=${PIPESTATUS[0]}
p=$(sed -nE 's/^fuzz: ([0-9]+) passed, ([0-9]+) failed$/\1/p' "$fuzz_log" | tail -1)
f=$(sed -nE 's/^fuzz: ([0-9]+) passed, ([0-9]+) failed$/\2/p' "$fuzz_log" | tail -1)
record "fuzz (libFuzzer targets)" "$status" "${p:-0}" "${f:-1}"
rm -f "$fuzz_log"

echo
echo "== Summary"
echo "  install what is missing and build (native, WASM, site): ${build_seconds} s"
for line in "${summary[@]}"; do echo "  $line"; done
echo "  total: $((SECONDS / 60)) min $((SECONDS % 60)) s"
echo "all: $passed passed, $failed failed"
[ "$failed" = 0 ]
