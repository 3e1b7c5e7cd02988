// Issue 13 speed and memory, outside the browser: a synthetic file of GPT-2's real size and
// layout (548 MB, tests/bench/gpt2_safetensors_file.mjs, written to /tmp and deleted after)
// opened (1) by the page's JS API over the WASM module in Node, reading by ranges from a Blob
// backed by the file (fs.openAsBlob: the file is never read whole), and (2) by the native CLI.
// Prints one JSON line per measurement: time from open to the first nearest-token answer, a
// later question's time, the WASM memory, and the bytes read from the file.
//
//   node tests/bench/pretrained_bench.mjs        (needs build/ and build-wasm/)
import { openAsBlob, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadApi, root } from '../node/load_module.mjs';
import { runCli } from '../node/native.mjs';
import { PretrainedWeights } from '../../web/core/pretrained-weights.js';
import { writeGpt2Safetensors } from './gpt2_safetensors_file.mjs';

const dir = mkdtempSync(join(tmpdir(), 'embplay-pretrained-bench-'));
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
const path = join(dir, 'model.safetensors');

let t = performance.now();
const { size } = writeGpt2Safetensors(path);
console.log(JSON.stringify({ step: 'write synthetic file', bytes: size, ms: Math.round(performance.now() - t) }));

const api = await loadApi();
api.loadGpt2(readFileSync(join(root, 'build/assets/gpt2-ranks.bin')));
const file = await openAsBlob(path);
let bytesRead = 0;
const counting = { size: file.size, slice: (b, e) => { bytesRead += e - b; return file.slice(b, e); } };
t = performance.now();
let progressEvents = 0;
const w = await PretrainedWeights.open(api, counting, { onProgress: () => { progressEvents++; } });
const opened = performance.now() - t;
const first = w.neighbors('Ġking', 10);
const firstAnswer = performance.now() - t;
const later = [];
for (const token of ['Ġqueen', 'Ġthe', 'ĠParis']) {
  const s = performance.now();
  w.neighbors(token, 10);
  later.push(Math.round((performance.now() - s) * 10) / 10);
}
const memory = api.module.HEAP8.length;
console.log(JSON.stringify({
  step: 'wasm (Node): open -> first nearest tokens', file_mb: +(size / 1e6).toFixed(1), read_mb: +(bytesRead / 1e6).toFixed(1),
  open_ms: Math.round(opened), first_answer_ms: Math.round(firstAnswer), later_question_ms: later,
  wasm_memory_mb: Math.round(memory / 1048576), progress_events: progressEvents, first: first[0].token,
}));
w.close();

t = performance.now();
const r = runCli(['neighbors', '--weights', path, '--token', 'Ġking', '-k', '10']);
console.log(JSON.stringify({ step: 'native CLI: neighbors --weights (whole run)', status: r.status, ms: Math.round(performance.now() - t) }));
