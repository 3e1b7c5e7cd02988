// <cbow-demo>'s analogy plane (web/embed/analogy-plane.js): the plane through the unit vectors of
// minus, x and plus, with minus at the origin and x on the first axis; the sum x − minus + plus
// completes the parallelogram exactly; the answer is drawn at the sum's length, and its distance
// from the plane is reported.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analogyPlane } from '../../web/embed/analogy-plane.js';

const close = (a, b, what) => assert.ok(Math.abs(a - b) < 1e-9, `${what}: ${a} vs ${b}`);
const closePoint = (p, q, what) => { close(p[0], q[0], `${what} u`); close(p[1], q[1], `${what} v`); };

test('unit vectors on three axes: a square with the sum at the far corner', () => {
  const plane = analogyPlane({ minus: [1, 0, 0, 0], x: [0, 1, 0, 0], plus: [0, 0, 1, 0], answer: [0, 0, 0, 1] });
  const r2 = Math.SQRT2;
  closePoint(plane.minus, [0, 0], 'minus');
  closePoint(plane.x, [r2, 0], 'x on the first axis');
  closePoint(plane.plus, [r2 / 2, Math.sqrt(1.5)], 'plus above the first axis');
  closePoint(plane.sum, [plane.x[0] + plane.plus[0], plane.x[1] + plane.plus[1]], 'the sum = x + (plus − minus)');
  // The answer at the sum's length (√3): answer − minus = (−1, 0, 0, √3), |·|² = 4. On
  // e1 = (−1, 1, 0, 0)/√2 and e2 = (−½, −½, 1, 0)/√1.5 it is (1/√2, 1/√6); the rest, √(4 − 2/3), is off the plane.
  closePoint(plane.answer, [1 / r2, 1 / Math.sqrt(6)], 'the answer in the plane');
  close(plane.offPlane, Math.sqrt(4 - 2 / 3), 'its distance from the plane');
});

test('lengths do not matter (unit vectors, as word2vec\'s analogy), and an answer at the sum lies on it', () => {
  const m = [2, 0, 0]; const x = [0, 5, 0]; const p = [0, 0, 0.5];
  const sum = [-1, 1, 1]; // unit(x) − unit(m) + unit(p)
  const plane = analogyPlane({ minus: m, x, plus: p, answer: sum });
  closePoint(plane.x, [Math.SQRT2, 0], 'x');
  closePoint(plane.answer, plane.sum, 'an answer in the direction of the sum is drawn at the sum');
  close(plane.offPlane, 0, 'off the plane');
});

test('degenerate input (plus on the line through minus and x) gives finite points', () => {
  const plane = analogyPlane({ minus: [1, 0], x: [0, 1], plus: [1, 0], answer: [0.6, 0.8] });
  for (const key of ['minus', 'x', 'plus', 'sum', 'answer']) assert.ok(plane[key].every(Number.isFinite), key);
  assert.ok(Number.isFinite(plane.offPlane));
});
