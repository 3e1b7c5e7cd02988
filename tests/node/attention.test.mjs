// Attention (issue 11): the module (through web/core/attention.js, fed as the page feeds it:
// section 5's embedding rows and section 6's settings), the native CLI and the WASM CLI give the
// same numbers to the bit; errors are readable; the shuffle experiment reports exactly 0 without
// positions and more than 0 with them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadEmbplay } from '../../web/core/embplay.js';
import { createAttention } from '../../web/core/attention.js';
import { loadApi, root } from './load_module.mjs';
import { runCli } from './native.mjs';

const api = await loadApi();
const attention = createAttention(api.module);
api.loadGpt2(readFileSync(join(root, 'build/assets/gpt2-ranks.bin')));
const hasWasmCli = existsSync(join(root, 'build-wasm/embplay.js'));

const SENTENCE = 'the cat saw the dog, and the dog saw the cat.';
const KOREAN = '고양이가 개를 보았고 개가 고양이를 보았다.';

// CLI flags and the same settings for the page's API.
const CASES = [
  { text: SENTENCE, mode: 'word', d: 16, heads: 1, proj: 'identity', positions: 'sinusoidal' },
  { text: SENTENCE, mode: 'word', d: 16, heads: 2, proj: 'random', positions: 'learned', seed: 3 },
  { text: SENTENCE, mode: 'word', d: 16, heads: 4, proj: 'random', positions: 'none', causal: true },
  { text: KOREAN, mode: 'bpe', merges: 10, d: 12, heads: 4, proj: 'random', positions: 'sinusoidal', scores: true },
  { text: SENTENCE, mode: 'gpt2', d: 8, heads: 2, proj: 'identity', positions: 'sinusoidal', causal: true, scores: true },
  { text: KOREAN, mode: 'char', d: 6, heads: 3, proj: 'random', positions: 'sinusoidal', tokenScale: '1', scale: 'none', seed: 9 },
];

function cliArgs(c) {
  const args = ['attention', '--d-model', String(c.d), '--heads', String(c.heads), '--proj', c.proj,
    '--positions', c.positions, '--mode', c.mode, '--seed', String(c.seed ?? 1)];
  if (c.merges !== undefined) args.push('--merges', String(c.merges));
  if (c.causal) args.push('--causal');
  if (c.scores) args.push('--scores');
  if (c.tokenScale) args.push('--token-scale', c.tokenScale);
  if (c.scale) args.push('--scale', c.scale);
  return args;
}

const unescape = (s) => s.replace(/\\(.)/g, (_, c) => ({ t: '\t', n: '\n', r: '\r' })[c] ?? c);
const toFloat = (s) => (s === '-inf' ? -Infinity : Math.fround(Number(s)));

/** Parses the TSV blocks: [{ title, labels, values: Float32Array n*n }]. */
function parseTsv(stdout) {
  return stdout.trimEnd().split('\n\n').map((block) => {
    const [header, ...rows] = block.split('\n');
    const [title, ...labels] = header.split('\t');
    const values = new Float32Array(rows.length * rows.length);
    rows.forEach((row, i) => {
      const [label, ...cells] = row.split('\t');
      assert.equal(unescape(label), unescape(labels[i]), 'row label = column label');
      assert.equal(cells.length, rows.length);
      cells.forEach((v, j) => { values[i * rows.length + j] = toFloat(v); });
    });
    return { title, labels: labels.map(unescape), values };
  });
}

/** What the page computes for the same settings (section 5's rows, section 6's X). */
function moduleResult(c) {
  const seed = c.seed ?? 1;
  const options = { dModel: c.d, seed, maxRows: 512, maxTokens: 512, merges: c.merges ?? 200 };
  const analysis = c.mode === 'gpt2' ? api.analyzeGpt2(c.text, options) : api.analyze(c.text, { ...options, mode: c.mode });
  const n = analysis.rowIds.length;
  const labels = analysis.tokens.slice(0, n).map((t) => (c.mode === 'gpt2' ? t.vocabText : t.text));
  const result = attention.compute({
    tokens: analysis.rows, n, d: c.d, heads: c.heads, proj: c.proj, positions: c.positions, seed,
    tokenScale: c.tokenScale === '1' ? 1 : Math.sqrt(c.d), scale: c.scale !== 'none', causal: !!c.causal,
  });
  return { labels, result, ids: analysis.rowIds };
}

