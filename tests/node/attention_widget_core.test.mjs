// <attention-view>'s core (issues 11 and 15): the lite module, which the widget loads, tokenizes
// words and looks up embedding rows exactly as the full module's `analyze` does for the page
// (sections 2-5 with their defaults), and computes the same attention to the bit,
// so the widget shows the page's numbers for the same text and settings.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadEmbplay } from '../../web/core/embplay.js';
import { createAttention } from '../../web/core/attention.js';
import { loadApi, root } from './load_module.mjs';

const VARIANTS = {
  simd: { dir: 'build-wasm/wasm-bindings', pe: 'embplay_lite_module' },
  nosimd: { dir: 'build-wasm/nosimd/wasm-bindings', pe: 'embplay_lite_module_nosimd' },
};

async function loadPe(variant) {
  const { dir, pe } = VARIANTS[variant];
  const { default: factory } = await import(join(root, dir, `${pe}.mjs`));
  return loadEmbplay(factory, { wasmBinary: readFileSync(join(root, dir, `${pe}.wasm`)) });
}

const encode = (text) => new TextEncoder().encode(text);
const TEXTS = [
  'The cat sat on the mat because the cat was tired.',
  '왕은 궁전에 산다. 여왕도 궁전에 산다! 👍🏽 café 2024년',
  'x',
  '',
];

for (const variant of Object.keys(VARIANTS)) {
  test(`${variant}: word tokens and embedding rows of the small module equal the page's analyze`, async () => {
    const small = await loadPe(variant);
    const full = await loadApi(variant);
    for (const text of TEXTS) {
      for (const [d, seed] of [[16, 1], [7, 42]]) {
        const s = small.module.wordSentenceRows(encode(text), false, d, seed, 512);
        const page = full.analyze(text, { mode: 'word', dModel: d, seed, maxRows: 512 });
        assert.deepEqual(s.labels, page.tokens.map((t) => t.text), text);
        assert.deepEqual(Array.from(s.ids), Array.from(page.rowIds), text);
        assert.deepEqual(s.rows, page.rows, `${text} d=${d}`);
        assert.equal(s.total, page.tokenCount);
      }
    }
  });

  test(`${variant}: 10,000 words are cut at the limit; the attention of both modules is the same to the bit`, async () => {
    const small = await loadPe(variant);
    const full = await loadApi(variant);
    const long = Array.from({ length: 10000 }, (_, i) => `w${i % 300}`).join(' ');
    const cut = small.module.wordSentenceRows(encode(long), false, 8, 1, 512);
    assert.equal(cut.ids.length, 512);
    assert.equal(cut.labels.length, 512);
    assert.equal(cut.rows.length, 512 * 8);
    assert.equal(cut.total, 10000);
    assert.throws(() => small.module.wordSentenceRows(encode('a'), false, 0, 1, 512), /d_model must be a whole number/);

    const s = small.module.wordSentenceRows(encode(TEXTS[0]), false, 16, 3, 512);
    const a = createAttention(small.module);
    const b = createAttention(full.module);
    for (const options of [
      { positions: 'sinusoidal', proj: 'identity', heads: 1 },
      { positions: 'learned', proj: 'random', heads: 4, causal: true },
    ]) {
      const o = { ...options, tokens: s.rows, n: s.ids.length, d: 16, tokenScale: 4, seed: 3, positionSeed: 3 };
      const x = a.compute(o);
      const y = b.compute(o);
      assert.deepEqual(x.scores, y.scores, JSON.stringify(options));
      assert.deepEqual(x.weights, y.weights, JSON.stringify(options));
    }
    a.dispose();
    b.dispose();
  });
}
