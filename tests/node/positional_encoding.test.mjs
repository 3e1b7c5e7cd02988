// Positional encodings (issue 5) in the WASM module, through the page's JS API
// (web/core/embplay.js): the sinusoidal table equals the native CLI's `embplay pe` output, in
// both the SIMD and the non-SIMD module, for both layouts, odd and even d_model and several
// bases; single values and column descriptions agree with the formula computed here in double;
// the learned table is the same in both modules; bad input throws an Error with a readable message
// and leaves the module usable.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadApi } from './load_module.mjs';
import { runCli } from './native.mjs';

const modules = { simd: await loadApi('simd'), nosimd: await loadApi('nosimd') };

// The native CLI prints "%.9g", enough to read every float back exactly (Math.fround). Both builds
// evaluate the same double computation and store it as float; measured bit-identical on every
// case here, but sin/cos come from two different libms (glibc, musl), so one ulp of float is
// allowed. The formula itself is checked to 1e-6 (the tolerance).
const TOLERANCE = 1e-6;

/** Distance in units of the last place of a float (0 when identical). */
function floatUlps(a, b) {
  if (a === b) return 0;
  const ulp = 2 ** (Math.max(Math.floor(Math.log2(Math.max(Math.abs(a), Math.abs(b)))), -126) - 23);
  return Math.abs(a - b) / ulp;
}

const CASES = [
  { dModel: 16, maxLen: 64, base: 10000, layout: 'interleaved' },
  { dModel: 16, maxLen: 64, base: 10000, layout: 'split' },
  { dModel: 7, maxLen: 50, base: 100, layout: 'interleaved' },
  { dModel: 7, maxLen: 50, base: 100, layout: 'split' },
  { dModel: 1, maxLen: 9, base: 10000, layout: 'interleaved' },
  { dModel: 128, maxLen: 300, base: 500.5, layout: 'split' },
  { dModel: 64, maxLen: 2048, base: 10000, layout: 'interleaved' },
  { dModel: 1024, maxLen: 2048, base: 10000, layout: 'split' }, // the page's largest table
];

function nativeTable({ dModel, maxLen, base, layout }) {
  const r = runCli(['pe', '--d-model', String(dModel), '--max-len', String(maxLen), '--base', String(base), '--layout', layout]);
  assert.equal(r.status, 0, r.stderr);
  const lines = r.stdout.split('\n').filter(Boolean);
  assert.equal(lines.length, maxLen);
  const out = new Float64Array(maxLen * dModel);
  lines.forEach((line, p) => {
    const cells = line.split('\t');
    assert.equal(cells.length, dModel, `row ${p}`);
    cells.forEach((c, j) => { out[p * dModel + j] = Number(c); });
  });
  return out;
}

/** The paper's formula in double, with the layout's column order (see src/transformer/sinusoidal_encoding.h). */
function formula(pos, col, { dModel, base, layout }) {
  const sines = Math.ceil(dModel / 2);
  const [pair, isSine] = layout === 'split'
    ? (col < sines ? [col, true] : [col - sines, false])
    : [Math.floor(col / 2), col % 2 === 0];
  const w = base ** (-(2 * pair) / dModel);
  return isSine ? Math.sin(pos * w) : Math.cos(pos * w);
}

for (const c of CASES) {
  const name = `d_model ${c.dModel}, max_len ${c.maxLen}, base ${c.base}, ${c.layout}`;
  test(`the sinusoidal table equals native \`embplay pe\` (SIMD and non-SIMD): ${name}`, () => {
    const native = nativeTable(c);
    for (const [variant, api] of Object.entries(modules)) {
      const wasm = api.pe.table(c);
      assert.ok(wasm instanceof Float32Array, variant);
      assert.equal(wasm.length, native.length, variant);
      let worst = 0;
      let differing = 0;
      for (let i = 0; i < wasm.length; i++) {
        const u = floatUlps(wasm[i], Math.fround(native[i]));
        if (u > 0) differing++;
        worst = Math.max(worst, u);
      }
      assert.ok(worst <= 1, `${variant}: ${differing} cells differ from native, by up to ${worst} ulp`);
      // And both equal the formula computed here.
      let fdiff = 0;
      for (let p = 0; p < c.maxLen; p++) for (let j = 0; j < c.dModel; j++) fdiff = Math.max(fdiff, Math.abs(wasm[p * c.dModel + j] - formula(p, j, c)));
      assert.ok(fdiff <= TOLERANCE, `${variant}: max |wasm - formula| = ${fdiff}`);
    }
  });
}

