// The analogy x − minus + plus ≈ answer drawn in its own plane (for <cbow-demo>): the plane
// through the unit vectors of minus, x and plus (word2vec's analogy works on unit vectors,
// Mikolov et al. 2013). In it the arrow minus → x, moved to start at plus, ends exactly at the
// sum x − minus + plus, and the answer shows how close it lies (its projection on the plane).
// The whole-vocabulary PCA squeezes these four words together; this plane shows the
// parallelogram itself. The answer is drawn at the sum's length (it was chosen by its angle to the
// sum). analogyPlane is pure (tested in tests/node/analogy_plane.test.mjs); AnalogyPlaneView draws it.

function unit(v) {
  let n = 0;
  for (const a of v) n += a * a;
  n = Math.sqrt(n) || 1;
  return Float64Array.from(v, (a) => a / n);
}

const dot = (a, b) => a.reduce((s, v, i) => s + v * b[i], 0);
const minus = (a, b) => a.map((v, i) => v - b[i]);

/**
 * `rows`: { x, minus, plus, answer } (vectors of one length). Returns 2-D points, with minus
 * at the origin and x on the positive first axis and plus above it:
 * { minus, x, plus, sum, answer } as [u, v] (the answer scaled to the sum's length), and
 * `offPlane`, the answer's distance from the plane.
 */
export function analogyPlane(rows) {
  const [m, x, p, a] = [rows.minus, rows.x, rows.plus, rows.answer].map(unit);
  const d1 = minus(x, m);
  const e1 = unit(d1);
  const d2 = minus(p, m);
  const along = dot(d2, e1);
  let e2 = d2.map((v, i) => v - along * e1[i]);
  const e2Length = Math.sqrt(dot(e2, e2));
  e2 = e2Length > 1e-12 ? e2.map((v) => v / e2Length) : e2.map(() => 0);
  const at = (v) => {
    const r = minus(v, m);
    return [dot(r, e1), dot(r, e2)];
  };
  const sum = x.map((v, i) => v - m[i] + p[i]);
  // The answer is ranked by its angle to the sum (cosine), so it is drawn at the sum's length:
  // its distance from the sum shows that angle only.
  const sumLength = Math.sqrt(dot(sum, sum));
  const ra = minus(a.map((v) => v * sumLength), m);
  const [au, av] = [dot(ra, e1), dot(ra, e2)];
  const offPlane = Math.sqrt(Math.max(0, dot(ra, ra) - au * au - av * av));
  return { minus: [0, 0], x: at(x), plus: at(p), sum: at(sum), answer: [au, av], offPlane };
}

const MARGIN = 24; // above and below

/** A canvas with the plane: two arrows (minus → x, and the same arrow from plus), the sum, the answer. */
export class AnalogyPlaneView {
  constructor(container, label) {
    this.canvas = document.createElement('canvas');
    this.canvas.className = 'plane';
    this.canvas.setAttribute('role', 'img');
    this.canvas.setAttribute('aria-label', label);
    container.append(this.canvas);
    this.g = this.canvas.getContext('2d');
  }

  /** plane: analogyPlane(...); words: { x, minus, plus, answer, sum } (labels). */
  draw(plane, words, width, { fg, accent, muted }) {
    const height = Math.round(Math.min(240, Math.max(160, width * 0.45)));
    const ratio = globalThis.devicePixelRatio || 1;
    this.canvas.width = Math.round(width * ratio);
    this.canvas.height = Math.round(height * ratio);
    this.canvas.style.height = `${height}px`;
    const g = this.g;
    g.setTransform(ratio, 0, 0, ratio, 0, 0);
    g.clearRect(0, 0, width, height);
    g.font = '13px system-ui, sans-serif';
    const pad = (...keys) => Math.max(...keys.map((k) => g.measureText(words[k]).width)) + 16;
    const T = fit(plane, width, height, pad('minus', 'plus'), pad('x', 'sum', 'answer'));
    g.lineWidth = 2;
    arrow(g, T(plane.minus), T(plane.x), fg, []);
    arrow(g, T(plane.plus), T(plane.sum), fg, [5, 4]);
    g.setLineDash([2, 3]);
    g.strokeStyle = muted;
    line(g, T(plane.x), T(plane.sum));
    line(g, T(plane.sum), T(plane.answer));
    g.setLineDash([]);
    g.textBaseline = 'middle';
    for (const key of ['minus', 'x', 'plus']) dotAt(g, T(plane[key]), 4, fg, words[key], true, 0);
    // The sum and the answer lie close together: one label above, one below.
    const below = T(plane.sum)[1] >= T(plane.answer)[1];
    dotAt(g, T(plane.sum), 5, muted, words.sum, false, below ? 12 : -12);
    dotAt(g, T(plane.answer), 5, accent, words.answer, true, below ? -10 : 10);
  }
}

// Data -> screen, keeping the aspect ratio, with room for the labels on either side.
function fit(plane, width, height, left, right) {
  const pts = ['minus', 'x', 'plus', 'sum', 'answer'].map((k) => plane[k]);
  const us = pts.map((p) => p[0]);
  const vs = pts.map((p) => p[1]);
  const [u0, u1, v0, v1] = [Math.min(...us), Math.max(...us), Math.min(...vs), Math.max(...vs)];
  const room = Math.max(60, width - left - right);
  const s = Math.min(room / (u1 - u0 || 1), (height - 2 * MARGIN) / (v1 - v0 || 1));
  const cu = (u0 + u1) / 2;
  const cv = (v0 + v1) / 2;
  const cx = Math.min(width - right - room / 2, left + room / 2);
  return ([u, v]) => [cx + (u - cu) * s, height / 2 - (v - cv) * s];
}

function line(g, [x0, y0], [x1, y1]) {
  g.beginPath();
  g.moveTo(x0, y0);
  g.lineTo(x1, y1);
  g.stroke();
}

function arrow(g, from, to, color, dash) {
  g.strokeStyle = color;
  g.fillStyle = color;
  g.setLineDash(dash);
  line(g, from, to);
  g.setLineDash([]);
  const angle = Math.atan2(to[1] - from[1], to[0] - from[0]);
  g.beginPath();
  g.moveTo(to[0], to[1]);
  g.lineTo(to[0] - 10 * Math.cos(angle - 0.4), to[1] - 10 * Math.sin(angle - 0.4));
  g.lineTo(to[0] - 10 * Math.cos(angle + 0.4), to[1] - 10 * Math.sin(angle + 0.4));
  g.fill();
}

// A point and its label: on the left of points in the left half (the arrows leave them to the right).
function dotAt(g, [x, y], r, color, label, filled, dy) {
  g.beginPath();
  g.arc(x, y, r, 0, 2 * Math.PI);
  g.fillStyle = color;
  g.strokeStyle = color;
  g.lineWidth = 1.5;
  if (filled) g.fill();
  else g.stroke();
  const left = x < g.canvas.width / (2 * g.getTransform().a);
  g.textAlign = left ? 'right' : 'left';
  g.fillText(label, left ? x - r - 4 : x + r + 4, y + dy);
}
