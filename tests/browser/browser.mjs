// Shared setup for the browser tests: serve dist/ on localhost, drive Debian's Chromium with
// playwright-core, and record console errors and any request that leaves the page's origin.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { startServer } from '../../web/serve.mjs';

const require = createRequire(new URL('../../web/package.json', import.meta.url));
const { chromium } = require('playwright-core');

export const distDir = fileURLToPath(new URL('../../dist', import.meta.url));

export const CHROMIUM_ARGS = [
  '--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run', '--disable-quic',
];

export async function launch() {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/** Serves dist/ and opens a browser; returns helpers and a close() to call in `after`. */
export async function openSession(dir = distDir) {
  const { server, url } = await startServer(dir);
  const browser = await launch();
  return {
    url,
    browser,
    async newPage(options = {}) {
      const context = await browser.newContext({ viewport: { width: 1200, height: 900 }, ...options });
      const page = await context.newPage();
      const problems = { consoleErrors: [], pageErrors: [], foreignRequests: [] };
      const origin = new URL(url).origin;
      page.on('console', (m) => { if (m.type() === 'error') problems.consoleErrors.push(m.text()); });
      page.on('pageerror', (e) => problems.pageErrors.push(e.message));
      context.on('request', (r) => {
        const u = r.url();
        if (!u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:')) problems.foreignRequests.push(u);
      });
      return { page, context, problems };
    },
    async close() {
      await browser.close();
      await new Promise((ok) => server.close(ok));
    },
  };
}

/** No page error, no console error and no request beyond the page's origin (a newPage's `problems`). */
export function assertClean(problems) {
  assert.deepEqual(problems.pageErrors, [], 'page errors');
  assert.deepEqual(problems.consoleErrors, [], 'console errors');
  assert.deepEqual(problems.foreignRequests, [], 'requests outside the page origin');
}
