#!/usr/bin/env bash
# Builds the libFuzzer targets of tests/fuzz (in build-asan/, with ASan + UBSan: tests/sanitizer_build.sh)
# and runs each for a while. Every run starts by replaying the seeds in tests/fuzz/corpus/<target>/
# (which keep every input that once found a bug) and the inputs found by earlier runs in
# build-asan/fuzz-corpus/<target>/, then mutates them. A property failure, crash, sanitizer finding,
# leak or timeout fails the target and leaves the input in build-asan/fuzz-artifacts/.
#   tests/fuzz.sh                     each target for 20 s (what tests/run.sh does)
#   tests/fuzz.sh 300                 each for 5 minutes
#   tests/fuzz.sh 60 utf8 gpt2_encoder   only these targets
# Every target runs with -malloc_limit_mb=64: an input is at most 4 KB, so a reader that allocates
# more at once trusted a size in a header (a file claiming 10^12 rows) before checking it against
# the bytes; libFuzzer reports it as "malloc(N) exceeds limit". A tests/fuzz/<target>.dict file,
# when there is one, is passed as the target's dictionary (-dict: tokens worth inserting, such as
# JSON keys of a safetensors header).
# Closes with one line per target (executions, coverage cov = edges, ft = features) and
# "fuzz: N passed, N failed".
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/tests/sanitizer_build.sh"

seconds="${1:-20}"
[ $# -gt 0 ] && shift
[[ "$seconds" =~ ^[0-9]+$ ]] || { echo "usage: tests/fuzz.sh [seconds] [target...]" >&2; exit 2; }
if [ $# -gt 0 ]; then
  targets=("$@")
else
  mapfile -t targets < <(sed -nE 's/^embplay_fuzz_target\(([a-z0-9_]+)\).*/\1/p' "$root/tests/fuzz/CMakeLists.txt")
fi

start=$(date +%s)
configure_sanitizer_build || exit 2
cmake --build "$embplay_asan_dir" --target embplay_fuzz -j"$embplay_jobs" || { echo "fuzz: build failed"; echo "fuzz: 0 passed, ${#targets[@]} failed"; exit 1; }
echo "fuzz: built ${#targets[@]} targets in $(elapsed_since "$start")"

export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:halt_on_error=1:strict_string_checks=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
artifacts="$embplay_asan_dir/fuzz-artifacts"
mkdir -p "$artifacts"
passed=0
failed=0
declare -a lines
run_start=$(date +%s)
for t in "${targets[@]}"; do
  bin="$embplay_asan_dir/tests/fuzz/fuzz_$t"
  seeds="$root/tests/fuzz/corpus/$t"
  work="$embplay_asan_dir/fuzz-corpus/$t"
  log="$embplay_asan_dir/fuzz-$t.log"
  mkdir -p "$work"
  echo "== fuzz $t (${seconds} s)"
  status=0
  if [ ! -x "$bin" ]; then
    echo "fuzz: no target $bin" >"$log"; status=2
  else
    dict=()
    [ -f "$root/tests/fuzz/$t.dict" ] && dict=(-dict="$root/tests/fuzz/$t.dict")
    "$bin" -max_total_time="$seconds" -max_len=4096 -timeout=10 -rss_limit_mb=2048 -malloc_limit_mb=64 \
      -print_final_stats=1 "${dict[@]}" -artifact_prefix="$artifacts/$t-" "$work" "$seeds" >"$log" 2>&1 || status=$?
  fi
  execs=$(sed -nE 's/^stat::number_of_executed_units: *([0-9]+).*/\1/p' "$log" | tail -1)
  cov=$(grep -oE 'cov: [0-9]+ ft: [0-9]+' "$log" | tail -1)
  if [ "$status" = 0 ]; then
    passed=$((passed + 1)); verdict=ok
  else
    failed=$((failed + 1)); verdict="FAILED (status $status, log $log)"
    grep -E 'fuzz property failed|ERROR: (AddressSanitizer|LeakSanitizer|libFuzzer)|exceeds limit|runtime error|SUMMARY|Test unit written' "$log" | head -n 12
  fi
  lines+=("$(printf '%-18s %-8s %12s execs  %s' "$t" "${verdict%% *}" "${execs:-?}" "${cov:-cov: ? ft: ?}")")
  [ "$status" = 0 ] || lines+=("    $verdict")
done
echo
echo "fuzz: ran ${#targets[@]} targets for ${seconds} s each in $(elapsed_since "$run_start")"
for line in "${lines[@]}"; do echo "  $line"; done
echo "fuzz: $passed passed, $failed failed"
[ "$failed" = 0 ]
