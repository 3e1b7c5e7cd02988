// Successive PCA projections of one set of vectors (the frames of a training run, or a
// loaded file's views), in 2-D or 3-D, with axes that keep their direction from frame to
// frame even when the number of components changes: the module's pcaProject* orients each
// new axis along the previous frame's (src/vectors/pca_projection.h), and this file remembers the
// axes of the largest projection so far, so going 2-D -> 3-D -> 2-D never flips PC1 or PC2.
// An axis seen for the first time is passed as a zero row, which the module orients by its
// deterministic rule (largest entry positive). Components beyond the vectors' dimension are reported as zeros, so a
// caller asking for k always gets rows x k coordinates and k explained fractions.

const MAX_COMPONENTS = 3;

export class PcaFrames {
  constructor(dim) {
    this.dim = dim;
    this.axes = undefined; // Float32Array known x dim: the latest direction of each axis seen
    this.known = 0;
  }

  /**
   * `compute(k, previousAxes)` runs the module's PCA with k components; returns
   * { coords (rows x want), explained (want numbers), rows, k: want }.
   */
  project(rows, want, compute) {
    const k = Math.max(1, Math.min(want, MAX_COMPONENTS, this.dim));
    const p = compute(k, this.previous(k));
    this.remember(p.axes, k);
    return { coords: pad(p.coords, rows, k, want), explained: Array.from({ length: want }, (_, a) => (a < k ? p.explained[a] : 0)), rows, k: want };
  }

  // The previous axes shaped k x dim: the known ones, zero rows for the others (no preference).
  previous(k) {
    if (!this.known) return undefined;
    if (this.known >= k) return this.axes.subarray(0, k * this.dim);
    const out = new Float32Array(k * this.dim);
    out.set(this.axes);
    return out;
  }

  remember(axes, k) {
    if (k >= this.known) {
      this.axes = Float32Array.from(axes);
      this.known = k;
    } else {
      this.axes.set(axes.subarray(0, k * this.dim));
    }
  }
}

// rows x k coordinates widened to rows x want with zero columns.
function pad(coords, rows, k, want) {
  if (k === want) return coords;
  const out = new Float32Array(rows * want);
  for (let r = 0; r < rows; r++) for (let a = 0; a < k; a++) out[r * want + a] = coords[r * k + a];
  return out;
}
