// Reads a word2vec file (text or binary, as gensim, fastText, word2vec.c and GloVe write them)
// over the module's incremental reader (src/vectors/word2vec_reader.h) in time slices, so the worker
// can post progress and notice a cancel between them: step() reads for about `sliceMs` and
// adapts the rows per slice to the measured speed (as training-run.js does for training).
//
//   const file = new VectorFileReader(module, bytes);   // copies the bytes into the WASM heap once
//   while (!(p = file.step()).done) postProgress(p);    // { fraction, rows, totalRows, done }
//   const vectors = new LoadedVectors(module, file.finish());
//   file.delete();
import { nextSliceSize } from './slice-size.js';

const MIN_ROWS = 50;
const MAX_ROWS = 1_000_000;

export class VectorFileReader {
  constructor(module, bytes, { sliceMs = 25, rows = 500 } = {}) {
    this.reader = module.createWord2VecReader(bytes);
    this.sliceMs = sliceMs;
    this.rows = rows;
    this.progress = toProgress(this.reader.progress());
  }

  /** Reads for about sliceMs; returns { fraction, rows, totalRows, done }. Throws on a broken file. */
  step(now = () => performance.now()) {
    const started = now();
    this.progress = toProgress(this.reader.read(this.rows));
    this.rows = nextSliceSize(this.rows, now() - started, this.sliceMs, MIN_ROWS, MAX_ROWS);
    return this.progress;
  }

  get done() {
    return this.progress.done;
  }

  /** The WordVectors read (a module object the caller deletes); the file's bytes are freed. */
  finish() {
    return this.reader.finish();
  }

  delete() {
    if (!this.reader.isDeleted()) this.reader.delete();
  }
}

function toProgress(p) {
  return { fraction: p.fraction, rows: p.rowsRead, totalRows: p.rowsExpected, done: p.done };
}
