// Issue 13 speed and memory in the page (headless Chromium): chooses a synthetic file of GPT-2's
// real size and layout (548 MB, tests/bench/gpt2_safetensors_file.mjs, written to /tmp, deleted
// after) with section 9's file input and prints one JSON line: time from choosing the file to the
// first nearest-token list ("Ġking" among all 50,257 rows), the time of three later questions,
// the worker's WASM memory after loading, the progress values the bar took, and the main thread's
// long tasks (> 50 ms) meanwhile. Targets (issue 13): first answer <= 3 s, later <= 150 ms,
// WASM memory <= 400 MB, no main-thread task over 50 ms, determinate progress.
//
//   node tests/bench/pretrained_page_bench.mjs        (needs dist/)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSession } from '../browser/browser.mjs';
import { writeGpt2Safetensors } from './gpt2_safetensors_file.mjs';

const dir = mkdtempSync(join(tmpdir(), 'embplay-pretrained-page-bench-'));
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
const path = join(dir, 'model.safetensors');
const { size } = writeGpt2Safetensors(path);

function watchPage() {
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  window.__bar = [];
  addEventListener('DOMContentLoaded', () => {
    const bar = document.querySelector('#pt-progress');
    new MutationObserver(() => window.__bar.push(bar.getAttribute('aria-valuenow'))).observe(bar, { attributes: true, attributeFilter: ['aria-valuenow'] });
    document.querySelector('#pt-file').addEventListener('change', () => { window.__chosen = performance.now(); });
    new MutationObserver(() => { window.__answered ??= performance.now(); })
      .observe(document.querySelector('#pt-nn-results'), { childList: true });
  });
}

const session = await openSession();
try {
  const { page } = await session.newPage();
  await page.addInitScript(watchPage);
  await page.goto(session.url);
  await page.waitForSelector('#tokens .tok');
  const tasksBefore = await page.evaluate(() => window.__longTasks.length);
  await page.setInputFiles('#pt-file', path);
  await page.waitForSelector('#pt-nn-results li', { timeout: 120000 });
  const first = await page.evaluate(() => ({ ms: window.__answered - window.__chosen, token: document.querySelector('#pt-nn-results .token').textContent }));
  const later = [];
  for (const token of ['Ġqueen', 'Ġthe', 'ĠParis']) {
    await page.fill('#pt-token', token);
    const ms = await page.evaluate((t) => new Promise((resolve) => {
      const list = document.querySelector('#pt-nn-results');
      const start = performance.now();
      new MutationObserver((_, o) => {
        if (list.dataset.query === t) { o.disconnect(); resolve(performance.now() - start); }
      }).observe(list, { attributes: true, attributeFilter: ['data-query'] });
      document.querySelector('#pt-nn-go').click();
    }), token);
    later.push(Math.round(ms));
  }
  await page.waitForFunction(() => document.querySelector('#pt-learned canvas').height > 1);
  const info = await page.evaluate(() => ({
    bar: window.__bar, longTasks: window.__longTasks, wasmBytes: Number(document.querySelector('#pt-status').dataset.wasmBytes),
    status: document.querySelector('#pt-status').textContent,
  }));
  const tasks = info.longTasks.slice(tasksBefore);
  console.log(JSON.stringify({
    file_mb: +(size / 1e6).toFixed(1), first_answer_ms: Math.round(first.ms), first: first.token, later_question_ms: later,
    wasm_memory_mb: Math.round(info.wasmBytes / 1048576), progress_values: info.bar.length, progress_last: info.bar.at(-1),
    long_tasks_over_50ms: tasks.length, longest_task_ms: Math.round(Math.max(0, ...tasks.map((t) => t.duration))), status: info.status,
  }));
} finally {
  await session.close();
}
