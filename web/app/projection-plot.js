// The projection of the word vectors (PCA from the core, 2-D or 3-D, or t-SNE) on the page: a canvas whose
// drawing happens in a worker on an OffscreenCanvas (web/app/plot-worker.js) when the
// browser has one, else here (same renderer, web/app/projection-renderer.js). This side
// keeps what needs the page: hover shows a word, its count and (asked from the training
// worker) its neighbours; click selects a word; the wheel or +/- zooms, dragging or the
// arrow keys pan, a double click or 0 resets the view. In 3-D (three numbers per point)
// dragging and the arrow keys turn the cloud instead (projection-orbit.js), and hover and
// click pick the point drawn on top under the pointer (projection-3d.js).
import { interpolateViridis } from './color-schemes.js';
import { COLOR_BINS, ProjectionRenderer, fitTransform, pointRadius } from './projection-renderer.js';
import { cloudRadius, orbitTransform, pickPoint, projectCloud } from './projection-3d.js';
import { ProjectionOrbit } from './projection-orbit.js';

const HOVER_PX = 10;
const LOCAL_FRAME_MS = 45;

export class ProjectionPlot {
  /** `rotationInput`: the hidden input that keeps the 3-D view's angles for the URL hash. */
  /** `helpId`: the element that tells how to zoom and pan (the canvas's aria-describedby). */
  /** `labelAll`: every point may get a label (where it fits), not only the most frequent words. */
  constructor(container, { label, describe, onSelect, workerUrl, rotationInput, helpId, labelAll = false }) {
    this.canvas = document.createElement('canvas');
    this.canvas.className = 'projection';
    this.canvas.tabIndex = 0;
    this.canvas.setAttribute('role', 'img');
    this.canvas.setAttribute('aria-label', label);
    this.canvas.setAttribute('aria-keyshortcuts', '+ - 0 ArrowLeft ArrowRight ArrowUp ArrowDown');
    if (helpId) this.canvas.setAttribute('aria-describedby', helpId);
    this.tooltip = document.createElement('div');
    this.tooltip.className = 'plot-tooltip';
    this.tooltip.hidden = true;
    this.tooltip.setAttribute('role', 'status');
    container.classList.add('plot-box');
    container.replaceChildren(this.canvas, this.tooltip);
    this.describe = describe;
    this.onSelect = onSelect;
    this.labelAll = labelAll;
    this.words = [];
    this.counts = [];
    this.coords = new Float32Array();
    this.dims = 2; // numbers per point in coords: 2, or 3 for the 3-D PCA view
    this.view = { scale: 1, x: 0, y: 0 };
    this.showView();
    this.size = { width: 600, height: 420, ratio: window.devicePixelRatio || 1 };
    this.hoverIndex = -1;
    this.canvas.plot = this; // for tests: canvas.plot.screenPosition(word)
    this.startRenderer(workerUrl);
    this.orbit = new ProjectionOrbit(this.canvas, { input: rotationInput, onChange: (rotation) => this.send({ type: 'rotation', rotation }) });
    this.send({ type: 'rotation', rotation: this.orbit.rotation });
    this.watchSize();
    this.watchTheme();
    this.bindEvents();
  }

  // ---------- the renderer: a worker with the canvas, or a local one ----------

  startRenderer(workerUrl) {
    if (workerUrl && typeof this.canvas.transferControlToOffscreen === 'function') {
      const offscreen = this.canvas.transferControlToOffscreen();
      this.worker = new Worker(workerUrl, { type: 'module' });
      this.worker.postMessage({ type: 'init', canvas: offscreen }, [offscreen]);
      this.pngCalls = new Map();
      this.worker.onmessage = ({ data }) => {
        if (data.type === 'labels') this.setLabelled(data.labels);
        if (data.type === 'frames') this.framesCall?.(data.frames);
        if (data.type === 'png') {
          const call = this.pngCalls.get(data.id);
          this.pngCalls.delete(data.id);
          if (data.error) call?.reject(new Error(data.error));
          else call?.resolve(data.blob);
        }
      };
      return;
    }
    this.local = new ProjectionRenderer();
    this.localG = this.canvas.getContext('2d');
    this.localScheduled = false;
  }

  send(message) {
    if (this.worker) {
      this.worker.postMessage(message);
      return;
    }
    const setter = { words: 'setWords', coords: 'setCoords', highlight: 'setHighlight', view: 'setView', rotation: 'setRotation', size: 'setSize', colors: 'setColors' }[message.type];
    this.local[setter]({ ...message, now: performance.now() });
    this.drawLocal();
  }

