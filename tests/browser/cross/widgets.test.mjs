// The blog widgets in each engine (EMBPLAY_BROWSER = chromium | firefox | webkit, see ../drivers.mjs):
// <token-view> and <pe-heatmap> on the example post, <cbow-demo> trained with Tab and Enter only
// (focus on its progress bar while the button is disabled, back on the button after; queen first),
// <embedding-playground> (the whole page in an iframe) and the iframe route embed.html#view=...
// with its height posted to the parent. dist/ is served at /user/repo/ as on GitHub Pages.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { distDir } from '../browser.mjs';
import { openCrossSession } from '../drivers.mjs';

const hostRoot = mkdtempSync(join(tmpdir(), 'embplay-cross-'));
mkdirSync(join(hostRoot, 'user'));
symlinkSync(distDir, join(hostRoot, 'user', 'repo'), 'dir');
const BASE = 'user/repo/';

function writePage(name, body) {
  writeFileSync(join(hostRoot, name), `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="data:,">
<script type="module" src="/${BASE}embedding-playground.js"></script></head><body>${body}</body></html>`);
}

let session;
before(async () => { session = await openCrossSession(hostRoot); });
after(async () => {
  await session?.close();
  rmSync(hostRoot, { recursive: true, force: true });
});

const rendered = (tab, selector) => tab.waitFor((s) => (document.querySelector(s)?.renderCount ?? 0) > 0, selector, { timeout: 60000 });

/** Pixels of a canvas in a widget's shadow root: size and distinct colours. */
const canvasInfo = (tab, host, selector) => tab.evaluate(({ host, selector }) => {
  const c = document.querySelector(host).shadowRoot.querySelector(selector);
  const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
  const colors = new Set();
  for (let i = 0; i < data.length; i += 4) colors.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
  return { width: c.width, height: c.height, distinct: colors.size };
}, { host, selector });

test(`widgets: the example post's <token-view> and <pe-heatmap> render (${process.env.EMBPLAY_BROWSER ?? 'chromium'})`, async (t) => {
  const tab = await session.newTab();
  t.diagnostic(session.version);
  await tab.goto(`${session.url}${BASE}examples/blog-post.html`);
  await rendered(tab, 'token-view');
  const tokens = await tab.evaluate(() => [...document.querySelector('token-view').shadowRoot.querySelectorAll('.tok')].map((x) => x.textContent));
  assert.equal(tokens.slice(0, 3).join(' '), 'The cat sat');
  assert.ok(tokens.some((x) => x.startsWith('##')), tokens.join(' '));
  await tab.evaluate(() => document.querySelector('pe-heatmap').scrollIntoView());
  await rendered(tab, 'pe-heatmap');
  const cells = await canvasInfo(tab, 'pe-heatmap', 'canvas.cells');
  assert.deepEqual([cells.width, cells.height], [64, 48], 'd-model="64" max-len="48"');
  assert.ok(cells.distinct > 100, `${cells.distinct} distinct colours`);
  assert.deepEqual(await tab.problems(), []);
  await tab.close();
});

test('widgets: <cbow-demo> trains with Tab and Enter, keeps focus usable, and puts queen first', async (t) => {
  writePage('cbow.html', '<p>Before the figure.</p><button id="before" type="button">A button of the post</button><cbow-demo corpus="en"></cbow-demo>');
  const tab = await session.newTab();
  await tab.goto(`${session.url}cbow.html`);
  await rendered(tab, 'cbow-demo');
  await tab.evaluate(() => document.getElementById('before').focus());
  await tab.press('Tab');
  const focusIn = () => {
    const host = document.activeElement;
    const inner = host?.shadowRoot?.activeElement;
    return host?.localName === 'cbow-demo' ? (inner?.getAttribute('role') ?? inner?.localName) : host?.localName;
  };
  assert.equal(await tab.evaluate(focusIn), 'button', 'Tab reaches the Train button');
  const started = Date.now();
  await tab.press('Enter');
  await tab.waitFor(() => ['loading', 'running'].includes(document.querySelector('cbow-demo').dataset.state), null, { interval: 20 });
  assert.equal(await tab.evaluate(focusIn), 'progressbar', 'focus while the button is disabled');
  await tab.waitFor(() => {
    const el = document.querySelector('cbow-demo');
    return el.dataset.state === 'done' && el.shadowRoot.querySelectorAll('.analogy-top li').length > 0;
  }, null, { timeout: 120000, interval: 200 });
  t.diagnostic(`${session.version}: <cbow-demo> trained in ${Date.now() - started} ms (keypress to analogy)`);
  assert.equal(await tab.evaluate(focusIn), 'button', 'focus back on the button when done');
  const top = await tab.evaluate(() => [...document.querySelector('cbow-demo').shadowRoot.querySelectorAll('.analogy-top li')]
    .map((li) => li.firstChild.textContent.trim()));
  assert.equal(top[0], 'queen', top.join(' '));
  assert.deepEqual(await tab.problems(), []);
  await tab.close();
});

test('widgets: <embedding-playground> shows the page in an iframe; the iframe route posts its height', async () => {
  writePage('playground.html', '<p>Intro.</p><embedding-playground height="700"></embedding-playground>');
  const tab = await session.newTab();
  await tab.goto(`${session.url}playground.html`);
  const tokens = await tab.waitFor(() => {
    const frame = document.querySelector('embedding-playground')?.shadowRoot?.querySelector('iframe');
    const found = frame?.contentDocument?.querySelectorAll('#tokens .tok');
    return found?.length ? found.length : 0;
  }, null, { timeout: 60000 });
  assert.ok(tokens > 20, `${tokens} tokens in the embedded page`);
  assert.equal(await tab.evaluate(() => Math.round(document.querySelector('embedding-playground').getBoundingClientRect().height)), 700);
  assert.deepEqual(await tab.problems(), []);

  writePage('parent.html', `<p>Text above.</p><iframe id="f" src="/${BASE}embed.html#view=tokens&mode=word&text=one%20two%20%ED%95%9C%EA%B5%AD%EC%96%B4" style="width:100%;height:50px;border:0" title="tokens"></iframe>
    <script>addEventListener('message', (e) => { const f = document.getElementById('f');
      if (e.source === f.contentWindow && e.data?.type === 'embedding-playground:size') { f.style.height = e.data.height + 'px'; window.lastHeight = e.data.height; } });</script>`);
  await tab.goto(`${session.url}parent.html`);
  const inner = () => {
    const doc = document.getElementById('f').contentDocument;
    const view = doc?.querySelector('token-view');
    if (!view?.renderCount || !(window.lastHeight > 100)) return null;
    return {
      tokens: [...view.shadowRoot.querySelectorAll('.tok')].map((x) => x.textContent),
      height: Math.ceil(doc.documentElement.getBoundingClientRect().height),
      posted: window.lastHeight,
    };
  };
  await tab.waitFor(inner, null, { timeout: 60000 });
  await new Promise((ok) => setTimeout(ok, 300)); // a last size message after the final layout
  const seen = await tab.evaluate(inner);
  assert.deepEqual(seen.tokens, ['one', 'two', '한국어']);
  assert.equal(seen.posted, seen.height, 'the posted height is the content height');
  assert.deepEqual(await tab.problems(), []);
  await tab.close();
});
