// Draws the projection on any 2-D canvas context: in a worker on an OffscreenCanvas
// (web/app/plot-worker.js; the page's main thread then never rasterises the plot) or on
// the page's own canvas where OffscreenCanvas is missing. Pure state + drawing, no DOM.
// New coordinates glide from the old ones (ease-out over ANIMATION_MS); the most frequent
// words get labels (or all words, when asked), placed greedily so no two overlap; highlighted words are ringed and
// always labelled; analogy arrows are drawn. Coordinates are 2-D (x, y pairs) or 3-D (PCA
// with three components): then the cloud is drawn turned by a rotation (projection-3d.js),
// back to front, nearer points larger and more opaque, with the three axes labelled.
import { DEFAULT_ROTATION, anglesAt, backToFront, cloudRadius, depthCue, orbitTransform, projectCloud } from './projection-3d.js';

export const ANIMATION_MS = 180;
export const LABELS = 40;
const COLOR_BINS = 8;
const LABEL_FONT = '12px system-ui, sans-serif';

const ease = (t) => 1 - (1 - t) ** 3;

/** A point's radius in px (in 3-D, at middle depth): the labelled, most frequent words are larger. */
export const pointRadius = (i) => (i < LABELS ? 3.5 : 2.5);

/** Data -> screen: fit `coords` (x, y pairs) with a margin, then zoom and pan by `view`. */
export function fitTransform(coords, width, height, view) {
  let minX = Infinity; let maxX = -Infinity; let minY = Infinity; let maxY = -Infinity;
  for (let i = 0; i + 1 < coords.length; i += 2) {
    minX = Math.min(minX, coords[i]); maxX = Math.max(maxX, coords[i]);
    minY = Math.min(minY, coords[i + 1]); maxY = Math.max(maxY, coords[i + 1]);
  }
  if (!Number.isFinite(minX)) { minX = -1; maxX = 1; minY = -1; maxY = 1; }
  const margin = 28;
  const s = Math.min((width - 2 * margin) / (maxX - minX || 1), (height - 2 * margin) / (maxY - minY || 1)) * view.scale;
  const cx = (minX + maxX) / 2;
  const cy = (minY + maxY) / 2;
  return {
    x: (v) => width / 2 + (v - cx) * s + view.x,
    y: (v) => height / 2 - (v - cy) * s + view.y,
  };
}

export class ProjectionRenderer {
  constructor() {
    this.words = [];
    this.counts = [];
    this.labelled = LABELS;
    this.index = new Map();
    this.from = new Float32Array();
    this.to = new Float32Array();
    this.shown = new Float32Array();
    this.dims = 2;
    this.explained = [];
    this.started = 0;
    this.view = { scale: 1, x: 0, y: 0 };
    this.rotation = { ...DEFAULT_ROTATION };
    this.highlight = new Set();
    this.arrows = [];
    this.size = { width: 600, height: 420, ratio: 1 };
    this.colors = { fg: '#111', accent: '#2f6fdb', palette: Array(COLOR_BINS).fill('#888') };
    this.widths = new Map();
  }

  /** `labelled`: how many of the first words may get a label (default LABELS; section 10 labels all). */
  setWords({ words, counts, labelled = LABELS }) {
    this.words = words;
    this.counts = counts;
    this.labelled = labelled;
    this.index = new Map(words.map((w, i) => [w, i]));
    this.to = new Float32Array();
    this.shown = new Float32Array();
    this.highlight = new Set();
    this.arrows = [];
    this.view = { scale: 1, x: 0, y: 0 };
  }

  /** `dims`: 2 or 3 numbers per point; `explained`: the variance fraction of each PCA axis (3-D). */
  setCoords({ coords, now, dims = 2, explained = [] }) {
    const glide = this.shown.length === coords.length && this.dims === dims;
    this.from = glide ? Float32Array.from(this.shown) : coords;
    this.to = coords;
    this.dims = dims;
    this.explained = explained;
    this.radius = dims === 3 ? cloudRadius(coords) : 1;
    this.started = now;
  }

  setHighlight({ words, arrows }) { this.highlight = new Set(words); this.arrows = arrows; }
  setView({ view }) { this.view = view; }
  setRotation({ rotation }) { this.rotation = rotation; }
  setSize({ size }) { this.size = size; }
  setColors({ colors }) { this.colors = colors; }

