// The positional-encoding-only module (issue 6: embplay_pe_module, what a blog post with only
// <pe-heatmap> widgets downloads) against the full module: the same tables to the bit, the same
// errors, none of the tokenizers, and a fraction of the size.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { loadEmbplay } from '../../web/core/embplay.js';
import { loadApi, root } from './load_module.mjs';

const VARIANTS = {
  simd: { dir: 'build-wasm/wasm-bindings', pe: 'embplay_pe_module', full: 'embplay_module' },
  nosimd: { dir: 'build-wasm/nosimd/wasm-bindings', pe: 'embplay_pe_module_nosimd', full: 'embplay_module_nosimd' },
};

async function loadPe(variant) {
  const { dir, pe } = VARIANTS[variant];
  const { default: factory } = await import(join(root, dir, `${pe}.mjs`));
  return loadEmbplay(factory, { wasmBinary: readFileSync(join(root, dir, `${pe}.wasm`)) });
}

const SPECS = [
  { dModel: 128, maxLen: 64 },
  { dModel: 17, maxLen: 300, base: 500, layout: 'split' },
  { dModel: 64, maxLen: 48, kind: 'learned', seed: 7 },
];

for (const variant of Object.keys(VARIANTS)) {
  test(`${variant}: the PE module computes exactly what the full module does`, async () => {
    const small = await loadPe(variant);
    const full = await loadApi(variant);
    for (const spec of SPECS) {
      assert.deepEqual(small.pe.table(spec), full.pe.table(spec), JSON.stringify(spec));
      if (spec.kind !== 'learned') assert.deepEqual(small.pe.dimension(spec, 5), full.pe.dimension(spec, 5));
    }
    const ws = small.pe.workspace();
    const view = ws.fillTable(SPECS[0]);
    assert.equal(view.length, 128 * 64);
    ws.delete();
    assert.throws(() => small.pe.table({ dModel: 0, maxLen: 4 }), /d_model must be an integer between 1 and/);
    assert.equal(typeof small.module.createTokenizer, 'undefined', 'no tokenizers in the PE module');
  });
}

test('the PE module is a fraction of the full one', () => {
  const { dir, pe, full } = VARIANTS.simd;
  const small = statSync(join(root, dir, `${pe}.wasm`)).size;
  const large = statSync(join(root, dir, `${full}.wasm`)).size;
  assert.ok(small < large / 3, `${small} bytes vs ${large}`);
});
