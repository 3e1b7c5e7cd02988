// Word vectors read from a word2vec file (text or binary, as gensim, fastText and word2vec
// write them; the format is detected), explored with the same questions and projection as
// trained ones. Files list words most frequent first but carry no counts: counts is null
// and the page shows ranks. The projection fits on the `rows` first words only.
import { VectorQueries } from './vector-queries.js';
import { PcaFrames } from './pca-frames.js';

export class LoadedVectors extends VectorQueries {
  /** `source`: the file's bytes (read at once), or WordVectors read in slices (vector-file-reader.js), now owned here. */
  constructor(module, source) {
    super();
    this.module = module;
    this.wv = typeof source?.vectors === 'function' ? source : module.parseWord2Vec(source);
    this.words = module.wordVectorsWords(this.wv);
    this.counts = null;
    this.dim = this.wv.dim();
    this.pca = new PcaFrames(this.dim);
    this.finished = true;
  }

  info() {
    return { vocabSize: this.words.length, dim: this.dim, corpusWords: 0, totalWords: 0, warnings: [], loaded: true };
  }

  vectors() {
    return this.wv;
  }

  /** PCA (k = 2 or 3 components) of the `rows` first words: { coords (rows x k), explained, rows, k }. */
  projection(rows = 500, k = 2) {
    const n = Math.min(rows, this.words.length);
    return this.pca.project(n, k, (components, previous) => this.module.pcaProject(this.rowRange(0, n), n, this.dim, components, previous));
  }

  delete() {
    this.dropSpace();
    if (!this.wv.isDeleted()) this.wv.delete();
  }
}
