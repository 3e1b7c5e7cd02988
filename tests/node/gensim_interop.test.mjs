// word2vec files between embplay and gensim (Debian's python3-gensim) and fastText:
// files we write load in gensim with the same words and bit-identical vectors, and files
// gensim and fastText write load in ours. Skipped, with the reason printed, when
// /usr/bin/python3 has no gensim or fasttext is not installed, except under tests/run.sh (peers.mjs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { root, loadRawModule } from './load_module.mjs';
import { runCli } from './native.mjs';
import { fastTextSkip, gensimSkip, python } from './peers.mjs';

const helper = join(root, 'tests/node/fixtures/gensim_interop.py');
const dir = mkdtempSync(join(tmpdir(), 'embplay-interop-'));
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
const mod = await loadRawModule();

function corpus() {
  const groups = [['red', 'green', 'blue', 'pink'], ['one', 'two', 'three', 'four'], ['cat', 'dog', 'cow', 'hen']];
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const lines = [];
  for (let l = 0; l < 300; l++) {
    const g = groups[Math.floor(next() * groups.length)];
    lines.push(Array.from({ length: 10 }, () => g[Math.floor(next() * g.length)]).join(' '));
  }
  return lines.join('\n') + '\n';
}

function gensim(mode, file, format) {
  const r = spawnSync(python, [helper, mode, file, format], { maxBuffer: 1 << 26 });
  assert.equal(r.status, 0, r.stderr.toString());
  return JSON.parse(r.stdout.toString());
}

function ours(file) {
  const v = mod.parseWord2Vec(readFileSync(file));
  const words = Array.from({ length: v.size() }, (_, i) => v.word(i));
  const flat = v.vectors();
  const dim = v.dim();
  v.delete();
  return { words, vectors: words.map((_, i) => Array.from(flat.subarray(i * dim, (i + 1) * dim))) };
}

for (const format of ['text', 'binary']) {
  test(`gensim loads our ${format} file with the same words and vectors`, { skip: gensimSkip }, () => {
    const input = join(dir, 'corpus.txt');
    writeFileSync(input, corpus());
    const out = join(dir, `ours.${format}`);
    const args = ['train', '--input', input, '--output', out, '--size', '8', '--min-count', '1', '--epochs', '1'];
    const r = runCli(format === 'binary' ? [...args, '--binary'] : args);
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(gensim('load', out, format), ours(out));
  });

  test(`we load gensim's ${format} file`, { skip: gensimSkip }, () => {
    const file = join(dir, `gensim.${format}`);
    const expected = gensim('save', file, format);
    assert.deepEqual(ours(file), expected);
    const r = runCli(['neighbors', '--vectors', file, '--word', 'café', '-k', '3']);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout.trim().split('\n').length, 3);
  });
}

test("we load fastText's .vec file", { skip: fastTextSkip }, () => {
  const input = join(dir, 'ft.txt');
  writeFileSync(input, corpus());
  const prefix = join(dir, 'ft');
  const r = spawnSync('fasttext', ['cbow', '-input', input, '-output', prefix, '-dim', '8', '-epoch', '1', '-minCount', '1',
    '-minn', '0', '-maxn', '0', '-thread', '1', '-verbose', '0']);
  assert.equal(r.status, 0, r.stderr.toString());
  const vec = readFileSync(`${prefix}.vec`, 'utf8');
  const header = vec.split('\n')[0].trim().split(' ').map(Number);
  const loaded = ours(`${prefix}.vec`);
  assert.equal(loaded.words.length, header[0]);
  assert.equal(loaded.vectors[0].length, header[1]);
  assert.ok(loaded.words.includes('</s>') && loaded.words.includes('cat'));
  const n = runCli(['neighbors', '--vectors', `${prefix}.vec`, '--word', 'cat', '-k', '2']);
  assert.equal(n.status, 0, n.stderr);
});
