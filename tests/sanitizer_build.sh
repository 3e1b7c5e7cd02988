# Sourced by tests/sanitize.sh and tests/fuzz.sh: configures the one clang build they share,
# build-asan/ (or $EMBPLAY_ASAN_DIR): every target with AddressSanitizer + UndefinedBehaviorSanitizer
# (-fno-sanitize-recover=all: the first finding is fatal), the core also with libFuzzer's coverage,
# -O1 -g with assertions on. Same options from both scripts, so neither rebuilds what the other built.
embplay_asan_dir="${EMBPLAY_ASAN_DIR:-$root/build-asan}"
embplay_jobs="${EMBPLAY_JOBS:-2}"

configure_sanitizer_build() {
  command -v clang++-14 >/dev/null || { echo "sanitizer build: clang++-14 missing (bash web/install-deps.sh test)" >&2; return 2; }
  cmake -S "$root" -B "$embplay_asan_dir" -DCMAKE_CXX_COMPILER=clang++-14 -DCMAKE_BUILD_TYPE=Sanitize \
    -DCMAKE_CXX_FLAGS_SANITIZE="-O1 -g" -DEMBPLAY_SANITIZE=ON -DEMBPLAY_FUZZ=ON >/dev/null
}

# Minutes and seconds since $1 (date +%s).
elapsed_since() { local s=$(( $(date +%s) - $1 )); echo "$((s / 60)) min $((s % 60)) s"; }
