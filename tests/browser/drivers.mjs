// One small driver interface over three browser engines, so a cross-browser test is written once:
//   chromium  Debian's Chromium through playwright-core (as browser.mjs)
//   firefox   Firefox ESR through puppeteer-core over WebDriver BiDi
//   webkit    WebKitGTK's MiniBrowser through WebKitWebDriver (selenium-webdriver), on an Xvfb display
// EMBPLAY_BROWSER picks the engine (default chromium). Pages are served from dist/ by a server that
// puts a small recorder first in every HTML page (window errors, unhandled rejections, console.error),
// so the same error check works in every engine, in iframes too, without engine-specific events.
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { readFileSync, statSync, createReadStream } from 'node:fs';
import { createRequire } from 'node:module';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { inflateSync } from 'node:zlib';
import { CHROMIUM_ARGS, distDir } from './browser.mjs';

const require = createRequire(new URL('../../web/package.json', import.meta.url));

export const BROWSER = process.env.EMBPLAY_BROWSER ?? 'chromium';
export const VIEWPORT = { width: 1200, height: 900 };
const MINIBROWSER = process.env.MINIBROWSER_PATH ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

// ---------- the server ----------

const MIME = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json; charset=utf-8', '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8', '.png': 'image/png', '.svg': 'image/svg+xml', '.bin': 'application/octet-stream',
};

/** Runs first in every served page: keeps what would be an error in window.__problems. */
const RECORDER = `<script>(() => {
  const problems = window.__problems = [];
  addEventListener('error', (e) => { if (e instanceof ErrorEvent) problems.push('error: ' + e.message); });
  addEventListener('unhandledrejection', (e) => problems.push('unhandled rejection: ' + (e.reason?.message ?? e.reason)));
  const consoleError = console.error.bind(console);
  console.error = (...args) => { problems.push('console.error: ' + args.map(String).join(' ')); consoleError(...args); };
})();</script>`;

function injectRecorder(html) {
  const at = html.search(/<head[^>]*>/i);
  if (at < 0) return RECORDER + html;
  const end = html.indexOf('>', at) + 1;
  return html.slice(0, end) + RECORDER + html.slice(end);
}

/** Serves `dir` on 127.0.0.1 with the recorder in HTML pages; resolves to { server, url }. */
export function startRecordingServer(dir = distDir) {
  const root = resolve(dir);
  const server = createServer((req, res) => {
    let file;
    try {
      file = normalize(join(root, decodeURIComponent(new URL(req.url, 'http://x').pathname)));
      if (file !== root && !file.startsWith(root + sep)) throw new Error('outside');
      if (statSync(file).isDirectory()) file = join(file, 'index.html');
      statSync(file);
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
      return;
    }
    const type = MIME[extname(file)] ?? 'application/octet-stream';
    res.setHeader('Cache-Control', 'no-cache');
    if (extname(file) === '.html') res.writeHead(200, { 'Content-Type': type }).end(injectRecorder(readFileSync(file, 'utf8')));
    else { res.writeHead(200, { 'Content-Type': type }); createReadStream(file).pipe(res); }
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => ok({ server, url: `http://127.0.0.1:${server.address().port}/` }));
  });
}

// ---------- PNG screenshots ----------

/** Decodes an 8-bit RGB or RGBA, non-interlaced PNG (what the three drivers return) to RGBA. */
export function decodePng(buffer) {
  let pos = 8;
  let width = 0;
  let height = 0;
  let channels = 4;
  const idat = [];
  while (pos < buffer.length) {
    const length = buffer.readUInt32BE(pos);
    const type = buffer.toString('latin1', pos + 4, pos + 8);
    const data = buffer.subarray(pos + 8, pos + 8 + length);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      if (data[8] !== 8 || data[12] !== 0 || (data[9] !== 2 && data[9] !== 6)) throw new Error('unsupported PNG');
      channels = data[9] === 6 ? 4 : 3;
    } else if (type === 'IDAT') idat.push(data);
    pos += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const out = new Uint8Array(width * height * 4);
  const prev = new Uint8Array(stride);
  const line = new Uint8Array(stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const src = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let i = 0; i < stride; i++) {
      const a = i >= channels ? line[i - channels] : 0;
      const b = prev[i];
      const c = i >= channels ? prev[i - channels] : 0;
      const p = a + b - c;
      const pa = Math.abs(p - a);
      const pb = Math.abs(p - b);
      const pc = Math.abs(p - c);
      const predictor = [0, a, b, (a + b) >> 1, pa <= pb && pa <= pc ? a : pb <= pc ? b : c][filter];
      line[i] = (src[i] + predictor) & 255;
    }
    for (let x = 0; x < width; x++) {
      for (let k = 0; k < 3; k++) out[(y * width + x) * 4 + k] = line[x * channels + k];
      out[(y * width + x) * 4 + 3] = channels === 4 ? line[x * channels + 3] : 255;
    }
    prev.set(line);
  }
  return { width, height, data: out };
}

