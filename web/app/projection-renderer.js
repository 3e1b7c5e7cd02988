// Draws the 2-D projection on any 2-D canvas context: in a worker on an OffscreenCanvas
// (web/app/plot-worker.js; the page's main thread then never rasterises the plot) or on
// the page's own canvas where OffscreenCanvas is missing. Pure state + drawing, no DOM.
// New coordinates glide from the old ones (ease-out over ANIMATION_MS); the most frequent
// words get labels, placed greedily so no two overlap; highlighted words are ringed and
// always labelled; analogy arrows are drawn.

export const ANIMATION_MS = 180;
export const LABELS = 40;
const COLOR_BINS = 8;
const LABEL_FONT = '12px system-ui, sans-serif';

const ease = (t) => 1 - (1 - t) ** 3;

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
    this.index = new Map();
    this.from = new Float32Array();
    this.to = new Float32Array();
    this.shown = new Float32Array();
    this.started = 0;
    this.view = { scale: 1, x: 0, y: 0 };
    this.highlight = new Set();
    this.arrows = [];
    this.size = { width: 600, height: 420, ratio: 1 };
    this.colors = { fg: '#111', accent: '#2f6fdb', palette: Array(COLOR_BINS).fill('#888') };
    this.widths = new Map();
  }

  setWords({ words, counts }) {
    this.words = words;
    this.counts = counts;
    this.index = new Map(words.map((w, i) => [w, i]));
    this.to = new Float32Array();
    this.shown = new Float32Array();
    this.highlight = new Set();
    this.arrows = [];
    this.view = { scale: 1, x: 0, y: 0 };
  }

  setCoords({ coords, now }) {
    this.from = this.shown.length === coords.length ? Float32Array.from(this.shown) : coords;
    this.to = coords;
    this.started = now;
  }

  setHighlight({ words, arrows }) { this.highlight = new Set(words); this.arrows = arrows; }
  setView({ view }) { this.view = view; }
  setSize({ size }) { this.size = size; }
  setColors({ colors }) { this.colors = colors; }

  /** Draws one frame at time `now`; returns { animating, labels } (labels: the words labelled). */
  draw(g, now) {
    const animating = this.interpolate(now);
    const { width, height, ratio } = this.size;
    g.setTransform(ratio, 0, 0, ratio, 0, 0);
    g.clearRect(0, 0, width, height);
    const n = this.shown.length / 2;
    if (!n) return { animating, labels: [] };
    const T = fitTransform(this.shown, width, height, this.view);
    this.drawPoints(g, T, n);
    this.drawArrows(g, T);
    return { animating, labels: this.drawLabels(g, T, width, height) };
  }

  interpolate(now) {
    const t = Math.min(1, (now - this.started) / ANIMATION_MS);
    const k = ease(t);
    if (this.shown.length !== this.to.length) this.shown = new Float32Array(this.to.length);
    for (let i = 0; i < this.to.length; i++) this.shown[i] = this.from[i] + (this.to[i] - this.from[i]) * k;
    return t < 1;
  }

  // Points coloured by log frequency (or rank) in COLOR_BINS colours: one path and one fill per colour.
  drawPoints(g, T, n) {
    const counts = this.counts;
    const maxLog = Math.log1p((counts && counts[0]) || 1);
    const bins = Array.from({ length: COLOR_BINS }, () => []);
    for (let i = 0; i < n; i++) {
      // Without counts (a loaded file, most frequent first) the rank stands in for the frequency.
      const rare = counts ? 1 - Math.log1p(counts[i] || 0) / maxLog : i / n;
      bins[Math.min(COLOR_BINS - 1, Math.floor(rare * COLOR_BINS))].push(i);
    }
    bins.forEach((members, b) => {
      if (!members.length) return;
      g.fillStyle = this.colors.palette[b];
      g.beginPath();
      for (const i of members) {
        const x = T.x(this.shown[2 * i]);
        const y = T.y(this.shown[2 * i + 1]);
        const r = i < LABELS ? 3.5 : 2.5;
        g.moveTo(x + r, y);
        g.arc(x, y, r, 0, 2 * Math.PI);
      }
      g.fill();
    });
  }

  drawArrows(g, T) {
    g.strokeStyle = this.colors.accent;
    g.fillStyle = this.colors.accent;
    g.lineWidth = 1.5;
    for (const [a, b] of this.arrows) {
      const i = this.index.get(a); const j = this.index.get(b);
      if (i === undefined || j === undefined || 2 * Math.max(i, j) >= this.shown.length) continue;
      const x0 = T.x(this.shown[2 * i]); const y0 = T.y(this.shown[2 * i + 1]);
      const x1 = T.x(this.shown[2 * j]); const y1 = T.y(this.shown[2 * j + 1]);
      g.beginPath(); g.moveTo(x0, y0); g.lineTo(x1, y1); g.stroke();
      const angle = Math.atan2(y1 - y0, x1 - x0);
      g.beginPath();
      g.moveTo(x1, y1);
      g.lineTo(x1 - 8 * Math.cos(angle - 0.4), y1 - 8 * Math.sin(angle - 0.4));
      g.lineTo(x1 - 8 * Math.cos(angle + 0.4), y1 - 8 * Math.sin(angle + 0.4));
      g.fill();
    }
  }

  // Highlighted words first, then by frequency; a label is skipped if it would overlap one already placed.
  drawLabels(g, T, width, height) {
    const n = this.shown.length / 2;
    const order = [];
    for (const w of this.highlight) { const i = this.index.get(w); if (i !== undefined && i < n) order.push(i); }
    for (let i = 0; i < Math.min(LABELS, n); i++) if (!this.highlight.has(this.words[i])) order.push(i);
    g.font = LABEL_FONT;
    g.textBaseline = 'middle';
    const placed = [];
    const labelled = [];
    for (const i of order) {
      const word = this.words[i];
      const x = T.x(this.shown[2 * i]) + 5;
      const y = T.y(this.shown[2 * i + 1]);
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
      g.fillStyle = special ? this.colors.accent : this.colors.fg;
      g.fillText(word, x, y);
    }
    return labelled;
  }
}

export { COLOR_BINS };
