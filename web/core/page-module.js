// The WASM core, fetched and compiled once per page (issue 15). The page compiles a module
// (load.js picks SIMD or the non-SIMD fallback) as it downloads (WebAssembly.compileStreaming)
// and hands the compiled WebAssembly.Module to every worker with postMessage; a worker
// instantiates it through the Emscripten factory's instantiateWasm hook (embplay.js, loadEmbplay's
// `module` option) instead of fetching its own copy. Sections that compute on the main thread
// (positional encodings) share one instance: getPageModule().
// Two modules: the first view (sections 1-7: word/char/BPE tokens, vocabulary, embedding rows,
// positional encodings, attention) runs on the lite module, FIRST_STEM, a third of the full one's
// size; the full module (GPT-2, training, vector files) follows after the first tokens (main.js).
// Each is requested once. A registry keyed by Symbol.for keeps this once per page even if two
// bundles include this file.
import { loadEmbplay } from './embplay.js';
import { importModuleFactory, simdSupported } from './load.js';

/* global EMBPLAY_SMALL_MODULES */
// Defined by web/build-site.mjs when the build made the small modules (wasm-bindings/CMakeLists.txt).
const SMALL_BUILT = typeof EMBPLAY_SMALL_MODULES !== 'undefined' && EMBPLAY_SMALL_MODULES === true;
export const FULL_STEM = 'embplay_module';
/** The module of the page's first view: the lite one where the build made it, else the full one. */
export const FIRST_STEM = SMALL_BUILT ? 'embplay_lite_module' : FULL_STEM;

const KEY = Symbol.for('embedding-playground.page-module');
const registry = () => (globalThis[KEY] ??= {});

// Compiles while downloading when the host sends application/wasm; otherwise (a host with another
// Content-Type for .wasm) compiles the downloaded bytes.
export async function compileWasm(url) {
  const response = await fetch(url, { credentials: 'same-origin' });
  if (!response.ok) throw new Error(`could not load ${url.pathname} (HTTP ${response.status})`);
  const type = response.headers.get('Content-Type') ?? '';
  if (typeof WebAssembly.compileStreaming === 'function' && type.startsWith('application/wasm')) {
    return WebAssembly.compileStreaming(response);
  }
  return WebAssembly.compile(await response.arrayBuffer());
}

/**
 * Starts fetching and compiling module `stem` (default: the first view's) next to `baseUrl` (the
 * first call per stem decides; later calls get the same promise):
 * Promise<{ module: WebAssembly.Module, simd: boolean, stem }>.
 */
export function compilePageModule(baseUrl = import.meta.url, stem = FIRST_STEM) {
  const r = registry();
  r.compiled ??= {};
  r.compiled[stem] ??= (async () => {
    const simd = simdSupported();
    const module = await compileWasm(new URL(`${stem}${simd ? '' : '_nosimd'}.wasm`, baseUrl));
    return { module, simd, stem };
  })();
  return r.compiled[stem];
}

/**
 * The page's tokenizer worker (web/core/worker.js next to `baseUrl`), started once per page:
 * { worker, ready (resolves once the worker was told where its module comes from), startupError()
 * (the message if the worker failed to start before a client listened) }.
 * Started first (the inlined boot script), the worker fetches and compiles the first view's module
 * itself and posts the compiled module back, which becomes this page's compilePageModule(): the
 * worker's first tokens never wait for the page's main thread, busy evaluating app.js on a slow
 * phone, to pass the module on. Started after compilePageModule(), it is sent the page's compile.
 */
export function startCoreWorker(baseUrl = import.meta.url) {
  const r = registry();
  if (!r.worker) {
    const worker = new Worker(new URL('worker.js', baseUrl), { type: 'module' });
    worker.onerror = (event) => { r.workerError = event.message || 'the core worker failed to start'; };
    let ready;
    if (r.compiled?.[FIRST_STEM]) {
      ready = r.compiled[FIRST_STEM].then((c) => worker.postMessage({ type: 'module', ...c }), () => {});
    } else {
      (r.compiled ??= {})[FIRST_STEM] = compiledBy(worker);
      r.compiled[FIRST_STEM].catch(() => {}); // the worker's calls report it
      worker.postMessage({ type: 'compile', stem: FIRST_STEM });
      ready = Promise.resolve();
    }
    r.worker = { worker, ready, startupError: () => r.workerError };
  }
  return r.worker;
}

// The worker's answer to { type: 'compile' }: Promise<{ module, simd, stem }>.
function compiledBy(worker) {
  return new Promise((resolve, reject) => {
    const receive = (event) => {
      if (event.data?.type !== 'compiled') return;
      worker.removeEventListener('message', receive);
      const { module, simd, stem, error } = event.data;
      if (error !== undefined) reject(new Error(error));
      else resolve({ module, simd, stem });
    };
    worker.addEventListener('message', receive);
  });
}

/**
 * The page's main-thread instance of the core, for sections that compute where they paint:
 * Promise<Embplay> (web/core/embplay.js), instantiated once from the compiled module.
 */
export function getPageModule(baseUrl = import.meta.url) {
  const r = registry();
  r.instance ??= (async () => {
    const { module, simd, stem } = await compilePageModule(baseUrl);
    const { factory } = await importModuleFactory(baseUrl, stem, simd);
    return loadEmbplay(factory, { module });
  })();
  return r.instance;
}
