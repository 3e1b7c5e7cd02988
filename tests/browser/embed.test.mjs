// The embeddable widgets (issue 6) in headless Chromium, on the example blog post
// (dist/examples/blog-post.html) and on pages written here: both widgets render non-blank and
// interact (slider drag, attribute change, typing), with no console errors and no request outside
// the page's origin; the post served from a sub-path (/user/repo/); a hostile blog stylesheet at
// phone width; dark mode by attribute, by <html data-mode> and by prefers-color-scheme; bad
// attributes fall back with a warning; five widgets compile the WASM module once and start only
// near the viewport; the iframe route with its height message; a strict Content-Security-Policy;
// the script loaded by a page on another origin; the docs page; file:// with the module script
// (refused by Chromium: the elements' own content shows) and with the single-file classic script.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../../web/serve.mjs';
import { distDir, openSession, assertClean } from './browser.mjs';

// A static host root where dist/ lives at /user/repo/ (as on GitHub Pages), next to test pages.
const hostRoot = mkdtempSync(join(tmpdir(), 'embplay-embed-'));
mkdirSync(join(hostRoot, 'user'));
symlinkSync(distDir, join(hostRoot, 'user', 'repo'), 'dir');
const BASE = 'user/repo/';

function writePage(name, body, head = '') {
  writeFileSync(join(hostRoot, name), `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="data:,">
<script type="module" src="/${BASE}embedding-playground.js"></script>${head}</head><body>${body}</body></html>`);
}

let session;
before(async () => { session = await openSession(hostRoot); });
after(async () => {
  await session?.close();
  rmSync(hostRoot, { recursive: true, force: true });
});

const rendered = (page, selector, more = 0) => page.waitForFunction(
  ({ selector, more }) => (document.querySelector(selector)?.renderCount ?? 0) > more, { selector, more }, { timeout: 30000 });

/** Runs `action` and waits for the widget to finish a render after it. */
async function rerendered(page, selector, action) {
  const count = await page.evaluate((s) => document.querySelector(s).renderCount, selector);
  await action();
  await rendered(page, selector, count);
}

async function openPost(options = {}, { css } = {}) {
  const handle = await session.newPage(options);
  const { page } = handle;
  handle.warnings = [];
  page.on('console', (m) => { if (m.type() === 'warning') handle.warnings.push(m.text()); });
  await page.goto(`${session.url}${BASE}examples/blog-post.html`);
  if (css) await page.addStyleTag({ content: css });
  await rendered(page, 'token-view');
  await page.locator('pe-heatmap').scrollIntoViewIfNeeded();
  await rendered(page, 'pe-heatmap');
  return handle;
}

/** Pixels of a canvas inside a widget: size, CSS size, distinct colours, a hash, opaque share. */
function canvasInfo(page, host, selector) {
  return page.evaluate(({ host, selector }) => {
    const c = document.querySelector(host).shadowRoot.querySelector(selector);
    const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    const colors = new Set();
    let hash = 0;
    let opaque = 0;
    for (let i = 0; i < data.length; i += 4) {
      colors.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
      hash = (Math.imul(hash, 31) + data[i] + 7 * data[i + 1] + 13 * data[i + 2] + 17 * data[i + 3]) | 0;
      if (data[i + 3] > 0) opaque++;
    }
    const r = c.getBoundingClientRect();
    return { width: c.width, height: c.height, cssWidth: r.width, cssHeight: r.height, distinct: colors.size, hash, opaque: opaque / (data.length / 4) };
  }, { host, selector });
}

/** PE(pos, col) from the paper's formula, in double (interleaved layout). */
function formula(pos, col, dModel, base = 10000) {
  const arg = pos / base ** ((2 * Math.floor(col / 2)) / dModel);
  return col % 2 === 0 ? Math.sin(arg) : Math.cos(arg);
}

const tokenTexts = (page, host = 'token-view') => page.evaluate((h) => [...document.querySelector(h).shadowRoot.querySelectorAll('.tok')].map((t) => t.textContent), host);

