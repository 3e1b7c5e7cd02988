// Training on the tokens of a tokenizer mode (issue 4 §1, src/training/training_tokens.h): the WASM
// module trains on "King, queen." in word mode with lowercasing and learns "king" and "queen",
// not "King,"; the native CLI (`embplay train --tokenize MODE`), the WASM CLI and the module
// give bit-identical vectors in every mode; the page's TrainingRun reports the tokenizer;
// bad tokenizer options are one-line errors (exit 2) in the CLIs and Errors in JS.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadRawModule, root } from './load_module.mjs';
import { runCli } from './native.mjs';
import { TrainingRun } from '../../web/core/training-run.js';

const dir = mkdtempSync(join(tmpdir(), 'embplay-train-tok-'));
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
const mod = await loadRawModule();
const ranks = new Uint8Array(readFileSync(join(root, 'build-wasm/assets/gpt2-ranks.bin')));

const SETTINGS = { size: 8, window: 2, negative: 3, sample: 0, minCount: 1, epochs: 2, alpha: 0.05, seed: 4 };
const CLI_SETTINGS = ['--size', '8', '--window', '2', '--negative', '3', '--sample', '0', '--min-count', '1', '--epochs', '2',
  '--alpha', '0.05', '--seed', '4'];

function train(text, options) {
  const t = mod.createWord2vecTrainer(text, { ...SETTINGS, ...options });
  try {
    while (!t.train(10000).finished);
    const v = t.wordVectors();
    try {
      return { words: t.words(), file: Buffer.from(v.toWord2Vec(false)) };
    } finally {
      v.delete();
    }
  } finally {
    t.delete();
  }
}

test('word mode with lowercasing: "King, queen." gives king and queen, not "King,"', () => {
  const { words } = train('King, queen.\nThe king and the queen.\n', { tokenizer: 'word', lowercase: true });
  for (const w of ['king', 'queen', ',', '.', 'the']) assert.ok(words.includes(w), `${w} in ${words}`);
  for (const w of ['King,', 'king,', 'King', 'queen.']) assert.ok(!words.includes(w), `${w} not in ${words}`);
  const whitespace = train('King, queen.\nThe king and the queen.\n', {}).words;
  assert.ok(whitespace.includes('King,') && whitespace.includes('queen.'), `whitespace splitting stays the default: ${whitespace}`);
});

const TEXT = 'King, queen. The king and the queen!\nA man, a woman; the man and the woman.\n한국어 문장도 있다.\n';
const MODES = [
  ['word', ['--tokenize', 'word', '--lowercase'], { tokenizer: 'word', lowercase: true }],
  ['char', ['--tokenize', 'char'], { tokenizer: 'char' }],
  ['bpe', ['--tokenize', 'bpe', '--merges', '12', '--lowercase'], { tokenizer: 'bpe', merges: 12, lowercase: true }],
  ['gpt2', ['--tokenize', 'gpt2'], { tokenizer: 'gpt2', gpt2Ranks: ranks }],
];

for (const [name, cliArgs, options] of MODES) {
  test(`${name} mode: native CLI, WASM CLI and module train bit-identical vectors`, () => {
    const input = join(dir, 'text.txt');
    writeFileSync(input, TEXT);
    const outputs = {};
    for (const variant of ['native', 'wasm']) {
      outputs[variant] = join(dir, `${name}-${variant}.txt`);
      const r = runCli(['train', '--input', input, '--output', outputs[variant], ...CLI_SETTINGS, ...cliArgs], '', variant);
      assert.equal(r.status, 0, r.stderr);
    }
    const native = readFileSync(outputs.native);
    assert.ok(native.equals(readFileSync(outputs.wasm)), 'WASM CLI differs from native');
    const { words, file } = train(TEXT, options);
    assert.ok(file.equals(native), 'module differs from native');
    assert.ok(words.every((w) => w.length > 0 && !/\s/.test(w)), `no whitespace in words: ${words}`);
    if (name === 'char') assert.ok(words.every((w) => [...w].length === 1), `characters: ${words}`);
    if (name === 'bpe') assert.ok(words.some((w) => w.startsWith('##')), `continuation pieces: ${words}`);
    if (name === 'gpt2') assert.ok(words.includes('Ġqueen') && words.includes('King'), `GPT-2 tokens: ${words}`);
  });
}

test("the page's TrainingRun passes the tokenizer on and reports it", () => {
  const run = new TrainingRun(mod, TEXT, { ...SETTINGS, tokenizer: 'char', lowercase: true });
  try {
    const info = run.info();
    assert.equal(info.tokenizer, 'char');
    assert.equal(info.lowercase, true);
    assert.ok(run.words.includes('k') && !run.words.includes('K'), run.words.join(' '));
  } finally {
    run.delete();
  }
  const plain = new TrainingRun(mod, TEXT, SETTINGS);
  try {
    assert.equal(plain.info().tokenizer, 'whitespace');
    assert.ok(plain.words.includes('King,'));
  } finally {
    plain.delete();
  }
});

test('bad tokenizer options: one-line errors in the CLIs, Errors in the module', () => {
  const input = join(dir, 'small.txt');
  writeFileSync(input, 'a b c\n');
  const cases = [
    [['--tokenize', 'words'], "unknown tokenizer 'words' (valid: whitespace, word, char, bpe, gpt2)"],
    [['--lowercase'], '--lowercase needs --tokenize'],
    [['--tokenize', 'word', '--merges', '5'], '--merges applies only to --tokenize bpe'],
    [['--tokenize', 'gpt2', '--lowercase'], '--lowercase does not apply to --tokenize gpt2'],
  ];
  for (const variant of ['native', 'wasm']) {
    for (const [args, message] of cases) {
      const r = runCli(['train', '--input', input, '--output', join(dir, 'bad.txt'), ...args], '', variant);
      assert.equal(r.status, 2, `${args}: ${r.stderr}`);
      assert.equal(r.stderr, `embplay train: ${message}\n`);
    }
  }
  const moduleCases = [
    [{ tokenizer: 'words' }, "unknown tokenizer 'words' (valid: whitespace, word, char, bpe, gpt2)"],
    [{ tokenizer: 'gpt2' }, 'gpt2Ranks (the bytes of gpt2-ranks.bin) is missing'],
    [{ tokenizer: 'gpt2', gpt2Ranks: ranks, lowercase: true }, 'lowercasing does not apply to GPT-2 tokens (GPT-2 is case-sensitive)'],
    [{ tokenizer: 'word', lowercase: 'yes' }, 'lowercase must be true or false'],
    [{ tokenizer: 'bpe', merges: -1 }, 'merges must be an integer between 0 and 100000'],
    [{ tokenizer: 3 }, 'tokenizer must be a string'],
  ];
  for (const [options, message] of moduleCases) {
    assert.throws(() => mod.createWord2vecTrainer('a b c', { minCount: 1, ...options }), { name: 'Error', message });
  }
  assert.throws(() => mod.createWord2vecTrainer(new Uint8Array([0x61, 0x20, 0xff, 0x0a]), { minCount: 1, tokenizer: 'char' }),
    { message: 'the corpus is not valid UTF-8: 1 invalid byte sequence(s) (convert the file to UTF-8 first)' });
});
