// The WASM core shared by every widget on a page: fetched and compiled once, however many
// elements there are (and even if the script is included twice under different URLs, through a
// global registry keyed by Symbol.for). The module files are found next to the script itself
// (import.meta.url of the bundle, dist/embedding-playground.js), so a blog on any path or origin
// loads them from wherever the script lives; load.js picks the SIMD or the non-SIMD build.
//
// Three cores, smallest first (wasm-bindings/CMakeLists.txt): 'pe' (embplay_pe_module: the
// positional encodings only), 'lite' (embplay_lite_module: also attention and the word, char and
// BPE tokenizers) and 'full' (embplay_module: everything, GPT-2 included), when the build made the
// small ones: build-site.mjs defines EMBPLAY_SMALL_MODULES. A widget gets the smallest core that
// has what it needs, or a bigger one the page already loads (or, preferCore, will load).
import { loadEmbplay } from '../core/embplay.js';
import { fetchGpt2Ranks } from '../core/gpt2-ranks.js';
import { importModuleFactory, simdSupported } from '../core/load.js';
import { compileWasm } from '../core/page-module.js';

/* global EMBPLAY_SMALL_MODULES */
const SMALL_BUILT = typeof EMBPLAY_SMALL_MODULES !== 'undefined' && EMBPLAY_SMALL_MODULES === true;
const STEMS = { pe: 'embplay_pe_module', lite: 'embplay_lite_module', full: 'embplay_module' };
const ORDER = ['pe', 'lite', 'full'];
const KEY = Symbol.for('embedding-playground.cores');
const PREFER_KEY = Symbol.for('embedding-playground.cores.prefer');

/**
 * Widgets asking for core `kind` get `instead` (a bigger one): a page whose widgets need both
 * downloads one module rather than two (embedding-playground.js decides from the page's elements).
 */
export function preferCore(kind, instead) {
  (globalThis[PREFER_KEY] ??= {})[kind] = instead;
}

function chooseKind(kind, cores) {
  if (!SMALL_BUILT) return 'full';
  let k = ORDER.includes(kind) ? kind : 'full';
  k = globalThis[PREFER_KEY]?.[k] ?? k;
  if (cores[k]) return k;
  return ORDER.slice(ORDER.indexOf(k) + 1).find((bigger) => cores[bigger]) ?? k;
}

/** Resolves to { api (Embplay), simd, kind }; every caller asking for the same core gets the same promise. */
export function sharedCore(kind = 'full', baseUrl = import.meta.url) {
  const cores = (globalThis[KEY] ??= {});
  const k = chooseKind(kind, cores);
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
  globalThis[GPT2_KEY] ??= fetchGpt2Ranks(baseUrl).then((bytes) => api.loadGpt2(bytes)).catch((error) => {
    globalThis[GPT2_KEY] = null;
    throw error;
  });
  return globalThis[GPT2_KEY];
}