for (const c of CASES) {
  const name = `${c.mode}, d ${c.d}, ${c.heads} head(s), ${c.proj}, ${c.positions}${c.causal ? ', causal' : ''}${c.scores ? ', scores' : ''}`;
  test(`module = native CLI = WASM CLI, bit for bit: ${name}`, () => {
    const { labels, result } = moduleResult(c);
    const native = runCli(cliArgs(c), c.text, 'native');
    assert.equal(native.status, 0, native.stderr);
    const blocks = parseTsv(native.stdout);
    assert.equal(blocks.length, c.heads);
    blocks.forEach((b, h) => {
      assert.equal(b.title, `head ${h + 1}/${c.heads} ${c.scores ? 'scores' : 'weights'}`);
      assert.deepEqual(b.labels, labels);
      assert.deepEqual(b.values, c.scores ? result.heads[h].scores : result.heads[h].weights, `head ${h + 1}`);
    });
    if (hasWasmCli) {
      const wasm = runCli(cliArgs(c), c.text, 'wasm');
      assert.equal(wasm.status, 0, wasm.stderr);
      assert.equal(wasm.stdout, native.stdout);
    }
  });
}

test('the lite module (the page\'s first view, <attention-view>) computes the same attention as the full module', async () => {
  const dir = join(root, 'build-wasm/wasm-bindings');
  const { default: factory } = await import(join(dir, 'embplay_lite_module.mjs'));
  const small = await loadEmbplay(factory, { wasmBinary: readFileSync(join(dir, 'embplay_lite_module.wasm')) });
  const att = createAttention(small.module);
  const { result } = moduleResult(CASES[1]);
  const tokens = api.analyze(SENTENCE, { dModel: 16, seed: 3, maxRows: 512 }).rows;
  const again = att.compute({ tokens, n: result.n, d: 16, heads: 2, proj: 'random', positions: 'learned', seed: 3, tokenScale: 4 });
  assert.deepEqual(again.weights, result.weights);
  att.dispose();
});

test('the WASM build without SIMD gives the same bits', { skip: !existsSync(join(root, 'build-wasm/nosimd/wasm-bindings/embplay_module_nosimd.wasm')) && 'build-wasm/nosimd not built' }, async () => {
  const plain = createAttention((await loadApi('nosimd')).module);
  for (const c of CASES.filter((x) => x.mode !== 'gpt2')) {
    const { result } = moduleResult(c);
    const analysis = api.analyze(c.text, { mode: c.mode, dModel: c.d, seed: c.seed ?? 1, maxRows: 512, merges: c.merges ?? 200 });
    const again = plain.compute({
      tokens: analysis.rows, n: result.n, d: c.d, heads: c.heads, proj: c.proj, positions: c.positions, seed: c.seed ?? 1,
      tokenScale: c.tokenScale === '1' ? 1 : Math.sqrt(c.d), scale: c.scale !== 'none', causal: !!c.causal,
    });
    assert.deepEqual(again.scores, result.scores);
    assert.deepEqual(again.weights, result.weights);
  }
  plain.dispose();
});

test('bad values throw Errors with the core\'s message', () => {
  const tokens = new Float32Array(4 * 16).fill(0.1);
  const cases = [
    [{ tokens, n: 4, d: 16, heads: 3 }, /^heads \(3\) must divide d_model \(16\): each head takes d_model \/ heads columns$/],
    [{ tokens: new Float32Array(0), n: 0, d: 16 }, /^attention needs at least one token \(the text is empty\)$/],
    [{ tokens, n: 600, d: 16 }, /^attention takes between 1 and 512 tokens, got 600$/],
    [{ tokens, n: 4, d: 2048 }, /^d_model must be an integer between 1 and 1024, got 2048$/],
    [{ tokens, n: 4, d: 16, proj: 'linear' }, /^unknown projection 'linear' \(valid: identity, random\)$/],
    [{ tokens, n: 4, d: 16, positions: 'rope' }, /^unknown positions 'rope' \(valid: none, sinusoidal, learned\)$/],
    [{ tokens, n: 5, d: 16 }, /^the token rows hold 64 values, n x d = 5 x 16 = 80 expected$/],
    [{ tokens: tokens.map((v, i) => (i === 7 ? NaN : v)), n: 4, d: 16 }, /^token embedding value 7 is NaN: values must be finite/],
    [{ tokens, n: 4, d: 16, tokenScale: Infinity }, /^token scale must be a number between 0 and 10000/],
    [{ tokens, n: 4, d: 16, order: [0, 1, 1, 2] }, /^the token order is not a permutation of 0..3$/],
    [{ n: 4, d: 16 }, /^tokens must be a Float32Array of n x d values$/],
    [{ x: tokens, n: 4, d: 16, positions: 'sinusoidal' }, /^give either x \(the model input, positions already added\) or tokens/],
  ];
  for (const [options, message] of cases) {
    assert.throws(() => attention.compute(options), (e) => e instanceof Error && message.test(e.message), JSON.stringify(Object.keys(options)));
  }
  const ok = attention.compute({ tokens, n: 4, d: 16 });  // still usable after errors
  assert.equal(ok.heads[0].weights.length, 16);
  assert.deepEqual(attention.compute({ x: tokens, n: 4, d: 16 }).weights, ok.weights);  // X = 1 * E + no positions
});

