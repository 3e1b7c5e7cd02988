// The heavier half of <cbow-demo> (the scatter, the analogy's plane and the trainer), imported only when a reader
// presses Train, so a post with only a <pe-heatmap> or a <token-view> does not download it.
// web/build-site.mjs builds it as dist/embedding-playground-cbow.js next to the widget script
// (the single-file classic script inlines it instead).
export { AnalogyPlaneView, analogyPlane } from './analogy-plane.js';
export { CbowPlot } from './cbow-plot.js';
export { createTrainer } from './cbow-trainer.js';
