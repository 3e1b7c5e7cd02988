// The page's training driver (web/core/training-run.js) and the PCA binding on the WASM
// module: time-sliced steps adapt their chunk and reach the end, the projection keeps its
// axes' signs from frame to frame, questions answer with scores, and bad input gives
// Errors with messages (never a crash). Exported files read back (LoadedVectors) answer the
// same questions the same way.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadRawModule, root } from './load_module.mjs';
import { TrainingRun } from '../../web/core/training-run.js';
import { LoadedVectors } from '../../web/core/loaded-vectors.js';
import { TRAINING_DEFAULTS, checkTrainingSettings } from '../../web/core/training-settings.js';

const mod = await loadRawModule();
const corpus = readFileSync(join(root, 'assets/corpus-en.txt'), 'utf8');

test('a run trains in slices to the end; the projection follows; questions answer', () => {
  const run = new TrainingRun(mod, corpus, TRAINING_DEFAULTS, { sliceMs: 10 });
  try {
    const info = run.info();
    assert.equal(info.dim, 50);
    assert.equal(info.vocabSize, run.words.length);
    assert.equal(run.counts.length, run.words.length);
    assert.ok(run.counts[0] >= run.counts.at(-1), 'words are by count');
    let steps = 0;
    run.projection(100);
    let previousAxes = run.axes;
    let flips = 0;
    while (!run.finished) {
      const p = run.step();
      steps++;
      assert.ok(p.wordsDone <= p.totalWords);
      if (steps % 5 === 0) {
        const next = run.projection(100);
        assert.equal(next.coords.length, 200);
        // Each frame's axes point the same way as the last frame's (the previous axes are passed on).
        for (let axis = 0; axis < 2; axis++) {
          let dot = 0;
          for (let j = 0; j < 50; j++) dot += run.axes[axis * 50 + j] * previousAxes[axis * 50 + j];
          if (dot < 0) flips++;
        }
        previousAxes = run.axes;
      }
    }
    assert.ok(steps > 3, `${steps} steps`);
    assert.equal(flips, 0, 'an axis flipped between frames');
    const final = run.projection(5000);
    assert.equal(final.rows, run.words.length);
    assert.ok(final.explained[0] >= final.explained[1] && final.explained[1] > 0);

    const near = run.neighbors('dogs', 5);
    assert.equal(near.length, 5);
    assert.ok(near.every((n) => n.score <= 1 && n.score > -1 && n.word !== 'dogs'));
    assert.equal(run.analogy('man', 'king', 'woman', 1)[0].word, 'queen');
    const ranked = run.direction([['dog', 'dogs'], ['cat', 'cats']]);
    assert.equal(ranked.length, run.words.length);
    for (let i = 1; i < ranked.length; i++) assert.ok(ranked[i - 1].score >= ranked[i].score);
    const king = run.lookup('king');
    assert.equal(king.id, run.words.indexOf('king'));
    assert.deepEqual(king.row, run.matrix().subarray(king.id * 50, king.id * 50 + 50));
    assert.throws(() => run.lookup('unicorn'), /'unicorn' is not in the vocabulary/);
    assert.throws(() => run.neighbors('unicorn', 5), /'unicorn' is not in the vocabulary/);
    assert.throws(() => run.direction([['dog', 'unicorns']]), /'unicorns' is not in the vocabulary/);
  } finally {
    run.delete();
  }
});

test('bad settings and texts give messages that name the problem', () => {
  assert.equal(checkTrainingSettings(TRAINING_DEFAULTS), null);
  assert.deepEqual(checkTrainingSettings({ ...TRAINING_DEFAULTS, size: 0 }), { field: 'size', value: 0, min: 1, max: 300, integer: true });
  assert.equal(checkTrainingSettings({ ...TRAINING_DEFAULTS, alpha: NaN }).field, 'alpha');
  assert.equal(checkTrainingSettings({ ...TRAINING_DEFAULTS, window: 2.5 }).field, 'window');
  assert.throws(() => new TrainingRun(mod, '', TRAINING_DEFAULTS), /empty/);
  assert.throws(() => new TrainingRun(mod, corpus, { ...TRAINING_DEFAULTS, minCount: 1e6 }), /min_count 1000000 removes every word/);
  assert.throws(() => new TrainingRun(mod, corpus, { ...TRAINING_DEFAULTS, alpha: 5 }), /alpha/);
});

