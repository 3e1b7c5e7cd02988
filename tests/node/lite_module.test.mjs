// The lite module (issue 15: embplay_lite_module, what the playground's first view and
// <attention-view> run on) against the full module: the same tokens, ids, vocabulary and embedding
// rows for every tokenizer mode the first view offers but GPT-2, the same positional encodings to
// the bit, no GPT-2 and no training in it, and well under half the full module's download.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { loadEmbplay } from '../../web/core/embplay.js';
import { PARITY_INPUTS } from './fixtures/parity_inputs.mjs';
import { loadApi, root } from './load_module.mjs';

const VARIANTS = {
  simd: { dir: 'build-wasm/wasm-bindings', lite: 'embplay_lite_module', full: 'embplay_module' },
  nosimd: { dir: 'build-wasm/nosimd/wasm-bindings', lite: 'embplay_lite_module_nosimd', full: 'embplay_module_nosimd' },
};

async function loadLite(variant) {
  const { dir, lite } = VARIANTS[variant];
  const { default: factory } = await import(join(root, dir, `${lite}.mjs`));
  return loadEmbplay(factory, { wasmBinary: readFileSync(join(root, dir, `${lite}.wasm`)) });
}

// The first view's settings (sections 1-5) that change what the core computes.
const SETTINGS = [
  { mode: 'word' },
  { mode: 'word', lowercase: true, dModel: 7, seed: 42 },
  { mode: 'char' },
  { mode: 'char', whitespace: true, minCount: 2 },
  { mode: 'bpe', merges: 40 },
  { mode: 'bpe', merges: 0, lowercase: true },
];

for (const variant of Object.keys(VARIANTS)) {
  test(`${variant}: the lite module analyzes text exactly as the full module does`, async () => {
    const lite = await loadLite(variant);
    const full = await loadApi(variant);
    for (const [name, input] of PARITY_INPUTS) {
      for (const settings of SETTINGS) {
        const o = { ...settings, maxTokens: 1e9, maxRows: 512 };
        assert.deepEqual(lite.analyze(input, o), full.analyze(input, o), `${name} ${JSON.stringify(settings)}`);
      }
    }
    assert.deepEqual(lite.nearestRows(300, 16, 1, 5, 8), full.nearestRows(300, 16, 1, 5, 8));
    assert.throws(() => lite.analyze('a b', { mode: 'bpe', merges: -1 }), /merges/);
  });

  test(`${variant}: the lite module's positional encodings equal the full module's; it has no GPT-2 and no training`, async () => {
    const lite = await loadLite(variant);
    const full = await loadApi(variant);
    for (const spec of [{ dModel: 128, maxLen: 64 }, { dModel: 17, maxLen: 300, base: 500, layout: 'split' }]) {
      assert.deepEqual(lite.pe.table(spec), full.pe.table(spec), JSON.stringify(spec));
    }
    for (const name of ['createGpt2Bpe', 'Word2vecTrainer']) {
      assert.equal(typeof full.module[name], 'function', `${name} is in the full module`);
      assert.equal(typeof lite.module[name], 'undefined', `${name} is not in the lite module`);
    }
  });
}

test('the lite module downloads in well under half the bytes of the full one (gzipped, loader included)', () => {
  const { dir, lite, full } = VARIANTS.simd;
  const gz = (stem) => ['wasm', 'mjs'].reduce((n, ext) => n + gzipSync(readFileSync(join(root, dir, `${stem}.${ext}`)), { level: 9 }).length, 0);
  const small = gz(lite);
  const large = gz(full);
  assert.ok(small < large / 2, `${small} bytes vs ${large}`);
});
