// Draws the projection plot on an OffscreenCanvas handed over by the page
// (web/app/projection-plot.js), so rasterising hundreds of points and labels 20 times a
// second never runs on the page's main thread. Messages: { type: 'init', canvas } and
// { type: 'words' | 'coords' | 'highlight' | 'view' | 'size' | 'colors', ... } (the
// renderer's setters); it answers { type: 'labels', labels } when the labelled words change,
// and { type: 'png', id, blob } to { type: 'png', id } (the plot as a PNG file).
import { ProjectionRenderer } from './projection-renderer.js';

const FRAME_MS = 33;
const renderer = new ProjectionRenderer();
let canvas = null;
let g = null;
let scheduled = false;
let lastLabels = '';

const nextFrame = (fn) => (self.requestAnimationFrame ? self.requestAnimationFrame(fn) : setTimeout(fn, FRAME_MS));

function frame() {
  scheduled = false;
  if (!g) return;
  const { width, height, ratio } = renderer.size;
  const w = Math.round(width * ratio);
  const h = Math.round(height * ratio);
  if (canvas.width !== w) canvas.width = w;
  if (canvas.height !== h) canvas.height = h;
  const { animating, labels } = renderer.draw(g, performance.now());
  const text = labels.join(' ');
  if (text !== lastLabels) {
    lastLabels = text;
    self.postMessage({ type: 'labels', labels });
  }
  if (animating) request();
}

function request() {
  if (scheduled) return;
  scheduled = true;
  nextFrame(frame);
}

const setters = {
  words: (m) => renderer.setWords(m),
  coords: (m) => renderer.setCoords({ coords: m.coords, now: performance.now() }),
  highlight: (m) => renderer.setHighlight(m),
  view: (m) => renderer.setView(m),
  size: (m) => renderer.setSize(m),
  colors: (m) => renderer.setColors(m),
};

self.onmessage = ({ data }) => {
  if (data.type === 'png') {
    frame();
    canvas.convertToBlob({ type: 'image/png' }).then(
      (blob) => self.postMessage({ type: 'png', id: data.id, blob }),
      (error) => self.postMessage({ type: 'png', id: data.id, error: error.message }),
    );
    return;
  }
  if (data.type === 'init') {
    canvas = data.canvas;
    g = canvas.getContext('2d');
  } else {
    setters[data.type]?.(data);
  }
  request();
};