test('pcaProject: shapes, orientation from previous axes, errors', () => {
  const x = new Float32Array([0, 0, 1, 2, 2, 4, 3, 6.5]);
  const p = mod.pcaProject(x, 4, 2, 2, undefined);
  assert.equal(p.coords.length, 8);
  assert.equal(p.axes.length, 4);
  assert.ok(p.explained[0] > 0.99);
  const flipped = Float32Array.from(p.axes, (v, i) => (i < 2 ? -v : v));
  const q = mod.pcaProject(x, 4, 2, 2, flipped);
  assert.ok(Math.abs(q.coords[0] + p.coords[0]) < 1e-5, 'first axis follows the previous one');
  assert.throws(() => mod.pcaProject(x, 4, 2, 3, undefined), /PCA components must be between 1 and 2, got 3/);
  assert.throws(() => mod.pcaProject(x, 3, 2, 2, undefined), /expected 6 numbers/);
  assert.throws(() => mod.pcaProject(new Float32Array([NaN, 1]), 1, 2, 1, undefined), /not finite/);
});

test('exported files: word2vec read back as LoadedVectors answers alike; TSV and CSV shapes', () => {
  const run = new TrainingRun(mod, corpus, TRAINING_DEFAULTS);
  let loaded;
  try {
    while (!run.finished) run.step();
    const n = run.words.length;
    const text = run.exportFile('word2vec');
    const binary = run.exportFile('word2vec-binary');
    assert.equal(text.name, 'vectors.txt');
    loaded = new LoadedVectors(mod, binary.data);
    assert.deepEqual(loaded.words, run.words);
    assert.equal(loaded.counts, null);
    assert.deepEqual(loaded.matrix(), run.matrix());
    assert.deepEqual(loaded.neighbors('king', 5), run.neighbors('king', 5));
    assert.deepEqual(loaded.analogy('man', 'king', 'woman', 3), run.analogy('man', 'king', 'woman', 3));
    assert.deepEqual(loaded.direction([['dog', 'dogs']]).slice(0, 5), run.direction([['dog', 'dogs']]).slice(0, 5));
    const p = loaded.projection(100);
    assert.equal(p.coords.length, 200);
    assert.equal(loaded.exportFile('word2vec').data.length, text.data.length);

    const tsv = run.exportFile('vectors.tsv').data.trimEnd().split('\n');
    const meta = run.exportFile('metadata.tsv').data.trimEnd().split('\n');
    assert.equal(tsv.length, n);
    assert.deepEqual(meta, run.words);
    assert.deepEqual(tsv[0].split('\t').map(Number), Array.from(run.matrix().subarray(0, 50)));
    const csv = run.exportFile('coordinates.csv').data.trimEnd().split('\n');
    assert.equal(csv.length, n + 1);
    assert.equal(csv[1].split(',')[0], run.words[0]);
    assert.equal(Number(csv[1].split(',')[1]), run.counts[0]);
    assert.throws(() => run.exportFile('xml'), /unknown export format 'xml'/);
    assert.throws(() => new LoadedVectors(mod, new TextEncoder().encode('hello world\n')), /bad header/);
  } finally {
    run.delete();
    loaded?.delete();
  }
});

test('createTsne: steps, coordinates, a seed repeats, errors', () => {
  const rows = 40;
  const dim = 8;
  const x = new Float32Array(rows * dim);
  for (let r = 0; r < rows; r++) for (let j = 0; j < dim; j++) x[r * dim + j] = (j === r % 2 ? 1 : 0) + 0.1 * Math.sin(r * 7 + j);
  const a = mod.createTsne(x, rows, dim, { perplexity: 5, seed: 3 });
  const b = mod.createTsne(x, rows, dim, { perplexity: 5, seed: 3 });
  try {
    a.step(100);
    b.step(60);
    b.step(40);
    assert.equal(a.iteration(), 100);
    const ya = a.coords();
    assert.equal(ya.length, rows * 2);
    assert.deepEqual(ya, b.coords());
    // Two groups (even and odd rows): each point's nearest point on the map is in its group.
    for (let i = 0; i < rows; i++) {
      let best = -1;
      let bestD = Infinity;
      for (let j = 0; j < rows; j++) {
        const d = (ya[2 * i] - ya[2 * j]) ** 2 + (ya[2 * i + 1] - ya[2 * j + 1]) ** 2;
        if (j !== i && d < bestD) { bestD = d; best = j; }
      }
      assert.equal(best % 2, i % 2, `row ${i}`);
    }
    assert.throws(() => a.step(0), /t-SNE steps must be between 1 and 100000/);
  } finally {
    a.delete();
    b.delete();
  }
  assert.throws(() => mod.createTsne(new Float32Array(4), 2, 2, {}), /t-SNE needs between 3 and 2000 points, got 2/);
  assert.throws(() => mod.createTsne(new Float32Array(9), 3, 3, { perplexity: 'a' }), /perplexity must be a number/);
});
