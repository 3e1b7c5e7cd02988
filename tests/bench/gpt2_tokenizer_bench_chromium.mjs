#!/usr/bin/env node
// GPT-2 tokenizer speed in headless Chromium (issue 7): ours (dist/'s WASM module, the one the
// page loads) against js-tiktoken bundled for the browser, on the same text as the Node benchmark
// (tests/bench/gpt2_tokenizer_bench.mjs) and in the same page. tiktoken's WASM build is not run
// here: its npm package loads its .wasm through a bundler plugin or Node's fs, so it is measured
// in the Node benchmark only.
//
//   node tests/bench/gpt2_tokenizer_bench_chromium.mjs [--mb 4] [--reps 3]
//
// Needs dist/ (web/build.sh) and Debian's chromium. Ids must be identical or the run fails.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { launch, distDir } from '../browser/browser.mjs';
import { startServer } from '../../web/serve.mjs';
import { root } from '../node/load_module.mjs';
import { benchText } from './gpt2_tokenizer_bench.mjs';

// esbuild lives in web/node_modules (web/package.json), not next to this script.
const { build } = createRequire(join(root, 'web/package.json'))('esbuild');

const args = process.argv.slice(2);
const reps = Number(args.includes('--reps') ? args[args.indexOf('--reps') + 1] : 3);

async function jsTiktokenBundle() {
  const result = await build({
    stdin: {
      contents: "import { Tiktoken } from 'js-tiktoken/lite'; import ranks from 'js-tiktoken/ranks/r50k_base';" +
        'const enc = new Tiktoken(ranks); globalThis.jsTiktokenEncode = (s) => enc.encode(s, [], []);',
      resolveDir: join(root, 'web'),
    },
    bundle: true, format: 'iife', minify: true, write: false, logLevel: 'error',
  });
  return result.outputFiles[0].text;
}

async function main() {
  const { text } = benchText();
  const mb = Buffer.byteLength(text) / 1e6;
  const { server, url } = await startServer(distDir);
  const browser = await launch();
  try {
    const page = await browser.newPage();
    const bundle = await jsTiktokenBundle();
    await page.route('**/bench/js-tiktoken.js', (route) => route.fulfill({ body: bundle, contentType: 'text/javascript' }));
    await page.goto(url);
    await page.addScriptTag({ url: `${url}bench/js-tiktoken.js` });
    const result = await page.evaluate(async ({ text, reps }) => {
      const { default: factory } = await import('/embplay_module.mjs');
      const M = await factory();
      const ranks = new Uint8Array(await (await fetch('/assets/gpt2-ranks.bin')).arrayBuffer());
      let t0 = performance.now();
      const bpe = M.createGpt2Bpe(ranks);
      const loadMs = performance.now() - t0;
      const encoder = new TextEncoder();
      const contenders = {
        'embplay (WASM simd, Chromium)': (s) => bpe.encodeIds(encoder.encode(s)),
        'js-tiktoken (Chromium)': (s) => globalThis.jsTiktokenEncode(s),
      };
      const rows = [];
      let expected = null;
      for (const [name, fn] of Object.entries(contenders)) {
        fn(text.slice(0, 200000));
        let best = Infinity;
        let ids;
        for (let r = 0; r < reps; r++) {
          t0 = performance.now();
          ids = fn(text);
          best = Math.min(best, performance.now() - t0);
        }
        if (expected === null) expected = Array.from(ids);
        else if (ids.length !== expected.length || ids.some((v, i) => v !== expected[i])) throw new Error(`${name} gives different ids`);
        rows.push({ name, ms: best, tokens: ids.length });
      }
      bpe.delete();
      return { loadMs, rows, ua: navigator.userAgent };
    }, { text, reps });
    console.log(`GPT-2 tokenizer benchmark in headless Chromium: ${mb.toFixed(2)} MB, best of ${reps}; ` +
      `ranks asset parsed in ${result.loadMs.toFixed(0)} ms`);
    console.log(`  ${result.ua.match(/Chrome\/[\d.]+/)?.[0] ?? result.ua}`);
    console.log('\n  tokenizer                              MB/s     ms   ours / this');
    const ours = result.rows[0];
    for (const r of result.rows) {
      console.log(`  ${r.name.padEnd(36)} ${(mb / (r.ms / 1000)).toFixed(2).padStart(6)} ${r.ms.toFixed(0).padStart(6)}   ${(r.ms / ours.ms).toFixed(2)}x`);
    }
    console.log(`  ${ours.tokens} tokens, identical ids.`);
  } finally {
    await browser.close();
    await new Promise((ok) => server.close(ok));
  }
}

await main();
