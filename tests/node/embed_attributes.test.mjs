// The embeddable widgets' pure parts (issue 6): attribute rules (bad value -> default + warning),
// the iframe route's hash, and the blog theme switches read from <html>.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readAttribute, readAttributes } from '../../web/embed/attributes.js';
import { parseRoute } from '../../web/embed/route.js';
import { pageTheme } from '../../web/embed/theme.js';
import { CBOW_RULES, DEFAULT_ANALOGY, parseAnalogy, runSettings } from '../../web/embed/cbow-demo-config.js';
import { corpusScript } from '../../web/embed/cbow-corpus.js';
import { SUBWORD_DEFAULTS, TRAINING_DEFAULTS, checkTrainingSettings } from '../../web/core/training-settings.js';

const INT = { type: 'int', min: 1, max: 1024, default: 128 };

test('int attributes: accepted values convert, absent gives the default silently, bad ones warn', () => {
  assert.deepEqual(readAttribute('pe-heatmap', 'd-model', ' 64 ', INT), { value: 64, warning: null });
  assert.deepEqual(readAttribute('pe-heatmap', 'd-model', null, INT), { value: 128, warning: null });
  for (const bad of ['abc', '', '0', '1025', '2.5', '1e9', 'NaN']) {
    const { value, warning } = readAttribute('pe-heatmap', 'd-model', bad, INT);
    assert.equal(value, 128, bad);
    assert.equal(warning, `<pe-heatmap>: d-model must be a whole number from 1 to 1024 (got "${bad}"); using 128.`);
  }
  assert.equal(readAttribute('x', 'n', '1024', INT).value, 1024, 'the upper bound is allowed');
});

test('number, enum and bool attributes', () => {
  const BASE = { type: 'number', min: 1, exclusiveMin: true, max: 1e12, default: 10000 };
  assert.equal(readAttribute('pe-heatmap', 'base', '1e4', BASE).value, 10000);
  assert.equal(readAttribute('pe-heatmap', 'base', '2.5', BASE).value, 2.5);
  assert.match(readAttribute('pe-heatmap', 'base', '1', BASE).warning, /base must be a number greater than 1 and at most 1000000000000 \(got "1"\)/);
  assert.equal(readAttribute('pe-heatmap', 'base', 'Infinity', BASE).value, 10000);
  const LAYOUT = { type: 'enum', values: ['interleaved', 'split'], default: 'interleaved' };
  assert.equal(readAttribute('pe-heatmap', 'layout', 'Split', LAYOUT).value, 'split', 'case-insensitive');
  assert.equal(readAttribute('pe-heatmap', 'layout', 'diagonal', LAYOUT).warning,
    '<pe-heatmap>: layout must be one of interleaved, split (got "diagonal"); using "interleaved".');
  const BOOL = { type: 'bool', default: true };
  assert.equal(readAttribute('pe-heatmap', 'curves', '', BOOL).value, true, 'a bare attribute is true');
  assert.equal(readAttribute('pe-heatmap', 'curves', 'false', BOOL).value, false);
  assert.equal(readAttribute('pe-heatmap', 'curves', 'off', BOOL).value, false);
  assert.equal(readAttribute('pe-heatmap', 'curves', 'maybe', BOOL).value, true);
  assert.match(readAttribute('pe-heatmap', 'curves', 'maybe', BOOL).warning, /curves must be true or false/);
});

test('readAttributes collects values by key and every warning', () => {
  const rules = { 'd-model': { key: 'dModel', ...INT }, 'max-len': { key: 'maxLen', type: 'int', min: 1, max: 2048, default: 64 } };
  const attrs = { 'd-model': 'x', 'max-len': '10' };
  const { values, warnings } = readAttributes('pe-heatmap', rules, (n) => attrs[n] ?? null);
  assert.deepEqual(values, { dModel: 128, maxLen: 10 });
  assert.equal(warnings.length, 1);
});

