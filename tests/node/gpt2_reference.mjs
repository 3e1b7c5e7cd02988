// GPT-2 tokenizers for the parity test and the benchmark: ours (the WASM module, through the
// raw embind class Gpt2Bpe) and the references from npm, js-tiktoken (pure JS) and tiktoken
// (OpenAI's Rust core compiled to WASM), both r50k_base. The npm packages live in
// web/node_modules (web/package.json).
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { loadRawModule, root } from './load_module.mjs';

const requireFromWeb = createRequire(join(root, 'web/package.json'));

function requirePackage(name) {
  try {
    return requireFromWeb(name);
  } catch (e) {
    throw new Error(`npm package ${name} is missing from web/node_modules (run web/install-deps.sh): ${e.message}`);
  }
}

/** js-tiktoken's r50k_base; `encode(text)` treats "<|endoftext|>" as ordinary text. */
export function loadJsTiktoken() {
  const { Tiktoken } = requirePackage('js-tiktoken/lite');
  const enc = new Tiktoken(requirePackage('js-tiktoken/ranks/r50k_base'));
  return { name: 'js-tiktoken', encode: (text) => enc.encode(text, [], []), decode: (ids) => enc.decode(ids) };
}

/** tiktoken's r50k_base (WASM); `encode(text)` is encode_ordinary. Call free() when done. */
export function loadTiktoken() {
  const enc = requirePackage('tiktoken').get_encoding('r50k_base');
  return { name: 'tiktoken', encode: (text) => enc.encode_ordinary(text), free: () => enc.free() };
}

/** Path of the ranks asset the build converted (build/assets/gpt2-ranks.bin). */
export function ranksPath(buildDir = 'build') {
  const path = join(root, buildDir, 'assets/gpt2-ranks.bin');
  if (!existsSync(path)) throw new Error(`${path} is missing: build target gpt2_ranks (web/build.sh)`);
  return path;
}

const encoder = new TextEncoder();

/** Ours: the WASM module's Gpt2Bpe. encode(text | Uint8Array) -> Int32Array. Call free() when done. */
export async function loadOurs(variant = 'simd') {
  const M = await loadRawModule(variant);
  const asset = readFileSync(ranksPath());
  const t0 = performance.now();
  const bpe = M.createGpt2Bpe(asset);
  const loadMs = performance.now() - t0;
  const bytes = (input) => (typeof input === 'string' ? encoder.encode(input) : input);
  return {
    name: `embplay (WASM ${variant})`,
    loadMs,
    encode: (input) => bpe.encodeIds(bytes(input)),
    encodeWithSpans: (input) => bpe.encode(bytes(input)),
    decode: (ids) => bpe.decode(Int32Array.from(ids)),
    tokenText: (id) => bpe.tokenText(id),
    free: () => bpe.delete(),
  };
}
