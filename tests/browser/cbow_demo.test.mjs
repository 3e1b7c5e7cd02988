// <cbow-demo> (issue 6) in headless Chromium: the corpus is fetched only when Train is pressed;
// training reaches 100 % in the training worker with no main-thread task over 50 ms; the PCA
// scatter is painted; the analogy puts queen first (여왕 for corpus="ko"), with its top three and
// its parallelogram in its own plane; the iframe route view=cbow;
// "Train again" runs again; no console errors and no request beyond the script's origin, also
// when the script comes from another origin (the worker then starts from a same-origin blob), and
// under a strict Content-Security-Policy (a refused blob: worker moves training onto the page);
// bad attributes fall back with a warning; a hostile blog stylesheet at 360 px; dark theme;
// the example blog post with its dark switch; and file:// with the single-file script (training
// on the page, corpus from a classic script).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../../web/serve.mjs';
import { distDir, openSession, assertClean } from './browser.mjs';

// dist/ at /user/repo/ on a static host (as on GitHub Pages), the test pages beside it.
const hostRoot = mkdtempSync(join(tmpdir(), 'embplay-cbow-'));
mkdirSync(join(hostRoot, 'user'));
symlinkSync(distDir, join(hostRoot, 'user', 'repo'), 'dir');
const BASE = 'user/repo/';

function writePage(name, body, { script = `/${BASE}embedding-playground.js`, lang = 'en', head = '' } = {}) {
  writeFileSync(join(hostRoot, name), `<!doctype html><html lang="${lang}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="data:,">
<script type="module" src="${script}"></script>${head}</head><body><p>A post about word vectors.</p>${body}<p>The end.</p></body></html>`);
}

let session;
before(async () => { session = await openSession(hostRoot); });
after(async () => {
  await session?.close();
  rmSync(hostRoot, { recursive: true, force: true });
});

// Long tasks of the main thread, from page start (buffered), with their start times.
function recordLongTasks() {
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
}

async function open(path, options = {}) {
  const handle = await session.newPage(options);
  const { page } = handle;
  handle.warnings = [];
  handle.corpusRequests = [];
  page.on('console', (m) => { if (m.type() === 'warning') handle.warnings.push(m.text()); });
  page.on('request', (r) => { if (/corpus-(en|ko)\.(txt|js)$/.test(r.url())) handle.corpusRequests.push(r.url()); });
  await page.addInitScript(recordLongTasks);
  await page.goto(session.url + path);
  await page.waitForFunction(() => document.querySelector('cbow-demo')?.renderCount > 0, null, { timeout: 30000 });
  return handle;
}

const shadow = (page, selector, host = 'cbow-demo') => page.evaluate(({ host, selector }) =>
  document.querySelector(host).shadowRoot.querySelector(selector)?.textContent ?? null, { host, selector });

/** Clicks the Train button and waits for the analogy; returns { ms, longTasks, line, top }. */
async function train(page, host = 'cbow-demo') {
  const startedAt = await page.evaluate(() => performance.now());
  const runs = await page.evaluate((h) => document.querySelector(h).runs, host);
  await page.locator(host).getByRole('button', { name: /Train|학습/ }).click();
  await page.waitForFunction(({ h, runs }) => {
    const el = document.querySelector(h);
    return el.runs > runs && el.dataset.state === 'done' && el.shadowRoot.querySelectorAll('.analogy-top li').length > 0;
  }, { h: host, runs }, { timeout: 60000, polling: 100 });
  const endedAt = await page.evaluate(() => performance.now());
  const longTasks = await page.evaluate(([a, b]) => window.__longTasks.filter((t) => t.start + t.duration >= a && t.start <= b), [startedAt, endedAt]);
  const ms = Number(await page.evaluate((h) => document.querySelector(h).shadowRoot.querySelector('.progress').dataset.ms, host));
  const line = await shadow(page, '.analogy', host);
  const top = await page.evaluate((h) => [...document.querySelector(h).shadowRoot.querySelectorAll('.analogy-top li')]
    .map((li) => ({ word: li.firstChild.textContent.trim(), score: Number(li.querySelector('.score').textContent) })), host);
  return { ms, longTasks, line, top };
}