test('the workspace fill (the page\'s path) gives the same table as the copy', () => {
  for (const api of Object.values(modules)) {
    const ws = api.pe.workspace();
    try {
      for (const c of CASES) {
        const view = ws.fillTable(c);
        assert.deepEqual(Array.from(view), Array.from(api.pe.table(c)));
      }
    } finally {
      ws.delete();
    }
  }
});

test('single values, rows and column descriptions agree with the formula (large positions too)', () => {
  const { pe } = modules.simd;
  for (const spec of [{ dModel: 10, base: 10000, layout: 'interleaved' }, { dModel: 9, base: 37, layout: 'split' }]) {
    for (const pos of [0, 1, 17, 1000.5, 123456789]) {
      const row = pe.encodePosition(spec, pos);
      for (let col = 0; col < spec.dModel; col++) {
        const expected = formula(pos, col, spec);
        // The argument pos * w carries a relative rounding error of a few ulps (w computed with
        // pow in C++ and ** here): about pos * 1e-15 in absolute terms at large positions.
        const tol = 1e-12 + pos * 2e-15;
        assert.ok(Math.abs(pe.value(spec, pos, col) - expected) <= tol, `value(${pos}, ${col}): ${pe.value(spec, pos, col)} vs ${expected}`);
        assert.ok(Math.abs(row[col] - expected) <= TOLERANCE, `row(${pos})[${col}]`);
      }
    }
    for (let col = 0; col < spec.dModel; col++) {
      const d = pe.dimension(spec, col);
      const w = spec.base ** (-(2 * d.pair) / spec.dModel);
      assert.ok(Math.abs(d.frequency - w) <= 1e-12 * w, `frequency of column ${col}`);
      assert.ok(Math.abs(d.wavelength - (2 * Math.PI) / w) <= 1e-9 * d.wavelength, `wavelength of column ${col}`);
      const viaDim = d.isSine ? Math.sin(3 * d.frequency) : Math.cos(3 * d.frequency);
      assert.ok(Math.abs(viaDim - formula(3, col, spec)) <= 1e-12, `column ${col} is ${d.isSine ? 'sin' : 'cos'} of pair ${d.pair}`);
    }
  }
});

test('the similarity of sinusoidal positions depends only on the distance (even d_model)', () => {
  const { pe } = modules.simd;
  const spec = { dModel: 32, maxLen: 40, base: 10000, layout: 'split' };
  const sim = pe.similarity(spec, 'dot');
  assert.equal(sim.length, 40 * 40);
  for (let p = 0; p < 40; p++) {
    assert.ok(Math.abs(sim[p * 40 + p] - 16) <= 1e-4, `|PE(${p})|^2 = d/2`);
    for (let q = 0; q < 40; q++) assert.ok(Math.abs(sim[p * 40 + q] - sim[Math.abs(p - q)]) <= 1e-4, `(${p}, ${q})`);
  }
});

test('the learned table is identical in the SIMD and non-SIMD modules and bounded by sqrt(3) * stddev', () => {
  const spec = { kind: 'learned', dModel: 24, maxLen: 100, seed: 7 };
  const a = modules.simd.pe.table(spec);
  const b = modules.nosimd.pe.table(spec);
  assert.deepEqual(Array.from(b), Array.from(a));
  const bound = Math.sqrt(3) * 0.02;
  assert.ok(a.every((v) => Math.abs(v) <= bound), 'values within the uniform range');
  assert.ok(new Set(a).size > a.length * 0.9, 'values are varied');
  assert.notDeepEqual(Array.from(modules.simd.pe.table({ ...spec, seed: 8 })), Array.from(a));
});

test('model input = scale * token rows + position rows', () => {
  const { pe } = modules.simd;
  const spec = { dModel: 6, maxLen: 10, layout: 'interleaved' };
  const tokens = Float32Array.from({ length: 4 * 6 }, (_, i) => (i % 5) / 10 - 0.2);
  const input = pe.modelInput(tokens, spec, Math.sqrt(6));
  const table = pe.table(spec);
  assert.equal(input.length, tokens.length);
  for (let i = 0; i < tokens.length; i++) assert.ok(Math.abs(input[i] - (Math.sqrt(6) * tokens[i] + table[i])) <= 1e-6, `cell ${i}`);
});

