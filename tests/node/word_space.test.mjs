// Module.createWordSpace (src/vectors/word_space.h) and the page's use of it (web/core/vector-queries.js):
// a space answers exactly as the one-off WordVectors questions do, keeps its vectors alive after
// the caller deletes them, names unknown words; loaded vectors build their space once for many
// questions, and a training run rebuilds it after each step (the vectors changed).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadRawModule } from './load_module.mjs';
import { LoadedVectors } from '../../web/core/loaded-vectors.js';
import { TrainingRun } from '../../web/core/training-run.js';

const mod = await loadRawModule();

// A seeded word2vec text file: `rows` words of `dim` values.
function vectorFile(rows, dim) {
  let seed = 5;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648 - 0.5;
  const lines = [`${rows} ${dim}`];
  for (let r = 0; r < rows; r++) lines.push(`w${r} ${Array.from({ length: dim }, () => next().toFixed(5)).join(' ')}`);
  return new TextEncoder().encode(lines.join('\n') + '\n');
}

test('a word space answers as the WordVectors do, and outlives the caller\'s handle', () => {
  const wv = mod.parseWord2Vec(vectorFile(300, 16));
  const space = mod.createWordSpace(wv);
  try {
    for (const metric of ['cosine', 'euclidean']) {
      assert.deepEqual(space.neighbors('w7', 10, metric), wv.neighbors('w7', 10, metric), metric);
    }
    assert.deepEqual(space.neighbors('w7', 10), wv.neighbors('w7', 10));
    assert.deepEqual(space.analogy('w1', 'w2', 'w3', 5), wv.analogy('w1', 'w2', 'w3', 5));
    const before = space.neighbors('w9', 4);
    wv.delete();
    assert.deepEqual(space.neighbors('w9', 4), before, 'the space shares the vectors, so they stay alive');
    assert.throws(() => space.neighbors('unicorn', 3), { name: 'Error', message: "'unicorn' is not in the vocabulary" });
    assert.throws(() => space.neighbors('w1', 0), { name: 'Error', message: 'k must be between 1 and 1000000' });
    assert.throws(() => space.neighbors('w1', 3, 'manhattan'), { name: 'Error', message: /unknown metric 'manhattan'/ });
  } finally {
    space.delete();
  }
});

test('loaded vectors build their space once; a training run rebuilds it after a step', () => {
  const loaded = new LoadedVectors(mod, vectorFile(200, 8));
  try {
    const first = loaded.neighbors('w3', 5);
    const space = loaded.space();
    assert.deepEqual(loaded.neighbors('w3', 5), first);
    assert.equal(loaded.space(), space, 'the same space answers the next question');
  } finally {
    loaded.delete();
  }
  const text = 'the king and the queen\nthe man and the woman\n'.repeat(2000);
  const run = new TrainingRun(mod, text, { size: 8, window: 2, negative: 2, epochs: 2, alpha: 0.05, minCount: 1, sample: 0, seed: 1 });
  try {
    run.step();
    assert.ok(!run.finished, 'more than one step');
    const before = run.neighbors('king', 3);
    const space = run.space();
    assert.equal(run.space(), space);
    while (!run.finished) run.step();
    assert.notEqual(run.space(), space, 'new vectors, new space');
    assert.ok(space.isDeleted(), 'the old space was freed');
    assert.equal(run.neighbors('king', 3).length, before.length);
  } finally {
    run.delete();
  }
});

test('WordVectors.rows copies a range of whole rows, and refuses one outside the words', () => {
  const wv = mod.parseWord2Vec(vectorFile(10, 4));
  try {
    assert.deepEqual(wv.rows(3, 2), wv.vectors().subarray(12, 20));
    assert.equal(wv.rows(10, 0).length, 0);
    for (const [first, count] of [[9, 2], [-1, 1], [1.5, 1]]) {
      assert.throws(() => wv.rows(first, count), { name: 'Error', message: 'rows(first, count): not a range of whole rows within the 10 words' });
    }
  } finally {
    wv.delete();
  }
});

test('the direction of word pairs: every word scored, unknown words and a lone pair named', () => {
  const wv = mod.parseWord2Vec(new TextEncoder().encode('4 2\ndog 1 0\ndogs 1 2\ncat 0.5 0\ncats 0.5 2\n'));
  const space = mod.createWordSpace(wv);
  try {
    const scores = space.direction([['dog', 'dogs']]);
    assert.deepEqual(Array.from(scores), [0, 2, 0, 2]);
    assert.throws(() => space.direction([['dog', 'wolves']]), { name: 'Error', message: "'wolves' is not in the vocabulary" });
    assert.throws(() => space.direction([['dog']]), { name: 'Error', message: 'direction(pairs): each pair must be two words' });
    assert.throws(() => space.direction('dog dogs'), { name: 'Error', message: 'direction(pairs): pairs must be an array of [a, b] word pairs' });
  } finally {
    space.delete();
    wv.delete();
  }
});