/** The plot canvas: CSS size, distinct colours, share of pixels off the background. */
function plotInfo(page, host = 'cbow-demo') {
  return page.evaluate((h) => {
    const c = document.querySelector(h).shadowRoot.querySelector('canvas.plot');
    const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    const colors = new Set();
    let painted = 0;
    for (let i = 0; i < data.length; i += 4) {
      colors.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
      if (data[i + 3] > 0) painted++;
    }
    const r = c.getBoundingClientRect();
    return { cssWidth: r.width, cssHeight: r.height, distinct: colors.size, painted: painted / (data.length / 4) };
  }, host);
}

const progress = (page, host = 'cbow-demo') => page.evaluate((h) => document.querySelector(h).shadowRoot.querySelector('[role=progressbar]').getAttribute('aria-valuenow'), host);

test('English: nothing is fetched before Train; then 100 %, a painted scatter, queen first, no long task', async (t) => {
  writePage('en.html', '<cbow-demo corpus="en"></cbow-demo>');
  const { page, context, problems, corpusRequests } = await open('en.html');
  await page.waitForTimeout(300);
  assert.deepEqual(corpusRequests, [], 'the corpus waits for the click');
  assert.equal(await page.evaluate(() => performance.getEntriesByType('resource').filter((e) => e.name.endsWith('.wasm')).length), 0, 'no module before Train');
  assert.equal(await progress(page), '0');
  assert.ok(await page.getByRole('button', { name: 'Train: word vectors of the built-in English corpus' }).isEnabled());
  assert.match(await shadow(page, '.analogy'), /^king − man \+ woman ≈ \? /);
  let run = await train(page);
  t.diagnostic(`click to analogy: trained in ${run.ms} ms; long tasks ${JSON.stringify(run.longTasks)}`);
  // On a shared two-core machine another process can stall one frame past 50 ms: one retry.
  if (run.longTasks.some((l) => l.duration > 50)) {
    run = await train(page);
    t.diagnostic(`second run: ${run.ms} ms; long tasks ${JSON.stringify(run.longTasks)}`);
  }
  assert.deepEqual(run.longTasks.filter((l) => l.duration > 50), [], 'main-thread tasks over 50 ms during training');
  assert.equal(await progress(page), '100');
  assert.match(await shadow(page, '.stats'), /^Trained on [\d,]+ words in [\d.]+ s · final loss \d/);
  assert.match(run.line, /^king − man \+ woman ≈ queen \(0\.\d\d\)$/);
  assert.equal(run.top.length, 3);
  assert.equal(run.top[0].word, 'queen');
  assert.ok(run.top[0].score > run.top[1].score && run.top[1].score >= run.top[2].score, JSON.stringify(run.top));
  assert.equal(Number(run.line.match(/\((0\.\d\d)\)/)[1]), Number(run.top[0].score.toFixed(2)), 'the line shows the top score');
  const plot = await plotInfo(page);
  assert.ok(plot.distinct > 20 && plot.painted > 0.005, `the scatter is painted: ${JSON.stringify(plot)}`);
  const labels = await page.evaluate(() => document.querySelector('cbow-demo').plot.labels);
  for (const w of ['king', 'man', 'woman', 'queen']) assert.ok(labels.includes(w), `${w} labelled in the plot: ${labels.join(' ')}`);
  // The analogy's own plane: the parallelogram man → king, woman → king − man + woman, and queen.
  await page.waitForFunction(() => !document.querySelector('cbow-demo').shadowRoot.querySelector('.plane-box').hidden);
  const plane = await page.evaluate(() => {
    const c = document.querySelector('cbow-demo').shadowRoot.querySelector('canvas.plane');
    const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let painted = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i] > 0) painted++;
    return { label: c.getAttribute('aria-label'), role: c.getAttribute('role'), painted, width: c.getBoundingClientRect().width };
  });
  assert.equal(plane.role, 'img');
  assert.match(plane.label, /arrow from man to king, moved to start at woman, ends at king − man \+ woman; queen lies nearest/);
  assert.ok(plane.painted > 500 && plane.width > 300, JSON.stringify(plane));
  assert.match(await shadow(page, '.plane-box figcaption'), /^In the plane of man, king and woman/);
  assert.equal(corpusRequests.length, 1, `the corpus fetched once: ${corpusRequests.join(' ')}`);
  assert.ok(new URL(corpusRequests[0]).pathname === `/${BASE}assets/corpus-en.txt`, 'next to the script');
  assertClean(problems);
  await context.close();
});

