// The questions the page asks of a set of word vectors, whether trained here
// (training-run.js) or read from a word2vec file (loaded-vectors.js): neighbours, analogy,
// a direction from word pairs, a word's row (lookup), similarities of word pairs, and the vectors as files. A subclass provides words, counts
// (or null), dim, module, vectors() (a WordVectors of the WASM module) and projection(rows);
// matrix() and rowRange() copy rows out of the module when asked, so no second copy of a
// large file's matrix lives in JS. Neighbours and analogies go through a WordSpace
// (src/vectors/word_space.h) built once per WordVectors, so a 100,000-word file is not rescaled per question.
export class VectorQueries {
  /** The k nearest words: metric 'cosine' (default; score = cosine) or 'euclidean' (score = distance). */
  neighbors(word, k = 10, metric = 'cosine') {
    return this.space().neighbors(word, k, metric);
  }

  analogy(a, b, c, k = 10) {
    return this.space().analogy(a, b, c, k);
  }

  /** The WordSpace over vectors(), rebuilt when vectors() gives another object. */
  space() {
    const v = this.vectors();
    if (this.spaceOf !== v) {
      this.dropSpace();
      this.cachedSpace = this.module.createWordSpace(v);
      this.spaceOf = v;
    }
    return this.cachedSpace;
  }

  dropSpace() {
    if (this.cachedSpace && !this.cachedSpace.isDeleted()) this.cachedSpace.delete();
    this.cachedSpace = null;
    this.spaceOf = null;
  }

  /** Every row as a Float32Array (a copy: for exports). */
  matrix() {
    return this.vectors().vectors();
  }

  /** Rows [first, first + count) as a Float32Array (a copy). */
  rowRange(first, count) {
    return this.vectors().rows(first, count);
  }

  /** A word's row of the embedding matrix: { word, id, vocabSize, dim, row } (id = its row index). */
  lookup(word) {
    const id = this.vectors().indexOf(word);
    if (id < 0) throw new Error(`'${word}' is not in the vocabulary`);
    return { word, id, vocabSize: this.words.length, dim: this.dim, row: this.rowRange(id, 1) };
  }

  /** Whether `word` has a vector here (a trained run with subwords: every word). */
  hasVector(word) {
    return this.vectors().indexOf(word) >= 0;
  }

  /**
   * The cosine similarity of each pair of words ([[a, b], ...]): a number, or null when either
   * word has no vector here (not in the vocabulary). 0 when either vector is all zeros, as
   * src/math/similarity.h.
   */
  similarities(pairs) {
    const rows = new Map();
    const row = (word) => {
      if (!rows.has(word)) rows.set(word, this.hasVector(word) ? this.lookup(word).row : null);
      return rows.get(word);
    };
    return pairs.map(([a, b]) => {
      const x = row(a);
      const y = row(b);
      return x && y ? cosine(x, y) : null;
    });
  }

  /** Every word's projection on the direction of `pairs` ([[a, b], ...]), sorted high to low. */
  direction(pairs) {
    const scores = this.space().direction(pairs);
    return this.words.map((word, i) => ({ word, score: scores[i] })).sort((x, y) => y.score - x.score);
  }

  /**
   * The vectors as a file: 'word2vec' (text), 'word2vec-binary', 'vectors.tsv' and
   * 'metadata.tsv' (what the TensorFlow Embedding Projector loads), 'coordinates.csv' (the
   * 3-D PCA of every word: pc1, pc2 as in the 2-D view, and pc3; always three columns, 0 for
   * vectors of fewer dimensions). Returns { name, type, data: Uint8Array | string }.
   */
  exportFile(format) {
    const v = this.vectors();
    switch (format) {
      case 'word2vec': return { name: 'vectors.txt', type: 'text/plain', data: v.toWord2Vec(false) };
      case 'word2vec-binary': return { name: 'vectors.bin', type: 'application/octet-stream', data: v.toWord2Vec(true) };
      case 'vectors.tsv': return { name: 'vectors.tsv', type: 'text/tab-separated-values', data: rowsAsText(this.matrix(), this.dim, '\t') };
      case 'metadata.tsv': return { name: 'metadata.tsv', type: 'text/tab-separated-values', data: this.words.map((w) => `${w}\n`).join('') };
      case 'coordinates.csv': {
        const { coords } = this.projection(this.words.length, 3);
        const count = (i) => (this.counts ? this.counts[i] : '');
        const lines = this.words.map((w, i) => `${csvField(w)},${count(i)},${coords[3 * i]},${coords[3 * i + 1]},${coords[3 * i + 2]}\n`);
        return { name: 'coordinates.csv', type: 'text/csv', data: `word,count,pc1,pc2,pc3\n${lines.join('')}` };
      }
      default: throw new Error(`unknown export format '${format}'`);
    }
  }
}

// Cosine similarity of two equal-length vectors, summed in double; 0 when either is all zeros.
function cosine(x, y) {
  let dot = 0;
  let xx = 0;
  let yy = 0;
  for (let i = 0; i < x.length; i++) {
    dot += x[i] * y[i];
    xx += x[i] * x[i];
    yy += y[i] * y[i];
  }
  return xx > 0 && yy > 0 ? dot / Math.sqrt(xx * yy) : 0;
}

// Rows of a row-major matrix as lines of `sep`-separated numbers (shortest round-trip form).
function rowsAsText(values, dim, sep) {
  const lines = [];
  for (let r = 0; r * dim < values.length; r++) lines.push(Array.from(values.subarray(r * dim, (r + 1) * dim)).join(sep));
  return lines.join('\n') + '\n';
}

// A CSV field, quoted when it holds a comma, a quote or a line break (RFC 4180).
function csvField(text) {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
