// The live loss curve of a training run: loss (y) against the fraction of training done (x),
// drawn on a canvas. add() only stores a point; the owner calls draw() in its own (throttled)
// frame, so the curve and the progress bar repaint together: one page frame, not two.
import { CanvasFrame } from './canvas-frame.js';
export class LossChart {
  constructor(container, { label }) {
    this.canvas = document.createElement('canvas');
    this.canvas.className = 'loss-chart';
    this.canvas.setAttribute('role', 'img');
    this.canvas.setAttribute('aria-label', label);
    container.replaceChildren(this.canvas);
    this.box = new CanvasFrame(this.canvas, { width: 300, height: 160 });
    this.box.onResize = () => this.draw();
    this.points = [];
  }

  setLabel(label) {
    this.canvas.setAttribute('aria-label', label);
  }

  clear() {
    this.points = [];
    this.draw();
  }

  /** x in [0, 1], y the loss; non-finite losses (before the first update) are skipped. */
  add(x, y) {
    if (!Number.isFinite(y)) return;
    this.points.push([x, y]);
  }

  draw() {
    const g = this.box.begin();
    const { width, height } = this.box;
    const fg = this.box.color('--muted', '#666');
    const accent = this.box.color('--accent', '#2f6fdb');
    const pad = { left: 44, right: 8, top: 8, bottom: 20 };
    const w = width - pad.left - pad.right;
    const h = height - pad.top - pad.bottom;
    const ys = this.points.map((p) => p[1]);
    const max = ys.length ? Math.max(...ys) : 1;
    const min = ys.length ? Math.min(0, ...ys) : 0;
    const sx = (x) => pad.left + x * w;
    const sy = (y) => pad.top + h - ((y - min) / (max - min || 1)) * h;
    g.strokeStyle = fg;
    g.fillStyle = fg;
    g.font = '11px system-ui, sans-serif';
    g.beginPath();
    g.moveTo(pad.left, pad.top);
    g.lineTo(pad.left, pad.top + h);
    g.lineTo(pad.left + w, pad.top + h);
    g.stroke();
    g.textAlign = 'right';
    g.fillText(max.toFixed(2), pad.left - 4, pad.top + 9);
    g.fillText(min.toFixed(2), pad.left - 4, pad.top + h);
    g.textAlign = 'center';
    g.fillText('0%', pad.left, height - 4);
    g.fillText('100%', pad.left + w - 12, height - 4);
    if (this.points.length < 1) return;
    g.strokeStyle = accent;
    g.lineWidth = 2;
    g.beginPath();
    this.points.forEach(([x, y], i) => (i ? g.lineTo(sx(x), sy(y)) : g.moveTo(sx(x), sy(y))));
    g.stroke();
  }
}
