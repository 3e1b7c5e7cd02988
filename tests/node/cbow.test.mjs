// The CBOW trainer across builds: the native CLI, the WASM CLI (node build-wasm/embplay.js) and
// the WASM module give bit-identical vectors for a seed; bad input gives one-line errors (exit 2
// in the CLIs, an Error in JS) and leaves no output file behind.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadRawModule } from './load_module.mjs';
import { runCli } from './native.mjs';

const dir = mkdtempSync(join(tmpdir(), 'embplay-cbow-'));
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
const mod = await loadRawModule();

// Lines of 10 words drawn from one of three groups (a seeded LCG, so every run is the same).
function corpus(lines = 300) {
  const groups = [['red', 'green', 'blue', 'pink', 'grey'], ['one', 'two', 'three', 'four', 'five'], ['cat', 'dog', 'cow', 'hen', 'pig']];
  let seed = 11;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const out = [];
  for (let l = 0; l < lines; l++) {
    const g = groups[Math.floor(next() * groups.length)];
    out.push(Array.from({ length: 10 }, () => g[Math.floor(next() * g.length)]).join(' '));
  }
  return out.join('\n') + '\n';
}

const input = join(dir, 'corpus.txt');
writeFileSync(input, corpus());
const SETTINGS = { size: 16, window: 3, negative: 4, sample: 1e-2, minCount: 1, epochs: 3, alpha: 0.05, seed: 3 };
const cliArgs = (batch) => ['--size', '16', '--window', '3', '--negative', '4', '--sample', '1e-2', '--min-count', '1',
  '--epochs', '3', '--alpha', '0.05', '--seed', '3', '--batch', String(batch)];

for (const batch of [1, 8]) {
  test(`native CLI, WASM CLI and WASM module train bit-identical vectors (batch ${batch})`, () => {
    const files = {};
    for (const variant of ['native', 'wasm']) {
      files[variant] = join(dir, `${variant}-${batch}.txt`);
      const r = runCli(['train', '--input', input, '--output', files[variant], ...cliArgs(batch)], '', variant);
      assert.equal(r.status, 0, r.stderr);
    }
    const native = readFileSync(files.native);
    // Text output has 9 significant digits, which round-trips float32: equal bytes = equal bits.
    assert.ok(native.equals(readFileSync(files.wasm)), 'WASM CLI output differs from native');

    const t = mod.createWord2vecTrainer(corpus(), { ...SETTINGS, batch });
    let p;
    let last = 0;
    do {
      p = t.train(700);
      assert.ok(p.wordsDone > last);
      last = p.wordsDone;
    } while (!p.finished);
    assert.equal(p.wordsDone, p.totalWords);
    assert.equal(p.totalWords, 3 * 3000);
    assert.ok(Number.isFinite(p.loss) && p.loss > 0);
    const v = t.wordVectors();
    assert.ok(Buffer.from(v.toWord2Vec(false)).equals(native), 'WASM module output differs from native');
    assert.equal(t.vectors().length, t.vocabSize() * 16);
    assert.equal(t.words().length, 15);
    v.delete();
    t.delete();
  });
}

test('WASM module: neighbours and analogy on trained vectors', () => {
  const t = mod.createWord2vecTrainer(corpus(), { ...SETTINGS, epochs: 10 });
  while (!t.train(100000).finished);
  const v = t.wordVectors();
  const near = v.neighbors('red', 3).map((n) => n.word);
  assert.deepEqual(near.sort(), near.filter((w) => ['green', 'blue', 'pink', 'grey'].includes(w)).sort());
  assert.equal(v.analogy('red', 'green', 'one', 2).length, 2);
  assert.throws(() => v.neighbors('purple', 3), { name: 'Error', message: "'purple' is not in the vocabulary" });
  v.delete();
  t.delete();
});

