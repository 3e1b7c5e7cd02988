#!/usr/bin/env node
// 3-D PCA view speed (issue 4, "keep it at 60 fps for 500 points"): in headless Chromium, on
// the built page (dist/), the plot worker's frames while the 3-D view turns by itself. Not a
// test: prints a table.
//
//   node tests/bench/projection_3d_bench.mjs [--words 600] [--seconds 4] [--json FILE]
//
// The page opens a generated word2vec text file (--words words x 50 dimensions, points in a few
// clusters, deterministic), so the plot shows its 500 first words; the script picks "PCA 3-D" and
// lets the view auto-rotate for --seconds, then reads the frames the plot worker kept
// (web/app/plot-worker.js, 'frames'):
//   interval  time between successive frames' starts: 16.7 ms is 60 fps (requestAnimationFrame
//             in the worker; includes everything else the worker and the machine do)
//   draw      ProjectionRenderer.draw(): rotating, depth-sorting and drawing 500 points, the
//             axes and the labels (canvas commands; rasterising happens after, off this clock)
// and on the page's main thread
//   pick      the hover's work per pointer move in 3-D (projecting all points and picking one).
// Median and 95th percentile, the first half second dropped.
import { writeFileSync } from 'node:fs';
import { openSession } from '../browser/browser.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const words = Number(option('--words', 600));
const seconds = Number(option('--seconds', 4));
const jsonPath = option('--json', null);
const DIM = 50;

function stats(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const at = (q) => s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)];
  return { n: s.length, median: at(0.5), p95: at(0.95), max: s.at(-1) };
}

// word2vec text: "words dim", then one line per word. Five clusters, spread by a fixed formula.
function vectorFile() {
  const lines = [`${words} ${DIM}`];
  for (let w = 0; w < words; w++) {
    const cluster = w % 5;
    const row = Array.from({ length: DIM }, (_, j) => ((j % 5 === cluster ? 1.5 : 0) + 0.6 * Math.sin(w * 12.9898 + j * 78.233)).toFixed(4));
    lines.push(`w${w} ${row.join(' ')}`);
  }
  return Buffer.from(`${lines.join('\n')}\n`);
}

const session = await openSession();
try {
  const { page, problems } = await session.newPage();
  await page.goto(session.url);
  await page.waitForSelector('#tokens .tok');
  await page.locator('#train-projection').selectOption('pca3');
  await page.locator('#vectors-file').setInputFiles({ name: 'bench.txt', mimeType: 'text/plain', buffer: vectorFile() });
  await page.waitForFunction(() => document.querySelector('#train-plot canvas').dataset.dims === '3', null, { timeout: 30000 });
  const canvas = page.locator('#train-plot canvas');
  await canvas.scrollIntoViewIfNeeded();
  await page.mouse.move(0, 0);
  const points = Number(await canvas.getAttribute('data-points'));
  await page.waitForTimeout(seconds * 1000);
  const frames = await canvas.evaluate((c) => c.plot.frameTimes());
  const end = frames.at(-1).at;
  const kept = frames.filter((f) => f.at >= end - (seconds - 0.5) * 1000);
  const intervals = kept.slice(1).map((f, i) => f.at - kept[i].at);
  const pick = await canvas.evaluate((c) => {
    const r = c.getBoundingClientRect();
    const times = [];
    for (let i = 0; i < 200; i++) {
      const t0 = performance.now();
      c.plot.nearest({ clientX: r.left + (i * 37) % r.width, clientY: r.top + (i * 53) % r.height });
      times.push(performance.now() - t0);
    }
    return times;
  });
  const result = { points, seconds, fps: (kept.length - 1) / ((end - kept[0].at) / 1000), interval: stats(intervals), draw: stats(kept.map((f) => f.ms)), pick: stats(pick) };
  console.log(`3-D PCA view, ${points} points, auto-rotating for ${seconds} s in headless Chromium (${result.fps.toFixed(1)} frames/s):`);
  console.log('            median     p95     max   (ms)');
  for (const key of ['interval', 'draw', 'pick']) {
    const s = result[key];
    console.log(`  ${key.padEnd(9)} ${s.median.toFixed(2).padStart(7)} ${s.p95.toFixed(2).padStart(7)} ${s.max.toFixed(2).padStart(7)}   (${s.n} samples)`);
  }
  if (problems.pageErrors.length || problems.consoleErrors.length) console.log('page problems:', problems);
  if (jsonPath) writeFileSync(jsonPath, JSON.stringify(result, null, 2));
} finally {
  await session.close();
}
