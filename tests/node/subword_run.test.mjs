// The page's training driver (web/core/training-run.js) with skip-gram and subwords on the
// built-in Korean corpus: a form the corpus never had gets neighbours from its n-grams, its
// pieces and their shares; the .bin export reads back; settings are checked.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadRawModule, root } from './load_module.mjs';
import { TrainingRun } from '../../web/core/training-run.js';
import { SUBWORD_DEFAULTS, TRAINING_DEFAULTS, checkTrainingSettings } from '../../web/core/training-settings.js';

const mod = await loadRawModule();
const corpus = readFileSync(join(root, 'assets/corpus-ko.txt'), 'utf8');

function trainToEnd(settings) {
  const run = new TrainingRun(mod, corpus, { ...TRAINING_DEFAULTS, ...SUBWORD_DEFAULTS, ...settings }, { sliceMs: 50 });
  while (!run.finished) run.step();
  return run;
}

test('with subwords an unseen form answers from its n-grams, with its pieces and their shares', () => {
  const run = trainToEnd({ subwords: true, arch: 'skipgram' });
  try {
    assert.deepEqual([run.info().arch, run.info().subwords], ['skipgram', true]);
    // A frequent word of the corpus with a particle the corpus writes apart: never seen attached.
    const stem = run.words.find((w) => [...w].length >= 2 && !run.words.includes(`${w}에게`));
    const unseen = `${stem}에게`;
    const pieces = run.wordPieces(unseen);
    assert.equal(pieces.seen, false);
    assert.ok(pieces.pieces.length > 0 && pieces.pieces.every((p) => !p.wholeWord));
    const total = pieces.pieces.reduce((s, p) => s + p.share, 0);
    assert.ok(Math.abs(total - 1) < 1e-4, `shares sum to ${total}`);
    const near = run.neighbors(unseen, 5);
    assert.equal(near.length, 5);
    // Its stem shares its n-grams: it is among the nearest words.
    assert.ok(near.some((n) => n.word === stem), `${stem} not among ${near.map((n) => n.word)}`);
    const row = run.lookup(unseen);
    assert.equal(row.id, -1);
    assert.equal(row.row.length, run.dim);
    assert.ok(run.wordPieces(stem).seen);
    assert.equal(run.wordPieces(stem).pieces[0].wholeWord, true);
    const file = run.exportFile('fasttext-bin');
    assert.equal(file.name, 'model.bin');
    const back = mod.parseFastTextBin(file.data);
    assert.equal(back.size(), run.words.length);
    back.delete();
  } finally {
    run.delete();
  }
});

test('without subwords an unseen form is an error, as before', () => {
  const run = trainToEnd({ epochs: 1 });
  try {
    assert.throws(() => run.neighbors('없는단어에게', 5), /'없는단어에게' is not in the vocabulary/);
    assert.deepEqual(run.wordPieces('없는단어에게'), { word: '없는단어에게', seen: false, pieces: [] });
    assert.throws(() => run.exportFile('fasttext-bin'), /this run has no subwords/);
  } finally {
    run.delete();
  }
});

test('subword settings are checked only with subwords', () => {
  const base = { ...TRAINING_DEFAULTS, ...SUBWORD_DEFAULTS };
  assert.equal(checkTrainingSettings(base), null);
  assert.equal(checkTrainingSettings({ ...base, minn: 9 }), null);
  assert.deepEqual(checkTrainingSettings({ ...base, subwords: true, minn: 5, maxn: 4 }), { field: 'minn', value: 5, min: 1, max: 4, integer: true });
  assert.equal(checkTrainingSettings({ ...base, subwords: true, maxn: 21 }).field, 'maxn');
  assert.equal(checkTrainingSettings({ ...base, subwords: true, bucket: 0 }).field, 'bucket');
  assert.deepEqual(checkTrainingSettings({ ...base, arch: 'sg' }), { field: 'arch', value: 'sg', choices: ['cbow', 'skipgram'] });
});

// The side-by-side comparison's table (web/app/compare-view.js) asks for these.
test('similarities of word pairs: the neighbour scores, null for a word whole words never saw', () => {
  const attached = readFileSync(join(root, 'assets/corpus-ko-attached.txt'), 'utf8');
  const settings = { ...TRAINING_DEFAULTS, ...SUBWORD_DEFAULTS, minn: 2, maxn: 4 };
  const train = (subwords) => {
    const run = new TrainingRun(mod, attached, { ...settings, subwords }, { sliceMs: 50 });
    while (!run.finished) run.step();
    return run;
  };
  const sub = train(true);
  const whole = train(false);
  try {
    assert.equal(whole.words.includes('왕과'), false);
    // With subwords: each neighbour's score (the core's cosine) is its similarity to the query.
    for (const [run, query] of [[sub, '왕과'], [sub, '왕은'], [whole, '왕은']]) {
      const near = run.neighbors(query, 5);
      const sims = run.similarities(near.map((n) => [query, n.word]));
      near.forEach((n, i) => assert.ok(Math.abs(sims[i] - n.score) < 1e-5, `${query} ${n.word}: ${sims[i]} vs ${n.score}`));
    }
    const pairs = [['왕은', '왕과'], ['왕은', '왕이'], ['왕은', '왕은']];
    const [unseen, seen, self] = whole.similarities(pairs);
    assert.equal(unseen, null);
    assert.ok(seen > -1 && seen < 1);
    assert.ok(Math.abs(self - 1) < 1e-6);
    assert.ok(sub.similarities(pairs).every((s) => typeof s === 'number'));
    assert.equal(sub.hasVector('왕과'), true);
    assert.equal(whole.hasVector('왕과'), false);
  } finally {
    sub.delete();
    whole.delete();
  }
});
