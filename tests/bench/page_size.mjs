#!/usr/bin/env node
// What the playground page downloads (issue 2's note, issue 6's budgets): opens dist/ in headless
// Chromium, records every response up to network idle, and prints raw and gzip -9 sizes per file.
// Files fetched only on demand (GPT-2's ranks) are listed after loading them through the page.
//
//   node tests/bench/page_size.mjs            (needs dist/: web/build.sh)
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { distDir, launch } from '../browser/browser.mjs';
import { startServer } from '../../web/serve.mjs';

function sizes(path) {
  const bytes = readFileSync(join(distDir, path));
  return { path, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
}

function table(title, rows) {
  console.log(`\n${title}`);
  console.log('  file                                   bytes   gzip -9');
  for (const r of rows) console.log(`  ${r.path.padEnd(34)} ${String(r.raw).padStart(9)} ${String(r.gzip).padStart(9)}`);
  const raw = rows.reduce((n, r) => n + r.raw, 0);
  const gz = rows.reduce((n, r) => n + r.gzip, 0);
  console.log(`  ${'total'.padEnd(34)} ${String(raw).padStart(9)} ${String(gz).padStart(9)}`);
}

const { server, url } = await startServer(distDir);
const browser = await launch();
try {
  const page = await browser.newPage();
  const seen = [];
  page.on('response', (r) => { if (r.url().startsWith(url)) seen.push(new URL(r.url()).pathname.slice(1) || 'index.html'); });
  await page.goto(url, { waitUntil: 'networkidle' });
  await page.waitForSelector('#tokens .tok');
  await page.waitForLoadState('networkidle');
  const first = [...new Set(seen)];
  table('First load of the playground (every file the page fetched):', first.map(sizes));
  const before = seen.length;
  await page.getByLabel('Tokenizer mode').selectOption('gpt2');
  await page.waitForFunction(() => document.querySelector('#tokens-summary').textContent.includes('GPT-2'), null, { timeout: 60000 });
  table('Fetched on demand by the GPT-2 mode:', [...new Set(seen.slice(before))].map(sizes));
} finally {
  await browser.close();
  await new Promise((ok) => server.close(ok));
}
