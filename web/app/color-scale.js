// Diverging colour scale for heatmaps: d3-scale-chromatic's RdBu (color-schemes.js), sampled once into a
// 256-entry lookup table so painting a cell is an array read (no string parsing per pixel).
import { interpolateBlues, interpolateRdBu } from './color-schemes.js';

function parseRgb(css) {
  const m = /rgb\((\d+),\s*(\d+),\s*(\d+)\)/.exec(css);
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : [0, 0, 0];
}

/** 256 RGBA colours packed as Uint32 (little-endian ABGR, ready for ImageData), blue (-) to red (+). */
export const DIVERGING_LUT = (() => {
  const lut = new Uint32Array(256);
  for (let i = 0; i < 256; i++) {
    const [r, g, b] = parseRgb(interpolateRdBu(1 - i / 255));
    lut[i] = (255 << 24) | (b << 16) | (g << 8) | r;
  }
  return lut;
})();

/**
 * 256 colours from white to dark blue (d3's Blues), for values that are never negative:
 * attention weights, 0 (white) to the largest weight shown (blue).
 */
export const SEQUENTIAL_LUT = (() => {
  const lut = new Uint32Array(256);
  for (let i = 0; i < 256; i++) {
    const [r, g, b] = parseRgb(interpolateBlues(i / 255));
    lut[i] = (255 << 24) | (b << 16) | (g << 8) | r;
  }
  return lut;
})();

/** Cells that hold no value (attention scores hidden by the causal mask): a neutral grey. */
export const MASKED_COLOR = (255 << 24) | (150 << 16) | (150 << 8) | 150;

/** CSS colour for `value` in [-limit, limit]. */
export function divergingColor(value, limit) {
  const c = DIVERGING_LUT[lutIndex(value, limit)];
  return `rgb(${c & 255}, ${(c >>> 8) & 255}, ${(c >>> 16) & 255})`;
}

export function lutIndex(value, limit) {
  const t = limit > 0 ? (value / limit + 1) * 0.5 : 0.5;
  return Math.max(0, Math.min(255, Math.round(t * 255)));
}
