// t-SNE in slices, for the workers: the core's exact t-SNE (van der Maaten & Hinton 2008,
// src/vectors/tsne.h, through Module.createTsne) run a few iterations per task, with a frame
// after each, so the map visibly settles and the worker answers other messages (a cancel, a
// newer request, questions) between slices. The one t-SNE loop of the page: the training worker
// maps the trained words with it (section 8), the pretrained worker the chosen tokens (section 10).
//
//   const run = new TsneRun(module, rows, n, dim, { seed: 1, onFrame: (frame) => post(frame) });
//   const last = await run.done;  // {coords, rows, iteration, iterations, perplexity}
//   run.stop();                   // frees the core's object; run.done rejects with Error('cancelled')

export const TSNE_ITERATIONS = 500;
export const TSNE_SLICE = 10; // iterations per slice: about 25 ms for 500 points in Chromium

export class TsneRun {
  /**
   * `rows`: Float32Array (n x dim, row-major), copied by the core. Options: perplexity (30), seed (1),
   * iterations (TSNE_ITERATIONS), slice (iterations per task), onFrame(frame) after every slice.
   * Throws the core's message for bad input (fewer than 3 points, a value that is not finite, ...).
   */
  constructor(module, rows, n, dim, { perplexity = 30, seed = 1, iterations = TSNE_ITERATIONS, slice = TSNE_SLICE, onFrame } = {}) {
    this.tsne = module.createTsne(rows, n, dim, { perplexity, seed });
    this.rows = n;
    this.iterations = iterations;
    this.slice = slice;
    this.onFrame = onFrame;
    this.done = new Promise((resolve, reject) => {
      this.resolve = resolve;
      this.reject = reject;
    });
    this.done.catch(() => {}); // a run nobody awaits may be stopped without an unhandled rejection
    // Yields to the worker's event loop without setTimeout's 4 ms clamp.
    this.channel = new MessageChannel();
    this.channel.port1.onmessage = () => this.next();
    this.channel.port2.postMessage(null);
  }

  /** True until the last iteration ran, the run was stopped or it failed. */
  get running() {
    return this.tsne !== null;
  }

  next() {
    if (!this.tsne) return;
    let frame;
    try {
      this.tsne.step(Math.min(this.slice, this.iterations - this.tsne.iteration()));
      frame = {
        coords: this.tsne.coords(), rows: this.rows, iteration: this.tsne.iteration(),
        iterations: this.iterations, perplexity: this.tsne.perplexity(),
      };
    } catch (error) {
      this.finish();
      this.reject(error);
      return;
    }
    const last = frame.iteration >= this.iterations;
    if (last) this.finish();
    else this.channel.port2.postMessage(null);
    this.onFrame?.(frame);
    if (last) this.resolve(frame);
  }

  /** Stops between two slices; `done` rejects with Error(reason). Nothing happens after the run ended. */
  stop(reason = 'cancelled') {
    if (!this.tsne) return;
    this.finish();
    this.reject(new Error(reason));
  }

  finish() {
    const tsne = this.tsne;
    this.tsne = null;
    this.channel.port1.close();
    this.channel.port2.close();
    try {
      if (!tsne.isDeleted()) tsne.delete();
    } catch {
      // after a WebAssembly trap even delete() fails; the step's error is what gets reported
    }
  }
}
