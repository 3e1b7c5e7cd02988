// The 3-D PCA view's numbers, through the WASM module and the page's JS: a training run's
// projection with three components (shapes, explained variance, the first two columns equal
// the 2-D projection), axes that never flip between frames even when the view switches
// between 2-D and 3-D, vectors of fewer than three dimensions, coordinates.csv's pc3 column;
// and the view's geometry (web/app/projection-3d.js): rotation, depth, picking the point
// drawn on top, the angles' URL form.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadRawModule, root } from './load_module.mjs';
import { TrainingRun } from '../../web/core/training-run.js';
import { PcaFrames } from '../../web/core/pca-frames.js';
import { TRAINING_DEFAULTS } from '../../web/core/training-settings.js';
import {
  anglesAt, backToFront, cloudRadius, depthCue, formatAngles, orbitTransform, parseAngles, pickPoint, projectCloud, rotationMatrix,
} from '../../web/app/projection-3d.js';

const mod = await loadRawModule();
const corpus = readFileSync(join(root, 'assets/corpus-en.txt'), 'utf8');

const column = (coords, k, a) => Array.from({ length: coords.length / k }, (_, r) => coords[r * k + a]);
const dot = (x, y) => x.reduce((s, v, i) => s + v * y[i], 0);
const axis = (axes, dim, a) => Array.from(axes.subarray(a * dim, (a + 1) * dim));

function trained(settings = {}) {
  const run = new TrainingRun(mod, corpus, { ...TRAINING_DEFAULTS, ...settings });
  while (!run.finished) run.step();
  return run;
}

test('k = 3: rows x 3 coordinates, three decreasing variance shares summing to at most 1, PC1/PC2 as in 2-D', () => {
  const run = trained();
  try {
    const two = run.projection(200, 2);
    const three = run.projection(200, 3);
    assert.equal(three.k, 3);
    assert.equal(three.rows, 200);
    assert.equal(three.coords.length, 600);
    assert.equal(three.explained.length, 3);
    const [e1, e2, e3] = three.explained;
    assert.ok(e1 >= e2 && e2 >= e3 && e3 > 0, `explained ${three.explained}`);
    assert.ok(e1 + e2 + e3 <= 1 + 1e-9, `sum ${e1 + e2 + e3}`);
    assert.ok(Math.abs(e1 - two.explained[0]) < 1e-9 && Math.abs(e2 - two.explained[1]) < 1e-9);
    for (let a = 0; a < 2; a++) {
      const c2 = column(two.coords, 2, a);
      const c3 = column(three.coords, 3, a);
      const worst = Math.max(...c2.map((v, r) => Math.abs(v - c3[r])));
      assert.ok(worst < 1e-3, `column ${a}: coordinates differ by ${worst}`);
    }
    // The coordinates are centred projections: the third column has mean 0 and variance in
    // proportion to its share (variance along PC3 / total variance).
    const pc3 = column(three.coords, 3, 2);
    assert.ok(Math.abs(pc3.reduce((s, v) => s + v, 0) / pc3.length) < 1e-3);
  } finally {
    run.delete();
  }
});

test('frames keep their axes while training, across 2-D / 3-D switches', () => {
  const run = new TrainingRun(mod, corpus, TRAINING_DEFAULTS, { sliceMs: 10 });
  try {
    const dim = run.dim;
    run.projection(100, 2);
    let previous = Float32Array.from(run.axes);
    let known = 2;
    let flips = 0;
    let frames = 0;
    while (!run.finished) {
      run.step();
      const k = frames % 3 === 1 ? 2 : 3; // 3, 2, 3, 3, 2, 3, ...
      run.projection(100, k);
      frames++;
      for (let a = 0; a < Math.min(k, known); a++) if (dot(axis(run.axes, dim, a), axis(previous, dim, a)) < 0) flips++;
      previous = Float32Array.from(run.axes);
      known = Math.max(known, k);
    }
    assert.ok(frames > 3, `${frames} frames`);
    assert.equal(run.axes.length, 3 * dim, 'the three axes are remembered');
    assert.equal(flips, 0, 'an axis flipped between frames');
  } finally {
    run.delete();
  }
});

test('a third axis seen for the first time is oriented like a fresh projection (largest entry positive)', () => {
  const run = trained();
  try {
    const { dim } = run;
    const matrix = run.matrix();
    // Several row counts, so the eigensolver's own sign for PC3 is negative in some of them
    // (src/vectors/pca_projection.cpp orients it; tests/unit/vectors/pca_projection_test.cpp fails without that).
    for (let n = 30; n <= Math.min(330, run.words.length); n += 30) {
      const compute = (k, previous) => mod.pcaProject(matrix.subarray(0, n * dim), n, dim, k, previous);
      const frames = new PcaFrames(dim);
      frames.project(n, 2, compute);
      const after2d = frames.project(n, 3, compute);
      const direct = compute(3, undefined);
      const c1 = column(after2d.coords, 3, 2);
      const c2 = column(direct.coords, 3, 2);
      assert.ok(Math.max(...c1.map((v, r) => Math.abs(v - c2[r]))) < 1e-3, `${n} rows: PC3 has the same sign either way`);
      const third = axis(frames.axes, dim, 2);
      assert.ok(third.reduce((best, v) => (Math.abs(v) > Math.abs(best) ? v : best), 0) > 0);
      // What the module gives when told nothing about PC3 (a zero previous axis): the same rule.
      const unguided = compute(3, Float32Array.from({ length: 3 * dim }, (_, j) => (j < 2 * dim ? frames.axes[j] : 0)));
      const u = axis(unguided.axes, dim, 2);
      assert.ok(u.reduce((best, v) => (Math.abs(v) > Math.abs(best) ? v : best), 0) > 0, `${n} rows: a zero previous PC3 is oriented by its largest entry`);
    }
  } finally {
    run.delete();
  }
});