test('the example post: the third figure trains between the paragraphs and follows the blog\'s dark switch', async () => {
  const { page, context, problems } = await session.newPage({ colorScheme: 'light' });
  await page.addInitScript(recordLongTasks);
  await page.goto(`${session.url}${BASE}examples/blog-post.html`);
  await page.locator('cbow-demo').scrollIntoViewIfNeeded();
  await page.waitForFunction(() => document.querySelector('cbow-demo')?.renderCount > 0, null, { timeout: 30000 });
  const background = () => page.evaluate(() => getComputedStyle(document.querySelector('cbow-demo').shadowRoot.querySelector('.frame')).backgroundColor);
  assert.equal(await background(), 'rgb(255, 255, 255)');
  await page.getByRole('button', { name: 'light / dark' }).click(); // Chirpy-style data-mode on <html>
  await page.waitForFunction(() => getComputedStyle(document.querySelector('cbow-demo').shadowRoot.querySelector('.frame')).backgroundColor === 'rgb(28, 29, 31)');
  const run = await train(page);
  assert.match(run.line, /^king − man \+ woman ≈ queen \(0\.\d\d\)$/);
  assert.ok((await plotInfo(page)).distinct > 20);
  assertClean(problems);
  await context.close();
});

test('Korean corpus and UI: 왕 − 남자 + 여자 ≈ 여왕; Train again starts a new run', async () => {
  writePage('ko.html', '<cbow-demo corpus="ko"></cbow-demo>', { lang: 'ko' });
  const { page, context, problems } = await open('ko.html');
  assert.ok(await page.getByRole('button', { name: /^학습: 내장 한국어 말뭉치의 단어 벡터$/ }).isVisible());
  assert.equal(await page.evaluate(() => document.querySelector('cbow-demo').shadowRoot.querySelector('[role=progressbar]').getAttribute('aria-label')), '학습 진행률');
  const first = await train(page);
  assert.match(first.line, /^왕 − 남자 \+ 여자 ≈ 여왕 \(0\.\d\d\)$/);
  assert.equal(first.top[0].word, '여왕');
  assert.match(await shadow(page, '.stats'), /단어를 [\d.]+초에 학습/);
  assert.ok(await page.getByRole('button', { name: /^다시 학습: / }).isVisible(), 'the button now trains again');
  const second = await train(page);
  assert.equal(second.top[0].word, '여왕');
  assert.notDeepEqual(second.top.map((r) => r.score), first.top.map((r) => r.score), 'a new run (the next seed), not the old answer');
  assertClean(problems);
  await context.close();
});

test('the iframe route: embed.html#view=cbow with the corpus, the analogy and the theme from the hash', async () => {
  const { page, context, problems } = await session.newPage();
  await page.addInitScript(recordLongTasks);
  await page.goto(`${session.url}${BASE}embed.html#view=cbow&corpus=ko&lang=ko&theme=dark&analogy=${encodeURIComponent('여왕 여자 남자')}&epochs=4`);
  await page.waitForFunction(() => document.querySelector('cbow-demo')?.renderCount > 0, null, { timeout: 30000 });
  assert.match(await shadow(page, '.caption'), /한국어 말뭉치.*에포크 4회/);
  const run = await train(page);
  assert.match(run.line, /^여왕 − 여자 \+ 남자 ≈ 왕 \(0\.\d\d\)$/);
  assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('cbow-demo').shadowRoot.querySelector('.frame')).backgroundColor), 'rgb(28, 29, 31)');
  assertClean(problems);
  await context.close();
});

