// The positional-encoding waves shared by the playground's PeView and the <pe-heatmap> widget:
// which columns to draw by default, and the named series a LineChart draws from a table.
import { num } from './pe-readout.js';

// The learned table's initialisation (BERT and GPT-2 start with standard deviation 0.02).
export const LEARNED_STDDEV = 0.02;
export const LEARNED_LIMIT = Math.sqrt(3) * LEARNED_STDDEV; // the uniform initialisation's half-width

/**
 * Columns to draw as waves: the sines of the pairs whose wavelengths are nearest max_len/16, /4,
 * x1 and x4 (lambda_i = 2 pi base^(2i/d)); the first four columns of a learned table.
 */
export function waveColumns(spec) {
  if (spec.kind === 'learned') return [0, 1, 2, 3].filter((c) => c < spec.dModel);
  const pairs = Math.ceil(spec.dModel / 2);
  const pairFor = (wavelength) => {
    const i = Math.round((spec.dModel / 2) * (Math.log(wavelength / (2 * Math.PI)) / Math.log(spec.base)));
    return Math.min(pairs - 1, Math.max(0, i));
  };
  const picks = [1 / 16, 1 / 4, 1, 4].map((f) => pairFor(spec.maxLen * f));
  return [...new Set(picks.map((i) => (spec.layout === 'split' ? i : 2 * i)))].filter((c) => c < spec.dModel);
}

/**
 * What LineChart.render takes for columns `cols` of the maxLen x dModel table `values`. `pe` is the
 * PositionalEncodings API (for the column names); the columns are copied before it is called,
 * since a module call may leave `values` (a view of WASM memory) dead.
 */
export function waveSeries(pe, S, spec, values, cols) {
  const n = spec.maxLen;
  const columns = cols.map((col) => {
    const ys = new Float32Array(n);
    for (let p = 0; p < n; p++) ys[p] = values[p * spec.dModel + col];
    return ys;
  });
  const name = (col) => {
    if (spec.kind === 'learned') return S.peCurveLearned(col);
    const dim = pe.dimension(spec, col);
    return S.peCurveName(col, dim.isSine ? 'sin' : 'cos', dim.pair, num(dim.wavelength, 4));
  };
  const series = cols.map((col, k) => ({ name: name(col), values: columns[k] }));
  const lim = spec.kind === 'learned' ? LEARNED_LIMIT : 1;
  return { series, n, yRange: [-lim, lim], xName: S.peAxisPos };
}
