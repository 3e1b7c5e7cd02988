// What the page's live canvases share: their CSS size, kept by a ResizeObserver (reading
// clientWidth every frame would force a layout of the whole page, which took tens of ms
// while training updated the page), and theme colours read at most twice a second.
export class CanvasFrame {
  constructor(canvas, fallback = { width: 600, height: 300 }) {
    this.canvas = canvas;
    this.width = fallback.width;
    this.height = fallback.height;
    this.colorsAt = -Infinity;
    this.colors = {};
    this.onResize = null;
    new ResizeObserver(([entry]) => {
      const box = entry.contentRect;
      if (box.width > 0) this.width = box.width;
      if (box.height > 0) this.height = box.height;
      this.onResize?.();
    }).observe(canvas);
  }

  /** The 2-D context, scaled for the device pixel ratio, cleared. */
  begin() {
    const ratio = window.devicePixelRatio || 1;
    const w = Math.round(this.width * ratio);
    const h = Math.round(this.height * ratio);
    if (this.canvas.width !== w) this.canvas.width = w;
    if (this.canvas.height !== h) this.canvas.height = h;
    // A CPU canvas, as in line-chart.js and pe-heatmap.js: WebKit showed an accelerated canvas
    // blank after content-visibility: auto skipped its section and brought it back (issue 14),
    // though it still held the drawing. Small charts lose nothing by it.
    const g = this.canvas.getContext('2d', { willReadFrequently: true });
    g.setTransform(ratio, 0, 0, ratio, 0, 0);
    g.clearRect(0, 0, this.width, this.height);
    return g;
  }

  /** CSS custom properties (e.g. '--fg') of the canvas, refreshed every 500 ms at most. */
  color(name, fallback) {
    const now = performance.now();
    if (now - this.colorsAt > 500) {
      this.colorsAt = now;
      const style = getComputedStyle(this.canvas);
      this.colors = {};
      for (const n of ['--fg', '--muted', '--accent']) this.colors[n] = style.getPropertyValue(n).trim();
    }
    return this.colors[name] || fallback;
  }
}

/**
 * A request() that runs `draw` in an animation frame, at most once per `minMs`: training
 * sends news every ~25 ms, and repainting a canvas (and committing it to the compositor) at
 * 60 fps on a busy machine made main-thread tasks of 50-100 ms.
 */
export function throttledFrame(draw, minMs) {
  let last = -Infinity;
  let frame = 0;
  let timer = 0;
  const run = () => {
    frame = 0;
    last = performance.now();
    draw();
  };
  return function request() {
    if (frame || timer) return;
    const wait = last + minMs - performance.now();
    if (wait <= 0) frame = requestAnimationFrame(run);
    else timer = setTimeout(() => { timer = 0; frame = requestAnimationFrame(run); }, wait);
  };
}