  /** Draws one frame at time `now`; returns { animating, labels } (labels: the words labelled). */
  draw(g, now) {
    const gliding = this.interpolate(now);
    const { width, height, ratio } = this.size;
    g.setTransform(ratio, 0, 0, ratio, 0, 0);
    g.clearRect(0, 0, width, height);
    const n = this.shown.length / this.dims;
    if (!n) return { animating: gliding, labels: [] };
    if (this.dims === 3) return { animating: gliding || Boolean(this.rotation.spin), labels: this.draw3d(g, n, width, height, now) };
    const T = fitTransform(this.shown, width, height, this.view);
    const at = (i) => [T.x(this.shown[2 * i]), T.y(this.shown[2 * i + 1])];
    this.drawPoints(g, T, n);
    this.drawArrows(g, at, n);
    return { animating: gliding, labels: this.drawLabels(g, at, n, width, height) };
  }

  interpolate(now) {
    const t = Math.min(1, (now - this.started) / ANIMATION_MS);
    const k = ease(t);
    if (this.shown.length !== this.to.length) this.shown = new Float32Array(this.to.length);
    for (let i = 0; i < this.to.length; i++) this.shown[i] = this.from[i] + (this.to[i] - this.from[i]) * k;
    return t < 1;
  }

  // The colour bin of point i: its log frequency in COLOR_BINS steps.
  binOf(i, n, maxLog) {
    const counts = this.counts;
    // Without counts (a loaded file, most frequent first) the rank stands in for the frequency.
    const rare = counts ? 1 - Math.log1p(counts[i] || 0) / maxLog : i / n;
    return Math.min(COLOR_BINS - 1, Math.floor(rare * COLOR_BINS));
  }

  maxLog() {
    return Math.log1p((this.counts && this.counts[0]) || 1);
  }

  // Points coloured by log frequency (or rank) in COLOR_BINS colours: one path and one fill per colour.
  drawPoints(g, T, n) {
    const maxLog = this.maxLog();
    const bins = Array.from({ length: COLOR_BINS }, () => []);
    for (let i = 0; i < n; i++) bins[this.binOf(i, n, maxLog)].push(i);
    bins.forEach((members, b) => {
      if (!members.length) return;
      g.fillStyle = this.colors.palette[b];
      g.beginPath();
      for (const i of members) {
        const x = T.x(this.shown[2 * i]);
        const y = T.y(this.shown[2 * i + 1]);
        const r = pointRadius(i);
        g.moveTo(x + r, y);
        g.arc(x, y, r, 0, 2 * Math.PI);
      }
      g.fill();
    });
  }

  // ---------- 3-D ----------

  draw3d(g, n, width, height, now) {
    const angles = anglesAt(this.rotation, performance.timeOrigin + now);
    const T = orbitTransform(angles, this.radius, width, height, this.view);
    const cloud = projectCloud(this.shown, n, T);
    const axisLabels = this.drawAxes(g, T, width, height);
    this.drawPoints3d(g, cloud, n);
    const at = (i) => [cloud.sx[i], cloud.sy[i]];
    this.drawArrows(g, at, n);
    const alpha = (i) => depthCue(1, cloud.depth[i]).alpha;
    return this.drawLabels(g, at, n, width, height, alpha, axisLabels);
  }

  // Back to front, one fill per point: the depth cue changes size and opacity point by point.
  drawPoints3d(g, cloud, n) {
    const maxLog = this.maxLog();
    for (const i of backToFront(cloud.depth)) {
      const { r, alpha } = depthCue(pointRadius(i), cloud.depth[i]);
      g.globalAlpha = alpha;
      g.fillStyle = this.colors.palette[this.binOf(i, n, maxLog)];
      g.beginPath();
      g.arc(cloud.sx[i], cloud.sy[i], r, 0, 2 * Math.PI);
      g.fill();
    }
    g.globalAlpha = 1;
  }