test('changing the analogy attribute after training asks again; an unknown word is explained', async () => {
  writePage('ask.html', '<cbow-demo></cbow-demo>');
  const { page, context, problems } = await open('ask.html');
  await train(page);
  await page.evaluate(() => document.querySelector('cbow-demo').setAttribute('analogy', 'queen woman man'));
  await page.waitForFunction(() => /^queen − woman \+ man ≈ king /.test(document.querySelector('cbow-demo').shadowRoot.querySelector('.analogy').textContent), null, { timeout: 10000 });
  await page.evaluate(() => document.querySelector('cbow-demo').setAttribute('analogy', 'king man zebra'));
  await page.waitForFunction(() => /zebra/.test(document.querySelector('cbow-demo').shadowRoot.querySelector('.error').textContent), null, { timeout: 10000 });
  assert.match(await shadow(page, '.error'), /^The analogy could not be computed: .*'zebra' is not in the vocabulary/);
  assert.equal(await page.evaluate(() => document.querySelector('cbow-demo').shadowRoot.querySelectorAll('.analogy-top li').length), 0);
  assertClean(problems);
  await context.close();
});

test('removed while training: the worker stops quietly; put back, it trains again', async () => {
  writePage('remove.html', '<div id="box"><cbow-demo></cbow-demo></div>');
  const { page, context, problems } = await open('remove.html');
  await page.locator('cbow-demo').getByRole('button').click();
  await page.waitForFunction(() => document.querySelector('cbow-demo').dataset.state === 'running', null, { timeout: 30000 });
  await page.evaluate(() => { window.demo = document.querySelector('cbow-demo'); window.demo.remove(); });
  await page.waitForTimeout(1500);
  assert.equal(await page.evaluate(() => window.demo.dataset.state), 'idle');
  assert.equal(await page.evaluate(() => window.demo.trainer), null, 'the worker was closed');
  await page.evaluate(() => document.getElementById('box').append(window.demo));
  const run = await train(page);
  assert.equal(run.top[0].word, 'queen');
  assertClean(problems);
  await context.close();
});

test('the script on another origin: the worker starts from a same-origin blob, everything else comes from the widget host', async () => {
  const widgetHost = await startServer(distDir, { headers: { 'Access-Control-Allow-Origin': '*' } });
  try {
    writePage('other-origin.html', '<cbow-demo></cbow-demo>', { script: `${widgetHost.url}embedding-playground.js` });
    const { page, context, problems } = await open('other-origin.html');
    const run = await train(page);
    assert.equal(run.top[0].word, 'queen');
    assert.equal(await progress(page), '100');
    assert.equal(await page.evaluate(() => document.querySelector('cbow-demo').trainer.onPage), false, 'trained in the worker');
    assert.ok((await plotInfo(page)).distinct > 20);
    const host = new URL(widgetHost.url).origin;
    for (const file of ['train-worker.js', 'assets/corpus-en.txt']) {
      assert.ok(problems.foreignRequests.some((u) => u === `${host}/${file}`), `${file} from the widget host: ${problems.foreignRequests.join(' ')}`);
    }
    assert.ok(problems.foreignRequests.some((u) => u.startsWith(host) && u.endsWith('.wasm')), 'the module from the widget host');
    assert.deepEqual(problems.foreignRequests.filter((u) => !u.startsWith(host)), [], 'nothing beyond the two origins');
    assert.deepEqual(problems.consoleErrors, []);
    assert.deepEqual(problems.pageErrors, []);
    await context.close();
  } finally {
    await new Promise((ok) => widgetHost.server.close(ok));
  }
});

