#!/bin/sh
# How the expected hashes in subword_hash_test.cpp were obtained from Debian's fastText
# 0.9.2 itself (fastText prints no hashes, so they are recovered from the rows it uses).
# For each out-of-vocabulary word w, train with minn = maxn = the length of <w> in code
# points, so w has exactly one n-gram, <w>; print-word-vectors then returns that n-gram's
# input row, which `fasttext dump` locates: row - nwords = hash(<w>) mod bucket. Two bucket
# counts (65536 and 65521, product > 2^32) give the hash by the Chinese remainder theorem.
# -thread 10: fastText 0.9.2 initialises only one tenth of the input matrix per thread, so
# with one thread most bucket rows stay zero and cannot be told apart.
# Run: sh tests/unit/fasttext/fasttext_hash_probe.sh   (prints "<cab> 3957882543" etc.)
set -e
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
cd "$dir"
python3 -c "
import random
random.seed(1)
w = 'king queen man woman 왕은 왕을 왕이 the a of cat dog'.split()
print('\n'.join(' '.join(random.choice(w) for _ in range(12)) for _ in range(300)))" > tiny.txt
for w in cab 왕과 😀 b; do
  n=$(python3 -c "import sys; print(len(sys.argv[1]) + 2)" "$w")
  for b in 65536 65521; do
    fasttext skipgram -input tiny.txt -output probe -minCount 1 -bucket $b -dim 4 -epoch 1 -thread 10 -verbose 0 -minn $n -maxn $n
    echo "$w" | fasttext print-word-vectors probe.bin > vec.txt
    fasttext dump probe.bin input > dump.txt
    python3 - "$b" <<'PY'
import sys
b = int(sys.argv[1])
v = [float(x) for x in open('vec.txt').read().split()[1:]]
rows = [l.split() for l in open('dump.txt').read().splitlines()[1:]]
nwords = len(rows) - b
best = min(range(len(rows)), key=lambda i: sum((float(a) - c) ** 2 for a, c in zip(rows[i], v)))
open('rows.txt', 'a').write(f"{b} {best - nwords}\n")
PY
  done
  python3 - "$w" <<'PY'
import sys
(b1, r1), (b2, r2) = [tuple(map(int, l.split())) for l in open('rows.txt').read().splitlines()[-2:]]
h = next(r1 + b1 * k for k in range(b2) if (r1 + b1 * k) % b2 == r2)
print(f"<{sys.argv[1]}> {h}")
PY
done
