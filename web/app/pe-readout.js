// Hover text for the position views: the cell's position, pair i, column and value, and for the
// sinusoidal table the formula of Vaswani et al. 2017 with the numbers filled in:
//   PE(pos, col) = sin(pos / base^(2i/d)) = sin(5 / 10000^(2/16)) = sin(5 / 3.1623) = sin(1.5811) = 0.99996
// Numbers use ASCII digits and '-' so the readout can be copied (and parsed by the tests).

/** Up to `digits` significant digits, no trailing zeros, no exponent for ordinary magnitudes. */
export function num(v, digits = 5) {
  if (!Number.isFinite(v)) return String(v);
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a >= 1e-4 && a < 1e9) {
    const decimals = Math.max(0, digits - 1 - Math.floor(Math.log10(a)));
    return String(Number(v.toFixed(Math.min(decimals, 12))));
  }
  return v.toExponential(digits - 1).replace(/\.?0+e/, 'e');
}

/**
 * The sinusoidal readout. dim: { pair, isSine, frequency } for column `col` (from the module);
 * value: the stored float.
 */
export function sinusoidalReadout(S, { pos, col, dModel, base, dim, value }) {
  const fn = dim.isSine ? 'sin' : 'cos';
  const denominator = 1 / dim.frequency; // base^(2i/d)
  const steps = [
    `${fn}(pos / ${num(base)}^(2i/d))`,
    `${fn}(${pos} / ${num(base)}^(${2 * dim.pair}/${dModel}))`,
    `${fn}(${pos} / ${num(denominator)})`,
    `${fn}(${num(pos * dim.frequency)})`,
    num(value, 6),
  ];
  return S.peReadout(pos, dim.pair, col, fn, `PE(${pos}, ${col}) = ${steps.join(' = ')}`);
}

/** The learned table has no formula: position, column, value. */
export function learnedReadout(S, { pos, col, value }) {
  return S.peReadoutLearned(pos, col, num(value, 6));
}

/** pos x pos similarity: both positions, their distance and the value. */
export function similarityReadout(S, { p, q, measure, value }) {
  return S.peSimReadout(p, q, Math.abs(p - q), measure, num(value, 6));
}