test('the example post: both widgets render non-blank, with the formula on hover, and nothing else is fetched', async () => {
  const { page, context, problems } = await openPost();
  const cells = await canvasInfo(page, 'pe-heatmap', 'canvas.cells');
  assert.equal(cells.width, 64, 'one pixel per column (d-model="64")');
  assert.equal(cells.height, 48, 'one pixel per position (max-len="48")');
  assert.ok(cells.distinct > 100, `${cells.distinct} distinct colours`);
  const curves = await canvasInfo(page, 'pe-heatmap', '.line-chart canvas');
  assert.ok(curves.opaque > 0.01 && curves.distinct > 3, `curves drawn (${(curves.opaque * 100).toFixed(1)}% painted)`);
  // Hover cell (pos 5, column 2): the readout ends with the value of the paper's formula.
  const box = await page.locator('pe-heatmap canvas.cells').boundingBox();
  await page.mouse.move(box.x + (2.5 / 64) * box.width, box.y + (5.5 / 48) * box.height);
  const readout = await page.locator('pe-heatmap .readout').textContent();
  assert.match(readout, /^pos 5 · i 1 · column 2 \(sin\) · PE\(5, 2\) = sin/);
  assert.ok(Math.abs(Number(readout.split('=').pop()) - formula(5, 2, 64)) < 1e-5, readout);
  // The tokens: BPE with 40 merges over the post's sentence, "##" pieces included.
  const texts = await tokenTexts(page);
  assert.equal(texts.slice(0, 3).join(' '), 'The cat sat');
  assert.ok(texts.some((t) => t.startsWith('##')), `continuation pieces in ${texts.join(' ')}`);
  const summary = await page.locator('token-view .summary').textContent();
  assert.match(summary, new RegExp(`^${texts.length} tokens · \\d+ distinct · 83 bytes$`));
  assertClean(problems);
  await context.close();
});

test('dragging a slider and setting attributes repaint the heatmap; typing re-tokenises', async () => {
  const { page, context, problems } = await openPost();
  const before = await canvasInfo(page, 'pe-heatmap', 'canvas.cells');
  // Drag the d_model thumb from its place to three quarters of the track.
  const slider = page.getByLabel('d_model slider');
  const track = await slider.boundingBox();
  const at = (v) => track.x + 8 + ((v - 1) / 1023) * (track.width - 16);
  await rerendered(page, 'pe-heatmap', async () => {
    await page.mouse.move(at(64), track.y + track.height / 2);
    await page.mouse.down();
    await page.mouse.move(at(400), track.y + track.height / 2, { steps: 5 });
    await page.mouse.up();
  });
  const d = Number(await page.evaluate(() => document.querySelector('pe-heatmap').getAttribute('d-model')));
  assert.ok(d > 300 && d < 500, `d-model after the drag: ${d}`);
  const after = await canvasInfo(page, 'pe-heatmap', 'canvas.cells');
  assert.notEqual(after.hash, before.hash, 'the heatmap changed');
  assert.equal(after.width, Math.min(d, Math.round(after.cssWidth)), 'one pixel per column, or per screen pixel');
  // The page sets attributes: max-len and base follow.
  await rerendered(page, 'pe-heatmap', () => page.evaluate(() => document.querySelector('pe-heatmap').setAttribute('max-len', '100')));
  assert.equal((await canvasInfo(page, 'pe-heatmap', 'canvas.cells')).height, 100);
  await rerendered(page, 'pe-heatmap', () => page.evaluate(() => document.querySelector('pe-heatmap').setAttribute('base', '100')));
  assert.match(await page.locator('pe-heatmap .caption').textContent(), /max_len 100, base 100,/);
  // Typing: word mode, then char mode by attribute.
  await rerendered(page, 'token-view', () => page.evaluate(() => document.querySelector('token-view').setAttribute('mode', 'word')));
  await rerendered(page, 'token-view', () => page.getByLabel('Text to tokenize').fill('hello hello world'));
  assert.deepEqual(await tokenTexts(page), ['hello', 'hello', 'world']);
  const ids = await page.evaluate(() => [...document.querySelector('token-view').shadowRoot.querySelectorAll('.tok')].map((t) => t.dataset.id));
  assert.equal(ids[0], ids[1], 'the same word, the same id');
  assert.notEqual(ids[0], ids[2]);
  assert.equal(await page.locator('token-view .summary').textContent(), '3 tokens · 2 distinct · 17 bytes');
  await rerendered(page, 'token-view', () => page.getByLabel('Tokenizer mode').selectOption('char'));
  assert.equal((await tokenTexts(page)).join(''), 'hellohelloworld', 'the typed text is kept, one token per character');
  assertClean(problems);
  await context.close();
});

