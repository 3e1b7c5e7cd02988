// The Web Worker that hosts the WASM core, so tokenising a 20 MB paste or training never
// blocks the page. Messages: { id, method, args } -> { id, result } | { id, error, fatal }
// (fatal: 'memory' | 'trap' when the module is no longer usable; the page then replaces this
// worker, see client.js). Method 'debugTrap' (tests only) makes the module trap for real.
// Modules (issue 15): the first message is { type: 'compile', stem } (this worker fetches and
// compiles the first view's module, FIRST_STEM, the lite one: every method but analyzeGpt2, and
// posts { type: 'compiled', module, simd, stem } or { type: 'compiled', error } back, for the
// page's other users) or { type: 'module', module, simd, stem }, a module the page compiled (a
// worker that replaces a failed one). Before the first analyzeGpt2 the page sends the full module
// the same way. A module nobody sent is fetched and compiled here.
import { createAttention } from './attention.js';
import { answerAttention, transferables } from './attention-request.js';
import { loadEmbplay } from './embplay.js';
import { gpt2Loader } from './gpt2-ranks.js';
import { importModuleFactory, simdSupported } from './load.js';
import { FIRST_STEM, FULL_STEM, compileWasm } from './page-module.js';
import { fatalKind, trapModule } from './worker-faults.js';

// The first view's loader script is imported at once, while the page still downloads the module.
const firstLoader = importModuleFactory(self.location.href, FIRST_STEM);
firstLoader.catch(() => {}); // reported by the first call
const loading = {}; // stem -> Promise<{ api, simd }>
// Instantiates `stem` from `compiling` ({ module, simd } or a promise of it; none: fetched here).
function load(stem, compiling) {
  loading[stem] ??= (async () => {
    const compiled = await compiling;
    const simd = compiled?.simd ?? simdSupported();
    const { factory } = stem === FIRST_STEM && simd === simdSupported()
      ? await firstLoader
      : await importModuleFactory(self.location.href, stem, simd);
    const api = await loadEmbplay(factory, { module: compiled?.module });
    return { api, simd };
  })();
  return loading[stem];
}

// GPT-2's ranks (about 370 KB, 200 KB gzipped) are fetched the first time the gpt2 mode is used,
// from assets/ next to this script, never on first paint.
const ensureGpt2 = gpt2Loader(self.location.href);

let attention = null;

// Fetches and compiles `stem` here and shares the compiled module with the page.
function compileHere(stem) {
  const simd = simdSupported();
  const compiled = compileWasm(new URL(`${stem}${simd ? '' : '_nosimd'}.wasm`, self.location.href))
    .then((module) => ({ module, simd, stem }));
  compiled.then((c) => self.postMessage({ type: 'compiled', ...c }),
    (error) => self.postMessage({ type: 'compiled', error: error?.message ?? String(error) }));
  return compiled;
}

self.onmessage = async (event) => {
  if (event.data.type === 'compile') {
    load(event.data.stem, compileHere(event.data.stem)).catch(() => {}); // the calls report a failure
    return;
  }
  if (event.data.type === 'module') {
    load(event.data.stem ?? FULL_STEM, event.data);
    return;
  }
  const { id, method, args } = event.data;
  try {
    const { api, simd } = await load(method === 'analyzeGpt2' ? FULL_STEM : FIRST_STEM);
    if (method === 'info') {
      self.postMessage({ id, result: { simd } });
      return;
    }
    if (method === 'debugTrap') trapModule(api.module);
    if (method === 'attention') {
      // Section 7 (issue 11): one Attention object, so its caches (projections) live between calls.
      attention ??= createAttention(api.module);
      const result = answerAttention(attention, args[0]);
      self.postMessage({ id, result }, transferables(result));
      return;
    }
    if (method === 'analyzeGpt2') await ensureGpt2(api);
    if (typeof api[method] !== 'function') throw new Error(`unknown method '${method}'`);
    const result = api[method](...args);
    self.postMessage({ id, result });
  } catch (error) {
    self.postMessage({ id, error: error?.message ?? String(error), fatal: fatalKind(error) });
  }
};
