// One CBOW training run over the WASM module, driven in time slices so a Web Worker stays
// responsive between them (pause, resume, cancel, questions): step() trains for about
// `sliceMs` and adapts the chunk size to the measured speed. Also answers the page's
// questions about the current vectors (vector-queries.js) and gives the PCA projection of
// the most frequent words, with axes kept from frame to frame.
// Works wherever the module does (a worker, Node); deletes every C++ object it creates.
import { VectorQueries } from './vector-queries.js';

const MIN_CHUNK = 1000;
const MAX_CHUNK = 2_000_000;

export class TrainingRun extends VectorQueries {
  /** `settings`: the page's names (size, window, negative, epochs, alpha, minCount, sample, seed). */
  constructor(module, text, settings, { sliceMs = 25, lossWindow = 20000 } = {}) {
    super();
    this.module = module;
    this.trainer = module.createCbowTrainer(text, { ...settings, lossWindow, batch: 1, threads: 1 });
    this.sliceMs = sliceMs;
    this.chunk = 5000;
    this.words = this.trainer.words();
    this.counts = Array.from(this.trainer.counts());
    this.dim = this.trainer.dim();
    this.axes = undefined;
    this.snapshot = null; // WordVectors of the last query, valid until the next step
    this.progress = this.trainer.progress();
  }

  info() {
    return {
      vocabSize: this.words.length, dim: this.dim, corpusWords: this.trainer.corpusWords(),
      totalWords: this.progress.totalWords, warnings: this.trainer.warnings(),
    };
  }

  /** Trains for about sliceMs; returns the progress. Throws when training diverges. */
  step(now = () => performance.now()) {
    this.dropSnapshot();
    const started = now();
    this.progress = this.trainer.train(this.chunk);
    const ms = Math.max(now() - started, 0.1);
    const next = this.chunk * Math.min(2, Math.max(0.5, this.sliceMs / ms));
    this.chunk = Math.round(Math.min(MAX_CHUNK, Math.max(MIN_CHUNK, next)));
    return this.progress;
  }

  get finished() {
    return this.progress.finished;
  }

  /** PCA of the `rows` most frequent words: { coords (rows x k), explained, rows }. */
  projection(rows = 500, k = 2) {
    const n = Math.min(rows, this.words.length);
    const p = this.module.pcaProjectTrainer(this.trainer, n, k, this.axes);
    this.axes = p.axes;
    return { coords: p.coords, explained: Array.from(p.explained), rows: n, k };
  }

  /** The vectors as they are now (a WordVectors snapshot, rebuilt after the next step). */
  vectors() {
    this.snapshot ??= this.trainer.wordVectors();
    return this.snapshot;
  }

  dropSnapshot() {
    if (this.snapshot && !this.snapshot.isDeleted()) this.snapshot.delete();
    this.snapshot = null;
  }

  delete() {
    this.dropSnapshot();
    if (!this.trainer.isDeleted()) this.trainer.delete();
  }
}

