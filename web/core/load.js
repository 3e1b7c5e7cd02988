// Chooses and loads the WASM module: the SIMD build where WebAssembly SIMD is supported,
// the non-SIMD fallback elsewhere (e.g. Safari before 16.4). Module files sit next to the script.

// A minimal module using a v128 instruction (the probe wasm-feature-detect uses).
const SIMD_PROBE = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 10, 1, 8, 0, 65, 0, 253, 15, 253, 98, 11]);

export function simdSupported() {
  try {
    return WebAssembly.validate(SIMD_PROBE);
  } catch {
    return false;
  }
}

/**
 * Imports the module factory that fits this browser: { factory, simd }. `stem` names the module:
 * embplay_module (everything) or embplay_pe_module (positional encodings only, issue 6). `simd`
 * overrides the detection (a worker given a module compiled by the page takes the page's choice).
 */
export async function importModuleFactory(baseUrl, stem = 'embplay_module', simd = simdSupported()) {
  const name = simd ? `${stem}.mjs` : `${stem}_nosimd.mjs`;
  const mod = await import(/* @vite-ignore */ new URL(name, baseUrl).href);
  return { factory: mod.default, simd };
}

/**
 * The factory a worker instantiates `compiled` with ({ module, simd } that the page compiled and
 * posted, web/core/page-module.js; null: the worker fetches its own): the one of `imported`
 * (a pending importModuleFactory(baseUrl)) unless the page chose the other SIMD build.
 */
export async function factoryFor(baseUrl, imported, compiled) {
  const { factory, simd } = await imported;
  if (!compiled || compiled.simd === simd) return factory;
  return (await importModuleFactory(baseUrl, 'embplay_module', compiled.simd)).factory;
}
