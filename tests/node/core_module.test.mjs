// The WASM module (through the page's JS API) against the native build: same tokens, spans,
// ids and embedding rows for the same input, and errors arriving in JS as Error objects.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadApi, loadRawModule } from './load_module.mjs';
import { jsonLines, runCli } from './native.mjs';
import { PARITY_INPUTS } from './fixtures/parity_inputs.mjs';

const api = await loadApi();
const MODES = [
  ['word', []],
  ['word --lowercase', ['--lowercase']],
  ['char', []],
  ['char --whitespace', ['--whitespace']],
  ['bpe', ['--merges', '40']],
];

function modeOptions(mode, extra) {
  return {
    mode: mode.split(' ')[0],
    lowercase: extra.includes('--lowercase'),
    whitespace: extra.includes('--whitespace'),
    merges: extra.includes('--merges') ? Number(extra[extra.indexOf('--merges') + 1]) : 200,
  };
}

for (const [name, input] of PARITY_INPUTS) {
  for (const [mode, extra] of MODES) {
    test(`tokens and ids match native: ${name}, ${mode}`, () => {
      const o = modeOptions(mode, extra);
      const native = jsonLines(runCli(['tokenize', '--mode', o.mode, '--ids', ...extra], input).stdout);
      const wasm = api.analyze(input, { ...o, maxTokens: 1e9 });
      assert.equal(wasm.tokenCount, native.length);
      assert.deepEqual(
        wasm.tokens.map((t) => [t.text, t.start, t.end, t.id]),
        native.map((t) => [t.text, t.start, t.end, t.id]),
      );
    });
  }
}

test('embedding rows are bit-identical to native for a seed', () => {
  for (const [name, input] of PARITY_INPUTS.slice(0, 3)) {
    const native = jsonLines(runCli(['embed', '--d-model', '24', '--seed', '7'], input).stdout);
    const wasm = api.analyze(input, { dModel: 24, seed: 7, maxRows: 1e9 });
    assert.equal(wasm.rowIds.length, native.length, name);
    native.forEach((t, i) => {
      const row = Array.from(wasm.rows.subarray(i * 24, (i + 1) * 24));
      // %.9g round-trips a float exactly, so equality here is bit equality.
      assert.deepEqual(row, t.row.map(Math.fround), `${name}: row of token ${i} (${t.text})`);
    });
  }
});

test('the WASM CLI prints exactly what the native CLI prints', () => {
  for (const [name, input] of PARITY_INPUTS) {
    for (const args of [['tokenize', '--mode', 'bpe', '--merges', '30', '--ids'], ['embed', '--d-model', '5']]) {
      const native = runCli(args, input, 'native');
      const wasm = runCli(args, input, 'wasm');
      assert.equal(wasm.status, 0, `${name}: ${wasm.stderr}`);
      assert.equal(wasm.stdout, native.stdout, `${name}: ${args.join(' ')}`);
    }
  }
});

test('invalid UTF-8 is counted as U+FFFD replacements, like TextDecoder', () => {
  const input = PARITY_INPUTS.find(([n]) => n === 'invalid utf-8')[1];
  const r = api.analyze(input, { mode: 'char', maxTokens: 1e9 });
  const decoded = new TextDecoder().decode(input);
  const replacements = [...decoded].filter((c) => c === '\uFFFD').length;
  assert.equal(r.invalidUtf8, replacements);
  assert.equal(r.tokens.filter((t) => t.text === '\uFFFD').length, replacements);
});

test('lookup equals one-hot times W_E, and nearest rows exclude the query', () => {
  const ids = [3, 0, 3];
  const rows = api.embeddingRows(10, 8, 5, ids);
  assert.equal(rows.length, 24);
  assert.deepEqual(Array.from(rows.subarray(0, 8)), Array.from(rows.subarray(16, 24)));
  const near = api.nearestRows(10, 8, 5, 3, 4, 'cosine');
  assert.equal(near.length, 4);
  assert.ok(near.every((n) => n.id !== 3));
  assert.ok(near[0].score >= near[3].score);
});

test('errors reach JS as Error objects with readable messages', () => {
  assert.throws(() => api.analyze('x', { mode: 'sentencepiece' }), { message: /unknown tokenizer mode 'sentencepiece'/ });
  assert.throws(() => api.analyze('x', { mode: 'bpe', merges: -1 }), { message: /merges must be between 0 and 100000, got -1/ });
  assert.throws(() => api.analyze('x', { mode: 'bpe', merges: 1e7 }), { message: /merges must be between 0 and 100000/ });
  assert.throws(() => api.analyze('x', { dModel: 0 }), { message: /d_model must be at least 1|d_model must be between/ });
  assert.throws(() => api.analyze('x', { dModel: 100000 }), { message: /d_model must be between 1 and 4096, got 100000/ });
  assert.throws(() => api.analyze('x', { minCount: 0 }), { message: /min_count must be at least 1/ });
  assert.throws(() => api.embeddingRows(5, 4, 1, [9]), { message: /token id 9 is outside the embedding table \(5 rows\)/ });
  // The module is still usable after errors.
  assert.equal(api.analyze('still works', {}).tokenCount, 2);
});

test('C++ objects are freed: repeated calls do not leak embind handles or grow memory without bound', async () => {
  const raw = await loadRawModule();
  const before = raw.count_emval_handles ? raw.count_emval_handles() : null;
  const memoryBefore = raw.HEAPU8.length;
  const { Embplay } = await import('../../web/core/embplay.js');
  const local = new Embplay(raw);
  for (let i = 0; i < 200; i++) local.analyze(`round ${i} of many tokens and words`, { mode: 'bpe', merges: 20 });
  if (before !== null) assert.equal(raw.count_emval_handles(), before);
  assert.ok(raw.HEAPU8.length <= memoryBefore * 2, 'heap doubled after 200 small calls');
});

test('a 20 MB input tokenises in the module (timing printed)', () => {
  const line = 'The quick brown fox jumps over the lazy dog. 빠른 갈색 여우가 게으른 개를 뛰어넘는다. 123\n';
  const big = new TextEncoder().encode(line.repeat(Math.ceil((20 * 1024 * 1024) / new TextEncoder().encode(line).length)));
  for (const mode of ['word', 'char', 'bpe']) {
    const t0 = performance.now();
    const r = api.analyze(big, { mode, merges: 200, maxTokens: 10 });
    const ms = performance.now() - t0;
    console.log(`# 20 MB ${mode}: ${r.tokenCount} tokens in ${ms.toFixed(0)} ms (${(big.length / 1048576 / (ms / 1000)).toFixed(1)} MB/s)`);
    assert.ok(r.tokenCount > 1_000_000);
    assert.equal(r.tokens.length, 10);
  }
});

test('the non-SIMD fallback module gives the same tokens, ids and rows as the SIMD module', async () => {
  const fallback = await loadApi('nosimd');
  for (const [name, input] of PARITY_INPUTS) {
    for (const mode of ['word', 'char', 'bpe']) {
      const a = api.analyze(input, { mode, merges: 30, maxTokens: 1e9, maxRows: 1e9, dModel: 12, seed: 3 });
      const b = fallback.analyze(input, { mode, merges: 30, maxTokens: 1e9, maxRows: 1e9, dModel: 12, seed: 3 });
      assert.deepEqual(b.tokens, a.tokens, `${name} ${mode}`);
      assert.deepEqual(Array.from(b.rows), Array.from(a.rows), `${name} ${mode}`);
    }
  }
});
