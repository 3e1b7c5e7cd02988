// A rows x cols heatmap painted as pixels (ImageData, one pixel per cell, scaled up by CSS),
// with row labels, column ticks, a colour legend and a hover readout.
import { DIVERGING_LUT, lutIndex } from './color-scale.js';

function el(tag, className, text) {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

export class Heatmap {
  /** `container` gets the figure; `label` is the canvas's accessible name. */
  constructor(container, { label = 'heatmap', legendLabel = 'value' } = {}) {
    this.container = container;
    container.replaceChildren();
    this.labels = el('div', 'labels');
    this.canvas = el('canvas');
    this.canvas.setAttribute('role', 'img');
    this.canvas.setAttribute('aria-label', label);
    this.canvas.tabIndex = 0;
    this.axis = el('div', 'axis');
    this.legend = el('div', 'legend');
    this.legendCanvas = el('canvas');
    this.legendCanvas.width = 256;
    this.legendCanvas.height = 1;
    this.legendCanvas.setAttribute('aria-hidden', 'true');
    this.legendMin = el('span');
    this.legendMax = el('span');
    this.legendName = el('span', '', legendLabel);
    this.legend.append(this.legendName, this.legendMin, this.legendCanvas, this.legendMax);
    this.readout = el('div', 'readout');
    this.readout.setAttribute('aria-live', 'polite');
    container.append(this.labels, this.canvas, el('div'), this.axis, el('div'), this.legend, this.readout);
    this.paintLegend();
    this.canvas.addEventListener('mousemove', (e) => this.hover(e));
    this.canvas.addEventListener('mouseleave', () => { this.readout.textContent = ''; });
  }

  paintLegend() {
    const ctx = this.legendCanvas.getContext('2d');
    const img = ctx.createImageData(256, 1);
    new Uint32Array(img.data.buffer).set(DIVERGING_LUT);
    ctx.putImageData(img, 0, 0);
  }

  /**
   * values: Float32Array rows*cols (row-major); rowLabels: strings; limit: colour range [-limit, limit]
   * (default: the largest |value|); readout(row, col, value) -> string for the hover line.
   */
  render({ values, rows, cols, rowLabels = [], limit, readout }) {
    this.values = values;
    this.rows = rows;
    this.cols = cols;
    this.readoutFn = readout;
    let max = limit;
    if (!(max > 0)) {
      max = 0;
      for (let i = 0; i < values.length; i++) max = Math.max(max, Math.abs(values[i]));
      if (max === 0) max = 1;
    }
    this.limit = max;
    this.canvas.width = Math.max(cols, 1);
    this.canvas.height = Math.max(rows, 1);
    const cellHeight = rows > 40 ? 8 : 16;
    this.canvas.style.height = `${rows * cellHeight}px`;
    const ctx = this.canvas.getContext('2d');
    if (rows > 0 && cols > 0) {
      const img = ctx.createImageData(cols, rows);
      const px = new Uint32Array(img.data.buffer);
      for (let i = 0; i < rows * cols; i++) px[i] = DIVERGING_LUT[lutIndex(values[i], max)];
      ctx.putImageData(img, 0, 0);
    } else {
      ctx.clearRect(0, 0, this.canvas.width, this.canvas.height);
    }
    this.labels.replaceChildren(...rowLabels.map((t) => {
      const d = el('div', '', rows > 40 ? '' : t);
      d.style.height = `${cellHeight}px`;
      d.style.lineHeight = `${cellHeight}px`;
      d.title = t;
      return d;
    }));
    const ticks = cols <= 1 ? [0] : [0, Math.floor((cols - 1) / 2), cols - 1];
    this.axis.replaceChildren(...ticks.map((t) => el('span', '', String(t))));
    this.legendMin.textContent = (-max).toFixed(3);
    this.legendMax.textContent = max.toFixed(3);
  }

  hover(event) {
    if (!this.values || !this.rows || !this.cols) return;
    const rect = this.canvas.getBoundingClientRect();
    const col = Math.min(this.cols - 1, Math.max(0, Math.floor(((event.clientX - rect.left) / rect.width) * this.cols)));
    const row = Math.min(this.rows - 1, Math.max(0, Math.floor(((event.clientY - rect.top) / rect.height) * this.rows)));
    const value = this.values[row * this.cols + col];
    this.readout.textContent = this.readoutFn ? this.readoutFn(row, col, value) : `${row}, ${col}: ${value}`;
  }
}
