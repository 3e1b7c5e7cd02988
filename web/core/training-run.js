// One training run (CBOW or skip-gram, on whole words or fastText subwords) over the WASM module, driven in time slices so a Web Worker stays
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
   * lowercase, merges, gpt2Ranks (the bytes of gpt2-ranks.bin for 'gpt2'); arch ('cbow' default |
   * 'skipgram') and subwords (true: fastText's subword model, with minn, maxn, bucket): then
   * neighbors, analogy and lookup answer for words the corpus never had, built from n-grams.
   */
  constructor(module, text, settings, { sliceMs = 25, lossWindow = 20000 } = {}) {
    super();
    this.module = module;
    this.trainer = module.createWord2vecTrainer(text, { ...settings, lossWindow, batch: 1, threads: 1 });
    this.tokenization = { tokenizer: settings.tokenizer ?? 'whitespace', lowercase: !!settings.lowercase };
    this.sliceMs = sliceMs;
    this.chunk = 5000;
    this.words = this.trainer.words();
    this.counts = Array.from(this.trainer.counts());
    this.dim = this.trainer.dim();
    this.pca = new PcaFrames(this.dim);
    this.snapshot = null; // WordVectors of the last query, valid until the next step
    this.progress = this.trainer.progress();
    this.subwords = this.trainer.subwords();
    this.arch = this.trainer.arch();
    this.subwordModel = null; // with subwords: the model and its SubwordSpace of the last query, until the next step
    this.subwordSpace = null;
  }

  info() {
    return {
      vocabSize: this.words.length, dim: this.dim, corpusWords: this.trainer.corpusWords(),
      totalWords: this.progress.totalWords, warnings: this.trainer.warnings(), ...this.tokenization,
      arch: this.arch, subwords: this.subwords,
    };
  }

  /** With subwords: the SubwordSpace of the current vectors (rebuilt after the next step). */
  subwordsSpace() {
    if (!this.subwords) throw new Error('this run has no subwords');
    if (!this.subwordSpace) {
      this.subwordModel = this.trainer.subwordModel();
      this.subwordSpace = this.module.createSubwordSpace(this.subwordModel);
    }
    return this.subwordSpace;
  }

  neighbors(word, k = 10, metric = 'cosine') {
    return this.subwords ? this.subwordsSpace().neighbors(word, k, metric) : super.neighbors(word, k, metric);
  }

  analogy(a, b, c, k = 10) {
    return this.subwords ? this.subwordsSpace().analogy(a, b, c, k) : super.analogy(a, b, c, k);
  }

  /**
   * How a word's vector is made: { word, seen, pieces: [{ text, wholeWord, share }] }. With
   * subwords: its own row (if seen) and its n-grams, each with its share of the vector (the
   * shares sum to 1); without: the word's own row alone, if seen.
   */
  wordPieces(word) {
    if (!this.subwords) {
      const seen = this.vectors().indexOf(word) >= 0;
      return { word, seen, pieces: seen ? [{ text: word, wholeWord: true, share: 1 }] : [] };
    }
    const space = this.subwordsSpace();
    return { word, seen: space.seen(word), pieces: space.pieces(word) };
  }

  /** With subwords every word has a vector (an unseen one from its n-grams). */
  hasVector(word) {
    return this.subwords || super.hasVector(word);
  }

  /** A word's row; with subwords also for an unseen word (its vector from n-grams, id -1). */
  lookup(word) {
    if (!this.subwords || this.subwordsSpace().seen(word)) return super.lookup(word);
    return { word, id: -1, vocabSize: this.words.length, dim: this.dim, row: this.subwordModel.vector(word) };
  }

  exportFile(format) {
    if (format !== 'fasttext-bin') return super.exportFile(format);
    this.subwordsSpace();
    return { name: 'model.bin', type: 'application/octet-stream', data: this.subwordModel.toFastTextBin() };
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
    for (const o of [this.subwordSpace, this.subwordModel]) if (o && !o.isDeleted()) o.delete();
    this.subwordSpace = null;
    this.subwordModel = null;
    if (this.snapshot && !this.snapshot.isDeleted()) this.snapshot.delete();
    this.snapshot = null;
  }

  delete() {
    this.dropSnapshot();
    if (!this.trainer.isDeleted()) this.trainer.delete();
  }
}

