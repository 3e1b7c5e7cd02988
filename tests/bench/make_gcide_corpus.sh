#!/bin/sh
# Builds the benchmark corpus from GCIDE (Debian package dict-gcide), normalised like
# text8: lowercase, every character other than a-z becomes a space, runs of spaces
# squeezed; then broken into lines of 1000 words (gensim's corpus_file silently drops
# words past 10000 on one line, and word2vec.c splits sentences at 1000 words anyway).
#
#   tests/bench/make_gcide_corpus.sh [OUTPUT]      (default: build-bench/gcide.txt)
#
# Needs /usr/share/dictd/gcide.dict.dz: `apt-get install dict-gcide`. About 5.42M words.
set -eu
out=${1:-build-bench/gcide.txt}
src=/usr/share/dictd/gcide.dict.dz
if [ ! -r "$src" ]; then
  echo "make_gcide_corpus: $src not found (apt-get install dict-gcide)" >&2
  exit 2
fi
mkdir -p "$(dirname "$out")"
tmp="$out.tmp.$$"
trap 'rm -f "$tmp"' EXIT
# LC_ALL=C: tr works on bytes, so every non-ASCII byte becomes a space too.
LC_ALL=C gzip -dc "$src" |
  LC_ALL=C tr 'A-Z' 'a-z' |
  LC_ALL=C tr -c 'a-z' ' ' |
  LC_ALL=C tr -s ' ' '\n' |
  LC_ALL=C awk 'NF { printf "%s%s", $1, (++n % 1000 ? " " : "\n") } END { if (n % 1000) printf "\n" }' >"$tmp"
mv "$tmp" "$out"
trap - EXIT
echo "make_gcide_corpus: wrote $out ($(wc -w <"$out") words, $(wc -l <"$out") lines)" >&2