// Opens `file` from a server sending Content-Security-Policy `policy`: the page (its console
// errors and page errors collected in `errors`), its context and the server, to close after.
async function openUnderPolicy(policy, file) {
  const { server, url } = await startServer(hostRoot, { headers: { 'Content-Security-Policy': policy } });
  const context = await session.browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.addInitScript(recordLongTasks);
  await page.goto(url + file);
  await page.waitForFunction(() => document.querySelector('cbow-demo')?.renderCount > 0, null, { timeout: 30000 });
  const close = async () => {
    await context.close();
    await new Promise((ok) => server.close(ok));
  };
  return { page, errors, close };
}

test("a strict Content-Security-Policy (no 'unsafe-eval', no inline styles): the same-origin worker trains", async () => {
  writePage('csp.html', '<cbow-demo></cbow-demo>');
  const policy = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:";
  const { page, errors, close } = await openUnderPolicy(policy, 'csp.html');
  try {
    const run = await train(page);
    assert.equal(run.top[0].word, 'queen');
    assert.equal(await page.evaluate(() => document.querySelector('cbow-demo').trainer.onPage), false, 'in the worker');
    const bar = await page.evaluate(() => {
      const root = document.querySelector('cbow-demo').shadowRoot;
      return { fill: root.querySelector('.progress-fill').getBoundingClientRect().width, track: root.querySelector('.progress').clientWidth };
    });
    assert.ok(bar.track > 100 && Math.abs(bar.fill - bar.track) < 1, `the bar is full: its width is set through CSSOM, which the policy allows (${JSON.stringify(bar)})`);
    assert.deepEqual(errors, [], 'no CSP violations or other errors');
  } finally {
    await close();
  }
});

