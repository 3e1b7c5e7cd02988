// A small static file server for dist/ on localhost (also used by the browser tests).
//   node web/serve.mjs [DIR]        PORT (default 8080; 0 = any free port) and HOST (default 127.0.0.1)
import { createServer } from 'node:http';
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.bin': 'application/octet-stream',
  '.ico': 'image/x-icon',
};

// What static hosts (GitHub Pages, Netlify, nginx's gzip_types) compress.
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.wasm', '.txt', '.svg', '.bin']);

// Starts serving `dir`; resolves to { server, url } once listening. `gzip`: compress text and
// WASM for clients that accept it, as a static host does (tests/bench/first_load_bench.mjs).
export function startServer(dir, { port = 0, host = '127.0.0.1', headers = {}, gzip = false } = {}) {
  const root = resolve(dir);
  const zipped = new Map(); // file -> { mtime, bytes }
  const gzipped = (file) => {
    const mtime = statSync(file).mtimeMs;
    let entry = zipped.get(file);
    if (!entry || entry.mtime !== mtime) zipped.set(file, entry = { mtime, bytes: gzipSync(readFileSync(file), { level: 6 }) });
    return entry.bytes;
  };
  const server = createServer((req, res) => {
    let path;
    try {
      path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    } catch {
      res.writeHead(400).end('bad request');
      return;
    }
    let file = normalize(join(root, path));
    if (file !== root && !file.startsWith(root + sep)) {
      res.writeHead(403).end('forbidden');
      return;
    }
    try {
      if (statSync(file).isDirectory()) file = join(file, 'index.html');
      const size = statSync(file).size;
      if (gzip && COMPRESSIBLE.has(extname(file)) && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
        const bytes = gzipped(file);
        res.writeHead(200, {
          'Content-Type': MIME[extname(file)] ?? 'application/octet-stream',
          'Content-Length': bytes.length,
          'Content-Encoding': 'gzip',
          'Cache-Control': 'no-cache',
          Vary: 'Accept-Encoding',
          ...headers,
        });
        res.end(bytes);
        return;
      }
      res.writeHead(200, {
        'Content-Type': MIME[extname(file)] ?? 'application/octet-stream',
        'Content-Length': size,
        'Cache-Control': 'no-cache',
        ...headers,
      });
      createReadStream(file).pipe(res);
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
    }
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => {
      const { port: actual } = server.address();
      ok({ server, url: `http://${host}:${actual}/` });
    });
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2] ?? fileURLToPath(new URL('../dist', import.meta.url));
  const port = Number(process.env.PORT ?? 8080);
  const host = process.env.HOST ?? '127.0.0.1';
  try {
    statSync(join(dir, 'index.html'));
  } catch {
    console.error(`serve: ${dir}/index.html not found; run web/build.sh first`);
    process.exit(1);
  }
  startServer(dir, { port, host })
    .then(({ url }) => console.log(`Embedding Playground is served at ${url}  (Ctrl+C stops)`))
    .catch((e) => {
      console.error(`serve: cannot listen on ${host}:${port}: ${e.message} (set PORT to another port)`);
      process.exit(1);
    });
}
