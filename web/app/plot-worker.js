// Draws the projection plot on an OffscreenCanvas handed over by the page
// (web/app/projection-plot.js), so rasterising hundreds of points and labels 20 times a
// second never runs on the page's main thread. Messages: { type: 'init', canvas } and
// { type: 'words' | 'coords' | 'highlight' | 'view' | 'rotation' | 'size' | 'colors', ... } (the
// renderer's setters); it answers { type: 'labels', labels } when the labelled words change,
// { type: 'png', id, blob } to { type: 'png', id } (the plot as a PNG file), and
// { type: 'frames', id, frames } to { type: 'frames', id }: the last frames' start times and
// drawing times in ms (for the frame-time benchmark and tests).
import { ProjectionRenderer } from './projection-renderer.js';

const FRAME_MS = 33;
const renderer = new ProjectionRenderer();
let canvas = null;
let g = null;
let scheduled = false;
let lastLabels = '';
const FRAMES_KEPT = 600;
let frames = []; // { at, ms } of the last FRAMES_KEPT frames

const nextFrame = (fn) => (self.requestAnimationFrame ? self.requestAnimationFrame(fn) : setTimeout(fn, FRAME_MS));

function frame() {
  scheduled = false;
  if (!g) return;
  const { width, height, ratio } = renderer.size;
  const w = Math.round(width * ratio);
  const h = Math.round(height * ratio);
  if (canvas.width !== w) canvas.width = w;
  if (canvas.height !== h) canvas.height = h;
  const started = performance.now();
  const { animating, labels } = renderer.draw(g, started);
  frames.push({ at: started, ms: performance.now() - started });
  if (frames.length > FRAMES_KEPT) frames = frames.slice(-FRAMES_KEPT / 2);
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
  coords: (m) => renderer.setCoords({ ...m, now: performance.now() }),
  highlight: (m) => renderer.setHighlight(m),
  view: (m) => renderer.setView(m),
  rotation: (m) => renderer.setRotation(m),
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
  if (data.type === 'frames') {
    self.postMessage({ type: 'frames', id: data.id, frames });
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
