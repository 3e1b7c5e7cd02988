// Curves across positions: a few series y[0..n-1] drawn as canvas paths (one path per series,
// not one node per point), with axes, ticks and a small legend. Used for the sinusoidal
// dimensions as waves of different wavelength.
import { schemeTableau10 } from './color-schemes.js';
import { axisTicks } from './pe-heatmap.js';

const MARGIN = { left: 36, right: 14, top: 8, bottom: 34 };

export const SERIES_COLORS = schemeTableau10;

function drawLine(ctx, values, n, x, y, color) {
  ctx.strokeStyle = color;
  ctx.lineWidth = 1.5;
  ctx.beginPath();
  for (let i = 0; i < n; i++) {
    if (i === 0) ctx.moveTo(x(i), y(values[i]));
    else ctx.lineTo(x(i), y(values[i]));
  }
  ctx.stroke();
}

/**
 * More points than pixels: one filled band per series from the min to the max of the points
 * under each pixel column (including the previous column's last point, so steep parts stay
 * joined). This looks like the stroked line but costs O(pixels) to raster; stroking 4 x 2048
 * zigzags took ~100 ms per frame in Chromium's software canvas.
 */
function drawEnvelope(ctx, values, n, columns, y, color) {
  const lo = new Float64Array(columns);
  const hi = new Float64Array(columns);
  let prev = values[0];
  for (let c = 0; c < columns; c++) {
    const start = Math.floor((c * n) / columns);
    const end = Math.max(start + 1, Math.floor(((c + 1) * n) / columns));
    let a = prev;
    let b = prev;
    for (let i = start; i < end; i++) {
      const v = values[i];
      if (v < a) a = v;
      if (v > b) b = v;
    }
    lo[c] = a;
    hi[c] = b;
    prev = values[end - 1];
  }
  const half = 0.75; // half the stroke width, in CSS pixels
  ctx.fillStyle = color;
  ctx.beginPath();
  for (let c = 0; c < columns; c++) ctx.lineTo(MARGIN.left + c, y(hi[c]) - half);
  for (let c = columns - 1; c >= 0; c--) ctx.lineTo(MARGIN.left + c + 1, y(lo[c]) + half);
  ctx.closePath();
  ctx.fill();
}

export class LineChart {
  constructor(container, { label = 'line chart', height = 200 } = {}) {
    this.container = container;
    container.classList.add('line-chart');
    this.canvas = document.createElement('canvas');
    this.canvas.setAttribute('role', 'img');
    this.canvas.setAttribute('aria-label', label);
    this.canvas.style.height = `${height}px`;
    this.legend = document.createElement('ul');
    this.legend.className = 'series-legend';
    container.replaceChildren(this.canvas, this.legend);
    this.height = height;
  }

  setLabel(label) {
    this.canvas.setAttribute('aria-label', label);
  }

  /**
   * series: [{ name, values (indexable, length n), color? }]; n: points per series (x = 0..n-1);
   * yRange: [lo, hi]; xName: axis title.
   */
  render({ series, n, yRange = [-1, 1], xName = '' }) {
    const ratio = window.devicePixelRatio || 1;
    const width = Math.max(200, this.canvas.clientWidth || this.container.clientWidth || 600);
    this.canvas.width = Math.round(width * ratio);
    this.canvas.height = Math.round(this.height * ratio);
    const ctx = this.canvas.getContext('2d', { willReadFrequently: true }); // CPU canvas, as in pe-heatmap.js
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, width, this.height);
    const plotW = width - MARGIN.left - MARGIN.right;
    const plotH = this.height - MARGIN.top - MARGIN.bottom;
    const x = (i) => MARGIN.left + (n <= 1 ? 0 : (i / (n - 1)) * plotW);
    const y = (v) => MARGIN.top + (1 - (v - yRange[0]) / (yRange[1] - yRange[0])) * plotH;
    this.drawAxes(ctx, { n, x, y, yRange, plotW, plotH, xName, width });
    series.forEach((s, k) => {
      const color = s.color ?? SERIES_COLORS[k % SERIES_COLORS.length];
      if (n > plotW) drawEnvelope(ctx, s.values, n, Math.ceil(plotW), y, color);
      else drawLine(ctx, s.values, n, x, y, color);
    });
    this.legend.replaceChildren(...series.map((s, k) => {
      const li = document.createElement('li');
      const swatch = document.createElement('span');
      swatch.className = 'swatch';
      swatch.style.background = s.color ?? SERIES_COLORS[k % SERIES_COLORS.length];
      li.append(swatch, document.createTextNode(s.name));
      return li;
    }));
  }

  drawAxes(ctx, { n, x, y, yRange, plotW, plotH, xName, width }) {
    const style = getComputedStyle(this.container);
    const muted = style.getPropertyValue('--muted').trim() || '#666';
    const border = style.getPropertyValue('--border').trim() || '#ccc';
    ctx.font = '11px system-ui, sans-serif';
    ctx.fillStyle = muted;
    ctx.strokeStyle = border;
    ctx.lineWidth = 1;
    ctx.textAlign = 'right';
    ctx.textBaseline = 'middle';
    const mid = (yRange[0] + yRange[1]) / 2;
    for (const v of [yRange[0], mid, yRange[1]]) {
      ctx.beginPath();
      ctx.moveTo(MARGIN.left, Math.round(y(v)) + 0.5);
      ctx.lineTo(MARGIN.left + plotW, Math.round(y(v)) + 0.5);
      ctx.stroke();
      ctx.fillText(String(+v.toFixed(2)).replace('-', '\u2212'), MARGIN.left - 4, y(v));
    }
    ctx.textAlign = 'center';
    ctx.textBaseline = 'top';
    for (const t of axisTicks(n, 8)) ctx.fillText(String(t), x(t), MARGIN.top + plotH + 4);
    if (xName) ctx.fillText(xName, MARGIN.left + plotW / 2, MARGIN.top + plotH + 18);
  }
}