test('WASM module: bad options and corpora arrive as Errors', () => {
  const cases = [
    ['', {}, 'the corpus is empty: it has no words'],
    ['a b a b', { minCount: 3 }, "min_count 3 removes every word (the most frequent, 'a' appears 2 times)"],
    ['same same same', { minCount: 1 }, "the vocabulary has only one word ('same') after min_count 1; CBOW needs at least two distinct words"],
    ['a b', { size: 0 }, 'size must be an integer between 1 and 4096'],
    ['a b', { negative: 0 }, 'negative must be an integer between 1 and 100'],
    ['a b', { alpha: NaN }, 'alpha must be a number in (0, 1], got nan'],
    ['a b', { alpha: 5 }, 'alpha must be a number in (0, 1], got 5'],
    ['a b', { threads: 2 }, 'threads must be 1 in WebAssembly (train in several Web Workers instead)'],
  ];
  for (const [text, options, message] of cases) {
    assert.throws(() => mod.createWord2vecTrainer(text, options), { name: 'Error', message });
  }
  const t = mod.createWord2vecTrainer('a b c', { minCount: 1 });
  assert.throws(() => t.train(0), { message: 'train(n): n must be at least 1' });
  t.delete();
});

test('WASM module: divergence stops training with a clear Error', () => {
  const t = mod.createWord2vecTrainer(corpus(2000), { ...SETTINGS, size: 300, alpha: 1, epochs: 5 });
  assert.throws(() => { while (!t.train(1000).finished); }, { name: 'Error', message: /^training diverged: the loss became NaN or infinite after \d+ of 100000 words/ });
  assert.throws(() => t.wordVectors(), { message: /^training diverged/ });
  t.delete();
});

test('WASM module: broken word2vec files arrive as Errors', () => {
  assert.throws(() => mod.parseWord2Vec('3 2\na 1 2\nb 3 4\n'), { message: 'word2vec file: the header declares 3 words but the file ends after 2' });
  assert.throws(() => mod.parseWord2Vec('1 2\na 1\n'), { message: "word2vec file: record 1 ('a'): 1 values, expected 2" });
});

test('WASM module: GloVe text files (no header line) load; the CLI reads them too', () => {
  const glove = 'king 0.9 0.1 0.3\nqueen 0.85 0.15 0.35\nman 0.2 0.8 0.1\nwoman 0.15 0.85 0.15\n';
  const v = mod.parseWord2Vec(glove);
  try {
    assert.equal(v.size(), 4);
    assert.equal(v.dim(), 3);
    assert.equal(v.word(1), 'queen');
    assert.equal(v.indexOf('woman'), 3);
  } finally {
    v.delete();
  }
  const file = join(dir, 'glove.txt');
  writeFileSync(file, glove);
  for (const variant of ['native', 'wasm']) {
    const r = runCli(['neighbors', '--vectors', file, '--word', 'king', '-k', '1'], '', variant);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /queen/);
  }
});

// A long enough run (over the CLI's 250 ms progress interval) to show whether a progress line is printed.
const longInput = join(dir, 'long.txt');
writeFileSync(longInput, 'a b c d e f\n'.repeat(20000));
const longRun = (variant, env) => runCli(['train', '--input', longInput, '--output', join(dir, `long-${variant}.txt`), '--size', '50',
  '--epochs', '600', '--min-count', '1'], '', variant, env);
const progressLines = (stderr) => stderr.split('\r').filter((part) => /words\/s\s+loss .* ETA/.test(part));

test('native CLI: train prints its progress line when stderr is a terminal (as told by EMBPLAY_STDERR_IS_TTY)', () => {
  const r = longRun('native', { EMBPLAY_STDERR_IS_TTY: '1' });
  assert.equal(r.status, 0, r.stderr);
  assert.ok(progressLines(r.stderr).length >= 1, `no progress line in ${JSON.stringify(r.stderr.slice(0, 200))}`);
});

for (const variant of ['native', 'wasm']) {
  test(`${variant} CLI: train prints no progress line when stderr is a pipe`, () => {
    const r = longRun(variant, {}); // isatty() natively; Node's own answer in the WASM build
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(progressLines(r.stderr), []);
    assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
    assert.match(r.stderr, /^embplay train: 6 words in the vocabulary, 120000 training words; .* trained 72000000 words in /);
  });
}

