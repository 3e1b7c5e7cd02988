// Issue 13: a model's safetensors file read by byte ranges through the page's JS API
// (web/core/pretrained-weights.js over the WASM module) gives exactly what the native CLI
// gives (lookup rows and norms, nearest tokens among all rows), and the WASM CLI too; only the
// header and the two tables' ranges are read; malformed files fail with the CLI's message.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { loadApi } from './load_module.mjs';
import { jsonLines, runCli } from './native.mjs';
import { PretrainedWeights, describeSafetensors } from '../../web/core/pretrained-weights.js';
import { GPT2_RANKS, makeSafetensorsFixtures } from '../fixtures/safetensors_fixtures.mjs';

const RANKS = GPT2_RANKS;
const TEXT = ' Hello king, kings and the King\'s unaffable café 한국 中文';
let dir;
let api;

before(async () => {
  dir = makeSafetensorsFixtures('embplay-safetensors-');
  api = await loadApi();
  api.loadGpt2(readFileSync(RANKS));
});
after(() => rmSync(dir, { recursive: true, force: true }));

// A Blob over the file that records every range read from it.
function recordingBlob(path) {
  const blob = new Blob([readFileSync(path)]);
  const reads = [];
  return {
    size: blob.size,
    reads,
    slice(begin, end) {
      reads.push([begin, end]);
      return blob.slice(begin, end);
    },
  };
}

const file = (name) => join(dir, name);
const cliLookup = (variant, args) => jsonLines(runCli(['lookup', ...args, '--values', '8'], TEXT, variant).stdout);

function neighborsOf(variant, args) {
  const r = runCli(['neighbors', ...args], '', variant);
  assert.equal(r.status, 0, r.stderr);
  return r.stdout.trim().split('\n').map((line) => line.split('\t'));
}

for (const [name, vocab] of [['gpt2-f32', null], ['gpt2-f16', null], ['gpt2-bf16', null], ['bert-f32', 'bert-vocab.txt'], ['bert-bf16', 'bert-vocab.txt']]) {
  test(`${name}: the module's lookup and neighbours equal the native CLI's`, async () => {
    const blob = recordingBlob(file(`${name}.safetensors`));
    let last = 0;
    const w = await PretrainedWeights.open(api, blob, {
      vocab: vocab && readFileSync(file(vocab)), sliceBytes: 100000,
      onProgress: (p) => { assert.ok(p.fraction >= last && p.fraction <= 1); last = p.fraction; },
    });
    try {
      assert.equal(last, 1);
      const vocabArgs = vocab ? ['--vocab', file(vocab)] : [];
      const args = ['--weights', file(`${name}.safetensors`), ...vocabArgs];
      const native = cliLookup('native', args);
      const mine = w.lookup(TEXT);
      assert.equal(mine.length, native.length);
      assert.ok(native.length > 10);
      mine.forEach((t, i) => {
        const n = native[i];
        assert.deepEqual([t.text, t.id, t.start, t.end], [n.text, n.id, n.start, n.end]);
        assert.equal(t.norm.toFixed(6), n.norm.toFixed(6));
        assert.deepEqual(Array.from(t.row), n.row.map(Math.fround));
      });
      const query = name.startsWith('gpt2') ? 'Ġking' : 'king';
      const near = w.neighbors(query, 5);
      const nativeNear = neighborsOf('native', [...args, '--token', query, '-k', '5']);
      assert.deepEqual(near.map((n) => [n.token, n.score.toFixed(6)]), nativeNear);
      assert.equal(near[0].token, name.startsWith('gpt2') ? 'Ġqueen' : 'queen');  // planted
      // Only the 8-byte prefix, the header and the two tables' ranges were read.
      const { tensors } = await describeSafetensors(api, new Blob([readFileSync(file(`${name}.safetensors`))]));
      const table = (suffix) => tensors.find((t) => t.name.endsWith(suffix));
      const [tok, pos] = name.startsWith('gpt2') ? [table('wte.weight'), table('wpe.weight')]
        : [table('word_embeddings.weight'), table('position_embeddings.weight')];
      const dataStart = Math.min(...tensors.map((t) => t.begin));
      assert.deepEqual(blob.reads.slice(0, 2), [[0, 8], [8, dataStart]]);
      const read = blob.reads.reduce((s, [b, e]) => s + (e - b), 0);
      assert.equal(read, dataStart + (tok.end - tok.begin) + (pos.end - pos.begin));
      for (const [b, e] of blob.reads.slice(2)) {
        assert.ok((b >= tok.begin && e <= tok.end) || (b >= pos.begin && e <= pos.end), `read [${b}, ${e}) outside the tables`);
      }
      const p = w.positions();
      assert.deepEqual([p.rows, p.cols], [16, 8]);
      assert.equal(p.data[3 * 8 + 1], 2 / 16);
      // Beside the sinusoids: the learned rows as they are, each table's cosine similarity with 1 on the diagonal.
      const v = w.positionView(10);
      assert.deepEqual([v.rows, v.cols], [10, 8]);
      assert.deepEqual(Array.from(v.learned), Array.from(p.data.subarray(0, 80)));
      assert.equal(v.sinusoid[0 * 8 + 1], 1);  // PE(0): sin 0 = 0, cos 0 = 1 (interleaved)
      for (let i = 1; i < 10; i++) assert.ok(Math.abs(v.learnedSimilarity[i * 10 + i] - 1) < 1e-6);
      const planted = (q) => Array.from({ length: 8 }, (_, j) => (q - j) / 16);  // wpe[q][j] as the generator plants it
      const dot = (a, b) => a.reduce((s, x, j) => s + x * b[j], 0);
      const cos = dot(planted(2), planted(7)) / Math.sqrt(dot(planted(2), planted(2)) * dot(planted(7), planted(7)));
      assert.ok(Math.abs(v.learnedSimilarity[2 * 10 + 7] - cos) < 1e-6, `${v.learnedSimilarity[2 * 10 + 7]} vs ${cos}`);
      // token + position = input: row t of the input is E[id_t] + P[t].
      const ids = w.tokenize(TEXT).ids.slice(0, 4);
      const input = w.modelInput(ids);
      const rows = w.rows(ids);
      for (let i = 0; i < 4 * 8; i++) assert.equal(input[i], Math.fround(rows[i] + p.data[i]));
    } finally {
      w.close();
    }
  });
}