  drawLocal() {
    if (this.localScheduled) return;
    this.localScheduled = true;
    setTimeout(() => requestAnimationFrame(() => {
      this.localScheduled = false;
      const { width, height, ratio } = this.size;
      if (this.canvas.width !== Math.round(width * ratio)) this.canvas.width = Math.round(width * ratio);
      if (this.canvas.height !== Math.round(height * ratio)) this.canvas.height = Math.round(height * ratio);
      const { animating, labels } = this.local.draw(this.localG, performance.now());
      this.setLabelled(labels);
      if (animating) this.drawLocal();
    }), LOCAL_FRAME_MS);
  }

  /** The plot as it is drawn now, as a PNG Blob. */
  toPng() {
    if (!this.worker) return new Promise((resolve) => this.canvas.toBlob(resolve, 'image/png'));
    const id = (this.pngId = (this.pngId ?? 0) + 1);
    return new Promise((resolve, reject) => {
      this.pngCalls.set(id, { resolve, reject });
      this.worker.postMessage({ type: 'png', id });
    });
  }

  /** The plot worker's last frames, [{ at, ms }] (start time and drawing time), for the frame-time benchmark. */
  frameTimes() {
    if (!this.worker) return Promise.resolve([]);
    return new Promise((resolve) => {
      this.framesCall = resolve;
      this.worker.postMessage({ type: 'frames', id: 0 });
    });
  }

  setLabelled(labels) {
    const text = labels.join(' ');
    if (this.canvas.dataset.labels !== text) this.canvas.dataset.labels = text;
  }

  watchSize() {
    new ResizeObserver(([entry]) => {
      const box = entry.contentRect;
      if (box.width <= 0 || box.height <= 0) return;
      this.size = { width: box.width, height: box.height, ratio: window.devicePixelRatio || 1 };
      this.send({ type: 'size', size: this.size });
    }).observe(this.canvas);
  }

  // Colours follow the theme (CSS variables), re-read when the theme attribute or the OS scheme changes.
  watchTheme() {
    const update = () => {
      const style = getComputedStyle(this.canvas);
      const palette = Array.from({ length: COLOR_BINS }, (_, b) => interpolateViridis(0.15 + 0.75 * (b + 0.5) / COLOR_BINS));
      this.send({ type: 'colors', colors: { fg: style.getPropertyValue('--fg').trim() || '#111', accent: style.getPropertyValue('--accent').trim() || '#2f6fdb', palette } });
    };
    new MutationObserver(update).observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
    window.matchMedia?.('(prefers-color-scheme: dark)').addEventListener?.('change', update);
    update();
  }

  // ---------- data ----------

  setLabel(label) {
    this.canvas.setAttribute('aria-label', label);
  }

  setWords(words, counts) {
    this.words = words;
    this.counts = counts;
    this.coords = new Float32Array();
    this.view = { scale: 1, x: 0, y: 0 };
    this.showView();
    this.send({ type: 'words', words, counts, ...(this.labelAll ? { labelled: words.length } : {}) });
  }

  /**
   * New coordinates (Float32Array rows x dims, rows = the first `rows` words); dims 3 is the
   * 3-D PCA view, with `explained` the share of the variance along each axis.
   */
  setCoords(coords, rows, dims = 2, explained = []) {
    const n = Math.min(rows, this.words.length);
    this.dims = dims;
    this.coords = Float32Array.from(coords.subarray(0, n * dims));
    if (this.canvas.dataset.points !== String(n)) this.canvas.dataset.points = String(n);
    if (this.canvas.dataset.dims !== String(dims)) this.canvas.dataset.dims = String(dims);
    this.orbit.setActive(dims === 3);
    this.send({ type: 'coords', coords: Float32Array.from(this.coords), dims, explained });
  }

  setHighlight(words, arrows = []) {
    this.send({ type: 'highlight', words, arrows });
  }

  /** Zoom (scale) and pan (x, y in CSS pixels) on top of the fitted view. */
  setView(view) {
    this.view = view;
    this.showView();
    this.send({ type: 'view', view });
  }

  /** Back to the fitted view (double click, the 0 key, the page's Reset view button). */
  resetView() {
    this.setView({ scale: 1, x: 0, y: 0 });
  }

  // For tests and tools: data-view="x,y,scale" (read-only; the plot never reads it back).
  showView() {
    const { x, y, scale } = this.view;
    this.canvas.dataset.view = `${+x.toFixed(2)},${+y.toFixed(2)},${+scale.toFixed(4)}`;
  }

