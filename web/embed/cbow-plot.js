// The <cbow-demo> scatter: the playground's own projection renderer
// (web/app/projection-renderer.js: points coloured by frequency, greedy non-overlapping labels
// for the frequent words, analogy arrows, points gliding from one PCA frame to the next) on a
// canvas in the widget's shadow root, as wide as the container, repainted on animation frames
// only while points move. The page's projection-plot.js (OffscreenCanvas worker, hover, zoom)
// is left out: a blog figure needs the picture, not the explorer.
import { ProjectionRenderer } from '../app/projection-renderer.js';

// interpolateViridis(0.15 + 0.75 (b + ½) / 8), b = 0..7, as the page's plot uses (most frequent first).
const PALETTE = ['#414287', '#365d8d', '#2b748e', '#228b8d', '#1fa187', '#35b779', '#63cb5f', '#9dd93b'];

export class CbowPlot {
  constructor(container, label) {
    this.canvas = document.createElement('canvas');
    this.canvas.className = 'plot';
    this.canvas.setAttribute('role', 'img');
    this.canvas.setAttribute('aria-label', label);
    container.append(this.canvas);
    this.g = this.canvas.getContext('2d');
    this.renderer = new ProjectionRenderer();
    this.pending = false;
    this.labels = [];
  }

  setLabel(label) {
    this.canvas.setAttribute('aria-label', label);
  }

  setWords(words, counts) {
    this.renderer.setWords({ words, counts });
    this.paint();
  }

  /** PCA coordinates of the first `rows` words (x, y pairs). */
  setCoords(coords, rows) {
    this.renderer.setCoords({ coords: Float32Array.from(coords.subarray(0, rows * 2)), now: performance.now() });
    this.paint();
  }

  setHighlight(words, arrows) {
    this.renderer.setHighlight({ words, arrows });
    this.paint();
  }

  /** Sizes the canvas to `width` CSS pixels (height follows) and takes the theme's colours. */
  resize(width, { fg, accent }) {
    const height = Math.round(Math.min(380, Math.max(220, width * 0.7)));
    const ratio = globalThis.devicePixelRatio || 1;
    this.canvas.width = Math.round(width * ratio);
    this.canvas.height = Math.round(height * ratio);
    this.canvas.style.height = `${height}px`;
    this.renderer.setSize({ size: { width, height, ratio } });
    this.renderer.setColors({ colors: { fg, accent, palette: PALETTE } });
    this.paint();
  }

  paint() {
    if (this.pending) return;
    this.pending = true;
    requestAnimationFrame(() => {
      this.pending = false;
      const { animating, labels } = this.renderer.draw(this.g, performance.now());
      this.labels = labels;
      if (animating) this.paint();
    });
  }
}
