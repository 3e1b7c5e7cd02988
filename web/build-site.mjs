// Assembles the static site in dist/: bundles the page's JS with esbuild, copies the
// WASM module (SIMD build, and the non-SIMD fallback when built), HTML, CSS and assets.
import { build, transform } from 'esbuild';
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { corpusScript } from './embed/cbow-corpus.js';

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

// Issues 6 and 15: the small modules (wasm-bindings/CMakeLists.txt): embplay_pe_module (a blog
// post with only <pe-heatmap> downloads it instead of the full one) and embplay_lite_module (the
// playground's first view, <attention-view>), used when both are built for every variant the
// full module has.
const nosimdDir = join(root, 'build-wasm', 'nosimd', 'wasm-bindings');
const SMALL_STEMS = ['embplay_pe_module', 'embplay_lite_module'];
const smallModules = SMALL_STEMS.every((stem) => existsSync(join(wasmDir, `${stem}.mjs`))
  && (existsSync(join(nosimdDir, `${stem}_nosimd.mjs`)) || !existsSync(join(nosimdDir, 'embplay_module_nosimd.mjs'))));

await build({
  entryPoints: {
    app: join(root, 'web/app/main.js'), worker: join(root, 'web/core/worker.js'),
    'train-worker': join(root, 'web/core/train-worker.js'), 'pretrained-worker': join(root, 'web/core/pretrained-worker.js'), 'plot-worker': join(root, 'web/app/plot-worker.js'),
    // Issue 6: the one script a blog includes (custom elements) and the iframe route's page script.
    'embedding-playground': join(root, 'web/embed/embedding-playground.js'), 'embed-page': join(root, 'web/embed/embed-page.js'),
    // <cbow-demo>'s plot and trainer: imported by the widget script only when a reader presses Train.
    'embedding-playground-cbow': join(root, 'web/embed/cbow-parts.js'),
  },
  outdir: dist,
  bundle: true,
  format: 'esm',
  minify: true,
  sourcemap: false,
  target: ['chrome100', 'firefox110', 'safari15'],
  external: ['./embplay_module.mjs', './embplay_module_nosimd.mjs'],
  define: { EMBPLAY_SMALL_MODULES: String(smallModules) },
  plugins: [{
    name: 'embplay-cbow-parts', // import('./cbow-parts.js') stays a request for the file built above
    setup(b) {
      b.onResolve({ filter: /\/cbow-parts\.js$/ }, (args) => (args.kind === 'dynamic-import' ? { path: './embedding-playground-cbow.js', external: true } : undefined));
    },
  }],
  logLevel: 'warning',
});
// Issue 6: the single-file classic script (module loader and WASM bytes inlined) for file:// pages
// and hosts that cannot serve .wasm; import.meta.url becomes the script's own URL.
const inlineDir = existsSync(join(nosimdDir, 'embplay_module_nosimd.mjs')) ? [nosimdDir, 'embplay_module_nosimd'] : [wasmDir, 'embplay_module'];
await build({
  entryPoints: { 'embedding-playground.standalone': join(root, 'web/embed/standalone.js') },
  outdir: dist, bundle: true, format: 'iife', minify: true, target: ['chrome100', 'firefox110', 'safari15'],
  banner: { js: 'var EMBPLAY_SCRIPT_URL=document.currentScript&&document.currentScript.src||location.href;' },
  define: { 'import.meta.url': 'EMBPLAY_SCRIPT_URL', EMBPLAY_SMALL_MODULES: 'false' },
  loader: { '.wasm': 'binary' },
  external: ['fs', 'path'], // the module loader's Node-only branch, never taken in a browser
  plugins: [{
    name: 'embplay-inline',
    setup(b) {
      b.onResolve({ filter: /^embplay:(glue|wasm)$/ }, (args) => ({
        path: join(inlineDir[0], inlineDir[1] + (args.path === 'embplay:glue' ? '.mjs' : '.wasm')),
      }));
    },
  }],
  logLevel: 'warning',
});
// Issue 15: the modules' loaders (Emscripten's glue) minified: 19 KB -> 14 KB gzipped for the full
// one, on every page's critical path.
async function copyLoader(from, to) {
  const { code } = await transform(readFileSync(from, 'utf8'), { minify: true, format: 'esm', target: 'es2020' });
  writeFileSync(to, code);
}

