// A direction in embedding space from word pairs, and every word's projection on it
// (Bolukbasi et al. 2016 build a gender direction this way): d = mean over pairs of
// (v_b - v_a), scaled to unit length; a word's score is v . d. With pairs (dog, dogs),
// (cat, cats) the direction points from singular to plural, and a plural that took no part
// in building it should still score higher than its singular.
// Pure functions over a row-major Float32Array (rows = words), usable in a worker and Node.

/** Unit direction (Float64Array of dim) from pairs [a, b] of row indices: mean of b - a. */
export function pairDirection(vectors, dim, pairs) {
  if (pairs.length === 0) throw new Error('a direction needs at least one word pair');
  const d = new Float64Array(dim);
  for (const [a, b] of pairs) {
    for (let j = 0; j < dim; j++) d[j] += vectors[b * dim + j] - vectors[a * dim + j];
  }
  let norm = 0;
  for (let j = 0; j < dim; j++) norm += d[j] * d[j];
  norm = Math.sqrt(norm);
  if (!(norm > 0)) throw new Error('the pairs cancel out: the direction has length zero');
  for (let j = 0; j < dim; j++) d[j] /= norm;
  return d;
}

/** Projection of every row on unit direction `d`: Float64Array of rows. */
export function projectOnDirection(vectors, dim, d) {
  const rows = Math.floor(vectors.length / dim);
  const out = new Float64Array(rows);
  for (let r = 0; r < rows; r++) {
    let s = 0;
    for (let j = 0; j < dim; j++) s += vectors[r * dim + j] * d[j];
    out[r] = s;
  }
  return out;
}

/**
 * Parses "dog dogs, cat cats" (pairs separated by commas, semicolons or new lines; the two
 * words of a pair by spaces, '-', ':' or '→') into [[a, b], ...] word pairs.
 */
export function parsePairs(text) {
  return String(text)
    .split(/[,;\n]+/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => {
      const words = p.split(/[\s:\u2192>-]+/).filter(Boolean);
      if (words.length !== 2) throw new Error(`'${p}' is not a pair of two words`);
      return words;
    });
}