test('another origin under a CSP: with worker-src blob: the worker trains; without it, the page does', async () => {
  const widgetHost = await startServer(distDir, { headers: { 'Access-Control-Allow-Origin': '*' } });
  const host = new URL(widgetHost.url).origin;
  writePage('csp-cross.html', '<cbow-demo></cbow-demo>', { script: `${widgetHost.url}embedding-playground.js` });
  const base = `default-src 'self'; script-src 'self' ${host} 'wasm-unsafe-eval'; connect-src 'self' ${host}; style-src 'self'; img-src 'self' data:`;
  try {
    for (const [policy, onPage] of [[`${base}; worker-src blob:`, false], [base, true]]) {
      const { page, errors, close } = await openUnderPolicy(policy, 'csp-cross.html');
      try {
        const run = await train(page);
        assert.equal(run.top[0].word, 'queen', policy);
        assert.equal(await page.evaluate(() => document.querySelector('cbow-demo').trainer.onPage), onPage, policy);
        // Only the browser's own report of the refused blob: worker, when the policy refuses it.
        const expected = onPage ? [/^Creating a worker from 'blob:.*violates the following Content Security Policy directive/] : [];
        assert.equal(errors.length, expected.length, errors.join(' | '));
        expected.forEach((re, i) => assert.match(errors[i], re));
      } finally {
        await close();
      }
    }
  } finally {
    await new Promise((ok) => widgetHost.server.close(ok));
  }
});

test('bad attributes fall back to the defaults with one warning each, and it still trains', async () => {
  writePage('bad.html', '<cbow-demo corpus="fr" epochs="many" size="0" analogy="king man" theme="sepia"></cbow-demo>');
  const { page, context, problems, warnings } = await open('bad.html');
  for (const name of ['corpus', 'epochs', 'size', 'analogy', 'theme']) {
    assert.equal(warnings.filter((w) => w.startsWith(`<cbow-demo>: ${name} `)).length, 1, `one warning for ${name}: ${warnings.join(' | ')}`);
  }
  assert.ok(warnings.includes('<cbow-demo>: corpus must be one of en, ko (got "fr"); using "en".'), warnings.join(' | '));
  assert.match(await shadow(page, '.caption'), /English corpus: 30 dimensions, 5 epochs/);
  const run = await train(page);
  assert.match(run.line, /^king − man \+ woman ≈ queen /);
  assertClean(problems);
  await context.close();
});

test('a hostile blog stylesheet at 360 px and the dark theme attribute', async () => {
  writePage('hostile.html', '<cbow-demo theme="dark"></cbow-demo>', {
    head: '<style>* { font-size: 30px !important; box-sizing: content-box } canvas { max-width: 10px } button { display: none }</style>',
  });
  const { page, context, problems } = await open('hostile.html', { viewport: { width: 360, height: 740 } });
  await page.locator('cbow-demo').scrollIntoViewIfNeeded();
  const run = await train(page);
  assert.equal(run.top[0].word, 'queen');
  const look = await page.evaluate(() => {
    const root = document.querySelector('cbow-demo').shadowRoot;
    const style = (s) => getComputedStyle(root.querySelector(s));
    return {
      buttonFont: style('button').fontSize, background: style('.frame').backgroundColor, sizing: style('.frame').boxSizing,
      scroll: document.documentElement.scrollWidth, right: document.querySelector('cbow-demo').getBoundingClientRect().right,
      paragraph: getComputedStyle(document.querySelector('p')).fontSize,
    };
  });
  assert.equal(look.paragraph, '30px', 'the hostile stylesheet applies to the page');
  assert.equal(look.buttonFont, '14px', 'but not inside the widget');
  assert.equal(look.sizing, 'border-box');
  assert.equal(look.background, 'rgb(28, 29, 31)', 'theme="dark"');
  assert.ok(look.scroll <= 360 && look.right <= 360, `no horizontal scroll (${look.scroll}, widget ends at ${look.right})`);
  const plot = await plotInfo(page);
  assert.ok(plot.cssWidth > 280 && plot.cssWidth <= 340, `the scatter fills the phone width: ${plot.cssWidth}`);
  assert.ok(plot.distinct > 20, JSON.stringify(plot));
  // Dark: the plot's background is the dark --bg, labels in the light --fg.
  const corner = await page.evaluate(() => {
    const c = document.querySelector('cbow-demo').shadowRoot.querySelector('canvas.plot');
    return getComputedStyle(c).backgroundColor;
  });
  assert.equal(corner, 'rgb(18, 19, 20)');
  assertClean(problems);
  await context.close();
});

test('file:// with the single-file script: trains on the page in slices, corpus from a classic script', async (t) => {
  const folder = mkdtempSync(join(tmpdir(), 'embplay-cbow-file-'));
  const file = join(folder, 'post.html');
  writeFileSync(file, `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,">
<script src="file://${distDir}/embedding-playground.standalone.js"></script></head><body><cbow-demo></cbow-demo></body></html>`);
  const context = await session.browser.newContext();
  try {
    const page = await context.newPage();
    const errors = [];
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    page.on('pageerror', (e) => errors.push(e.message));
    await page.addInitScript(recordLongTasks);
    await page.goto(`file://${file}`);
    await page.waitForFunction(() => document.querySelector('cbow-demo')?.renderCount > 0, null, { timeout: 30000 });
    const run = await train(page);
    t.diagnostic(`file://, on the page: ${run.ms} ms; longest task ${Math.max(0, ...run.longTasks.map((l) => l.duration))} ms`);
    assert.equal(run.top[0].word, 'queen');
    assert.equal(await progress(page), '100');
    assert.equal(await page.evaluate(() => document.querySelector('cbow-demo').trainer.onPage), true);
    assert.match(await shadow(page, '.stats'), /on the page/);
    assert.ok((await plotInfo(page)).distinct > 20);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
    rmSync(folder, { recursive: true, force: true });
  }
});

test('arch="skipgram" subwords: skip-gram with fastText subwords trains and answers; the caption says so', async () => {
  writePage('skipgram.html', '<cbow-demo arch="skipgram" subwords></cbow-demo>');
  const { page, context, problems } = await open('skipgram.html');
  assert.match(await shadow(page, '.caption'), /Architecture: skip-gram, with fastText subwords \(character n-grams of 3 to 6\)\.$/);
  const run = await train(page);
  assert.equal(run.top.length, 3);
  assert.ok(run.top.some((r) => r.word === 'queen'), JSON.stringify(run.top));
  assertClean(problems);
  await context.close();
});
