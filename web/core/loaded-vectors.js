// Word vectors read from a word2vec file (text or binary, as gensim, fastText and word2vec
// write them; the format is detected), explored with the same questions and projection as
// trained ones. Files list words most frequent first but carry no counts: counts is null
// and the page shows ranks. The projection fits on the `rows` first words only.
import { VectorQueries } from './vector-queries.js';

export class LoadedVectors extends VectorQueries {
  constructor(module, bytes) {
    super();
    this.module = module;
    this.wv = module.parseWord2Vec(bytes);
    const n = this.wv.size();
    this.words = new Array(n);
    for (let i = 0; i < n; i++) this.words[i] = this.wv.word(i);
    this.counts = null;
    this.dim = this.wv.dim();
    this.rows = this.wv.vectors(); // one copy, reused by direction, exports and projections
    this.axes = undefined;
    this.finished = true;
  }

  info() {
    return { vocabSize: this.words.length, dim: this.dim, corpusWords: 0, totalWords: 0, warnings: [], loaded: true };
  }

  vectors() {
    return this.wv;
  }

  matrix() {
    return this.rows;
  }

  projection(rows = 500, k = 2) {
    const n = Math.min(rows, this.words.length);
    const p = this.module.pcaProject(this.rows.subarray(0, n * this.dim), n, this.dim, Math.min(k, this.dim), this.axes);
    this.axes = p.axes;
    return { coords: p.coords, explained: Array.from(p.explained), rows: n, k };
  }

  delete() {
    if (!this.wv.isDeleted()) this.wv.delete();
  }
}
