#!/usr/bin/env node
// Positional-encoding heatmap speed (issue 5): in headless Chromium, on the built page (dist/),
// how long recomputing and repainting takes while a slider moves. Not a test: prints a table.
//
//   node tests/bench/pe_heatmap_bench.mjs [--steps 60] [--json FILE]
//
// For each size (max_len x d_model: 512 x 512, 2048 x 1024) and slider (base, d_model), the
// script sets the size through the number inputs, then moves the slider --steps times, each
// time setting its value and dispatching the `input` event a drag produces. The section
// (web/app/pe-view.js) reports per update, measured with performance.now() around the work:
//   heatmap   fill the table in WASM + paint the ImageData + putImageData (the target:
//             <= 16 ms for 512 x 512, <= 50 ms for 2048 x 1024)
//   fill      the WASM part alone
//   live      heatmap + the curves: everything redrawn while the slider moves
// and the script adds
//   frame     from dispatching the event until the next animation frame has run and the
//             browser is idle again: includes waiting for the frame boundary and the
//             compositor, so it is an upper bound on input-to-screen latency rather than work.
// Then --steps / 3 `change` events (the slider released): every view, including the pos x pos
// similarity (max_len^2 cells) and the sentence, which wait for the slider to rest:
//   release   the whole update.
// Median and 95th percentile, after 5 warm-up steps.
import { writeFileSync } from 'node:fs';
import { openSession } from '../browser/browser.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const steps = Number(option('--steps', 60));
const jsonPath = option('--json', null);

const CASES = [
  { maxLen: 512, dModel: 512, slider: 'base', target: 16 },
  { maxLen: 512, dModel: 512, slider: 'd_model', target: 16 },
  { maxLen: 2048, dModel: 1024, slider: 'base', target: 50 },
  { maxLen: 2048, dModel: 1024, slider: 'd_model', target: 50 },
];

function stats(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const at = (q) => s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)];
  return { median: at(0.5), p95: at(0.95) };
}

async function setSize(page, { maxLen, dModel }) {
  await page.evaluate(({ maxLen, dModel }) => new Promise((resolve) => {
    const root = document.getElementById('pe');
    let pending = 2;
    const done = () => { if (--pending === 0) { root.removeEventListener('pe-rendered', done); resolve(); } };
    root.addEventListener('pe-rendered', done);
    for (const [id, v] of [['pe-max-len', maxLen], ['pe-d-model', dModel]]) {
      const input = document.getElementById(id);
      input.value = String(v);
      input.dispatchEvent(new Event('input', { bubbles: true }));
    }
  }), { maxLen, dModel });
}

/**
 * Sets a slider `count` times inside the page and dispatches `event` ('input': a drag step,
 * 'change': a release); returns per-step timings from the section's `pe-rendered` events.
 */
async function drag(page, slider, dModel, count, event) {
  return page.evaluate(async ({ slider, dModel, count, event }) => {
    const root = document.getElementById('pe');
    const range = document.getElementById(slider === 'base' ? 'pe-base-range' : 'pe-d-model-range');
    const values = [];
    for (let k = 0; k < count; k++) {
      // base: 10^3 .. 10^5 and back; d_model: the last 16 values below the size and back.
      const t = Math.abs(((k % 32) / 16) - 1);
      values.push(slider === 'base' ? (3 + 2 * t).toFixed(2) : String(dModel - Math.round(16 * t)));
    }
    let last = null;
    const onRendered = (e) => { if (e.detail.complete === (event === 'change')) last = e.detail.timings; };
    root.addEventListener('pe-rendered', onRendered);
    const out = [];
    const idle = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    for (const v of values) {
      range.value = v;
      last = null;
      const t0 = performance.now();
      range.dispatchEvent(new Event(event, { bubbles: true }));
      await idle();
      const frame = performance.now() - t0;
      if (!last) throw new Error(document.getElementById('pe-error').textContent || 'no pe-rendered event');
      out.push({ ...last, frame });
    }
    root.removeEventListener('pe-rendered', onRendered);
    return out;
  }, { slider, dModel, count, event });
}

const session = await openSession();
const rows = [];
try {
  const { page, problems } = await session.newPage();
  await page.goto(session.url);
  await page.locator('#pe').scrollIntoViewIfNeeded();
  await page.waitForFunction(() => /ms/.test(document.getElementById('pe-status').textContent), null, { timeout: 60000 });
  const version = session.browser.version();
  for (const c of CASES) {
    await setSize(page, c);
    const timings = (await drag(page, c.slider, c.dModel, steps + 5, 'input')).slice(5);
    const released = (await drag(page, c.slider, c.dModel, Math.ceil(steps / 3) + 2, 'change')).slice(2);
    const row = { size: `${c.maxLen} x ${c.dModel}`, slider: c.slider, target: c.target };
    for (const key of ['heatmap', 'fill', 'live', 'frame']) row[key] = stats(timings.map((t) => t[key]));
    row.release = stats(released.map((t) => t.total));
    rows.push(row);
  }
  if (problems.consoleErrors.length || problems.pageErrors.length) {
    console.error('page problems:', problems);
    process.exitCode = 1;
  }
  const f = (x) => x.toFixed(1);
  console.log(`# PE heatmap: recompute + repaint while a slider moves (Chromium ${version}, headless, ${steps} steps, ms)`);
  const header = ['size (max_len x d_model)', 'slider', 'heatmap med', 'heatmap p95', 'target', 'fill med', 'live med', 'live p95',
    'frame med', 'frame p95', 'release med', 'release p95'];
  const table = rows.map((r) => [r.size, r.slider, f(r.heatmap.median), f(r.heatmap.p95),
    `<= ${r.target} ${r.heatmap.p95 <= r.target ? 'ok' : 'MISSED'}`, f(r.fill.median), f(r.live.median), f(r.live.p95),
    f(r.frame.median), f(r.frame.p95), f(r.release.median), f(r.release.p95)]);
  const widths = header.map((h, k) => Math.max(h.length, ...table.map((t) => t[k].length)));
  const line = (cells) => cells.map((c, k) => (k < 2 ? c.padEnd(widths[k]) : c.padStart(widths[k]))).join(' | ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
  for (const t of table) console.log(line(t));
  if (jsonPath) writeFileSync(jsonPath, JSON.stringify({ chromium: version, steps, rows }, null, 2));
} finally {
  await session.close();
}
