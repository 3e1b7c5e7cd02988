#!/bin/bash
# CBOW benchmark (issue 3): gensim, fastText and ours (native, WASM in Node, WASM in headless
# Chromium) on the GCIDE corpus, one system after another; prints a markdown table and writes
# it to build-bench/cbow_bench.md. Not a test and not in CI: it takes several minutes.
#
#   tests/bench/cbow_bench.sh
#   EPOCHS=1 BATCHES="1 16" WASM_BATCHES=16 SYSTEMS="gensim native" tests/bench/cbow_bench.sh   (quicker)
#   ARCH=skipgram tests/bench/cbow_bench.sh              (issue 12: skip-gram against gensim sg=1 and fastText)
#   SUBWORDS=1 [ARCH=skipgram] tests/bench/cbow_bench.sh (issue 12: subwords against fastText minn 3 maxn 6)
#
# Needs the native and WASM builds (web/build.sh), and the peers and corpus from
# `web/install-deps.sh bench` (python3-gensim, fasttext, dict-gcide, chromium). The settings and
# the columns are described in tests/bench/cbow_bench.py.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
out="${BENCH_DIR:-$root/build-bench}"

need() { [ -e "$1" ] || { echo "cbow_bench: $1 not found ($2)" >&2; exit 2; }; }
need "$root/build/embplay" "build the native CLI: cmake --build build"
need "$root/build-wasm/embplay.js" "build the WASM CLI: cmake --build build-wasm"
need "$root/build-wasm/wasm-bindings/embplay_module.mjs" "build the WASM module: cmake --build build-wasm"
need /usr/bin/time "apt-get install time"
for p in fasttext /usr/bin/chromium; do
  command -v "$p" >/dev/null || { echo "cbow_bench: $p not found (web/install-deps.sh bench)" >&2; exit 2; }
done
/usr/bin/python3 -c 'import gensim' 2>/dev/null || { echo "cbow_bench: python3-gensim not found (web/install-deps.sh bench)" >&2; exit 2; }

mkdir -p "$out"
[ -s "$out/gcide.txt" ] || sh "$root/tests/bench/make_gcide_corpus.sh" "$out/gcide.txt"
rm -f "$out/cbow_bench.jsonl"
exec /usr/bin/python3 "$root/tests/bench/cbow_bench.py"