test('the iframe route maps short hash names to attributes and warns about the rest', () => {
  assert.deepEqual(parseRoute('#view=pe&d=128&n=64&theme=dark'),
    { view: 'pe', tag: 'pe-heatmap', attributes: { 'd-model': '128', 'max-len': '64', theme: 'dark' }, warnings: [] });
  const tokens = parseRoute('#view=tokens&mode=bpe&text=' + encodeURIComponent('한국어 & more'));
  assert.equal(tokens.tag, 'token-view');
  assert.deepEqual(tokens.attributes, { mode: 'bpe', text: '한국어 & more' });
  assert.equal(parseRoute('').tag, 'pe-heatmap', 'no hash: the default view');
  const bad = parseRoute('#view=galaxy&d=8&zoom=2');
  assert.equal(bad.tag, 'pe-heatmap');
  assert.deepEqual(bad.attributes, { 'd-model': '8' });
  assert.equal(bad.warnings.length, 2);
  assert.match(bad.warnings[0], /view must be one of pe, tokens, cbow, attention \(got "galaxy"\)/);
  assert.match(bad.warnings[1], /unknown parameter "zoom"/);
  assert.deepEqual(parseRoute('#view=tokens&d=8').attributes, {}, 'pe parameters do not apply to tokens');
  const cbow = parseRoute('#view=cbow&corpus=ko&epochs=3&analogy=' + encodeURIComponent('왕 남자 여자') + '&theme=dark');
  assert.equal(cbow.tag, 'cbow-demo');
  assert.deepEqual(cbow.attributes, { corpus: 'ko', epochs: '3', analogy: '왕 남자 여자', theme: 'dark' });
  assert.deepEqual(cbow.warnings, []);
  const attention = parseRoute('#view=attention&text=' + encodeURIComponent('the cat saw the dog') + '&positions=none&heads=2&d=32&shuffle=1&causal=0&proj=random&seed=3');
  assert.equal(attention.tag, 'attention-view');
  assert.deepEqual(attention.attributes, {
    text: 'the cat saw the dog', positions: 'none', heads: '2', 'd-model': '32', shuffle: '1', causal: '0', proj: 'random', seed: '3',
  });
  assert.deepEqual(attention.warnings, []);
  assert.match(parseRoute('#view=attention&max-len=3').warnings[0], /unknown parameter "max-len" for view=attention/);
});

test('the blog theme switches on <html>: Chirpy data-mode, data-theme, classes', () => {
  const root = (attrs = {}, classes = []) => ({ getAttribute: (n) => attrs[n] ?? null, classList: { contains: (c) => classes.includes(c) } });
  assert.equal(pageTheme(root({ 'data-mode': 'dark' })), 'dark');
  assert.equal(pageTheme(root({ 'data-mode': 'light' }, ['dark'])), 'light', 'an explicit attribute wins over a class');
  assert.equal(pageTheme(root({ 'data-theme': 'Dark' })), 'dark');
  assert.equal(pageTheme(root({ 'data-bs-theme': 'dark' })), 'dark');
  assert.equal(pageTheme(root({}, ['dark-mode'])), 'dark');
  assert.equal(pageTheme(root({ 'data-theme': 'solarized' })), null, 'an unknown value says nothing');
  assert.equal(pageTheme(root()), null);
  assert.equal(pageTheme(null), null);
});

test('<cbow-demo> attributes: corpus, epochs, size, seed with defaults and warnings', () => {
  const read = (attrs) => readAttributes('cbow-demo', CBOW_RULES, (n) => attrs[n] ?? null);
  const family = { arch: 'cbow', subwords: false };
  assert.deepEqual(read({}), { values: { corpus: 'en', epochs: 5, size: 30, seed: 1, analogy: null, ...family }, warnings: [] });
  assert.deepEqual(read({ corpus: ' KO ', epochs: '2', size: '64', seed: '7' }).values,
    { corpus: 'ko', epochs: 2, size: 64, seed: 7, analogy: null, ...family });
  const bad = read({ corpus: 'fr', epochs: '0', size: '1000', seed: '-1' });
  assert.deepEqual(bad.values, { corpus: 'en', epochs: 5, size: 30, seed: 1, analogy: null, ...family });
  assert.deepEqual(bad.warnings, [
    '<cbow-demo>: corpus must be one of en, ko (got "fr"); using "en".',
    '<cbow-demo>: epochs must be a whole number from 1 to 20 (got "0"); using 5.',
    '<cbow-demo>: size must be a whole number from 2 to 100 (got "1000"); using 30.',
    '<cbow-demo>: seed must be a whole number from 0 to 4294967295 (got "-1"); using 1.',
  ]);
});

