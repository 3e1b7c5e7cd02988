// web/app/color-schemes.js (issue 15: the page's and the widgets' colour scales without d3's
// whole bundle) gives exactly what d3-scale-chromatic gives, for every value the page can ask.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as ours from '../../web/app/color-schemes.js';
import { root } from './load_module.mjs';

// d3 from web/node_modules (web/package.json), as the page used it before.
const d3 = await import(pathToFileURL(createRequire(join(root, 'web/package.json')).resolve('d3-scale-chromatic')).href);

const SAMPLES = [-0.5, -1e-9, 0, 1e-9, ...Array.from({ length: 2001 }, (_, i) => i / 2000), 1 - 1e-9, 1, 1.5, NaN];

test('the schemes are d3\'s colour for colour', () => {
  assert.deepEqual(ours.schemeSet3, d3.schemeSet3);
  assert.deepEqual(ours.schemeTableau10, d3.schemeTableau10);
});

for (const name of ['interpolateRdBu', 'interpolateBlues', 'interpolateViridis']) {
  test(`${name} equals d3's at ${SAMPLES.length} points, out of range and NaN included`, () => {
    for (const t of SAMPLES) assert.equal(ours[name](t), d3[name](t), `t = ${t}`);
  });
}
