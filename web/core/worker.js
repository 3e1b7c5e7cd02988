// The Web Worker that hosts the WASM core, so tokenising a 20 MB paste or training never
// blocks the page. Messages: { id, method, args } -> { id, result } | { id, error }.
import { loadEmbplay } from './embplay.js';
import { importModuleFactory } from './load.js';

const ready = (async () => {
  const { factory, simd } = await importModuleFactory(self.location.href);
  const api = await loadEmbplay(factory);
  return { api, simd };
})();

self.onmessage = async (event) => {
  const { id, method, args } = event.data;
  try {
    const { api, simd } = await ready;
    if (method === 'info') {
      self.postMessage({ id, result: { simd } });
      return;
    }
    if (typeof api[method] !== 'function') throw new Error(`unknown method '${method}'`);
    const result = api[method](...args);
    self.postMessage({ id, result });
  } catch (error) {
    self.postMessage({ id, error: error?.message ?? String(error) });
  }
};
