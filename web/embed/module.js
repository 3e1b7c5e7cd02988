// The WASM core shared by every widget on a page: fetched and compiled once, however many
// elements there are (and even if the script is included twice under different URLs, through a
// global registry keyed by Symbol.for). The module files are found next to the script itself
// (import.meta.url of the bundle, dist/embedding-playground.js), so a blog on any path or origin
// loads them from wherever the script lives; load.js picks the SIMD or the non-SIMD build.
//
// Two cores: 'full' (embplay_module: tokenizers, everything) and 'pe' (embplay_pe_module: the
// positional encodings only, a fraction of the size), when the build made one: build-site.mjs
// defines EMBPLAY_PE_MODULE. A page that already loads the full core gives it to PE widgets too.
import { loadEmbplay } from '../core/embplay.js';
import { importModuleFactory, simdSupported } from '../core/load.js';
import { compileWasm } from '../core/page-module.js';

/* global EMBPLAY_PE_MODULE */
const PE_MODULE_BUILT = typeof EMBPLAY_PE_MODULE !== 'undefined' && EMBPLAY_PE_MODULE === true;
const STEMS = { full: 'embplay_module', pe: 'embplay_pe_module' };
const KEY = Symbol.for('embedding-playground.cores');

/** Resolves to { api (Embplay), simd, kind }; every caller asking for the same core gets the same promise. */
export function sharedCore(kind = 'full', baseUrl = import.meta.url) {
  const cores = (globalThis[KEY] ??= {});
  let k = kind === 'pe' && PE_MODULE_BUILT ? 'pe' : 'full';
  if (k === 'pe' && cores.full && !cores.pe) k = 'full';
  cores[k] ??= (async () => {
    // The .wasm downloads and compiles while the loader script is imported, not after (issue 15).
    const simd = simdSupported();
    const compiled = compileWasm(new URL(`${STEMS[k]}${simd ? '' : '_nosimd'}.wasm`, baseUrl));
    compiled.catch(() => {}); // reported below, once the loader is there
    const { factory } = await importModuleFactory(baseUrl, STEMS[k], simd);
    const api = await loadEmbplay(factory, { module: await compiled });
    return { api, simd, kind: k };
  })();
  return cores[k];
}

const GPT2_KEY = Symbol.for('embedding-playground.gpt2');

/**
 * Loads GPT-2's ranks (assets/gpt2-ranks.bin next to the script, about 200 KB gzipped) into the
 * full core's API, once per page, the first time a widget asks for mode="gpt2".
 */
export function sharedGpt2(api, baseUrl = import.meta.url) {
  if (api.hasGpt2()) return Promise.resolve();
  globalThis[GPT2_KEY] ??= (async () => {
    const url = new URL('assets/gpt2-ranks.bin', baseUrl);
    const response = await fetch(url);
    if (!response.ok) throw new Error(`could not load GPT-2's vocabulary (${url.pathname}: HTTP ${response.status})`);
    api.loadGpt2(new Uint8Array(await response.arrayBuffer()));
  })().catch((error) => {
    globalThis[GPT2_KEY] = null;
    throw error;
  });
  return globalThis[GPT2_KEY];
}