  // PC1, PC2 and PC3 as lines from the origin to 0.9 of the cloud's radius, named with their
  // share of the variance, kept inside the canvas; returns the names' boxes (word labels keep clear of them).
  drawAxes(g, T, width, height) {
    const boxes = [];
    const reach = 0.9 * this.radius;
    const ox = T.x(0, 0, 0); const oy = T.y(0, 0, 0);
    g.font = LABEL_FONT;
    g.textBaseline = 'middle';
    g.lineWidth = 1;
    for (let a = 0; a < 3; a++) {
      const p = [0, 0, 0];
      p[a] = reach;
      const x = T.x(...p); const y = T.y(...p);
      g.globalAlpha = depthCue(1, T.depth(...p)).alpha * 0.8;
      g.strokeStyle = this.colors.fg;
      g.setLineDash(T.depth(...p) < 0 ? [3, 3] : []);
      g.beginPath(); g.moveTo(ox, oy); g.lineTo(x, y); g.stroke();
      const share = this.explained[a];
      const name = `PC${a + 1}${share === undefined ? '' : ` ${(100 * share).toFixed(1)}%`}`;
      g.fillStyle = this.colors.fg;
      const w = g.measureText(name).width;
      const left = Math.max(2, Math.min(width - w - 2, x >= ox ? x + 4 : x - 4 - w));
      const top = Math.max(8, Math.min(height - 8, y));
      g.fillText(name, left, top);
      boxes.push([left, top - 7, left + w, top + 7]);
    }
    g.setLineDash([]);
    g.globalAlpha = 1;
    return boxes;
  }

  // ---------- arrows and labels (2-D and 3-D: `at(i)` is point i's [x, y] on screen) ----------

  drawArrows(g, at, n) {
    g.strokeStyle = this.colors.accent;
    g.fillStyle = this.colors.accent;
    g.lineWidth = 1.5;
    for (const [a, b] of this.arrows) {
      const i = this.index.get(a); const j = this.index.get(b);
      if (i === undefined || j === undefined || Math.max(i, j) >= n) continue;
      const [x0, y0] = at(i);
      const [x1, y1] = at(j);
      g.beginPath(); g.moveTo(x0, y0); g.lineTo(x1, y1); g.stroke();
      const angle = Math.atan2(y1 - y0, x1 - x0);
      g.beginPath();
      g.moveTo(x1, y1);
      g.lineTo(x1 - 8 * Math.cos(angle - 0.4), y1 - 8 * Math.sin(angle - 0.4));
      g.lineTo(x1 - 8 * Math.cos(angle + 0.4), y1 - 8 * Math.sin(angle + 0.4));
      g.fill();
    }
  }

  // Highlighted words first, then by frequency; a label is skipped if it would overlap one
  // already placed (or a box of `taken`). `alpha(i)` fades a plain label (3-D: farther words are fainter).
  drawLabels(g, at, n, width, height, alpha = () => 1, taken = []) {
    const order = [];
    for (const w of this.highlight) { const i = this.index.get(w); if (i !== undefined && i < n) order.push(i); }
    for (let i = 0; i < Math.min(this.labelled, n); i++) if (!this.highlight.has(this.words[i])) order.push(i);
    g.font = LABEL_FONT;
    g.textBaseline = 'middle';
    const placed = [...taken];
    const labelled = [];
    for (const i of order) {
      const word = this.words[i];
      const [px, y] = at(i);
      const x = px + 5;
      let w = this.widths.get(word);
      if (w === undefined) this.widths.set(word, (w = g.measureText(word).width));
      const box = [x, y - 7, x + w, y + 7];
      if (box[2] < 0 || box[0] > width || box[3] < 0 || box[1] > height) continue;
      const special = this.highlight.has(word);
      if (!special && placed.some((b) => b[0] < box[2] && box[0] < b[2] && b[1] < box[3] && box[1] < b[3])) continue;
      placed.push(box);
      labelled.push(word);
      if (special) {
        g.strokeStyle = this.colors.accent;
        g.lineWidth = 2;
        g.beginPath(); g.arc(x - 5, y, 6, 0, 2 * Math.PI); g.stroke();
      }
      g.globalAlpha = special ? 1 : alpha(i);
      g.fillStyle = special ? this.colors.accent : this.colors.fg;
      g.fillText(word, x, y);
    }
    g.globalAlpha = 1;
    return labelled;
  }
}

export { COLOR_BINS };
