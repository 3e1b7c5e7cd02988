// The embeddable widgets' pure parts (issue 6): attribute rules (bad value -> default + warning),
// the iframe route's hash, and the blog theme switches read from <html>.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readAttribute, readAttributes } from '../../web/embed/attributes.js';
import { parseRoute } from '../../web/embed/route.js';
import { pageTheme } from '../../web/embed/theme.js';

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
  assert.match(bad.warnings[0], /view must be one of pe, tokens \(got "galaxy"\)/);
  assert.match(bad.warnings[1], /unknown parameter "zoom"/);
  assert.deepEqual(parseRoute('#view=tokens&d=8').attributes, {}, 'pe parameters do not apply to tokens');
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