test('vectors of one or two dimensions: missing components are zeros, not an error', () => {
  for (const size of [1, 2]) {
    const run = trained({ size, epochs: 1 });
    try {
      const p = run.projection(50, 3);
      assert.equal(p.coords.length, 150);
      assert.equal(p.explained.length, 3);
      for (let a = size; a < 3; a++) {
        assert.ok(column(p.coords, 3, a).every((v) => v === 0), `size ${size}: column ${a} is zero`);
        assert.equal(p.explained[a], 0);
      }
      assert.ok(column(p.coords, 3, 0).some((v) => v !== 0));
      assert.equal(run.projection(50, 2).coords.length, 100);
    } finally {
      run.delete();
    }
  }
});

test('coordinates.csv has pc1, pc2 and pc3, the 3-D projection of every word', () => {
  const run = trained();
  try {
    const lines = run.exportFile('coordinates.csv').data.trimEnd().split('\n');
    assert.equal(lines[0], 'word,count,pc1,pc2,pc3');
    assert.equal(lines.length, run.words.length + 1);
    const p = run.projection(run.words.length, 3);
    for (const r of [0, 7, run.words.length - 1]) {
      const fields = lines[r + 1].split(',');
      assert.equal(fields.length, 5);
      assert.equal(fields[0], run.words[r]);
      for (let a = 0; a < 3; a++) assert.ok(Math.abs(Number(fields[2 + a]) - p.coords[3 * r + a]) < 1e-4, `${fields}`);
    }
  } finally {
    run.delete();
  }
});

test('rotation: orthonormal, identity at (0, 0), yaw turns PC3 towards x, depth and the fit', () => {
  const m = rotationMatrix({ yaw: 0.7, pitch: -0.4 });
  for (let i = 0; i < 3; i++) {
    for (let j = 0; j < 3; j++) {
      const d = m[3 * i] * m[3 * j] + m[3 * i + 1] * m[3 * j + 1] + m[3 * i + 2] * m[3 * j + 2];
      assert.ok(Math.abs(d - (i === j ? 1 : 0)) < 1e-12);
    }
  }
  assert.deepEqual(rotationMatrix({ yaw: 0, pitch: 0 }).map((v) => v + 0), [1, 0, 0, 0, 1, 0, 0, 0, 1]);
  const view = { scale: 1, x: 0, y: 0 };
  const T = orbitTransform({ yaw: Math.PI / 2, pitch: 0 }, 2, 400, 300, view);
  // A quarter turn of yaw: PC3 (towards the viewer) goes to the right, PC1 goes away.
  assert.ok(T.x(0, 0, 2) > 200 + 100 && Math.abs(T.depth(0, 0, 2)) < 1e-9);
  assert.ok(Math.abs(T.depth(2, 0, 0) + 1) < 1e-9);
  // The whole cloud fits whatever the angle: radius 2 -> 150 - 28 px.
  assert.ok(Math.abs(T.x(0, 0, 2) - 200 - 122) < 1e-9);
  assert.equal(cloudRadius(new Float32Array([3, 4, 0, 0, 0, 1])), 5);
  const spun = anglesAt({ yaw: 0.1, pitch: 0.2, spin: 0.5, at: 1000 }, 3000);
  assert.ok(Math.abs(spun.yaw - 1.1) < 1e-12 && spun.pitch === 0.2);
  const near = depthCue(3, 1);
  const far = depthCue(3, -1);
  assert.ok(near.r > far.r && near.alpha > far.alpha && far.alpha > 0);
});

test('picking: of overlapping points the nearer (drawn last) wins; else the nearest within reach', () => {
  // Two points one behind the other on the line of sight, and one apart.
  const coords = new Float32Array([0, 0, -1, 0, 0, 1, 1, 1, 0]);
  const T = orbitTransform({ yaw: 0, pitch: 0 }, cloudRadius(coords), 300, 300, { scale: 1, x: 0, y: 0 });
  const cloud = projectCloud(coords, 3, T);
  assert.deepEqual(backToFront(cloud.depth), [0, 2, 1], 'back to front');
  assert.equal(cloud.sx[0], cloud.sx[1]);
  assert.equal(pickPoint(cloud, cloud.sx[0], cloud.sy[0], () => 3, 10), 1, 'the front point covers the back one');
  assert.equal(pickPoint(cloud, cloud.sx[2] + 7, cloud.sy[2], () => 3, 10), 2, 'within 10 px');
  assert.equal(pickPoint(cloud, cloud.sx[2] + 40, cloud.sy[2] + 40, () => 3, 10), -1);
});

test('angles in the URL: whole degrees, read back; malformed text is refused', () => {
  const text = formatAngles({ yaw: (30 * Math.PI) / 180, pitch: (-15 * Math.PI) / 180 });
  assert.equal(text, '30,-15');
  const back = parseAngles(text);
  assert.ok(Math.abs(back.yaw - Math.PI / 6) < 1e-12 && Math.abs(back.pitch + Math.PI / 12) < 1e-12);
  assert.equal(formatAngles(parseAngles('390,200')), '30,90', 'yaw wraps, pitch is clamped');
  for (const bad of ['', 'abc', '1,', '1,2,3', 'NaN,1', null]) assert.equal(parseAngles(bad), null, String(bad));
});