test('served from a sub-path: every request stays under /user/repo/', async () => {
  const { page, context, problems } = await openPost();
  const urls = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
  const paths = urls.map((u) => new URL(u).pathname);
  assert.ok(paths.some((p) => p.endsWith('/user/repo/embedding-playground.js')), paths.join(' '));
  assert.ok(paths.some((p) => /\/user\/repo\/embplay_(pe_|lite_)?module(_nosimd)?\.wasm$/.test(p)), `the module is fetched next to the script: ${paths.join(' ')}`);
  for (const p of paths) assert.ok(p.startsWith('/user/repo/'), `${p} is under the sub-path`);
  assertClean(problems);
  await context.close();
});

test('a hostile blog stylesheet at phone width does not break the widgets', async () => {
  const css = '* { font-size: 30px !important; box-sizing: content-box } canvas { max-width: 10px }';
  const { page, context, problems } = await openPost({ viewport: { width: 360, height: 740 } }, { css });
  const cells = await canvasInfo(page, 'pe-heatmap', 'canvas.cells');
  assert.ok(cells.cssWidth > 150, `heatmap ${cells.cssWidth} CSS px wide`);
  assert.ok(cells.distinct > 50);
  const curves = await canvasInfo(page, 'pe-heatmap', '.line-chart canvas');
  assert.ok(curves.cssWidth > 150 && curves.opaque > 0.01);
  const look = await page.evaluate(() => {
    const tok = document.querySelector('token-view').shadowRoot.querySelector('.tok');
    const frame = document.querySelector('pe-heatmap').shadowRoot.querySelector('.frame');
    const widths = [...document.querySelectorAll('pe-heatmap, token-view')].map((w) => w.getBoundingClientRect().right);
    return { tokFont: getComputedStyle(tok).fontSize, sizing: getComputedStyle(frame).boxSizing, scroll: document.documentElement.scrollWidth, widths };
  });
  assert.equal(look.tokFont, '14px', 'the blog font size does not reach inside');
  assert.equal(look.sizing, 'border-box');
  assert.ok(look.scroll <= 360, `no horizontal scroll (scrollWidth ${look.scroll})`);
  for (const right of look.widths) assert.ok(right <= 360, `a widget ends at ${right}px`);
  // The page's own paragraphs did take the hostile size: the stylesheet was applied.
  assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('p')).fontSize), '30px');
  assertClean(problems);
  await context.close();
});

test('light and dark: the theme attribute, the blog switch (<html data-mode>), prefers-color-scheme', async () => {
  const { page, context, problems } = await openPost({ colorScheme: 'light' });
  const background = (host) => page.evaluate((h) => getComputedStyle(document.querySelector(h).shadowRoot.querySelector('.frame')).backgroundColor, host);
  const LIGHT = 'rgb(255, 255, 255)';
  const DARK = 'rgb(28, 29, 31)';
  assert.equal(await background('pe-heatmap'), LIGHT);
  await page.evaluate(() => document.querySelector('pe-heatmap').setAttribute('theme', 'dark'));
  assert.equal(await background('pe-heatmap'), DARK, 'theme="dark"');
  assert.equal(await background('token-view'), LIGHT, 'the other widget keeps auto');
  await page.getByRole('button', { name: 'light / dark' }).click(); // the post's Chirpy-style switch
  assert.equal(await page.evaluate(() => document.documentElement.dataset.mode), 'dark');
  await page.waitForFunction(() => getComputedStyle(document.querySelector('token-view').shadowRoot.querySelector('.frame')).backgroundColor === 'rgb(28, 29, 31)');
  await page.evaluate(() => document.querySelector('pe-heatmap').setAttribute('theme', 'light'));
  assert.equal(await background('pe-heatmap'), LIGHT, 'theme="light" wins over the blog switch');
  await page.evaluate(() => { delete document.documentElement.dataset.mode; });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.waitForFunction(() => getComputedStyle(document.querySelector('token-view').shadowRoot.querySelector('.frame')).backgroundColor === 'rgb(28, 29, 31)');
  assertClean(problems);
  await context.close();
});

