#!/usr/bin/env bash
# Builds everything that is missing or out of date:
#   build/       native core, Catch2 tests, CLI build/embplay
#   build-wasm/  WASM module for the page and the CLI as a Node program (build-wasm/embplay.js)
#   dist/        the static site (page + module + assets)
# Installs missing dependencies first (web/install-deps.sh). Set EMBPLAY_SKIP_INSTALL=1 to skip that step.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
[ "${EMBPLAY_SKIP_INSTALL:-0}" = 1 ] || bash web/install-deps.sh "${EMBPLAY_DEPS_PROFILE:-build}"

jobs="$(nproc 2>/dev/null || echo 2)"
# Debian's Emscripten runs its JS optimiser with `node`; when that node is not Debian's own
# it needs Debian's node modules on NODE_PATH.
export NODE_PATH="/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}"

# Runs a build step quietly; on failure shows its log and stops.
step() {
  local log; log="$(mktemp)"
  if ! "$@" >"$log" 2>&1; then cat "$log" >&2; rm -f "$log"; echo "build: failed: $*" >&2; exit 1; fi
  rm -f "$log"
}

echo "build: native (build/)"
[ -f build/CMakeCache.txt ] || step cmake -S . -B build -DCMAKE_BUILD_TYPE=Release
step cmake --build build -j "$jobs"

echo "build: WebAssembly (build-wasm/: SIMD, build-wasm/nosimd/: fallback)"
[ -f build-wasm/CMakeCache.txt ] || step emcmake cmake -S . -B build-wasm -DCMAKE_BUILD_TYPE=Release \
  -DEigen3_DIR=/usr/share/eigen3/cmake
step cmake --build build-wasm -j "$jobs"
# The fallback module for browsers without WASM SIMD (Safari before 16.4): same code, no -msimd128.
[ -f build-wasm/nosimd/CMakeCache.txt ] || step emcmake cmake -S . -B build-wasm/nosimd -DCMAKE_BUILD_TYPE=Release \
  -DEigen3_DIR=/usr/share/eigen3/cmake -DEMBPLAY_SIMD=OFF
step cmake --build build-wasm/nosimd -j "$jobs" --target embplay_module embplay_pe_module embplay_lite_module

echo "build: site (dist/)"
node web/build-site.mjs
