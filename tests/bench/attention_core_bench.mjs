// Attention in the WASM module under Node, without the page (issue 11): what each kind of control
// change costs in web/core/attention.js's compute() for N tokens, d_model D, H heads, with the
// workspace's caches (src/transformer/attention_workspace.h). Prints one JSON line per step with
// the best of REPEATS runs, as wall time and as this process's CPU time (the CPU figure is the
// steadier one on a shared machine). Painting is the page's part: tests/bench/ in Chromium.
//
//   node tests/bench/attention_core_bench.mjs [N] [D] [H] [REPEATS]   (default 256 512 8 5; needs build-wasm/)
import { loadRawModule } from '../node/load_module.mjs';
import { createAttention } from '../../web/core/attention.js';

const [n, d, heads, repeats] = [process.argv[2] ?? 256, process.argv[3] ?? 512, process.argv[4] ?? 8, process.argv[5] ?? 5].map(Number);
const att = createAttention(await loadRawModule());

function tokens(seed) {
  return Float32Array.from({ length: n * d }, (_, i) => Math.sin(i * 0.37 + seed) / Math.sqrt(d));
}

function time(fn) {
  const wall0 = performance.now();
  const cpu0 = process.cpuUsage().user;
  fn();
  return { wall: performance.now() - wall0, cpu: (process.cpuUsage().user - cpu0) / 1000 };
}

function step(name, prepare, change) {
  let wall = Infinity;
  let cpu = Infinity;
  let work;
  for (let r = 0; r < repeats; r++) {
    prepare();
    const t = time(() => { work = att.compute(change()).work; });
    wall = Math.min(wall, t.wall);
    cpu = Math.min(cpu, t.cpu);
  }
  console.log(JSON.stringify({ step: name, n, d, heads, wallMs: +wall.toFixed(2), cpuMs: +cpu.toFixed(2), work }));
}

for (const proj of ['identity', 'random']) {
  const base = { tokens: tokens(0), n, d, heads, proj, positions: 'sinusoidal', tokenScale: Math.sqrt(d), seed: 1 };
  let seed = 100;
  let next;
  // New text with new weights: everything is projected (3 n d^2 multiply-adds when random).
  step(`${proj}: new text and seed`, () => { next = tokens(++seed); }, () => ({ ...base, tokens: next, seed }));
  const warm = () => att.compute(base);
  step(`${proj}: heads ${heads} -> ${heads / 2}`, warm, () => ({ ...base, heads: heads / 2 }));
  step(`${proj}: causal on`, warm, () => ({ ...base, causal: true }));
  step(`${proj}: sqrt(d_k) scaling off`, warm, () => ({ ...base, scale: false }));
  step(`${proj}: positions off (seen before)`, () => { att.compute({ ...base, positions: 'none' }); warm(); }, () => ({ ...base, positions: 'none' }));
  step(`${proj}: views instead of copies`, warm, () => ({ ...base, heads: heads / 2, copy: false }));
  for (const copy of [true, false]) {
    step(`${proj}: shuffle experiment (2 rounds of heads, restore${copy ? ', 3 results copied out' : ', views'}) + heads 1`, warm, () => {
      att.shuffleExperiment({ ...base, copy }, 3);
      return { ...base, heads: 1 };  // (the step's own compute: heads 1, cheap)
    });
  }
}
att.dispose();