test('bad attribute values fall back to the defaults with one console warning each, never a blank box', async () => {
  writePage('bad.html', `<pe-heatmap d-model="abc" max-len="-3" layout="diagonal" base="1"></pe-heatmap>
    <token-view mode="klingon" merges="x">Hello there</token-view>`);
  const { page, context, problems } = await session.newPage();
  const warnings = [];
  page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  await page.goto(`${session.url}bad.html`);
  await rendered(page, 'pe-heatmap');
  await rendered(page, 'token-view');
  const cells = await canvasInfo(page, 'pe-heatmap', 'canvas.cells');
  assert.equal(cells.height, 64, 'max-len default');
  assert.equal(cells.width, Math.min(128, Math.round(cells.cssWidth)), 'd-model default');
  assert.ok(cells.distinct > 100);
  assert.deepEqual(await tokenTexts(page), ['Hello', 'there'], 'word mode, the default');
  for (const name of ['d-model', 'max-len', 'layout', 'base']) {
    assert.equal(warnings.filter((w) => w.startsWith(`<pe-heatmap>: ${name} `)).length, 1, `one warning for ${name}: ${warnings.join(' | ')}`);
  }
  assert.ok(warnings.includes('<token-view>: mode must be one of word, char, bpe, gpt2 (got "klingon"); using "word".'), warnings.join(' | '));
  assert.ok(warnings.some((w) => w.startsWith('<token-view>: merges ')));
  assertClean(problems);
  await context.close();
});

test('five widgets: the WASM module is fetched and compiled once, each widget starts near the viewport', async () => {
  const spacer = '<div style="height:2500px">text</div>';
  writePage('five.html', `<pe-heatmap d-model="32" max-len="16"></pe-heatmap><token-view>one two</token-view>
    ${spacer}<pe-heatmap id="far" d-model="48"></pe-heatmap>${spacer}<token-view mode="char">abc</token-view><pe-heatmap layout="split"></pe-heatmap>`);
  const { page, context, problems } = await session.newPage();
  await page.addInitScript(() => {
    window.wasmCompiles = 0;
    for (const name of ['compile', 'compileStreaming', 'instantiate', 'instantiateStreaming']) {
      const original = WebAssembly[name];
      WebAssembly[name] = function (...args) {
        // instantiate(module) reuses a compiled module; only bytes or a response compile
        if (!(name === 'instantiate' && args[0] instanceof WebAssembly.Module)) window.wasmCompiles++;
        return original.apply(this, args);
      };
    }
  });
  const wasmResponses = [];
  page.on('response', (r) => { if (r.url().endsWith('.wasm')) wasmResponses.push(r.url()); });
  await page.goto(`${session.url}five.html`);
  await rendered(page, 'pe-heatmap');
  await rendered(page, 'token-view');
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => document.getElementById('far').renderCount), 0, 'a widget 2500 px below has not started');
  for (let y = 0; y <= 6000; y += 1500) {
    await page.evaluate((top) => window.scrollTo(0, top), y);
    await page.waitForTimeout(100);
  }
  await page.waitForFunction(() => [...document.querySelectorAll('pe-heatmap, token-view')].every((w) => w.renderCount > 0), null, { timeout: 30000 });
  assert.equal(await page.evaluate(() => document.querySelectorAll('pe-heatmap, token-view').length), 5);
  // One module for both kinds of widget (the lite one, which has the positional encodings too,
  // when the build has it): each file is fetched and compiled once.
  const files = new Set(wasmResponses.map((u) => new URL(u).pathname));
  assert.equal(wasmResponses.length, files.size, `each .wasm fetched once: ${wasmResponses.join(' ')}`);
  assert.equal(files.size, 1, [...files].join(' '));
  assert.equal(await page.evaluate(() => window.wasmCompiles), files.size, 'compiled once per module');
  assert.deepEqual(await tokenTexts(page, 'token-view[mode="char"]'), ['a', 'b', 'c']);
  assertClean(problems);
  await context.close();
});

