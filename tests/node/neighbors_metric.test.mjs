// Nearest neighbours by metric (issue 4 §5, "Euclidean as an option"): the WASM module's
// neighbors(word, k, 'euclidean') and the page's VectorQueries give the native CLI's
// `embplay neighbors --metric euclidean` list on the same file; cosine stays the default;
// a bad metric is an Error in JS and a one-line error with exit 2 in the CLI.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadRawModule } from './load_module.mjs';
import { runCli } from './native.mjs';
import { LoadedVectors } from '../../web/core/loaded-vectors.js';

const dir = mkdtempSync(join(tmpdir(), 'embplay-metric-'));
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
const mod = await loadRawModule();

// A word2vec text file of `n` words whose rows have different lengths (a seeded LCG), so
// cosine and Euclidean rank them differently.
function vectorFile(n = 200, dim = 8) {
  let seed = 5;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const lines = [`${n} ${dim}`];
  for (let i = 0; i < n; i++) {
    const scale = 0.2 + 3 * next();
    const row = Array.from({ length: dim }, () => (scale * (2 * next() - 1)).toFixed(5));
    lines.push(`w${i} ${row.join(' ')}`);
  }
  return lines.join('\n') + '\n';
}

const file = join(dir, 'vectors.txt');
writeFileSync(file, vectorFile());
const bytes = new Uint8Array(readFileSync(file));

// The CLI's 'word<TAB>score' lines as [word, score].
function cliNeighbors(word, k, metric) {
  const args = ['neighbors', '--vectors', file, '--word', word, '-k', String(k), ...(metric ? ['--metric', metric] : [])];
  const r = runCli(args);
  assert.equal(r.status, 0, r.stderr);
  return r.stdout.trim().split('\n').map((line) => line.split('\t')).map(([w, s]) => [w, Number(s)]);
}

function assertSameList(fromModule, fromCli) {
  assert.deepEqual(fromModule.map((n) => n.word), fromCli.map(([w]) => w));
  fromModule.forEach((n, i) => assert.ok(Math.abs(n.score - fromCli[i][1]) < 2e-6, `${n.word}: ${n.score} vs ${fromCli[i][1]}`));
}

test("neighbors(word, k, 'euclidean') is the native CLI's --metric euclidean list", () => {
  const v = mod.parseWord2Vec(bytes);
  try {
    for (const word of ['w0', 'w17', 'w199']) {
      const euclid = v.neighbors(word, 15, 'euclidean');
      assertSameList(euclid, cliNeighbors(word, 15, 'euclidean'));
      for (let i = 1; i < euclid.length; i++) assert.ok(euclid[i - 1].score <= euclid[i].score, 'distances increase');
      assert.ok(!euclid.some((n) => n.word === word), 'the word itself is excluded');
      const cosine = v.neighbors(word, 15, 'cosine');
      assertSameList(cosine, cliNeighbors(word, 15));
      assert.deepEqual(v.neighbors(word, 15), cosine, 'cosine is the default');
      assert.notDeepEqual(euclid.map((n) => n.word), cosine.map((n) => n.word), 'the metrics rank differently here');
    }
  } finally {
    v.delete();
  }
});

test('the page API (VectorQueries) passes the metric on', () => {
  const loaded = new LoadedVectors(mod, bytes);
  try {
    assertSameList(loaded.neighbors('w3', 10, 'euclidean'), cliNeighbors('w3', 10, 'euclidean'));
    assertSameList(loaded.neighbors('w3', 10), cliNeighbors('w3', 10, 'cosine'));
  } finally {
    loaded.delete();
  }
});

test('a bad metric is an Error in JS and a one-line error (exit 2) in the CLI', () => {
  const v = mod.parseWord2Vec(bytes);
  try {
    assert.throws(() => v.neighbors('w0', 5, 'manhattan'), (e) => e instanceof Error && /unknown metric 'manhattan' \(expected cosine or euclidean\)/.test(e.message));
    assert.throws(() => v.neighbors('w0', 5, 3), (e) => e instanceof Error && /metric must be 'cosine' or 'euclidean'/.test(e.message));
    assert.equal(v.neighbors('w0', 5, null).length, 5, 'null means the default');
  } finally {
    v.delete();
  }
  const r = runCli(['neighbors', '--vectors', file, '--word', 'w0', '--metric', 'manhattan']);
  assert.equal(r.status, 2);
  assert.equal(r.stdout, '');
  assert.equal(r.stderr, "embplay neighbors: unknown metric 'manhattan' (expected cosine or euclidean)\n");
});
