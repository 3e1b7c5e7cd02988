// The Web Worker that hosts the WASM core, so tokenising a 20 MB paste or training never
// blocks the page. Messages: { id, method, args } -> { id, result } | { id, error, fatal }
// (fatal: 'memory' | 'trap' when the module is no longer usable; the page then replaces this
// worker, see client.js). Method 'debugTrap' (tests only) makes the module trap for real.
// A first message { type: 'module', module, simd } brings the module the page compiled
// (web/core/page-module.js); without it the worker fetches and compiles its own copy.
import { createAttention } from './attention.js';
import { answerAttention, transferables } from './attention-request.js';
import { loadEmbplay } from './embplay.js';
import { importModuleFactory } from './load.js';
import { fatalKind, trapModule } from './worker-faults.js';

// The loader script is imported at once, while the page still downloads the module.
const loader = importModuleFactory(self.location.href);
loader.catch(() => {}); // reported by the first call
let ready = null;
function load(compiled) {
  return (async () => {
    let { factory, simd } = await loader;
    if (compiled && compiled.simd !== simd) ({ factory, simd } = await importModuleFactory(self.location.href, 'embplay_module', compiled.simd));
    const api = await loadEmbplay(factory, { module: compiled?.module });
    return { api, simd };
  })();
}

// GPT-2's ranks (about 370 KB, 200 KB gzipped) are fetched the first time the gpt2 mode is used,
// from assets/ next to this script, never on first paint.
let gpt2Loading = null;
function ensureGpt2(api) {
  if (api.hasGpt2()) return Promise.resolve();
  gpt2Loading ??= (async () => {
    const url = new URL('assets/gpt2-ranks.bin', self.location.href);
    const response = await fetch(url);
    if (!response.ok) throw new Error(`could not load GPT-2's vocabulary (${url.pathname}: HTTP ${response.status})`);
    api.loadGpt2(new Uint8Array(await response.arrayBuffer()));
  })().catch((error) => {
    gpt2Loading = null;
    throw error;
  });
  return gpt2Loading;
}

let attention = null;

self.onmessage = async (event) => {
  if (event.data.type === 'module') {
    ready ??= load(event.data);
    return;
  }
  ready ??= load(null);
  const { id, method, args } = event.data;
  try {
    const { api, simd } = await ready;
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