test('the iframe route: embed.html#view=pe and #view=tokens, with the height posted to the parent', async () => {
  const { page, context, problems } = await session.newPage();
  await page.goto(`${session.url}${BASE}embed.html#view=pe&d=32&n=16&curves=false&controls=false`);
  await rendered(page, 'pe-heatmap');
  assert.equal(await page.getByLabel('d_model slider').isVisible(), false, 'controls=false hides the sliders');
  const cells = await canvasInfo(page, 'pe-heatmap', 'canvas.cells');
  assert.deepEqual([cells.width, cells.height], [32, 16]);
  assert.equal(await page.locator('pe-heatmap .line-chart').isVisible(), false, 'curves=false hides the waves');
  // The hash changes: the widget is rebuilt.
  await page.evaluate(() => { location.hash = '#view=tokens&mode=char&text=' + encodeURIComponent('한국어 ok'); });
  await rendered(page, 'token-view');
  assert.deepEqual(await tokenTexts(page), ['한', '국', '어', 'o', 'k']);
  // A parent page that sizes the iframe from the message.
  writePage('parent.html', `<p>Text above.</p><iframe id="f" src="/${BASE}embed.html#view=tokens&mode=word&text=one%20two" style="width:100%;height:50px;border:0" title="tokens"></iframe>
    <script>addEventListener('message', (e) => { const f = document.getElementById('f');
      if (e.source === f.contentWindow && e.data?.type === 'embedding-playground:size') { f.style.height = e.data.height + 'px'; window.lastHeight = e.data.height; } });</script>`);
  await page.goto(`${session.url}parent.html`);
  await page.waitForFunction(() => window.lastHeight > 100, null, { timeout: 30000 });
  const frame = page.frameLocator('#f');
  await frame.locator('token-view .tok').first().waitFor();
  const inner = await page.frames()[1].evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
  assert.equal(await page.evaluate(() => window.lastHeight), inner, 'the posted height is the content height');
  assertClean(problems);
  await context.close();
});

test('Korean strings follow the lang of the page or the element', async () => {
  writePage('ko.html', '<div lang="ko"><pe-heatmap d-model="16" max-len="8"></pe-heatmap></div><token-view lang="ko">안녕 세상</token-view>');
  const { page, context, problems } = await session.newPage();
  await page.goto(`${session.url}ko.html`);
  await rendered(page, 'pe-heatmap');
  await rendered(page, 'token-view');
  assert.match(await page.locator('pe-heatmap .caption').textContent(), /^사인파 위치 인코딩, d_model 16/);
  assert.equal(await page.locator('token-view .summary').textContent(), '토큰 2개 · 서로 다른 토큰 2개 · 13바이트');
  assert.ok(await page.getByLabel('d_model 슬라이더').isVisible());
  assertClean(problems);
  await context.close();
});

test("a strict Content-Security-Policy: no 'unsafe-eval', no inline styles, only 'wasm-unsafe-eval'", async () => {
  writePage('csp.html', '<pe-heatmap d-model="16" max-len="8" curves="false"></pe-heatmap><token-view mode="bpe">low lower lowest</token-view>');
  const policy = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:";
  const { server, url } = await startServer(hostRoot, { headers: { 'Content-Security-Policy': policy } });
  const context = await session.browser.newContext();
  try {
    const page = await context.newPage();
    const errors = [];
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    page.on('pageerror', (e) => errors.push(e.message));
    for (const path of ['csp.html', `${BASE}embed.html#view=pe&d=8&n=4`]) {
      await page.goto(url + path);
      await rendered(page, 'pe-heatmap');
      const cells = await canvasInfo(page, 'pe-heatmap', 'canvas.cells');
      assert.ok(cells.distinct > 4, `${path}: the heatmap is painted`);
      const background = await page.evaluate(() => getComputedStyle(document.querySelector('pe-heatmap').shadowRoot.querySelector('.frame')).backgroundColor);
      assert.equal(background, 'rgb(255, 255, 255)', `${path}: the widget's stylesheet applies`);
    }
    await page.goto(url + 'csp.html');
    await rendered(page, 'token-view');
    assert.ok((await tokenTexts(page)).length >= 3);
    assert.deepEqual(errors, [], 'no CSP violations or other errors');
  } finally {
    await context.close();
    await new Promise((ok) => server.close(ok));
  }
});