for (const variant of ['native', 'wasm']) {
  test(`${variant} CLI: bad input exits 2 with one line and writes nothing`, () => {
    const write = (name, text) => { const f = join(dir, name); writeFileSync(f, text); return f; };
    const out = join(dir, `never-${variant}.txt`);
    const cases = [
      [['--input', write('empty.txt', '')], 'the corpus is empty: it has no words'],
      [['--input', write('rare.txt', 'a b c\n')], "min_count 5 removes every word (the most frequent, 'a' appears 1 time)"],
      [['--input', write('one.txt', 'w w w w w w\n'), '--min-count', '1'], "the vocabulary has only one word ('w') after min_count 1; CBOW needs at least two distinct words"],
      [['--input', input, '--window', '0'], '--window must be between 1 and 100, got 0'],
      [['--input', input, '--size', '100000'], '--size must be between 1 and 4096, got 100000'],
      [['--input', input, '--negative', '0'], '--negative must be between 1 and 100, got 0'],
      [['--input', input, '--alpha', '0'], 'alpha must be a number in (0, 1], got 0'],
      [['--input', input, '--alpha', 'nan'], 'alpha must be a number in (0, 1], got nan'],
      [['--input', input, '--alpha', '1e9'], 'alpha must be a number in (0, 1], got 1e+09'],
      [['--input', write('big.txt', corpus(2000)), '--min-count', '1', '--sample', '0', '--size', '300', '--alpha', '1'],
        /^training diverged: the loss became NaN or infinite after \d+ of 100000 words \(alpha 1\); try a smaller alpha$/],
      [['--input', join(dir, 'missing.txt')], `cannot open input file '${join(dir, 'missing.txt')}'`],
    ];
    for (const [args, message] of cases) {
      const r = runCli(['train', ...args, '--output', out], '', variant);
      assert.equal(r.status, 2, `${args.join(' ')}: ${r.stderr}`);
      const line = r.stderr.trim();
      assert.equal(line.split('\n').length, 1, line);
      if (message instanceof RegExp) assert.match(line.replace(/^embplay train: /, ''), message);
      else assert.equal(line, `embplay train: ${message}`);
      assert.ok(!existsSync(out) && !existsSync(`${out}.tmp-embplay`), `${args.join(' ')} left a file`);
    }
    const r = runCli(['train', '--input', input, '--output', join(dir, 'no-such-dir', 'v.txt')], '', variant);
    assert.equal(r.status, 2);
    assert.equal(r.stderr.trim(), `embplay train: cannot write output file '${join(dir, 'no-such-dir', 'v.txt')}'`);
  });

  test(`${variant} CLI: neighbors and analogy read text and binary files`, () => {
    for (const binary of [false, true]) {
      const vectors = join(dir, `nb-${variant}-${binary}.vec`);
      const r = runCli(['train', '--input', input, '--output', vectors, '--min-count', '1', '--sample', '0', '--size', '12', '--epochs', '8',
        ...(binary ? ['--binary'] : [])], '', variant);
      assert.equal(r.status, 0, r.stderr);
      const n = runCli(['neighbors', '--vectors', vectors, '--word', 'cat', '-k', '4'], '', variant);
      assert.equal(n.status, 0, n.stderr);
      const rows = n.stdout.trim().split('\n').map((l) => l.split('\t'));
      assert.equal(rows.length, 4);
      for (const [word, score] of rows) {
        assert.ok(['dog', 'cow', 'hen', 'pig'].includes(word), `neighbour of cat: ${word}`);
        assert.ok(Number(score) > 0 && Number(score) <= 1);
      }
      const a = runCli(['analogy', '--vectors', vectors, 'red', 'green', 'one', '-k', '1'], '', variant);
      assert.equal(a.status, 0, a.stderr);
      assert.match(a.stdout, /^\S+\t-?[0-9.]+\n$/);
    }
    const truncated = join(dir, 'truncated.vec');
    writeFileSync(truncated, '3 2\na 1 2\nb 3 4\n');
    const bad = runCli(['neighbors', '--vectors', truncated, '--word', 'a'], '', variant);
    assert.equal(bad.status, 2);
    assert.equal(bad.stderr.trim(), 'embplay neighbors: word2vec file: the header declares 3 words but the file ends after 2');
    const unknown = runCli(['neighbors', '--vectors', join(dir, `nb-${variant}-false.vec`), '--word', 'zebra'], '', variant);
    assert.equal(unknown.stderr.trim(), "embplay neighbors: 'zebra' is not in the vectors file");
  });
}