if (smallModules) {
  for (const small of SMALL_STEMS) {
    for (const [dir, stem] of [[wasmDir, small], [nosimdDir, `${small}_nosimd`]]) {
      if (existsSync(join(dir, `${stem}.mjs`))) await copyLoader(join(dir, `${stem}.mjs`), join(dist, `${stem}.mjs`));
      if (existsSync(join(dir, `${stem}.wasm`))) copyFileSync(join(dir, `${stem}.wasm`), join(dist, `${stem}.wasm`));
    }
  }
}

await copyLoader(join(wasmDir, 'embplay_module.mjs'), join(dist, 'embplay_module.mjs'));
copyFileSync(join(wasmDir, 'embplay_module.wasm'), join(dist, 'embplay_module.wasm'));
const nosimd = join(root, 'build-wasm', 'nosimd', 'wasm-bindings');
if (existsSync(join(nosimd, 'embplay_module_nosimd.mjs'))) {
  await copyLoader(join(nosimd, 'embplay_module_nosimd.mjs'), join(dist, 'embplay_module_nosimd.mjs'));
  copyFileSync(join(nosimd, 'embplay_module_nosimd.wasm'), join(dist, 'embplay_module_nosimd.wasm'));
}
// GPT-2's ranks, converted from js-tiktoken by the build (src/gpt2/gpt2_ranks.cmake); fetched on demand.
const ranks = join(root, 'build-wasm', 'assets', 'gpt2-ranks.bin');
need(ranks, 'run web/build.sh');
copyFileSync(ranks, join(dist, 'assets', 'gpt2-ranks.bin'));
for (const f of readdirSync(join(root, 'web'))) {
  if (f.endsWith('.html') || f.endsWith('.css')) copyFileSync(join(root, 'web', f), join(dist, f));
}
// Issue 15: web/app/boot.js inlined into the page's <head> as a classic script, so the module's
// download starts while the HTML is parsed (not after app.js has arrived and run).
const boot = await build({
  entryPoints: [join(root, 'web/app/boot.js')], bundle: true, format: 'iife', minify: true, write: false,
  target: ['chrome100', 'firefox110', 'safari15'], define: { 'import.meta.url': 'document.baseURI', EMBPLAY_SMALL_MODULES: String(smallModules) },
  logLevel: 'warning',
});
const bootTag = '<script type="module" src="boot.js"></script>';
const page = readFileSync(join(dist, 'index.html'), 'utf8');
if (!page.includes(bootTag)) throw new Error(`build-site: web/index.html lost its ${bootTag}`);
writeFileSync(join(dist, 'index.html'), page.replace(bootTag, `<script>${boot.outputFiles[0].text.trim()}</script>`));
// Issue 6: the iframe route, the embedding docs and the example blog post.
copyFileSync(join(root, 'web/embed/embed.html'), join(dist, 'embed.html'));
copyFileSync(join(root, 'web/embed/docs.html'), join(dist, 'embed-docs.html'));
cpSync(join(root, 'web/examples'), join(dist, 'examples'), { recursive: true });
for (const f of readdirSync(join(root, 'assets'))) {
  if (!f.endsWith('.png')) cpSync(join(root, 'assets', f), join(dist, 'assets', f), { recursive: true });
}
// Issue 6: the built-in corpora also as classic scripts, for <cbow-demo> on file:// pages (which
// browsers refuse to fetch from); web/embed/cbow-corpus.js loads them with a <script> element.
for (const name of ['en', 'ko']) {
  writeFileSync(join(dist, 'assets', `corpus-${name}.js`), corpusScript(name, readFileSync(join(root, 'assets', `corpus-${name}.txt`), 'utf8')));
}
const total = readdirSync(dist).reduce((n, f) => n + (statSync(join(dist, f)).isFile() ? statSync(join(dist, f)).size : 0), 0);
console.log(`build-site: dist/ assembled (${(total / 1024).toFixed(0)} KiB at top level)`);
