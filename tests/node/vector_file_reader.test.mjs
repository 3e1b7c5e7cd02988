// The incremental word2vec reader on the WASM module (Module.createWord2VecReader, src/vectors/word2vec_reader.h)
// and the worker's driver over it (web/core/vector-file-reader.js): files gensim writes, read in
// slices, give exactly what the one-shot parseWord2Vec gives; progress counts rows (bytes for
// GloVe's header-less text); the slice size adapts to the measured speed; a broken file fails with
// parseWord2Vec's message and the reader is spent; LoadedVectors over a sliced read answers alike.
// The gensim files need Debian's python3-gensim (skipped, with the reason, without it, except under tests/run.sh: peers.mjs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadRawModule, root } from './load_module.mjs';
import { VectorFileReader } from '../../web/core/vector-file-reader.js';
import { LoadedVectors } from '../../web/core/loaded-vectors.js';
import { gensimSkip, python } from './peers.mjs';

const mod = await loadRawModule();
const dir = mkdtempSync(join(tmpdir(), 'embplay-reader-'));
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));

function oneShot(bytes) {
  const v = mod.parseWord2Vec(bytes);
  try {
    return { words: mod.wordVectorsWords(v), dim: v.dim(), vectors: v.vectors() };
  } finally {
    v.delete();
  }
}

// Reads `bytes` `rows` at a time, checking the progress on the way; { words, dim, vectors, calls }.
function sliced(bytes, rows) {
  const reader = mod.createWord2VecReader(bytes);
  try {
    let calls = 0;
    let fraction = 0;
    let p;
    do {
      p = reader.read(rows);
      calls++;
      assert.ok(p.fraction >= fraction && p.fraction <= 1, `fraction ${p.fraction} after ${fraction}`);
      assert.equal(p.rowsRead, Math.min(p.rowsExpected, calls * rows));
      fraction = p.fraction;
    } while (!p.done);
    assert.equal(fraction, 1);
    const v = reader.finish();
    try {
      return { words: mod.wordVectorsWords(v), dim: v.dim(), vectors: v.vectors(), calls };
    } finally {
      v.delete();
    }
  } finally {
    reader.delete();
  }
}

// A gensim KeyedVectors of `words` x `dim`, saved with save_word2vec_format.
function gensimFile(format, words, dim) {
  const file = join(dir, `gensim-${words}.${format}`);
  const script = `
import numpy as np
from gensim.models import KeyedVectors
rng = np.random.default_rng(7)
words = ["w%d" % i if i % 3 else "단어%d" % i for i in range(${words})]
kv = KeyedVectors(vector_size=${dim})
kv.add_vectors(words, rng.standard_normal((${words}, ${dim})).astype(np.float32))
kv.save_word2vec_format(${JSON.stringify(file)}, binary=${format === 'binary' ? 'True' : 'False'})
`;
  const r = spawnSync(python, ['-c', script]);
  assert.equal(r.status, 0, r.stderr.toString());
  return readFileSync(file);
}

for (const format of ['binary', 'text']) {
  test(`gensim's ${format} file read in slices of 1, 7 and all rows = parseWord2Vec`, { skip: gensimSkip }, () => {
    const bytes = gensimFile(format, 300, 24);
    const expected = oneShot(bytes);
    assert.equal(expected.words.length, 300);
    assert.equal(expected.words[3], '단어3');
    for (const rows of [1, 7, 300]) {
      const got = sliced(bytes, rows);
      assert.equal(got.calls, Math.ceil(300 / rows));
      assert.deepEqual(got.words, expected.words);
      assert.equal(got.dim, 24);
      assert.deepEqual(got.vectors, expected.vectors);
    }
  });
}

test('GloVe text without a header: the fraction is the bytes read', () => {
  const lines = ['the 0.5 -1 2.5', 'king 1e-3 0 -0.25', 'a-much-longer-word 3 4 5'];
  const bytes = new TextEncoder().encode(lines.join('\n') + '\n');
  const reader = mod.createWord2VecReader(bytes);
  try {
    assert.equal(reader.dim(), 3);
    assert.deepEqual(reader.progress(), { rowsRead: 0, rowsExpected: 3, fraction: 0, done: false });
    assert.equal(reader.read(1).fraction, (lines[0].length + 1) / bytes.length);
    assert.equal(reader.read(1).fraction, (lines[0].length + lines[1].length + 2) / bytes.length);
    assert.deepEqual(reader.read(1), { rowsRead: 3, rowsExpected: 3, fraction: 1, done: true });
    const v = reader.finish();
    assert.deepEqual(mod.wordVectorsWords(v), ['the', 'king', 'a-much-longer-word']);
    v.delete();
    assert.throws(() => reader.finish(), { message: 'word2vec reader: used after finish()' });
  } finally {
    reader.delete();
  }
});