// ---------- the engines ----------

// A DOM node cannot cross a driver the same way in every engine (Firefox's BiDi gives it back as
// undefined, so a waitFor on one never ends): every page function runs wrapped so that returning
// a node is an error that says so, in all three.
const AsyncFunction = (async () => {}).constructor;
function plainValued(fn) {
  return new AsyncFunction('arg', `const value = await (${fn.toString()})(arg);
    if (value instanceof Node) throw new Error('a page function returned a DOM node: return a plain value (e.g. !!node)');
    return value;`);
}

/** A page (tab) with the methods the cross-browser tests use. `impl` supplies the engine part. */
function makeTab(impl) {
  const evaluate = (fn, arg) => impl.evaluate(plainValued(fn), arg);
  return {
    goto: impl.goto,
    /** Runs fn(arg) in the page (fn may be async); returns its JSON-serialisable result (not a DOM node). */
    evaluate,
    /** Polls fn(arg) in the page until it returns a truthy value; returns that value. */
    async waitFor(fn, arg, { timeout = 30000, interval = 100, message = '' } = {}) {
      const deadline = Date.now() + timeout;
      for (;;) {
        const value = await evaluate(fn, arg);
        if (value) return value;
        if (Date.now() > deadline) throw new Error(`waitFor timed out after ${timeout} ms ${message || fn.toString().slice(0, 200)}`);
        await new Promise((ok) => setTimeout(ok, interval));
      }
    },
    /** A real mouse click in the middle of the element (light DOM selector). */
    click: impl.click,
    /** A real key press on the focused element: 'Tab', 'Enter', 'Shift+Tab'. */
    press: impl.press,
    /** Screenshot of the viewport as RGBA pixels { width, height, data } (device pixels). */
    async screenshot() { return decodePng(await impl.screenshotPng()); },
    /** Errors recorded in the page and its same-origin frames since it loaded. */
    problems() {
      return impl.evaluate(() => {
        const all = [];
        const visit = (w) => {
          try { all.push(...(w.__problems ?? [])); for (let i = 0; i < w.frames.length; i++) visit(w.frames[i]); } catch { /* other origin */ }
        };
        visit(window);
        return all;
      });
    },
    close: impl.close,
  };
}

/** Function source + argument, for the engines that run a script string. */
const callSource = (fn) => `return (${fn.toString()})(arguments[0])`;

async function chromium() {
  const { chromium: engine } = require('playwright-core');
  const browser = await engine.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  return {
    version: `Chromium ${browser.version()}`,
    async newTab() {
      const context = await browser.newContext({ viewport: VIEWPORT });
      const page = await context.newPage();
      return makeTab({
        goto: (url) => page.goto(url),
        evaluate: (fn, arg) => page.evaluate(fn, arg),
        click: (selector) => page.click(selector),
        press: (key) => page.keyboard.press(key),
        screenshotPng: () => page.screenshot(),
        close: () => context.close(),
      });
    },
    close: () => browser.close(),
  };
}

async function firefox() {
  const puppeteer = require('puppeteer-core');
  const browser = await puppeteer.launch({
    browser: 'firefox', executablePath: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr', headless: true,
    defaultViewport: VIEWPORT, protocolTimeout: 120000,
  });
  return {
    version: `Firefox ${(await browser.version()).replace(/^firefox\//, '')}`,
    async newTab() {
      const page = await browser.newPage();
      return makeTab({
        goto: (url) => page.goto(url),
        evaluate: (fn, arg) => page.evaluate(fn, arg),
        click: (selector) => page.click(selector),
        press: (key) => (key === 'Shift+Tab'
          ? page.keyboard.down('Shift').then(() => page.keyboard.press('Tab')).then(() => page.keyboard.up('Shift'))
          : page.keyboard.press(key)),
        screenshotPng: async () => Buffer.from(await page.screenshot()),
        close: () => page.close(),
      });
    },
    close: () => browser.close(),
  };
}

/** Starts Xvfb on a free display; resolves to { display, stop }. */
function startXvfb() {
  return new Promise((ok, fail) => {
    const xvfb = spawn('Xvfb', ['-displayfd', '1', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], { stdio: ['ignore', 'pipe', 'ignore'] });
    xvfb.once('error', fail);
    xvfb.stdout.once('data', (d) => ok({ display: `:${String(d).trim()}`, stop: () => xvfb.kill() }));
  });
}

async function waitForPort(port) {
  for (let i = 0; i < 100; i++) {
    try {
      const r = await fetch(`http://127.0.0.1:${port}/status`);
      if (r.ok) return;
    } catch { /* not up yet */ }
    await new Promise((ok) => setTimeout(ok, 100));
  }
  throw new Error('WebKitWebDriver did not start');
}

