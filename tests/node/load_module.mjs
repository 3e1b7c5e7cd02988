// Loads the built WASM module in Node for the tests: passes the .wasm bytes directly
// (Emscripten 3.1.6's loader cannot fetch a file path under Node 18+).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { loadEmbplay } from '../../web/core/embplay.js';

export const root = fileURLToPath(new URL('../..', import.meta.url));

// Emscripten 3.1.6's ES-module output still uses CommonJS's `require` and `__dirname` on its
// Node path; an ES module has neither, so provide them as globals before the factory runs.
globalThis.require ??= createRequire(import.meta.url);
globalThis.__dirname ??= root;

function moduleFiles(variant) {
  if (variant !== 'simd' && variant !== 'nosimd') throw new Error(`unknown module variant '${variant}'`);
  const dir = variant === 'simd' ? join(root, 'build-wasm/wasm-bindings') : join(root, 'build-wasm/nosimd/wasm-bindings');
  const name = variant === 'simd' ? 'embplay_module' : 'embplay_module_nosimd';
  return { glue: join(dir, `${name}.mjs`), wasm: join(dir, `${name}.wasm`) };
}

/** The raw Emscripten module (embind functions and classes). `variant`: 'simd' | 'nosimd'. */
export async function loadRawModule(variant = 'simd') {
  const { glue, wasm } = moduleFiles(variant);
  const { default: factory } = await import(glue);
  return factory({ wasmBinary: readFileSync(wasm) });
}

/** The page's JS API (web/core/embplay.js) over the module. */
export async function loadApi(variant = 'simd') {
  const { glue, wasm } = moduleFiles(variant);
  const { default: factory } = await import(glue);
  return loadEmbplay(factory, { wasmBinary: readFileSync(wasm) });
}