test('GPT-2: "Ġking" and "king" are different rows, far apart', async () => {
  const w = await PretrainedWeights.open(api, new Blob([readFileSync(file('gpt2-bf16.safetensors'))]));
  try {
    const [spaced, plain] = [w.idOf('Ġking'), w.idOf('king')];
    assert.notEqual(spaced, plain);
    const all = w.neighbors(spaced, w.vocabSize - 1);
    assert.equal(all.at(-1).token, 'king');
    assert.throws(() => w.idOf('kingg'), /'kingg' is not a token of this model \(GPT-2 writes a leading space as 'Ġ'/);
  } finally {
    w.close();
  }
});

test('malformed files: the module says what the CLI says, and the module stays usable', async () => {
  for (const name of ['bad-text', 'bad-length', 'bad-huge-header', 'bad-overlap', 'bad-offsets', 'bad-i8', 'bad-f64', 'bad-rows']) {
    const path = file(`${name}.safetensors`);
    const cli = runCli(['lookup', '--weights', path], 'x');
    assert.equal(cli.status, 2, name);
    const message = cli.stderr.trim().replace(/^embplay lookup: /, '');
    await assert.rejects(PretrainedWeights.open(api, new Blob([readFileSync(path)])), (e) => {
      assert.equal(e.message, message, name);
      return true;
    });
  }
  await assert.rejects(PretrainedWeights.open(api, new Blob([readFileSync(file('bert-f32.safetensors'))])),
    /BERT weights need the model's vocab.txt/);
  await assert.rejects(PretrainedWeights.open(api, new Blob([readFileSync(file('other-f32.safetensors'))])),
    /no GPT-2 or BERT embedding table in the file: choose one \(2-D tensors: model.embed_tokens.weight \[34, 8\]\)/);
  const other = await PretrainedWeights.open(api, new Blob([readFileSync(file('other-f32.safetensors'))]),
    { tokenTable: 'model.embed_tokens.weight' });
  assert.equal(other.neighbors('#12', 1)[0].token, '#13');  // king -> queen, by row number
  other.close();
  const ok = await PretrainedWeights.open(api, new Blob([readFileSync(file('gpt2-f32.safetensors'))]));
  assert.equal(ok.neighbors('Ġking', 1)[0].token, 'Ġqueen');
  ok.close();
});

test('the WASM CLI answers as the native CLI does', () => {
  const args = ['--weights', file('gpt2-f16.safetensors')];
  assert.deepEqual(cliLookup('wasm', args), cliLookup('native', args));
  assert.deepEqual(neighborsOf('wasm', [...args, '--token', 'Ġking', '-k', '4']), neighborsOf('native', [...args, '--token', 'Ġking', '-k', '4']));
  const list = runCli(['pretrained', ...args, '--list'], '', 'wasm');
  assert.equal(list.stdout, runCli(['pretrained', ...args, '--list']).stdout);
  assert.match(list.stdout, /^transformer\.wte\.weight\tF16\t\[50257, 8\]$/m);
  const bad = runCli(['lookup', '--weights', file('bad-f64.safetensors')], 'x', 'wasm');
  assert.equal(bad.status, 2);
  assert.equal(bad.stderr, "embplay lookup: tensor 'wte.weight' has dtype F64, which is not read (F32, F16 and BF16 are)\n");
  assert.ok(statSync(file('gpt2-f16.safetensors')).size > 0);
});

test('analogy and direction over all rows match a direct computation from the rows', async () => {
  const w = await PretrainedWeights.open(api, new Blob([readFileSync(file('bert-f32.safetensors'))]), { vocab: readFileSync(file('bert-vocab.txt')) });
  try {
    const n = w.vocabSize;
    const rows = w.rows(Array.from({ length: n }, (_, i) => i));
    const row = (i) => Array.from(rows.subarray(i * 8, i * 8 + 8));
    const unit = (v) => { const l = Math.hypot(...v); return v.map((x) => x / l); };
    const dot = (a, b) => a.reduce((s, x, j) => s + x * b[j], 0);
    const [a, b, c] = ['the', 'king', 'cafe'].map((t) => w.idOf(t));
    const q = unit(row(b)).map((x, j) => x - unit(row(a))[j] + unit(row(c))[j]);
    const expected = Array.from({ length: n }, (_, i) => i).filter((i) => ![a, b, c].includes(i))
      .map((i) => ({ i, s: dot(unit(row(i)), unit(q)) })).sort((x, y) => y.s - x.s || x.i - y.i).slice(0, 5);
    const got = w.analogy('the', 'king', 'cafe', 5);
    assert.deepEqual(got.map((g) => g.id), expected.map((e) => e.i));
    got.forEach((g, k) => assert.ok(Math.abs(g.score - expected[k].s) < 1e-5, `${g.score} vs ${expected[k].s}`));
    // Direction: the unit mean of (b - a) over the pairs; every token's score is row . d.
    const pairs = [['the', 'king'], ['a', 'queen']];
    const diff = pairs.map(([x, y]) => row(w.idOf(y)).map((v, j) => v - row(w.idOf(x))[j]));
    const d = unit(diff[0].map((v, j) => (v + diff[1][j]) / 2));
    const scores = Array.from({ length: n }, (_, i) => ({ i, s: dot(row(i), d) }));
    const { highest, lowest } = w.alongDirection(pairs, 4);
    assert.deepEqual(highest.map((h) => h.id), [...scores].sort((x, y) => y.s - x.s || x.i - y.i).slice(0, 4).map((e) => e.i));
    assert.deepEqual(lowest.map((h) => h.id), [...scores].sort((x, y) => x.s - y.s || x.i - y.i).slice(0, 4).map((e) => e.i));
    assert.throws(() => w.analogy('the', 'nope', 'cafe'), /'nope' is not a token of this model/);
  } finally {
    w.close();
  }
});

test('PCA of chosen tokens: planted rows on one line, the first axis holds the variance', async () => {
  const w = await PretrainedWeights.open(api, new Blob([readFileSync(file('gpt2-f16.safetensors'))]));
  try {
    const p = w.project(['Ġking', 'Ġqueen', 'king']);
    assert.equal(p.coords.length, 6);
    assert.ok(p.explained[0] > 0.999, `${p.explained}`);
    assert.ok(Math.abs(p.coords[0] - p.coords[2]) < 0.05);  // Ġking and Ġqueen together
    assert.ok(Math.abs(p.coords[0] - p.coords[4]) > 3);     // king (= -Ġking) far away: 2 |KING| = 3.57
    assert.throws(() => w.project(['Ġking', 'nope']), /'nope' is not a token of this model/);
  } finally {
    w.close();
  }
});

test('CLI: bad flags and files exit 2 with one line, native and WASM alike', () => {
  const gpt2 = file('gpt2-f32.safetensors');
  const cases = [
    [['neighbors', '--weights', gpt2, '--token', 'Ġking', '--id', '3'], 'embplay neighbors: pass one of --token TOKEN or --id N'],
    [['neighbors', '--weights', gpt2, '--vectors', 'v.bin', '--token', 'Ġking'], 'embplay neighbors: --weights replaces --vectors and --word (use --token)'],
    [['neighbors', '--weights', gpt2, '--id', '50257'], 'embplay neighbors: --id must be between 0 and 50256, got 50257'],
    [['lookup', '--weights', '/nonexistent/model.safetensors'], "embplay lookup: cannot open weights file '/nonexistent/model.safetensors'"],
    [['pretrained', '--weights', gpt2, '--position-table', 'wpe.weight'], 'embplay pretrained: --position-table needs --token-table'],
    [['pretrained', '--weights', gpt2, '--token-table', 'ln_f.weight'], "embplay pretrained: the token table 'ln_f.weight' has shape [8], not [rows, width]"],
    [['lookup', '--weights', file('bert-f32.safetensors'), '--vocab', file('gpt2-f32.safetensors')], /^embplay lookup: vocab.txt line \d+: invalid UTF-8$/],
    [['lookup', '--weights', gpt2, '--vocab', file('bert-vocab.txt')], "embplay lookup: the token table 'wte.weight' has 50257 rows, vocab.txt has 34 tokens"],
  ];
  for (const variant of ['native', 'wasm']) {
    for (const [args, expected] of cases) {
      const r = runCli(args, 'text', variant);
      assert.equal(r.status, 2, `${variant} ${args.join(' ')}`);
      assert.equal(r.stdout, '');
      const line = r.stderr.replace(/\n$/, '');
      assert.equal(line.split('\n').length, 1, line);
      if (expected instanceof RegExp) assert.match(line, expected);
      else assert.equal(line, expected);
    }
  }
});
