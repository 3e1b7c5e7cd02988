// Chromium leg of the CBOW benchmark (tests/bench/cbow_bench.sh): trains our WASM build in a Web
// Worker of headless Chromium (Debian's /usr/bin/chromium driven by playwright-core) and writes
// the vectors as a word2vec file (binary if OUTPUT ends in .bin, else text).
//
//   node tests/bench/cbow_bench_browser.mjs CORPUS OUTPUT EPOCHS BATCH [SEED [ARCH [SUBWORDS]]]   (ARCH cbow|skipgram, SUBWORDS 0|1)
//
// Serves the repository root on localhost (the module from build-wasm/, the corpus, the worker), receives
// the vectors by a POST to the same server, and prints one JSON line: the worker's timings, the
// WASM memory size, and the peak resident memory (VmHWM) of Chromium's processes.
import { createServer } from 'node:http';
import { createReadStream, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { extname, join, normalize, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_ARGS } from '../browser/browser.mjs';
import { createRequire } from 'node:module';

const root = fileURLToPath(new URL('../..', import.meta.url));
const require = createRequire(new URL('../../web/package.json', import.meta.url));
const { chromium } = require('playwright-core');

const [corpus, output, epochs, batch, seed = '1', arch = 'cbow', subwords = '0'] = process.argv.slice(2);
if (!batch) {
  console.error('usage: node tests/bench/cbow_bench_browser.mjs CORPUS OUTPUT EPOCHS BATCH [SEED [ARCH [SUBWORDS]]]');
  process.exit(2);
}
const corpusPath = relative(root, resolve(corpus));
if (corpusPath.startsWith('..')) {
  console.error('cbow_bench_browser: the corpus must be inside the repository (it is served from there)');
  process.exit(2);
}

const MIME = { '.html': 'text/html', '.mjs': 'text/javascript', '.js': 'text/javascript', '.wasm': 'application/wasm' };
const PAGE = '<!doctype html><meta charset="utf-8"><title>CBOW benchmark</title><p>CBOW benchmark</p>';

function serve() {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (req.method === 'POST' && path === '/upload') {
      const parts = [];
      req.on('data', (c) => parts.push(c));
      req.on('end', () => {
        writeFileSync(output, Buffer.concat(parts));
        res.writeHead(204).end();
      });
      return;
    }
    if (path === '/') {
      res.writeHead(200, { 'Content-Type': 'text/html' }).end(PAGE);
      return;
    }
    const file = normalize(join(root, path));
    if (!file.startsWith(root) || !statSync(file, { throwIfNoEntry: false })?.isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': MIME[extname(file)] ?? 'text/plain' });
    createReadStream(file).pipe(res);
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server)));
}

// Peak resident memory (kB, /proc/PID/status VmHWM) of the processes below `pid`: Chromium's.
function chromiumPeaks(pid) {
  const parent = new Map();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const ppid = Number(/^PPid:\s+(\d+)/m.exec(readFileSync(`/proc/${d}/status`, 'utf8'))[1]);
      parent.set(Number(d), ppid);
    } catch { /* the process ended */ }
  }
  const below = (p) => { for (let q = parent.get(p); q; q = parent.get(q)) if (q === pid) return true; return false; };
  const peaks = [];
  for (const p of [...parent.keys()].filter(below)) {
    try {
      peaks.push(Number(/^VmHWM:\s+(\d+)/m.exec(readFileSync(`/proc/${p}/status`, 'utf8'))[1]));
    } catch { /* the process ended */ }
  }
  return { maxKb: Math.max(...peaks), sumKb: peaks.reduce((a, b) => a + b, 0), processes: peaks.length };
}

const server = await serve();
const url = `http://127.0.0.1:${server.address().port}/`;
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
try {
  const page = await browser.newPage();
  page.on('pageerror', (e) => console.error(`page error: ${e.message}`));
  await page.goto(url);
  const options = { size: 100, window: 5, negative: 5, sample: 1e-4, minCount: 5, alpha: arch === 'skipgram' ? 0.025 : 0.05,
    epochs: Number(epochs), batch: Number(batch), seed: Number(seed), arch,
    ...(subwords === '1' ? { subwords: true, minn: 3, maxn: 6, bucket: 2000000 } : {}) };
  const binary = output.endsWith('.bin');
  const result = await page.evaluate(async ({ corpusUrl, options, binary }) => {
    const worker = new Worker('/tests/bench/cbow_bench_worker.mjs', { type: 'module' });
    const data = await new Promise((ok, fail) => {
      worker.onmessage = (e) => ok(e.data);
      worker.onerror = (e) => fail(new Error(e.message || 'worker failed to load'));
      worker.postMessage({ corpusUrl, options, binary });
    });
    if (data.error) throw new Error(data.error);
    const { vectors, ...rest } = data;
    const r = await fetch('/upload', { method: 'POST', body: vectors });
    if (!r.ok) throw new Error(`upload failed: HTTP ${r.status}`);
    worker.terminate();
    return { ...rest, userAgent: navigator.userAgent };
  }, { corpusUrl: `/${corpusPath.split(sep).join('/')}`, options, binary });
  const peaks = chromiumPeaks(process.pid);
  console.log(JSON.stringify({ ...result, chromiumPeakKb: peaks.maxKb, chromiumPeakSumKb: peaks.sumKb }));
} finally {
  await browser.close();
  server.close();
}
