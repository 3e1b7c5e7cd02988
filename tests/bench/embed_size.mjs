#!/usr/bin/env node
// What a blog post with embedded widgets downloads (issue 6's size budgets): opens pages that hold
// one <pe-heatmap>, one <token-view>, one <attention-view>, and the full playground (dist/index.html) in headless
// Chromium, records every response up to network idle, and prints raw and gzip -9 sizes per file
// against the budgets: one <pe-heatmap> <= 150 KB gzipped (JS + WASM), one <attention-view> <= 150 KB
// (issues 11 and 15: it loads the lite module, which carries attention and the tokenizers but
// GPT-2), the playground <= 400 KB (its first view loads the lite module; the full one follows
// when needed, after the measured idle).
//
//   node tests/bench/embed_size.mjs           prints the tables
//   node tests/bench/embed_size.mjs --check   also exits 1 when a budget is exceeded by more than 10%
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { distDir, launch } from '../browser/browser.mjs';
import { startServer } from '../../web/serve.mjs';

const KB = 1000;
const CASES = [
  { name: 'one <pe-heatmap>', page: 'pe.html', body: '<pe-heatmap d-model="128" max-len="64"></pe-heatmap>', ready: 'pe-heatmap', budget: 150 * KB },
  { name: 'one <attention-view>', page: 'attention.html', body: '<attention-view shuffle>The cat sat on the mat because the cat was tired.</attention-view>', ready: 'attention-view', budget: 150 * KB },
  { name: 'one <token-view>', page: 'tokens.html', body: '<token-view mode="bpe">The cat sat on the mat.</token-view>', ready: 'token-view' },
  { name: 'the full playground (index.html)', page: 'site/index.html', budget: 400 * KB },
  { name: 'one <pe-heatmap>, single-file script (file:// fallback)', page: 'standalone.html', body: '<pe-heatmap></pe-heatmap>', ready: 'pe-heatmap', script: 'site/embedding-playground.standalone.js' },
];

const root = mkdtempSync(join(tmpdir(), 'embplay-size-'));
symlinkSync(distDir, join(root, 'site'), 'dir');
for (const c of CASES.filter((c) => c.body)) {
  writeFileSync(join(root, c.page), `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,">
${c.script ? `<script src="${c.script}"></script>` : '<script type="module" src="site/embedding-playground.js"></script>'}</head><body><p>A post.</p>${c.body}</body></html>`);
}

function sizes(path) {
  const bytes = readFileSync(join(root, path));
  return { path, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
}

async function measure(browser, url, c) {
  const page = await browser.newPage();
  const seen = [];
  page.on('response', (r) => { if (r.url().startsWith(url) && r.status() === 200) seen.push(new URL(r.url()).pathname.slice(1)); });
  await page.goto(url + c.page, { waitUntil: 'networkidle' });
  if (c.ready) await page.waitForFunction((s) => document.querySelector(s)?.renderCount > 0, c.ready, { timeout: 60000 });
  await page.waitForLoadState('networkidle');
  await page.close();
  return [...new Set(seen)].map(sizes);
}

const check = process.argv.includes('--check');
const { server, url } = await startServer(root);
const browser = await launch();
let over = false;
try {
  for (const c of CASES) {
    const rows = await measure(browser, url, c);
    console.log(`\n${c.name}:`);
    console.log('  file                                   bytes   gzip -9');
    for (const r of rows) console.log(`  ${r.path.padEnd(34)} ${String(r.raw).padStart(9)} ${String(r.gzip).padStart(9)}`);
    const raw = rows.reduce((n, r) => n + r.raw, 0);
    const gz = rows.reduce((n, r) => n + r.gzip, 0);
    console.log(`  ${'total'.padEnd(34)} ${String(raw).padStart(9)} ${String(gz).padStart(9)}`);
    if (c.budget) {
      const verdict = gz <= c.budget ? 'within' : gz <= c.budget * 1.1 ? 'within 10% of' : 'OVER';
      if (verdict === 'OVER') over = true;
      console.log(`  budget ${c.budget / KB} KB gzipped: ${(gz / KB).toFixed(1)} KB, ${verdict} budget`);
    }
  }
} finally {
  await browser.close();
  await new Promise((ok) => server.close(ok));
  rmSync(root, { recursive: true, force: true });
}
if (check && over) {
  console.error('embed_size: a size budget is exceeded by more than 10%');
  process.exit(1);
}