test('the docs page: its live widgets render and the iframe example sizes itself', async () => {
  const { page, context, problems } = await session.newPage({ viewport: { width: 360, height: 800 } });
  await page.goto(`${session.url}${BASE}embed-docs.html`);
  for (const widget of ['pe-heatmap', 'token-view']) {
    await page.locator(widget).scrollIntoViewIfNeeded(); // on a phone the second one starts far below
    await rendered(page, widget);
  }
  const frame = page.locator('#docs-iframe');
  await frame.scrollIntoViewIfNeeded();
  await page.frameLocator('#docs-iframe').locator('token-view .tok').first().waitFor({ timeout: 30000 });
  await page.waitForFunction(() => {
    const f = document.getElementById('docs-iframe');
    const inner = f.contentDocument?.documentElement.getBoundingClientRect().height;
    return inner > 100 && Math.abs(f.getBoundingClientRect().height - Math.ceil(inner)) < 1;
  }, null, { timeout: 30000 });
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth) <= 360 + 1, 'the docs fit a phone (code blocks scroll inside)');
  assertClean(problems);
  await context.close();
});

test('a page on another origin loads the script from the widget host (CORS), and the module from there too', async () => {
  const widgetHost = await startServer(distDir, { headers: { 'Access-Control-Allow-Origin': '*' } });
  writeFileSync(join(hostRoot, 'other-origin.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,">
<script type="module" src="${widgetHost.url}embedding-playground.js"></script></head>
<body><p>A post on another site.</p><token-view mode="word">from another origin</token-view></body></html>`);
  try {
    const { page, context, problems } = await session.newPage();
    await page.goto(`${session.url}other-origin.html`);
    await rendered(page, 'token-view');
    assert.deepEqual(await tokenTexts(page), ['from', 'another', 'origin']);
    const host = new URL(widgetHost.url).origin;
    assert.ok(problems.foreignRequests.some((u) => u.endsWith('.wasm')), 'the module came from the widget host');
    assert.deepEqual(problems.foreignRequests.filter((u) => !u.startsWith(host)), [], 'nothing beyond the two origins');
    assert.deepEqual(problems.consoleErrors, []);
    assert.deepEqual(problems.pageErrors, []);
    await context.close();
  } finally {
    await new Promise((ok) => widgetHost.server.close(ok));
  }
});

test('<embedding-playground>: the whole page in a lazily created iframe of the given height', async () => {
  writePage('playground.html', '<p>Intro.</p><embedding-playground height="700"></embedding-playground><embedding-playground height="x" id="bad"></embedding-playground>');
  const { page, context, problems } = await session.newPage();
  const warnings = [];
  page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  await page.goto(`${session.url}playground.html`);
  const frame = page.frameLocator('embedding-playground >> iframe').first();
  await frame.locator('#tokens .tok').first().waitFor({ timeout: 60000 });
  const heights = await page.evaluate(() => [...document.querySelectorAll('embedding-playground')].map((e) => Math.round(e.getBoundingClientRect().height)));
  assert.deepEqual(heights, [700, 900], 'the height attribute, and the default for a bad one');
  assert.ok(warnings.some((w) => w.startsWith('<embedding-playground>: height must be a whole number from 300 to 4000 (got "x")')), warnings.join(' | '));
  const src = await page.evaluate(() => document.querySelector('embedding-playground').shadowRoot.querySelector('iframe').src);
  assert.equal(new URL(src).pathname, `/${BASE}index.html`, 'the page next to the script');
  assertClean(problems);
  await context.close();
});

test('file://: the module script is refused (the elements show their own content); the single-file script works', async () => {
  const context = await session.browser.newContext();
  try {
    const page = await context.newPage();
    const errors = [];
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`file://${distDir}/examples/blog-post.html`);
    await page.waitForLoadState('load');
    assert.equal(await page.evaluate(() => customElements.get('pe-heatmap')), undefined, 'Chromium refuses module scripts from file://');
    assert.ok(errors.some((e) => /embedding-playground\.js.*blocked by CORS policy/.test(e)), errors.join(' | '));
    assert.match(await page.locator('pe-heatmap').innerText(), /interactive heatmap/, 'the fallback sentence inside the element shows');
    assert.match(await page.locator('token-view').innerText(), /^The cat sat on the mat/, 'the token-view shows its text');
    errors.length = 0;
    await page.goto(`file://${distDir}/examples/standalone.html`);
    await rendered(page, 'token-view');
    await page.locator('pe-heatmap').scrollIntoViewIfNeeded();
    await rendered(page, 'pe-heatmap');
    assert.deepEqual(await tokenTexts(page), ['Open', 'me', 'from', 'a', 'folder', 'on', 'your', 'computer', '.']);
    const cells = await canvasInfo(page, 'pe-heatmap', 'canvas.cells');
    assert.deepEqual([cells.width, cells.height], [32, 24]);
    assert.ok(cells.distinct > 50);
    assert.deepEqual(errors, [], 'no errors from file:// with the single-file script');
  } finally {
    await context.close();
  }
});

test('a browser without WebAssembly SIMD gets the non-SIMD build, and the widgets work the same', async () => {
  const { page, context, problems } = await session.newPage();
  // What Safari before 16.4 answers to the SIMD probe of web/core/load.js.
  await page.addInitScript(() => { WebAssembly.validate = () => false; });
  const wasm = [];
  page.on('response', (r) => { if (r.url().endsWith('.wasm')) wasm.push(new URL(r.url()).pathname); });
  await page.goto(`${session.url}${BASE}examples/blog-post.html`);
  await rendered(page, 'token-view');
  await page.locator('pe-heatmap').scrollIntoViewIfNeeded();
  await rendered(page, 'pe-heatmap');
  assert.ok(wasm.length > 0 && wasm.every((p) => p.endsWith('_nosimd.wasm')), wasm.join(' '));
  assert.equal((await tokenTexts(page)).slice(0, 3).join(' '), 'The cat sat');
  assert.ok((await canvasInfo(page, 'pe-heatmap', 'canvas.cells')).distinct > 100);
  assertClean(problems);
  await context.close();
});

test('<token-view mode="gpt2">: GPT-2\'s real ids, its vocabulary fetched once from next to the script', async () => {
  writePage('gpt2.html', '<token-view mode="gpt2">Hello world</token-view><token-view id="ko" mode="gpt2" controls="false">한국어</token-view>');
  const { page, context, problems } = await session.newPage();
  const ranks = [];
  page.on('response', (r) => { if (r.url().endsWith('gpt2-ranks.bin')) ranks.push(new URL(r.url()).pathname); });
  await page.goto(`${session.url}gpt2.html`);
  await page.waitForFunction(() => document.querySelectorAll('token-view')[0].shadowRoot.querySelectorAll('.tok').length > 0
    && document.getElementById('ko').shadowRoot.querySelectorAll('.tok').length > 0, null, { timeout: 60000 });
  assert.deepEqual(await tokenTexts(page), ['Hello', ' world']);
  const ids = await page.evaluate(() => [...document.querySelector('token-view').shadowRoot.querySelectorAll('.tok')].map((t) => Number(t.dataset.id)));
  assert.deepEqual(ids, [15496, 995], "GPT-2's ids (as tiktoken's r50k_base)");
  assert.match(await page.locator('token-view').first().locator('.summary').textContent(), /^2 GPT-2 tokens · 2 distinct ids of 50,257 · 11 bytes$/);
  const korean = await tokenTexts(page, '#ko');
  assert.ok(korean.some((t) => /^\u2039[0-9A-F]{2}( [0-9A-F]{2})*\u203a$/.test(t)), `a byte token shown as hex: ${korean.join('|')}`);
  assert.deepEqual(ranks, [`/${BASE}assets/gpt2-ranks.bin`], 'fetched once, next to the script');
  assertClean(problems);
  await context.close();
});
