// Issue 13: t-SNE of 300 chosen tokens of a 768-wide token table, in the page (headless
// Chromium) and, for the breakdown, in the WASM module under Node. The table: a synthetic file of
// GPT-2's layout and width (tests/bench/gpt2_safetensors_file.mjs with no transformer blocks:
// wte 50,257 x 768 and wpe 1,024 x 768 in F32, 158 MB, seeded values; written to /tmp, deleted
// after). Section 1 holds the start of README.md, so "Plot the 300 most frequent tokens of
// section 1" maps 300 distinct GPT-2 tokens. Prints one JSON line per run and a summary:
//   click_to_first_frame_ms  click -> the first frame on the plot (tokens counted, rows gathered,
//                            affinities by perplexity calibration, the first 10 iterations)
//   click_to_done_ms         click -> iteration 500 drawn and the table filled
//   frames, frame_gap_ms     frames on the page and the median / largest gap between two
//   long_tasks_over_50ms     main-thread tasks over 50 ms during the run (target: none)
//   pca_ms                   the same 300 tokens by PCA, click -> drawn
// Node part: createTsne (affinities of 300 x 768 rows) and 500 iterations in slices, in the module.
//
//   node tests/bench/pretrained_tsne_bench.mjs            (needs dist/ and build-wasm/; REPEAT=3)
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSession } from '../browser/browser.mjs';
import { loadApi, root } from '../node/load_module.mjs';
import { writeGpt2Safetensors } from './gpt2_safetensors_file.mjs';
import { PretrainedWeights } from '../../web/core/pretrained-weights.js';

const REPEAT = Number(process.env.REPEAT ?? 3);
const TEXT = readFileSync(join(root, 'README.md'), 'utf8').slice(0, 40000);
const dir = mkdtempSync(join(tmpdir(), 'embplay-tsne-bench-'));
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
const path = join(dir, 'model.safetensors');
const { size } = writeGpt2Safetensors(path, { layers: 0 });
const median = (v) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];

function watchPage() {
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
}

// Clicks `button` and resolves when #pt-map's state is `state`: {ms, firstFrameMs, frameTimes}.
function timeMap(button) {
  const bar = document.querySelector('#pt-map-progress');
  const map = document.querySelector('#pt-map');
  const frames = [];
  const start = performance.now();
  return new Promise((resolve) => {
    const onBar = new MutationObserver(() => { if (Number(bar.getAttribute('aria-valuenow')) > 0) frames.push(performance.now()); });
    onBar.observe(bar, { attributes: true, attributeFilter: ['aria-valuenow'] });
    const onState = new MutationObserver(() => {
      if (map.dataset.state !== 'done' || map.dataset.method !== document.querySelector('#pt-map-method').value) return;
      onBar.disconnect();
      onState.disconnect();
      resolve({ start, ms: performance.now() - start, frameTimes: frames.filter((t) => t > start).map((t) => t - start) });
    });
    onState.observe(map, { attributes: true, attributeFilter: ['data-state', 'data-method'] });
    map.dataset.state = 'asked';
    document.querySelector(button).click();
  });
}

async function inChromium() {
  const session = await openSession();
  try {
    const { page } = await session.newPage();
    await page.addInitScript(watchPage);
    await page.goto(session.url);
    await page.waitForSelector('#tokens .tok');
    await page.fill('#text', TEXT);
    await page.setInputFiles('#pt-file', path);
    await page.waitForSelector('#pt-nn-results li', { timeout: 120000 });
    const runs = [];
    for (let r = 0; r < REPEAT; r++) {
      await page.selectOption('#pt-map-method', 'tsne');
      const t = await page.evaluate(timeMap, '#pt-map-frequent');
      const points = Number(await page.getAttribute('#pt-map canvas', 'data-points'));
      const tasks = await page.evaluate((t0) => window.__longTasks.filter((l) => l.start + l.duration >= t0), t.start);
      const gaps = t.frameTimes.slice(1).map((x, i) => x - t.frameTimes[i]);
      await page.selectOption('#pt-map-method', 'pca');
      const pca = await page.evaluate(timeMap, '#pt-pca-go');
      const run = {
        run: r + 1, points, click_to_first_frame_ms: Math.round(t.frameTimes[0]), click_to_done_ms: Math.round(t.ms),
        frames: t.frameTimes.length, frame_gap_ms: { median: +median(gaps).toFixed(1), max: +Math.max(...gaps).toFixed(1) },
        long_tasks_over_50ms: tasks.filter((l) => l.duration > 50).length, longest_task_ms: Math.round(Math.max(0, ...tasks.map((l) => l.duration))),
        pca_ms: Math.round(pca.ms),
      };
      console.log(JSON.stringify(run));
      runs.push(run);
    }
    return runs;
  } finally {
    await session.close();
  }
}

async function inNode() {
  const api = await loadApi();
  api.loadGpt2(readFileSync(join(root, 'build/assets/gpt2-ranks.bin')));
  const w = await PretrainedWeights.open(api, new Blob([readFileSync(path)]));
  try {
    const tokens = w.frequentTokens(TEXT, 300).map((t) => t.token);
    const runs = [];
    for (let r = 0; r < REPEAT; r++) {
      const t0 = performance.now();
      const slices = [];
      let last = 0;
      const run = w.tsne(tokens, { seed: 1, onFrame: () => { const now = performance.now(); slices.push(now - last); last = now; } });
      last = performance.now();
      const created = last - t0;
      await run.done;
      runs.push({ create_ms: Math.round(created), first_slice_ms: +slices[0].toFixed(1), slice_ms_median: +median(slices.slice(1)).toFixed(1), total_ms: Math.round(performance.now() - t0) });
    }
    return { tokens: tokens.length, width: w.width, runs };
  } finally {
    w.close();
  }
}

const chromium = await inChromium();
const node = await inNode();
console.log(JSON.stringify({ file_mb: +(size / 1e6).toFixed(1), node_wasm: node }));
console.log(JSON.stringify({
  summary: `t-SNE of ${chromium[0].points} tokens x 768 in Chromium: first frame ${median(chromium.map((r) => r.click_to_first_frame_ms))} ms, `
    + `done ${median(chromium.map((r) => r.click_to_done_ms))} ms (median of ${REPEAT}; min ${Math.min(...chromium.map((r) => r.click_to_done_ms))}), `
    + `${chromium.reduce((s, r) => s + r.long_tasks_over_50ms, 0)} main-thread tasks over 50 ms; PCA ${median(chromium.map((r) => r.pca_ms))} ms`,
}));