test('<cbow-demo> arch and subwords: skip-gram and fastText subwords, warnings for bad values', () => {
  const read = (attrs) => readAttributes('cbow-demo', CBOW_RULES, (n) => attrs[n] ?? null);
  const good = read({ arch: 'SkipGram', subwords: '' });
  assert.deepEqual([good.values.arch, good.values.subwords, good.warnings], ['skipgram', true, []]);
  const bad = read({ arch: 'glove', subwords: 'maybe' });
  assert.deepEqual([bad.values.arch, bad.values.subwords], ['cbow', false]);
  assert.deepEqual(bad.warnings, [
    '<cbow-demo>: arch must be one of cbow, skipgram (got "glove"); using "cbow".',
    '<cbow-demo>: subwords must be true or false (got "maybe"); using false.',
  ]);
  const settings = runSettings({ corpus: 'ko', epochs: 5, size: 30, seed: 1, analogy: null, arch: 'skipgram', subwords: true });
  assert.deepEqual([settings.arch, settings.subwords, settings.alpha, settings.minn, settings.maxn], ['skipgram', true, 0.025, 3, 6]);
  assert.equal(checkTrainingSettings(settings), null);
});

test('<cbow-demo> analogy: three words read as x − minus + plus, the corpus default otherwise', () => {
  assert.deepEqual(parseAnalogy(null, 'en'), { words: ['king', 'man', 'woman'], warning: null });
  assert.deepEqual(parseAnalogy(null, 'ko'), { words: ['왕', '남자', '여자'], warning: null });
  assert.deepEqual(parseAnalogy('  paris  france italy ', 'en').words, ['paris', 'france', 'italy']);
  assert.deepEqual(parseAnalogy('king − man + woman', 'en').words, ['king', 'man', 'woman'], 'signs between the words');
  assert.deepEqual(parseAnalogy('king - man + woman', 'en').words, ['king', 'man', 'woman']);
  assert.deepEqual(parseAnalogy('x-ray man woman', 'en').words, ['x-ray', 'man', 'woman'], 'a hyphen inside a word stays');
  for (const bad of ['', 'king man', 'king man woman girl', '+ - −']) {
    const { words, warning } = parseAnalogy(bad, 'ko');
    assert.deepEqual(words, DEFAULT_ANALOGY.ko, bad);
    assert.equal(warning, `<cbow-demo>: analogy must be three words, e.g. "king man woman" for king − man + woman (got "${bad}"); using "왕 남자 여자".`);
  }
  const copy = parseAnalogy(null, 'en').words;
  copy[0] = 'changed';
  assert.equal(DEFAULT_ANALOGY.en[0], 'king', 'callers get a copy of the default');
});

test('<cbow-demo> run settings: the page trainer\'s defaults with the size, epochs and a seed per run', () => {
  const config = { corpus: 'en', epochs: 3, size: 20, seed: 4294967295, analogy: null };
  const first = runSettings(config);
  assert.deepEqual(first, { ...TRAINING_DEFAULTS, ...SUBWORD_DEFAULTS, size: 20, epochs: 3, seed: 4294967295 });
  assert.equal(checkTrainingSettings(first), null, 'valid for the trainer');
  assert.equal(runSettings(config, 1).seed, 0, '"Train again" takes the next seed, wrapping at 2^32');
  for (const size of [CBOW_RULES.size.min, CBOW_RULES.size.max]) {
    for (const epochs of [CBOW_RULES.epochs.min, CBOW_RULES.epochs.max]) {
      assert.equal(checkTrainingSettings(runSettings({ ...config, size, epochs, seed: 1 })), null, `size ${size}, epochs ${epochs} within the trainer's limits`);
    }
  }
});

test('<cbow-demo> corpus as a classic script (for file:// pages) evaluates to the same text', () => {
  const text = 'line one\nquote " backslash \\ </script> \u2028 한국어\n';
  const key = Symbol.for('embedding-playground.corpus-texts');
  delete globalThis.self;
  globalThis.self = globalThis;
  try {
    new Function(corpusScript('ko', text))();
    assert.equal(globalThis[key].ko, text);
  } finally {
    delete globalThis[key];
    delete globalThis.self;
  }
});
