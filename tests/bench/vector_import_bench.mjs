// Import of a large word-vector file in the page (issue 4 §6: "a 100,000 × 300 file must load
// without freezing the page"): writes a WORDS × DIM word2vec binary file and the same vectors
// as text (five decimals, like GloVe's files), opens each with the page's "open word vectors"
// control in headless Chromium, and prints, per file, one JSON line: its size, the time from
// choosing the file to "Loaded" (the page's data-ms), the worker's parse time, the progress
// values the bar showed on the way, the main thread's long tasks (> 50 ms) meanwhile, and the
// time from "Find neighbours" to the list for three questions (the first builds the word space).
//
//   node tests/bench/vector_import_bench.mjs [WORDS] [DIM]      (default 100000 300; needs dist/)
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSession } from '../browser/browser.mjs';
import { writeVectorFiles } from './vector_files.mjs';

const words = Number(process.argv[2] ?? 100000);
const dim = Number(process.argv[3] ?? 300);
if (!(Number.isInteger(words) && words > 0 && Number.isInteger(dim) && dim > 0 && dim <= 4096)) {
  console.error('usage: node tests/bench/vector_import_bench.mjs [WORDS] [DIM]');
  process.exit(2);
}

const dir = mkdtempSync(join(tmpdir(), 'embplay-import-bench-'));
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));

function watchPage() {
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  window.__progress = [];
  addEventListener('DOMContentLoaded', () => {
    const bar = document.querySelector('#train-progress');
    new MutationObserver(() => window.__progress.push(bar.getAttribute('aria-valuenow'))).observe(bar, { attributes: true, attributeFilter: ['aria-valuenow'] });
  });
}

async function importFile(session, path) {
  const { page, context } = await session.newPage();
  await page.addInitScript(watchPage);
  await page.goto(session.url);
  await page.waitForSelector('#tokens .tok');
  await page.locator('#vectors-file').scrollIntoViewIfNeeded();
  await page.waitForTimeout(1000);
  const startedAt = await page.evaluate(() => { window.__progress = []; return performance.now(); });
  await page.locator('#vectors-file').setInputFiles(path);
  await page.waitForFunction(() => /^Loaded |^Could not/.test(document.querySelector('#train-stats').textContent) ||
    !document.querySelector('#train-error').hidden, null, { timeout: 300000, polling: 100 });
  const stats = await page.locator('#train-stats').textContent();
  const error = await page.locator('#train-error').isVisible() ? await page.locator('#train-error').textContent() : null;
  const ms = Number(await page.locator('#train-progress').getAttribute('data-ms'));
  const result = await page.evaluate((t0) => ({
    progress: [...new Set(window.__progress)],
    longTasks: window.__longTasks.filter((t) => t.start + t.duration >= t0).map((t) => Math.round(t.duration)),
  }), startedAt);
  const questionsMs = error ? [] : await askNeighbours(page, ['w42', 'w77', 'w1234']);
  await context.close();
  const parse = Number(stats.match(/\(\D*([\d.]+)/)?.[1]);
  return { file: path.endsWith('.bin') ? 'binary' : 'text', mb: +(statSync(path).size / 1048576).toFixed(1), ms, parseSeconds: parse, error, ...result, questionsMs };
}

// Milliseconds from pressing "Find neighbours" to the list showing each word's neighbours.
async function askNeighbours(page, asked) {
  const times = [];
  for (const word of asked) {
    await page.locator('#nn-word').fill(word);
    const t0 = await page.evaluate(() => performance.now());
    await page.locator('#nn-go').click();
    await page.waitForFunction((w) => document.querySelector('#nn-results')?.dataset.word === w
      && document.querySelectorAll('#nn-results li').length > 0, word, { timeout: 60000, polling: 'raf' });
    times.push(Math.round(await page.evaluate((start) => performance.now() - start, t0)));
  }
  return times;
}

const files = writeVectorFiles(dir, words, dim);
const session = await openSession();
try {
  for (const f of files) console.log(JSON.stringify({ words, dim, ...(await importFile(session, f)) }));
} finally {
  await session.close();
}
