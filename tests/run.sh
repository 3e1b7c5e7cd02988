#!/usr/bin/env bash
# Runs every test: Catch2 unit tests (native, via CTest), Node tests of the WASM module and CLI,
# browser tests of the page in headless Chromium, and the cross-browser subset (tests/browser/cross)
# again in Firefox ESR and WebKitGTK. Installs and builds what is missing first.
#   tests/run.sh                      everything
#   EMBPLAY_UPDATE_SCREENSHOT=1 tests/run.sh   also regenerate assets/screenshot.png
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

EMBPLAY_DEPS_PROFILE=test bash web/build.sh || { echo "tests: build failed"; exit 1; }
# The test profile installed gensim and fastText: tests comparing against them must run, not skip.
export EMBPLAY_REQUIRE_PEERS=1

failed=0
passed=0
declare -a summary

record() {  # name status passed failed
  summary+=("$1: $3 passed, $4 failed")
  passed=$((passed + $3))
  failed=$((failed + $4))
  [ "$2" = 0 ] || [ "$4" != 0 ] || failed=$((failed + 1))
}

echo "== Catch2 unit tests (build/tests/unit_tests; also registered with CTest, one test per file)"
unit_log="$(mktemp)"
build/tests/unit_tests 2>&1 | tee "$unit_log" | tail -n 40
status=${PIPESTATUS[0]}
# Catch2 v2 closes with "All tests passed (A assertions in N test cases)" or "test cases: N | P passed | F failed".
cases=$(sed -nE 's/^All tests passed \([0-9]+ assertions? in ([0-9]+) test cases?\).*/\1/p' "$unit_log" | tail -1)
if [ -n "$cases" ]; then
  record "unit (Catch2)" "$status" "$cases" 0
else
  p=$(sed -nE 's/^test cases: *[0-9]+ \| *([0-9]+) passed.*/\1/p' "$unit_log" | tail -1)
  f=$(sed -nE 's/^test cases: .*\| *([0-9]+) failed.*/\1/p' "$unit_log" | tail -1)
  record "unit (Catch2)" "$status" "${p:-0}" "${f:-1}"
fi
rm -f "$unit_log"

run_node_suite() {  # name dir
  local log; log="$(mktemp)"
  node --test --test-reporter=spec "$2" 2>&1 | tee "$log" | grep -vE '^\s*$' | tail -n 400
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
  started=$SECONDS
  echo "== Cross-browser tests in ${engine#*:} (tests/browser/cross)"
  EMBPLAY_BROWSER="${engine%%:*}" run_node_suite "browser (${engine#*:}, cross-browser subset)" tests/browser/cross/
  summary[${#summary[@]}-1]+=" in $((SECONDS - started)) s"
done

echo
echo "== Summary"
for line in "${summary[@]}"; do echo "  $line"; done
echo "all: $passed passed, $failed failed"
[ "$failed" = 0 ]
