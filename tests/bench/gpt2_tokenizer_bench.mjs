#!/usr/bin/env node
// GPT-2 tokenizer speed (issue 7): ours (the WASM module in Node) against js-tiktoken (pure
// JS) and tiktoken (OpenAI's Rust core as WASM), r50k_base, in the same run on the same text.
//
//   node tests/bench/gpt2_tokenizer_bench.mjs [--mb 4] [--reps 3] [--json FILE] [--no-pathological]
//
// Text: a few MB of mixed text built deterministically from files every build machine has:
// English prose (the licences in /usr/share/common-licenses), C++ code with comments
// (Eigen's Core headers, a build dependency) and the multilingual parity corpus
// (tests/node/fixtures/gpt2_corpus.txt, repeated to about a fifth of the text).
// Throughput is UTF-8 MB per second from a JS string to an array of ids, best of --reps
// runs after a warm-up; ours includes TextEncoder and the copies into and out of WASM.
// All three must give identical ids on the text, or the run fails.
// Pathological input: 10,000 and 100,000 repetitions of one character, each reference in a
// worker stopped after 60 s (js-tiktoken and tiktoken are quadratic there).
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import { loadJsTiktoken, loadOurs, loadTiktoken } from '../node/gpt2_reference.mjs';
import { root } from '../node/load_module.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const targetMB = Number(option('--mb', 4));
const reps = Number(option('--reps', 3));
const jsonPath = option('--json', null);
const PATHOLOGICAL_LIMIT_S = 60;

function filesUnder(dir, pattern) {
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...filesUnder(path, pattern));
    else if (pattern.test(name)) out.push(path);
  }
  return out;
}

export function benchText() {
  const licences = filesUnder('/usr/share/common-licenses', /^[^.]+$/).map((p) => readFileSync(p, 'utf8'));
  const code = filesUnder('/usr/include/eigen3/Eigen/src/Core', /\.h$/).map((p) => readFileSync(p, 'utf8'));
  const multilingual = readFileSync(join(root, 'tests/node/fixtures/gpt2_corpus.txt'), 'utf8');
  const prose = licences.join('\n\n');
  // One round: all the prose, about as much code, and the multilingual corpus repeated to a fifth.
  let source = '';
  for (const file of code) if (source.length < prose.length) source += file + '\n\n';
  const copies = Math.max(1, Math.round((prose.length + source.length) / 4 / multilingual.length));
  const round = [prose, source, ...Array(copies).fill(multilingual)].join('\n\n');
  let text = '';
  while (Buffer.byteLength(text) < targetMB * 1e6) text += round + '\n\n';
  return { text, parts: { proseChars: prose.length, codeChars: source.length, multilingualCopies: copies } };
}

function timeBest(fn, input) {
  let best = Infinity;
  let result;
  for (let r = 0; r < reps; r++) {
    const t0 = performance.now();
    result = fn(input);
    best = Math.min(best, performance.now() - t0);
  }
  return { ms: best, result };
}

function sameIds(a, b) {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

// Runs one reference on `text` in a worker; resolves to milliseconds or null after the limit.
function timeInWorker(reference, text, limitS) {
  const source = `
    import { workerData, parentPort } from 'node:worker_threads';
    const m = await import(workerData.helper);
    const t = workerData.reference === 'js-tiktoken' ? m.loadJsTiktoken() : m.loadTiktoken();
    const t0 = performance.now();
    const ids = t.encode(workerData.text);
    parentPort.postMessage({ ms: performance.now() - t0, tokens: ids.length });`;
  const helper = new URL('../node/gpt2_reference.mjs', import.meta.url).href;
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL(`data:text/javascript,${encodeURIComponent(source)}`), {
      workerData: { reference, text, helper },
    });
    const timer = setTimeout(() => { worker.terminate(); resolve(null); }, limitS * 1000);
    worker.once('message', (m) => { clearTimeout(timer); worker.terminate(); resolve(m.ms); });
    worker.once('error', (e) => { clearTimeout(timer); reject(e); });
  });
}

async function main() {
  const { text, parts } = benchText();
  const bytes = Buffer.byteLength(text);
  const mb = bytes / 1e6;
  const ours = await loadOurs();
  const refs = [loadJsTiktoken(), loadTiktoken()];
  const encoder = new TextEncoder();
  const contenders = [
    { name: ours.name, encode: (s) => ours.encode(encoder.encode(s)) },
    { name: `${ours.name}, with spans`, encode: (s) => ours.encodeWithSpans(encoder.encode(s)).ids },
    ...refs,
  ];
  console.log(`GPT-2 (r50k_base) tokenizer benchmark: ${mb.toFixed(2)} MB of mixed text (${text.length} UTF-16 units), ` +
    `best of ${reps}; node ${process.version}`);
  console.log(`  text: ${JSON.stringify(parts)}; ranks asset parsed in ${ours.loadMs.toFixed(0)} ms`);

  const warm = text.slice(0, 200000);
  for (const c of contenders) c.encode(warm);
  const rows = [];
  let expected = null;
  for (const c of contenders) {
    const { ms, result } = timeBest(c.encode, text);
    if (expected === null) expected = result;
    else if (!sameIds(result, expected)) throw new Error(`${c.name} gives different ids from ${contenders[0].name} on the benchmark text`);
    rows.push({ name: c.name, ms, mbPerS: mb / (ms / 1000), tokens: result.length });
  }
  const oursRow = rows[0];
  const fastestRef = rows.slice(2).reduce((a, b) => (a.mbPerS > b.mbPerS ? a : b));
  console.log('\n  tokenizer                              MB/s   tokens/s     ms   ours / this');
  for (const r of rows) {
    console.log(`  ${r.name.padEnd(36)} ${r.mbPerS.toFixed(2).padStart(6)} ${(r.tokens / r.ms * 1000 / 1e6).toFixed(2).padStart(7)}M ` +
      `${r.ms.toFixed(0).padStart(6)}   ${(oursRow.mbPerS / r.mbPerS).toFixed(2)}x`);
  }
  console.log(`  ${oursRow.tokens} tokens, identical ids from all. Ours vs the fastest reference (${fastestRef.name}): ` +
    `${(oursRow.mbPerS / fastestRef.mbPerS).toFixed(2)}x`);

  const pathological = [];
  if (!args.includes('--no-pathological')) {
    console.log(`\n  pathological input (ms; "-" = stopped after ${PATHOLOGICAL_LIMIT_S} s)`);
    console.log('  input                    ours    js-tiktoken   tiktoken');
    for (const [unit, n] of [['a', 10000], ['a', 100000], ['😀', 10000], ['😀', 100000]]) {
      const s = unit.repeat(n);
      const t0 = performance.now();
      const ids = ours.encode(encoder.encode(s));
      const oursMs = performance.now() - t0;
      const js = await timeInWorker('js-tiktoken', s, PATHOLOGICAL_LIMIT_S);
      const tk = await timeInWorker('tiktoken', s, PATHOLOGICAL_LIMIT_S);
      const show = (ms) => (ms === null ? '-' : ms.toFixed(0));
      const label = `${n} x ${JSON.stringify(unit)}`;
      console.log(`  ${label.padEnd(20)} ${show(oursMs).padStart(8)} ${show(js).padStart(14)} ${show(tk).padStart(10)}   (${ids.length} tokens)`);
      pathological.push({ input: label, oursMs, jsTiktokenMs: js, tiktokenMs: tk });
    }
  }
  ours.free();
  refs[1].free();
  if (jsonPath) {
    writeFileSync(jsonPath, JSON.stringify({ mb, reps, node: process.version, parts, rows, pathological }, null, 2));
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