const BAD = [
  ['d_model 0', () => ({ dModel: 0, maxLen: 10 }), /d_model must be an integer between 1 and 1024, got 0/],
  ['d_model negative', () => ({ dModel: -4, maxLen: 10 }), /d_model must be an integer between 1 and 1024/],
  ['d_model 100000', () => ({ dModel: 100000, maxLen: 10 }), /d_model must be an integer between 1 and 1024, got 100000/],
  ['d_model 2.5', () => ({ dModel: 2.5, maxLen: 10 }), /d_model must be an integer/],
  ['d_model NaN', () => ({ dModel: NaN, maxLen: 10 }), /d_model must be an integer/],
  ['max_len 0', () => ({ dModel: 8, maxLen: 0 }), /max_len must be an integer between 1 and 2048, got 0/],
  ['max_len 10^7', () => ({ dModel: 8, maxLen: 1e7 }), /max_len must be an integer between 1 and 2048/],
  ['base 1', () => ({ dModel: 8, maxLen: 10, base: 1 }), /base/],
  ['base 0.5', () => ({ dModel: 8, maxLen: 10, base: 0.5 }), /base/],
  ['base NaN', () => ({ dModel: 8, maxLen: 10, base: NaN }), /base/],
  ['base Infinity', () => ({ dModel: 8, maxLen: 10, base: Infinity }), /base/],
  ['layout', () => ({ dModel: 8, maxLen: 10, layout: 'diagonal' }), /layout.*diagonal|diagonal.*(interleaved|split)/],
  ['kind', () => ({ dModel: 8, maxLen: 10, kind: 'rotary' }), /unknown position table kind 'rotary'/],
];

for (const [name, make, message] of BAD) {
  test(`bad input gives an Error with a readable message: ${name}`, () => {
    for (const [variant, api] of Object.entries(modules)) {
      assert.throws(() => api.pe.table(make()), (e) => {
        assert.ok(e instanceof Error, `${variant}: an Error, got ${e}`);
        assert.match(e.message, message, variant);
        assert.ok(!e.message.includes('\n') && e.message.length < 200, `${variant}: one short line: ${e.message}`);
        return true;
      });
      // The workspace path (the page's) throws the same, and the module keeps working.
      const ws = api.pe.workspace();
      try {
        assert.throws(() => ws.fillTable(make()), message);
        assert.equal(ws.fillTable({ dModel: 4, maxLen: 3 }).length, 12);
      } finally {
        ws.delete();
      }
    }
  });
}

test('bad columns, similarity measures and seeds are refused too', () => {
  const { pe } = modules.simd;
  assert.throws(() => pe.value({ dModel: 8 }, 1, 8), /column must be an integer between 0 and 7/);
  assert.throws(() => pe.dimension({ dModel: 8 }, -1), /column must be an integer between 0 and 7/);
  assert.throws(() => pe.similarity({ dModel: 8, maxLen: 4 }, 'euclid'), (e) => e instanceof Error && /euclid/.test(e.message));
  assert.throws(() => pe.table({ kind: 'learned', dModel: 8, maxLen: 4, seed: -1 }), (e) => e instanceof Error && /seed/.test(e.message));
  assert.throws(() => pe.modelInput(new Float32Array(8 * 5), { dModel: 8, maxLen: 4 }), /5 tokens but the position table has only 4 positions/);
});

test('the native CLI refuses the same bad values with one line and exit status 2', () => {
  for (const args of [['--d-model', '0', '--max-len', '4'], ['--d-model', '100000', '--max-len', '4'], ['--d-model', '8', '--max-len', '10000000'],
    ['--d-model', '8', '--max-len', '4', '--base', '1'], ['--d-model', '8', '--max-len', '4', '--base', 'nan'],
    ['--d-model', '8', '--max-len', '4', '--layout', 'diagonal']]) {
    const r = runCli(['pe', ...args]);
    assert.equal(r.status, 2, `${args.join(' ')}: ${r.stderr}`);
    assert.equal(r.stdout, '');
    assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
    assert.match(r.stderr, /^embplay pe: /);
  }
});