test('a broken file fails with parseWord2Vec\'s message, in the first slice or a later one; the reader is then spent', () => {
  const enc = (s) => new TextEncoder().encode(s);
  const cases = [
    ['hello world\nthis is not a vector file\n', /^word2vec file: bad header/],
    ['1000000 300\na 1 2\n', /too short to hold them/],
    ['3 2\na 1 2\nb 3 4\n', /^word2vec file: the header declares 3 words but the file ends after 2$/],
    ['3 2\na 1 2\nb 3 x\nc 5 6\n', /^word2vec file: record 2 \('b'\): value 2 \('x'\) is not a number$/],
    ['2 1\na 1\na 2\n', /^word vectors: the word 'a' appears twice \(rows 0 and 1\)$/],
  ];
  for (const [text, message] of cases) {
    assert.throws(() => mod.parseWord2Vec(enc(text)), { message });
    assert.throws(() => {
      const reader = mod.createWord2VecReader(enc(text));
      try {
        while (!reader.read(1).done);
        reader.finish().delete();
      } finally {
        reader.delete();
      }
    }, { message });
  }
  const reader = mod.createWord2VecReader(enc('3 2\na 1 2\nb 3 x\nc 5 6\n'));
  assert.equal(reader.read(1).rowsRead, 1);
  assert.throws(() => reader.read(1), /value 2 \('x'\) is not a number/);
  assert.throws(() => reader.read(1), { message: 'word2vec reader: used after an error or after finish()' });
  assert.throws(() => reader.read(0), { message: 'read(n): n must be between 1 and 1000000000' });
  reader.delete();
  assert.throws(() => mod.createWord2VecReader(42), /expected the file's bytes/);
});

test('VectorFileReader adapts its rows per slice to the clock and hands over LoadedVectors that answer alike', () => {
  const words = 2000;
  const dim = 16;
  const header = new TextEncoder().encode(`${words} ${dim}\n`);
  const parts = [header];
  let seed = 3;
  for (let r = 0; r < words; r++) {
    const row = Float32Array.from({ length: dim }, () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648) - 0.5);
    parts.push(new TextEncoder().encode(`w${r} `), new Uint8Array(row.buffer), new TextEncoder().encode('\n'));
  }
  const bytes = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  parts.reduce((at, p) => (bytes.set(p, at), at + p.length), 0);

  // A fake clock: every read takes 50 ms, twice the 25 ms slice, so the rows per slice halve.
  let t = 0;
  const clock = () => (t += 50);
  const file = new VectorFileReader(mod, bytes, { sliceMs: 25, rows: 400 });
  const seen = [];
  let loaded;
  try {
    assert.deepEqual(file.progress, { fraction: 0, rows: 0, totalRows: words, done: false });
    while (!file.step(clock).done) seen.push({ ...file.progress, rows: file.progress.rows, next: file.rows });
    assert.deepEqual(seen.slice(0, 3).map((s) => s.rows), [400, 600, 700]);
    assert.deepEqual(seen.slice(0, 3).map((s) => s.next), [200, 100, 50]);
    assert.ok(seen.every((s, i) => i === 0 || s.fraction > seen[i - 1].fraction));
    assert.equal(file.progress.rows, words);
    loaded = new LoadedVectors(mod, file.finish());
  } finally {
    file.delete();
  }
  const reference = new LoadedVectors(mod, bytes);
  try {
    assert.deepEqual(loaded.words, reference.words);
    assert.deepEqual(loaded.matrix(), reference.matrix());
    assert.deepEqual(loaded.neighbors('w7', 5), reference.neighbors('w7', 5));
    assert.equal(loaded.words.length, words);
  } finally {
    loaded.delete();
    reference.delete();
  }
});

test('in WASM too: -0 keeps its sign, ties round to even, and %.9g text reads back to the same floats', () => {
  const v = mod.parseWord2Vec(new TextEncoder().encode('1 5\na -0 16777217 16777219 0.1 -3.4028235e38\n'));
  const x = v.vectors();
  v.delete();
  assert.ok(Object.is(x[0], -0), 'negative zero');
  assert.deepEqual(Array.from(x.subarray(1)), [16777216, 16777220, Math.fround(0.1), -3.4028234663852886e38]);

  // Floats of every magnitude as binary, written as text by the module, read back bit for bit.
  const words = 500;
  const dim = 8;
  let seed = 11;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const values = Float32Array.from({ length: words * dim }, () => (next() - 0.5) * 10 ** Math.floor(next() * 60 - 30));
  const head = new TextEncoder().encode(`${words} ${dim}\n`);
  const rows = [];
  for (let r = 0; r < words; r++) {
    rows.push(new TextEncoder().encode(`w${r} `), new Uint8Array(values.buffer.slice(r * dim * 4, (r + 1) * dim * 4)), new TextEncoder().encode('\n'));
  }
  const binary = new Uint8Array([...head, ...rows.flatMap((p) => [...p])]);
  const fromBinary = mod.parseWord2Vec(binary);
  const text = fromBinary.toWord2Vec(false);
  fromBinary.delete();
  const reader = mod.createWord2VecReader(text);
  while (!reader.read(37).done);
  const fromText = reader.finish();
  reader.delete();
  assert.deepEqual(new Uint32Array(fromText.vectors().buffer), new Uint32Array(values.buffer));
  fromText.delete();
});
