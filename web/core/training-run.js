// One CBOW training run over the WASM module, driven in time slices so a Web Worker stays
// responsive between them (pause, resume, cancel, questions): step() trains for about
// `sliceMs` and adapts the chunk size to the measured speed. Also answers the page's
// questions about the current vectors (vector-queries.js) and gives the PCA projection of
// the most frequent words, 2-D or 3-D, with axes kept from frame to frame (pca-frames.js).
// Works wherever the module does (a worker, Node); deletes every C++ object it creates.
import { nextSliceSize } from './slice-size.js';
import { VectorQueries } from './vector-queries.js';
import { PcaFrames } from './pca-frames.js';

const MIN_CHUNK = 1000;
const MAX_CHUNK = 2_000_000;

export class TrainingRun extends VectorQueries {
  /**
   * `settings`: the page's names (size, window, negative, epochs, alpha, minCount, sample, seed), and
   * how the text becomes words: tokenizer ('whitespace' default | 'word' | 'char' | 'bpe' | 'gpt2'),
   * lowercase, merges, gpt2Ranks (the bytes of gpt2-ranks.bin for 'gpt2').
   */
  constructor(module, text, settings, { sliceMs = 25, lossWindow = 20000 } = {}) {
    super();
    this.module = module;
    this.trainer = module.createCbowTrainer(text, { ...settings, lossWindow, batch: 1, threads: 1 });
    this.tokenization = { tokenizer: settings.tokenizer ?? 'whitespace', lowercase: !!settings.lowercase };
    this.sliceMs = sliceMs;
    this.chunk = 5000;
    this.words = this.trainer.words();
    this.counts = Array.from(this.trainer.counts());
    this.dim = this.trainer.dim();
    this.pca = new PcaFrames(this.dim);
    this.snapshot = null; // WordVectors of the last query, valid until the next step
    this.progress = this.trainer.progress();
  }

  info() {
    return {
      vocabSize: this.words.length, dim: this.dim, corpusWords: this.trainer.corpusWords(),
      totalWords: this.progress.totalWords, warnings: this.trainer.warnings(), ...this.tokenization,
    };
  }

  /** Trains for about sliceMs; returns the progress. Throws when training diverges. */
  step(now = () => performance.now()) {
    this.dropSnapshot();
    const started = now();
    this.progress = this.trainer.train(this.chunk);
    this.chunk = nextSliceSize(this.chunk, now() - started, this.sliceMs, MIN_CHUNK, MAX_CHUNK);
    return this.progress;
  }

  get finished() {
    return this.progress.finished;
  }

  /** PCA (k = 2 or 3 components) of the `rows` most frequent words: { coords (rows x k), explained, rows, k }. */
  projection(rows = 500, k = 2) {
    const n = Math.min(rows, this.words.length);
    return this.pca.project(n, k, (components, previous) => this.module.pcaProjectTrainer(this.trainer, n, components, previous));
  }

  /** The latest PCA axes (Float32Array, one row of dim numbers per component seen so far). */
  get axes() {
    return this.pca.axes;
  }

  /** The vectors as they are now (a WordVectors snapshot, rebuilt after the next step). */
  vectors() {
    this.snapshot ??= this.trainer.wordVectors();
    return this.snapshot;
  }

  dropSnapshot() {
    this.dropSpace();
    if (this.snapshot && !this.snapshot.isDeleted()) this.snapshot.delete();
    this.snapshot = null;
  }

  delete() {
    this.dropSnapshot();
    if (!this.trainer.isDeleted()) this.trainer.delete();
  }
}