  // ---------- interaction ----------

  /** Where `word` is drawn (CSS pixels from the canvas's top left, final positions), or null. */
  screenPosition(word) {
    const i = this.words.indexOf(word);
    if (i < 0 || this.dims * i >= this.coords.length) return null;
    if (this.dims === 3) {
      const cloud = this.cloud3d();
      return { x: cloud.sx[i], y: cloud.sy[i], depth: cloud.depth[i] };
    }
    const T = fitTransform(this.coords, this.size.width, this.size.height, this.view);
    return { x: T.x(this.coords[2 * i]), y: T.y(this.coords[2 * i + 1]) };
  }

  nearest(event) {
    const rect = this.canvas.getBoundingClientRect();
    const px = event.clientX - rect.left;
    const py = event.clientY - rect.top;
    if (this.dims === 3) return { index: pickPoint(this.cloud3d(), px, py, pointRadius, HOVER_PX), px, py };
    const T = fitTransform(this.coords, this.size.width, this.size.height, this.view);
    let best = -1;
    let bestD = HOVER_PX * HOVER_PX;
    for (let i = 0; i < this.coords.length / 2; i++) {
      const dx = T.x(this.coords[2 * i]) - px;
      const dy = T.y(this.coords[2 * i + 1]) - py;
      if (dx * dx + dy * dy < bestD) { bestD = dx * dx + dy * dy; best = i; }
    }
    return { index: best, px, py };
  }

  // The 3-D points on screen as drawn now (final positions, the rotation's current angles).
  cloud3d() {
    const T = orbitTransform(this.orbit.angles(), cloudRadius(this.coords), this.size.width, this.size.height, this.view);
    return projectCloud(this.coords, this.coords.length / 3, T);
  }

  async hover(event) {
    const { index, px, py } = this.nearest(event);
    if (index === this.hoverIndex) return;
    this.hoverIndex = index;
    if (index < 0) { this.tooltip.hidden = true; return; }
    const word = this.words[index];
    this.tooltip.style.left = `${px + 12}px`;
    this.tooltip.style.top = `${py + 12}px`;
    this.tooltip.textContent = word;
    this.tooltip.hidden = false;
    const text = await this.describe(word, this.counts ? this.counts[index] : null, index);
    if (this.hoverIndex === index) this.tooltip.textContent = text;
  }

  bindEvents() {
    const c = this.canvas;
    let drag = null;
    c.addEventListener('pointermove', (e) => {
      if (drag) {
        drag.moved = true;
        this.setView({ ...this.view, x: drag.vx + e.clientX - drag.x, y: drag.vy + e.clientY - drag.y });
        return;
      }
      this.hover(e);
    });
    c.addEventListener('pointerleave', () => { this.hoverIndex = -1; this.tooltip.hidden = true; });
    c.addEventListener('pointerdown', (e) => { drag = { x: e.clientX, y: e.clientY, vx: this.view.x, vy: this.view.y, moved: false }; });
    c.addEventListener('pointerup', (e) => {
      const moved = drag?.moved;
      drag = null;
      if (moved) return;
      const { index } = this.nearest(e);
      if (index >= 0) this.onSelect?.(this.words[index]);
    });
    c.addEventListener('wheel', (e) => {
      e.preventDefault();
      const factor = Math.exp(-e.deltaY * 0.0015);
      const rect = c.getBoundingClientRect();
      const mx = e.clientX - rect.left - this.size.width / 2;
      const my = e.clientY - rect.top - this.size.height / 2;
      this.setView({ scale: this.view.scale * factor, x: mx - (mx - this.view.x) * factor, y: my - (my - this.view.y) * factor });
    }, { passive: false });
    c.addEventListener('dblclick', () => this.resetView());
    c.addEventListener('keydown', (e) => {
      const v = { ...this.view };
      const step = { ArrowLeft: [20, 0], ArrowRight: [-20, 0], ArrowUp: [0, 20], ArrowDown: [0, -20] }[e.key];
      if (step) { v.x += step[0]; v.y += step[1]; }
      else if (e.key === '+' || e.key === '=') v.scale *= 1.2;
      else if (e.key === '-') v.scale /= 1.2;
      else if (e.key === '0') Object.assign(v, { scale: 1, x: 0, y: 0 });
      else return;
      e.preventDefault();
      this.setView(v);
    });
  }
}
