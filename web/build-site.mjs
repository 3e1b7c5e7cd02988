// Assembles the static site in dist/: bundles the page's JS with esbuild, copies the
// WASM module (SIMD build, and the non-SIMD fallback when built), HTML, CSS and assets.
import { build } from 'esbuild';
import { copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const wasmDir = join(root, 'build-wasm', 'wasm-bindings');

function need(path, hint) {
  if (!existsSync(path)) {
    console.error(`build-site: missing ${path} (${hint})`);
    process.exit(1);
  }
}

need(join(wasmDir, 'embplay_module.mjs'), 'run web/build.sh');
rmSync(dist, { recursive: true, force: true });
mkdirSync(join(dist, 'assets'), { recursive: true });

await build({
  entryPoints: { app: join(root, 'web/app/main.js'), worker: join(root, 'web/core/worker.js') },
  outdir: dist,
  bundle: true,
  format: 'esm',
  minify: true,
  sourcemap: false,
  target: ['chrome100', 'firefox110', 'safari15'],
  external: ['./embplay_module.mjs', './embplay_module_nosimd.mjs'],
  logLevel: 'warning',
});

copyFileSync(join(wasmDir, 'embplay_module.mjs'), join(dist, 'embplay_module.mjs'));
copyFileSync(join(wasmDir, 'embplay_module.wasm'), join(dist, 'embplay_module.wasm'));
const nosimd = join(root, 'build-wasm', 'nosimd', 'wasm-bindings');
if (existsSync(join(nosimd, 'embplay_module_nosimd.mjs'))) {
  copyFileSync(join(nosimd, 'embplay_module_nosimd.mjs'), join(dist, 'embplay_module_nosimd.mjs'));
  copyFileSync(join(nosimd, 'embplay_module_nosimd.wasm'), join(dist, 'embplay_module_nosimd.wasm'));
}
// GPT-2's ranks, converted from js-tiktoken by the build (src/gpt2/gpt2_ranks.cmake); fetched on demand.
const ranks = join(root, 'build-wasm', 'assets', 'gpt2-ranks.bin');
need(ranks, 'run web/build.sh');
copyFileSync(ranks, join(dist, 'assets', 'gpt2-ranks.bin'));
for (const f of readdirSync(join(root, 'web'))) {
  if (f.endsWith('.html') || f.endsWith('.css')) copyFileSync(join(root, 'web', f), join(dist, f));
}
for (const f of readdirSync(join(root, 'assets'))) {
  if (!f.endsWith('.png')) cpSync(join(root, 'assets', f), join(dist, 'assets', f), { recursive: true });
}
const total = readdirSync(dist).reduce((n, f) => n + (statSync(join(dist, f)).isFile() ? statSync(join(dist, f)).size : 0), 0);
console.log(`build-site: dist/ assembled (${(total / 1024).toFixed(0)} KiB at top level)`);