async function webkit() {
  const { Builder, Capabilities, By, Key } = require('selenium-webdriver');
  const xvfb = process.env.DISPLAY ? null : await startXvfb();
  // The driver process; replaced when a new session hangs (WebKitWebDriver sometimes never answers
  // a new-session request when MiniBrowser fails to start: once in several runs here).
  let port = 0;
  let driverProcess = null;
  async function startDriver() {
    port = await new Promise((ok) => { const s = createServer().listen(0, () => { const p = s.address().port; s.close(() => ok(p)); }); });
    driverProcess = spawn(process.env.WEBKIT_DRIVER_PATH ?? '/usr/bin/WebKitWebDriver', [`--port=${port}`], {
      stdio: 'ignore', env: { ...process.env, ...(xvfb ? { DISPLAY: xvfb.display } : {}) },
    });
    await waitForPort(port);
  }
  const stop = () => { driverProcess?.kill(); xvfb?.stop(); };
  let versionText = 'WebKitGTK';
  const sessions = [];
  try {
    await startDriver();
  } catch (e) { stop(); throw e; }
  const SESSION_TIMEOUT_MS = 45000;
  async function newSession() {
    for (let attempt = 1; ; attempt++) {
      const build = new Builder().usingServer(`http://127.0.0.1:${port}`).withCapabilities(caps()).build();
      let timer;
      const timeout = new Promise((_, fail) => { timer = setTimeout(() => fail(new Error(`no WebKit session after ${SESSION_TIMEOUT_MS / 1000} s`)), SESSION_TIMEOUT_MS); });
      try {
        return await Promise.race([build, timeout]);
      } catch (e) {
        build.then((d) => d.quit(), () => {}).catch(() => {});
        if (attempt === 3) throw e;
        // Start over with a new driver (the open sessions of other tabs go with the old one).
        driverProcess.kill();
        await startDriver();
      } finally {
        clearTimeout(timer);
      }
    }
  }
  const caps = () => {
    const c = new Capabilities();
    c.setBrowserName('MiniBrowser');
    c.set('webkitgtk:browserOptions', { binary: MINIBROWSER, args: ['--automation'] });
    return c;
  };
  const keys = { Tab: Key.TAB, Enter: Key.ENTER, Space: Key.SPACE, Escape: Key.ESCAPE };
  return {
    get version() { return versionText; },
    async newTab() {
      // One WebDriver session per tab: each is its own MiniBrowser with a fresh profile.
      const driver = await newSession();
      sessions.push(driver);
      versionText = `WebKitGTK ${(await driver.getCapabilities()).get('browserVersion')}`;
      await driver.manage().setTimeouts({ script: 120000 });
      await driver.manage().window().setRect({ width: VIEWPORT.width, height: VIEWPORT.height });
      return makeTab({
        goto: (url) => driver.get(url),
        async evaluate(fn, arg) {
          const script = `const done = arguments[arguments.length - 1];
            Promise.resolve().then(() => (${fn.toString()})(arguments[0]))
              .then((v) => done({ ok: v === undefined ? null : v }), (e) => done({ error: String(e?.message ?? e) + '\\n' + String(e?.stack ?? '') }));`; // WebKit's stack leaves out the message
          const result = await driver.executeAsyncScript(script, arg ?? null);
          if (result?.error) throw new Error(result.error);
          return result?.ok;
        },
        async click(selector) {
          // WebKitWebDriver refuses elements in a section that content-visibility: auto skips: scroll first.
          const element = await driver.findElement(By.css(selector));
          await driver.executeScript('arguments[0].scrollIntoView({ block: "center" })', element);
          await element.click();
        },
        press: (key) => (key === 'Shift+Tab'
          ? driver.actions().keyDown(Key.SHIFT).sendKeys(Key.TAB).keyUp(Key.SHIFT).perform()
          : driver.actions().sendKeys(keys[key] ?? key).perform()),
        screenshotPng: async () => Buffer.from(await driver.takeScreenshot(), 'base64'),
        async close() {
          sessions.splice(sessions.indexOf(driver), 1);
          await driver.quit();
        },
      });
    },
    async close() {
      for (const d of sessions.splice(0)) await d.quit().catch(() => {});
      stop();
    },
  };
}

const ENGINES = { chromium, firefox, webkit };

/** Serves `dir` and starts the engine named by EMBPLAY_BROWSER; returns { url, browser, version, newTab, close }. */
export async function openCrossSession(dir = distDir) {
  const launch = ENGINES[BROWSER];
  if (!launch) throw new Error(`EMBPLAY_BROWSER must be chromium, firefox or webkit (got "${BROWSER}")`);
  const { server, url } = await startRecordingServer(dir);
  let engine;
  try { engine = await launch(); } catch (e) { server.close(); throw e; }
  return {
    url,
    browser: BROWSER,
    get version() { return engine.version; },
    newTab: () => engine.newTab(),
    async close() {
      await engine.close();
      await new Promise((ok) => server.close(ok));
    },
  };
}
