// The few colour scales the page and the widgets use, as d3-scale-chromatic 3.1 defines them
// (ISC licence; colours from ColorBrewer by Cynthia Brewer, Tableau 10, and viridis by Stéfan van
// der Walt and Nathaniel Smith), written out here: d3's bundle is one flat file whose ramps are
// built at load time, so importing five names kept all of it and d3-color and d3-interpolate
// (32 KB minified, 12 KB gzipped) on every page's first download (issue 15).
// tests/node/color_schemes.test.mjs checks every value against d3 itself.

// "rrggbb..." -> ["#rrggbb", ...]
function colors(specifier) {
  return Array.from({ length: specifier.length / 6 }, (_, i) => `#${specifier.slice(i * 6, i * 6 + 6)}`);
}

/** ColorBrewer Set3 (12 colours), for token ids. */
export const schemeSet3 = colors('8dd3c7ffffb3bebadafb807280b1d3fdb462b3de69fccde5d9d9d9bc80bdccebc5ffed6f');

/** Tableau 10, for chart series. */
export const schemeTableau10 = colors('4e79a7f28e2ce1575976b7b259a14fedc949af7aa1ff9da79c755fbab0ab');

// d3-interpolate's uniform cubic B-spline through `values` (interpolateBasis).
function basisSpline(values) {
  const n = values.length - 1;
  return (t) => {
    let i;
    if (t <= 0) {
      t = 0;
      i = 0;
    } else if (t >= 1) {
      t = 1;
      i = n - 1;
    } else {
      i = Math.floor(t * n);
    }
    const v1 = values[i];
    const v2 = values[i + 1];
    const v0 = i > 0 ? values[i - 1] : 2 * v1 - v2;
    const v3 = i < n - 1 ? values[i + 2] : 2 * v2 - v1;
    const t1 = (t - i / n) * n;
    const t2 = t1 * t1;
    const t3 = t2 * t1;
    return ((1 - 3 * t1 + 3 * t2 - t3) * v0 + (4 - 6 * t2 + 3 * t3) * v1 + (1 + 3 * t1 + 3 * t2 - 3 * t3) * v2 + t3 * v3) / 6;
  };
}

const channel = (v) => Math.max(0, Math.min(255, Math.round(v) || 0));

// d3's interpolateRgbBasis: a B-spline per channel, as the CSS string d3-color prints.
function rgbBasis(hexColors) {
  const [r, g, b] = [0, 2, 4].map((at) => basisSpline(hexColors.map((c) => parseInt(c.slice(1 + at, 3 + at), 16))));
  return (t) => `rgb(${channel(r(t))}, ${channel(g(t))}, ${channel(b(t))})`;
}

/** Diverging red (0) to blue (1): ColorBrewer RdBu, 11 classes. */
export const interpolateRdBu = rgbBasis(colors('67001fb2182bd6604df4a582fddbc7f7f7f7d1e5f092c5de4393c32166ac053061'));

/** Sequential white (0) to dark blue (1): ColorBrewer Blues, 9 classes. */
export const interpolateBlues = rgbBasis(colors('f7fbffdeebf7c6dbef9ecae16baed64292c62171b508519c08306b'));

const VIRIDIS = colors(
  '44015444025645045745055946075a46085c460a5d460b5e470d60470e61471063471164471365481467481668481769' +
  '48186a481a6c481b6d481c6e481d6f481f70482071482173482374482475482576482677482878482979472a7a472c7a' +
  '472d7b472e7c472f7d46307e46327e46337f463480453581453781453882443983443a83443b84433d84433e85423f85' +
  '4240864241864142874144874045884046883f47883f48893e49893e4a893e4c8a3d4d8a3d4e8a3c4f8a3c508b3b518b' +
  '3b528b3a538b3a548c39558c39568c38588c38598c375a8c375b8d365c8d365d8d355e8d355f8d34608d34618d33628d' +
  '33638d32648e32658e31668e31678e31688e30698e306a8e2f6b8e2f6c8e2e6d8e2e6e8e2e6f8e2d708e2d718e2c718e' +
  '2c728e2c738e2b748e2b758e2a768e2a778e2a788e29798e297a8e297b8e287c8e287d8e277e8e277f8e27808e26818e' +
  '26828e26828e25838e25848e25858e24868e24878e23888e23898e238a8d228b8d228c8d228d8d218e8d218f8d21908d' +
  '21918c20928c20928c20938c1f948c1f958b1f968b1f978b1f988b1f998a1f9a8a1e9b8a1e9c891e9d891f9e891f9f88' +
  '1fa0881fa1881fa1871fa28720a38620a48621a58521a68522a78522a88423a98324aa8325ab8225ac8226ad8127ad81' +
  '28ae8029af7f2ab07f2cb17e2db27d2eb37c2fb47c31b57b32b67a34b67935b77937b87838b9773aba763bbb753dbc74' +
  '3fbc7340bd7242be7144bf7046c06f48c16e4ac16d4cc26c4ec36b50c46a52c56954c56856c66758c7655ac8645cc863' +
  '5ec96260ca6063cb5f65cb5e67cc5c69cd5b6ccd5a6ece5870cf5773d05675d05477d1537ad1517cd2507fd34e81d34d' +
  '84d44b86d54989d5488bd6468ed64590d74393d74195d84098d83e9bd93c9dd93ba0da39a2da37a5db36a8db34aadc32' +
  'addc30b0dd2fb2dd2db5de2bb8de29bade28bddf26c0df25c2df23c5e021c8e020cae11fcde11dd0e11cd2e21bd5e21a' +
  'd8e219dae319dde318dfe318e2e418e5e419e7e419eae51aece51befe51cf1e51df4e61ef6e620f8e621fbe723fde725',
);

/** Viridis (256 colours), dark purple (0) to yellow (1), as "#rrggbb". */
export function interpolateViridis(t) {
  return VIRIDIS[Math.max(0, Math.min(VIRIDIS.length - 1, Math.floor(t * VIRIDIS.length)))];
}