test('the shuffle experiment: exactly 0 without positions, more than 0 with sinusoidal positions', () => {
  const analysis = api.analyze(SENTENCE, { dModel: 32, seed: 1, maxRows: 512 });
  const n = analysis.rowIds.length;
  const base = { tokens: analysis.rows, n, d: 32, heads: 4, proj: 'random', tokenScale: Math.sqrt(32) };
  for (const seed of [1, 2, 3]) {
    const off = attention.shuffleExperiment({ ...base, positions: 'none' }, seed);
    assert.equal(off.maxDiff.weights, 0);
    assert.deepEqual(off.restored.weights, off.original.weights);
    assert.notDeepEqual(off.shuffled.weights, off.original.weights);
    assert.equal(off.maxDiff.scores, 0);
    assert.notDeepEqual(Array.from(off.order), Array.from({ length: n }, (_, i) => i));
    const views = attention.shuffleExperiment({ ...base, positions: 'none', copy: false }, seed);
    assert.deepEqual(views.restored.weights, off.restored.weights);
    assert.deepEqual(views.shuffled.scores, off.shuffled.scores);
    const on = attention.shuffleExperiment({ ...base, positions: 'sinusoidal' }, seed);
    assert.ok(on.maxDiff.weights > 1e-4, `weights differ by ${on.maxDiff.weights}`);
    assert.ok(on.maxDiff.scores > 1e-4);
  }
  const same = attention.sameWord(analysis.rowIds, attention.compute({ ...base, positions: 'none' }));
  assert.deepEqual([same.found, same.first, same.second], [true, 0, 3]);  // "the" at 0 and 3
  assert.deepEqual(same.maxDiff, [0, 0, 0, 0]);
  const moved = attention.sameWord(analysis.rowIds, attention.compute({ ...base, positions: 'sinusoidal' }));
  assert.ok(moved.maxDiff.every((x) => x > 0), String(moved.maxDiff));
});

test('a seen positions setting is cached: a toggle recomputes no projection', () => {
  const analysis = api.analyze(SENTENCE, { dModel: 16, seed: 2, maxRows: 512 });
  const base = { tokens: analysis.rows, n: analysis.rowIds.length, d: 16, heads: 2, proj: 'random', seed: 2 };
  attention.compute({ ...base, positions: 'sinusoidal' });
  attention.compute({ ...base, positions: 'none' });
  const back = attention.compute({ ...base, positions: 'sinusoidal', heads: 4, causal: true });
  assert.deepEqual(back.work, { drewWeights: false, projectedTokens: false, projectedPositions: false });
});

for (const variant of ['native', ...(hasWasmCli ? ['wasm'] : [])]) {
  test(`${variant} CLI: bad input exits 2 with one line; long text is cut with a note`, () => {
    const cases = [
      [['attention', '--d-model', '16', '--heads', '3'], 'a b', /^embplay attention: heads \(3\) must divide d_model \(16\)/],
      [['attention', '--d-model', '16'], '', /^embplay attention: the text has no tokens: attention needs at least one$/],
      [['attention', '--d-model', '0'], 'a', /^embplay attention: d_model must be an integer between 1 and 1024, got 0$/],
      [['attention', '--d-model', '8', '--proj', 'x'], 'a', /^embplay attention: unknown projection 'x'/],
      [['attention', '--d-model', '8', '--scale', 'half'], 'a', /^embplay attention: --scale must be sqrt or none, got 'half'$/],
      [['attention'], 'a', /^embplay attention: 'attention' needs --d-model/],
    ];
    for (const [args, input, message] of cases) {
      const r = runCli(args, input, variant);
      assert.equal(r.status, 2, args.join(' '));
      assert.equal(r.stdout, '');
      assert.equal(r.stderr.trimEnd().split('\n').length, 1, r.stderr);
      assert.match(r.stderr.trimEnd(), message);
    }
    const long = Array.from({ length: 600 }, (_, i) => `w${i % 37}`).join(' ');
    const r = runCli(['attention', '--d-model', '4'], long, variant);
    assert.equal(r.status, 0);
    assert.equal(r.stderr, 'embplay attention: the text has 600 tokens; attention uses the first 512\n');
    assert.equal(r.stdout.trimEnd().split('\n').length, 513);
  });
}

test('a tab in a token label is escaped', () => {
  const r = runCli(['attention', '--d-model', '4', '--mode', 'char', '--whitespace'], 'a\tb', 'native');
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout.split('\n')[0], 'head 1/1 weights\ta\t\\t\tb');
});
