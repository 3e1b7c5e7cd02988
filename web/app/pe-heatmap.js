// A large heatmap for position tables (pos x dim, pos x pos), painted as pixels into an
// ImageData shown at a fixed display size: one pixel per cell while the cells fit the screen,
// otherwise one per screen pixel (nearest cell), so 2048 x 1024 cells repaint in a few
// milliseconds and the canvas never outgrows the screen. Axis ticks on both axes, a diverging legend with ticks, and a hover readout
// computed from the pointer by a caller-supplied function.
import { DIVERGING_LUT, MASKED_COLOR } from './color-scale.js';

function el(tag, className, text) {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

/** About `count` round tick values from 0 to n - 1 (always including both ends). */
export function axisTicks(n, count = 5) {
  if (n <= 1) return [0];
  const raw = (n - 1) / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? raw;
  const ticks = [];
  for (let t = 0; t < n - 1 - step * 0.4; t += step) ticks.push(t);
  ticks.push(n - 1);
  return ticks;
}

/**
 * Paints values (rows x cols, row-major) into `pixels` (W x H, Uint32 RGBA) with `lut` (256
 * colours) over [lo, hi] (default: the diverging LUT over [-limit, limit]). When there are more
 * cells than pixels, each pixel shows the cell at its centre (nearest neighbour, as an image
 * downscale does); otherwise W = cols, H = rows and each cell is one pixel, scaled up by CSS.
 * -Infinity (a masked attention score) is painted MASKED_COLOR. This loop is the repaint cost,
 * so the colour index is computed inline.
 */
export function paintSampled(values, rows, cols, W, H, limit, pixels, { lo = -limit, hi = limit, lut = DIVERGING_LUT } = {}) {
  const scale = 255 / (hi - lo);
  const offset = 0.5 - lo * scale;
  const colMap = new Int32Array(W);
  for (let x = 0; x < W; x++) colMap[x] = W === cols ? x : Math.floor(((x + 0.5) * cols) / W);
  for (let y = 0; y < H; y++) {
    const from = (H === rows ? y : Math.floor(((y + 0.5) * rows) / H)) * cols;
    const to = y * W;
    for (let x = 0; x < W; x++) {
      const v = values[from + colMap[x]];
      let k = (v * scale + offset) | 0; // round((v - lo) / (hi - lo) * 255)
      if (k > 255) k = 255;
      else if (!(k >= 0)) k = 0; // also catches NaN
      pixels[to + x] = v === -Infinity ? MASKED_COLOR : lut[k];
    }
  }
}

export class PeHeatmap {
  /**
   * container: element to fill. label: accessible name of the canvas. xName / yName: axis titles.
   * rowLabels: true to show a column of row labels (token texts) on the left.
   */
  constructor(container, { label = 'heatmap', xName = '', yName = '', rowLabels = false, legendSteps = 5, lut = DIVERGING_LUT } = {}) {
    this.container = container;
    this.legendSteps = legendSteps;
    this.lut = lut;
    container.classList.add('pe-heatmap');
    container.replaceChildren();
    this.yName = el('div', 'y-name', yName);
    this.yTicks = el('div', 'y-ticks');
    this.labels = rowLabels ? el('div', 'row-labels') : null;
    this.plot = el('div', 'plot');
    this.canvas = el('canvas', 'cells');
    this.canvas.setAttribute('role', 'img');
    this.canvas.setAttribute('aria-label', label);
    this.canvas.tabIndex = 0;
    this.plot.append(this.canvas);
    this.xTicks = el('div', 'x-ticks');
    this.xName = el('div', 'x-name', xName);
    this.legend = el('div', 'legend');
    this.legendCanvas = el('canvas');
    this.legendCanvas.width = 256;
    this.legendCanvas.height = 1;
    this.legendCanvas.setAttribute('aria-hidden', 'true');
    this.legendName = el('span', 'legend-name');
    this.legendTicks = el('div', 'legend-ticks');
    const bar = el('div', 'legend-bar');
    bar.append(this.legendCanvas, this.legendTicks);
    this.legend.append(this.legendName, bar);
    this.readout = el('div', 'readout');
    this.readout.setAttribute('aria-live', 'polite');
    const left = el('div', 'left');
    left.append(this.yName, this.yTicks);
    if (this.labels) left.append(this.labels);
    container.append(left, this.plot, el('div'), this.xTicks, el('div'), this.xName, el('div'), this.legend, this.readout);
    this.paintLegend();
    this.canvas.addEventListener('mousemove', (e) => this.hover(e));
    this.canvas.addEventListener('mouseleave', () => {
      this.hoverCell = null;
      this.readout.textContent = '';
    });
    this.canvas.addEventListener('keydown', (e) => this.key(e));
    this.canvas.addEventListener('click', (e) => {
      const cell = this.cellAt(e);
      if (cell && this.onClick) this.onClick(cell.row, cell.col);
    });
    this.image = null;
  }

  paintLegend() {
    const ctx = this.legendCanvas.getContext('2d');
    const img = ctx.createImageData(256, 1);
    new Uint32Array(img.data.buffer).set(this.lut);
    ctx.putImageData(img, 0, 0);
  }

  setNames({ label, xName, yName, legendName }) {
    if (label !== undefined) this.canvas.setAttribute('aria-label', label);
    if (xName !== undefined) this.xName.textContent = xName;
    if (yName !== undefined) this.yName.textContent = yName;
    if (legendName !== undefined) this.legendName.textContent = legendName;
  }

  /**
   * values: rows x cols (row-major; read during this call only, so a WASM view is fine).
   * limit: colours span [-limit, limit]. height: display height in CSS pixels; width: display
   * width of the cells (default: the container's width).
   * readout(row, col) -> string for the hover line (read the values there yourself).
   * range: [lo, hi] instead of [-limit, limit]. rowLabels / colLabels: token texts along the
   * axes (all of them when they fit, otherwise those at the ticks).
   */
  render({ values, rows, cols, limit = 1, range, height, width, readout, rowLabels, colLabels }) {
    this.rows = rows;
    this.cols = cols;
    this.readoutFn = readout;
    const cssHeight = height ?? Math.min(420, Math.max(rows * 4, 120));
    this.canvas.style.height = `${cssHeight}px`;
    this.container.style.gridTemplateColumns = width ? `auto ${width}px` : '';
    this.container.style.justifyContent = width ? 'start' : '';
    // Canvas pixels: one per cell, or the screen's pixels when the cells outnumber them.
    const ratio = window.devicePixelRatio || 1;
    const cssWidth = width ?? (this.plot.clientWidth || cols);
    const W = Math.max(1, Math.min(cols, Math.round(cssWidth * ratio)));
    const H = Math.max(1, Math.min(rows, Math.round(cssHeight * ratio)));
    if (this.canvas.width !== W) this.canvas.width = W;
    if (this.canvas.height !== H) this.canvas.height = H;
    // A CPU canvas: putImageData is then a copy, where a GPU (or software-GL) canvas uploads a
    // texture per frame; measured several times faster in Chromium (tests/bench/pe_heatmap_bench.mjs).
    const ctx = this.canvas.getContext('2d', { willReadFrequently: true });
    if (!this.image || this.image.width !== W || this.image.height !== H) {
      this.image = ctx.createImageData(W, H);
      this.pixels = new Uint32Array(this.image.data.buffer);
    }
    const [lo, hi] = range ?? [-limit, limit];
    paintSampled(values, rows, cols, W, H, limit, this.pixels, { lo, hi, lut: this.lut });
    ctx.putImageData(this.image, 0, 0);
    this.renderAxes(rows, cols, lo, hi, rowLabels, colLabels, cssHeight, cssWidth);
    if (this.hoverCell) this.showReadout(this.hoverCell.row, this.hoverCell.col);
  }

  renderAxes(rows, cols, lo, hi, rowLabels, colLabels, cssHeight, cssWidth) {
    const join = (labels) => (labels ? labels.join('\u0001') : '');
    const key = `${rows}x${cols}x${lo}x${hi}x${cssHeight}x${Math.round(cssWidth)}x${join(rowLabels)}x${join(colLabels)}`;
    if (key === this.axesKey) return;
    this.axesKey = key;
    const place = (n, t, vertical) => {
      const s = el('span', '', String(t));
      const pct = ((t + 0.5) / n) * 100;
      if (vertical) s.style.top = `${pct}%`;
      else s.style.left = `${pct}%`;
      return s;
    };
    // Labels every cell while each gets about 12 px (rows; columns are rotated), else at the ticks.
    const labelled = (n, labels, px, room) => (n * room <= px ? labels.map((_, i) => i) : axisTicks(n, Math.max(2, Math.floor(px / (room * 2)))));
    const named = (n, t, vertical, labels) => {
      const s = place(n, t, vertical);
      s.textContent = labels[t];
      s.title = `${labels[t]} (${t})`;
      return s;
    };
    this.xTicks.classList.toggle('labels', !!colLabels);
    this.xTicks.replaceChildren(...(colLabels
      ? labelled(cols, colLabels, cssWidth, 12).map((t) => named(cols, t, false, colLabels))
      : axisTicks(cols, 6).map((t) => place(cols, t, false))));
    if (this.labels && rowLabels) {
      this.yTicks.replaceChildren();
      this.labels.replaceChildren(...labelled(rows, rowLabels, cssHeight, 12).map((r) => named(rows, r, true, rowLabels)));
    } else {
      this.yTicks.replaceChildren(...axisTicks(rows, 6).map((t) => place(rows, t, true)));
    }
    const fmt = (v) => (Math.abs(v) >= 100 ? v.toFixed(0) : Math.abs(v) >= 1 ? String(+v.toFixed(2)) : String(+v.toPrecision(2)));
    const steps = this.legendSteps === 3 ? [0, 0.5, 1] : [0, 0.25, 0.5, 0.75, 1];
    this.legendTicks.replaceChildren(...steps.map((f) => {
      const s = el('span', '', fmt(lo + f * (hi - lo)).replace('-', '\u2212'));
      s.style.left = `${f * 100}%`;
      return s;
    }));
  }

  cellAt(event) {
    if (!this.rows || !this.cols) return null;
    const rect = this.canvas.getBoundingClientRect();
    const col = Math.floor(((event.clientX - rect.left) / rect.width) * this.cols);
    const row = Math.floor(((event.clientY - rect.top) / rect.height) * this.rows);
    if (col < 0 || row < 0 || col >= this.cols || row >= this.rows) return null;
    return { row, col };
  }

  hover(event) {
    const cell = this.cellAt(event);
    this.hoverCell = cell;
    if (cell) this.showReadout(cell.row, cell.col);
  }

  /** Keyboard readout: arrows move a cell (Shift: 10 cells), Enter acts as a click. */
  key(event) {
    if (!this.rows || !this.cols) return;
    const step = event.shiftKey ? 10 : 1;
    const moves = { ArrowUp: [-step, 0], ArrowDown: [step, 0], ArrowLeft: [0, -step], ArrowRight: [0, step] };
    const cell = this.hoverCell ?? { row: 0, col: 0 };
    if (event.key === 'Enter' && this.onClick) {
      this.onClick(cell.row, cell.col);
    } else if (moves[event.key]) {
      const [dr, dc] = moves[event.key];
      this.hoverCell = {
        row: Math.min(this.rows - 1, Math.max(0, cell.row + dr)),
        col: Math.min(this.cols - 1, Math.max(0, cell.col + dc)),
      };
      this.showReadout(this.hoverCell.row, this.hoverCell.col);
    } else {
      return;
    }
    event.preventDefault();
  }

  showReadout(row, col) {
    if (row >= this.rows || col >= this.cols) {
      this.readout.textContent = '';
      return;
    }
    this.readout.textContent = this.readoutFn ? this.readoutFn(row, col) : `${row}, ${col}`;
  }
}
