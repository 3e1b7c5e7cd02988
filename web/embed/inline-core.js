// The single-file build (dist/embedding-playground.standalone.js, a classic script): the WASM
// module's loader and bytes are bundled into the script itself, for pages opened from file://
// (where browsers refuse module scripts and fetch) and hosts that cannot serve .wasm files. It
// fills the shared core registry of module.js before the elements are defined, so every widget
// gets this core; it is decoded and compiled only when the first widget comes near the viewport.
// 'embplay:glue' and 'embplay:wasm' are resolved by web/build-site.mjs (the non-SIMD module: it
// runs in every browser).
import factory from 'embplay:glue';
import wasmBinary from 'embplay:wasm';
import { loadEmbplay } from '../core/embplay.js';

const KEY = Symbol.for('embedding-playground.cores');
let core = null;
const load = () => (core ??= loadEmbplay(factory, { wasmBinary, locateFile: (name) => name })
  .then((api) => ({ api, simd: false, kind: 'full' })));
const cores = (globalThis[KEY] ??= {});
for (const kind of ['full', 'lite', 'pe']) {
  if (!(kind in cores)) Object.defineProperty(cores, kind, { get: load, enumerable: true });
}
