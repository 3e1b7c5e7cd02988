// The WASM core, fetched and compiled once per page (issue 15). The page compiles
// embplay_module.wasm (or the non-SIMD fallback, load.js decides) as it downloads
// (WebAssembly.compileStreaming) and hands the compiled WebAssembly.Module to every worker with
// postMessage; a worker instantiates it through the Emscripten factory's instantiateWasm hook
// (embplay.js, loadEmbplay's `module` option) instead of fetching its own copy. Sections that
// compute on the main thread (positional encodings, attention) share one instance: getPageModule().
// A registry keyed by Symbol.for keeps this once per page even if two bundles include this file.
import { loadEmbplay } from './embplay.js';
import { importModuleFactory, simdSupported } from './load.js';

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
 * Starts fetching and compiling the module next to `baseUrl` (the first call decides; later
 * calls get the same promise): Promise<{ module: WebAssembly.Module, simd: boolean }>.
 */
export function compilePageModule(baseUrl = import.meta.url) {
  const r = registry();
  r.compiled ??= (async () => {
    const simd = simdSupported();
    const module = await compileWasm(new URL(simd ? 'embplay_module.wasm' : 'embplay_module_nosimd.wasm', baseUrl));
    return { module, simd };
  })();
  return r.compiled;
}

/**
 * The page's tokenizer worker (web/core/worker.js next to `baseUrl`), started once per page and
 * sent the compiled module before anything else: { worker, ready (resolves once the module was
 * posted), startupError() (the message if the worker failed to start before a client listened) }.
 */
export function startCoreWorker(baseUrl = import.meta.url) {
  const r = registry();
  if (!r.worker) {
    const worker = new Worker(new URL('worker.js', baseUrl), { type: 'module' });
    worker.onerror = (event) => { r.workerError = event.message || 'the core worker failed to start'; };
    const ready = compilePageModule(baseUrl)
      .then((c) => worker.postMessage({ type: 'module', module: c.module, simd: c.simd }), () => {});
    r.worker = { worker, ready, startupError: () => r.workerError };
  }
  return r.worker;
}

/**
 * The page's main-thread instance of the core, for sections that compute where they paint:
 * Promise<Embplay> (web/core/embplay.js), instantiated once from the compiled module.
 */
export function getPageModule(baseUrl = import.meta.url) {
  const r = registry();
  r.instance ??= (async () => {
    const { module, simd } = await compilePageModule(baseUrl);
    const { factory } = await importModuleFactory(baseUrl, 'embplay_module', simd);
    return loadEmbplay(factory, { module });
  })();
  return r.instance;
}
