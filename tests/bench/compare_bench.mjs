#!/usr/bin/env node
// How long the side-by-side comparison (section 9, web/app/compare-view.js) takes from the click
// to both columns answered, on the built-in Korean corpus with particles attached and the page's
// default settings, in headless Chromium with a phone's viewport: as it runs here, and with the
// CPU slowed 4× as a phone stand-in (CDP Emulation.setCPUThrottlingRate). Chromium 156 throttles
// the page but refuses it for workers ("Operation is only supported for pages, not workers"):
// the output says how many workers took it. Prints the medians of --runs runs (default 3) of the
// click-to-answers time and of each column's training time as the page reports it. Each run is a
// fresh page (the workers start cold: module instantiation included).
//
//   node tests/bench/compare_bench.mjs [--runs N] [--source ko-attached|ko|en]   (needs dist/: web/build.sh)
import { launch } from '../browser/browser.mjs';
import { startServer } from '../../web/serve.mjs';
import { distDir } from '../browser/browser.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const RUNS = Number(arg('--runs', 3));
const SOURCE = arg('--source', 'ko-attached');
const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true };

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// Slows the page and every worker it starts: the training workers are CDP targets of their own,
// reached from a browser-level session (Playwright gives no CDP session for a worker). Each
// worker's answer to the command is recorded, so the output can say whether it took.
const workerReplies = [];
async function throttle(browser, context, page, rate) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  const root = await browser.newBrowserCDPSession();
  root.on('Target.receivedMessageFromTarget', ({ message }) => {
    const reply = JSON.parse(message);
    if (reply.id === 1) workerReplies.push(reply);
  });
  root.on('Target.targetCreated', async ({ targetInfo }) => {
    if (targetInfo.type !== 'worker') return;
    const { sessionId } = await root.send('Target.attachToTarget', { targetId: targetInfo.targetId, flatten: false });
    await root.send('Target.sendMessageToTarget', {
      sessionId, message: JSON.stringify({ id: 1, method: 'Emulation.setCPUThrottlingRate', params: { rate } }),
    });
  });
  await root.send('Target.setDiscoverTargets', { discover: true });
  return root;
}

async function once(browser, url, rate) {
  const context = await browser.newContext(PHONE);
  const page = await context.newPage();
  const root = rate > 1 ? await throttle(browser, context, page, rate) : null;
  await page.goto(url);
  await page.waitForSelector('#tokens .tok');
  await page.locator('#train-source').selectOption(SOURCE);
  const started = Date.now();
  await page.locator('#cmp-go').click();
  await page.waitForFunction(() => !document.querySelector('#cmp-ask').disabled && document.querySelector('#cmp-sub-nn-heading').textContent,
    null, { timeout: 300000, polling: 50 });
  const ms = Date.now() - started;
  const seconds = (side) => page.locator(`#cmp-${side}-info`).textContent().then((t) => Number(/([\d.]+) s\.$/.exec(t)[1]));
  const result = { ms, whole: await seconds('whole'), sub: await seconds('sub') };
  await root?.detach();
  await context.close();
  return result;
}

const { server, url } = await startServer(distDir);
const browser = await launch();
try {
  for (const rate of [1, 4]) {
    const runs = [];
    for (let i = 0; i < RUNS; i++) runs.push(await once(browser, url, rate));
    console.log(`CPU ${rate}×: click to both columns answered ${median(runs.map((r) => r.ms))} ms; training (page's own figure) ` +
      `whole words ${median(runs.map((r) => r.whole)).toFixed(2)} s, subwords ${median(runs.map((r) => r.sub)).toFixed(2)} s ` +
      `(medians of ${RUNS}; ${SOURCE}; load ${(await import('node:os')).loadavg()[0].toFixed(1)})`);
  }
  const failed = workerReplies.filter((r) => r.error);
  console.log(`CPU 4×: workers throttled: ${workerReplies.length - failed.length} of ${workerReplies.length}` +
    (failed.length ? ` (Chromium: "${failed[0].error.message}"; the page was)` : ''));
} finally {
  await browser.close();
  await new Promise((ok) => server.close(ok));
}
