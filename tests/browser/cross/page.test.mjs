// The page in each engine (EMBPLAY_BROWSER = chromium | firefox | webkit, see ../drivers.mjs):
// load and tokens, the positional-encoding heatmap, training with king - man + woman = queen and
// keyboard focus while training, the loss chart still on screen after the training section scrolls
// out of view and back (WebKit painted it blank, issue 14), and no error over several loads
// (Firefox reported "ResizeObserver loop completed with undelivered notifications" at load),
// recovery from a WebAssembly trap in either worker (the index.html?debug hooks), and issue 12's
// side-by-side comparison on the Korean corpus with particles attached (two training workers at
// once; the unseen 왕과 answered from its n-grams).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { openCrossSession } from '../drivers.mjs';
import english from '../../../assets/corpora/world-en.mjs';

let session;
before(async () => { session = await openCrossSession(); });
after(async () => { await session?.close(); });

/** A new tab on the page; closed after the test `t` even when an assertion fails first (WebKit's
 *  driver allows one session at a time: a tab left open would fail the next test). */
async function openPage(t, query = '') {
  const tab = await session.newTab();
  const close = tab.close.bind(tab);
  let closed = null;
  tab.close = () => (closed ??= close());
  t?.after(() => tab.close().catch(() => {}));
  await tab.goto(`${session.url}${query}`);
  await tab.waitFor(() => document.querySelectorAll('#tokens .tok').length > 0, null, { timeout: 60000 });
  return tab;
}

/** Sets the text box as typing would (an input event) and waits for the analysis to finish. */
async function setText(tab, text) {
  await tab.evaluate((t) => {
    document.querySelector('#status').textContent = '';
    const box = document.querySelector('#text');
    box.value = t;
    box.dispatchEvent(new Event('input', { bubbles: true }));
  }, text);
  await tab.waitFor(() => /\d+ ?ms/.test(document.querySelector('#status').textContent));
}

const tokenTexts = (tab) => tab.evaluate(() => [...document.querySelectorAll('#tokens .tok')].map((t) => t.textContent));

test(`page: the sample loads and typed text is tokenised (${process.env.EMBPLAY_BROWSER ?? 'chromium'})`, async (t) => {
  const tab = await openPage(t);
  t.diagnostic(session.version);
  assert.ok((await tab.evaluate(() => document.querySelector('#text').value)).includes('football'));
  assert.ok((await tab.evaluate(() => document.querySelectorAll('#vocab tbody tr').length)) > 10);
  await setText(tab, 'I love playing football. 나는 축구를 좋아한다.');
  assert.deepEqual(await tokenTexts(tab), ['I', 'love', 'playing', 'football', '.', '나는', '축구를', '좋아한다', '.']);
  const heatmap = await tab.evaluate(() => {
    const c = document.querySelector('#heatmap canvas');
    const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    const colors = new Set();
    for (let i = 0; i < data.length; i += 4) colors.add(`${data[i]},${data[i + 1]},${data[i + 2]}`);
    return { width: c.width, height: c.height, distinct: colors.size };
  });
  assert.equal(heatmap.width, 16);
  assert.equal(heatmap.height, 9, 'one row per token');
  assert.ok(heatmap.distinct > 20, `${heatmap.distinct} distinct colours`);
  assert.deepEqual(await tab.problems(), []);
  await tab.close();
});

test('page: the positional-encoding heatmap is drawn, and several loads raise no error', async (t) => {
  // Firefox raised the ResizeObserver loop error in about one load in four: five loads.
  for (let load = 0; load < 5; load++) {
    const tab = await openPage(t);
    await tab.evaluate(() => document.querySelector('#pe').scrollIntoView());
    const cells = await tab.waitFor(() => {
      const c = document.querySelector('#pe-table canvas');
      if (!c || c.width === 0) return null;
      const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
      const colors = new Set();
      for (let i = 0; i < data.length; i += 4) colors.add(`${data[i]},${data[i + 1]},${data[i + 2]}`);
      return colors.size > 100 ? { width: c.width, height: c.height, distinct: colors.size } : null;
    }, null, { timeout: 30000 });
    assert.ok(cells.width >= 128 && cells.height >= 64, JSON.stringify(cells));
    await new Promise((ok) => setTimeout(ok, 500)); // let late observer callbacks report
    assert.deepEqual(await tab.problems(), [], `load ${load + 1}`);
    await tab.close();
  }
});

/** Share of the loss chart's on-screen pixels (from a screenshot) that differ from its background. */
async function lossChartOnScreen(tab) {
  const box = await tab.evaluate(() => {
    const c = document.querySelector('#train-loss canvas');
    c.scrollIntoView({ block: 'center' });
    const r = c.getBoundingClientRect();
    return { x: r.x, y: r.y, width: r.width, height: r.height, ratio: devicePixelRatio };
  });
  await new Promise((ok) => setTimeout(ok, 400)); // two frames and a paint, on a busy machine
  const shot = await tab.screenshot();
  const scale = shot.width / (await tab.evaluate(() => innerWidth));
  const at = (x, y) => (Math.round(y * scale) * shot.width + Math.round(x * scale)) * 4;
  const bg = shot.data.slice(at(box.x + 2, box.y + 2), at(box.x + 2, box.y + 2) + 3);
  let differing = 0;
  let total = 0;
  for (let y = box.y + 1; y < box.y + box.height - 1; y += 2) {
    for (let x = box.x + 1; x < box.x + box.width - 1; x += 2) {
      const i = at(x, y);
      total++;
      if (Math.abs(shot.data[i] - bg[0]) + Math.abs(shot.data[i + 1] - bg[1]) + Math.abs(shot.data[i + 2] - bg[2]) > 60) differing++;
    }
  }
  return differing / total;
}

test('page: Tab and Enter train the English preset, focus stays usable, queen is first, the loss chart survives scrolling', async (t) => {
  const tab = await openPage(t);
  // Reach Train by keyboard from the last setting before it.
  await tab.evaluate(() => {
    const focusable = [...document.querySelectorAll('#train input, #train select, #train button')]
      .filter((e) => !e.disabled && !e.hidden && e.type !== 'hidden' && e.getClientRects().length > 0);
    const last = focusable[focusable.indexOf(document.querySelector('#train-start')) - 1];
    last.focus();
    last.scrollIntoView();
  });
  await tab.press('Tab');
  assert.equal(await tab.evaluate(() => document.activeElement.id), 'train-start');
  // Where focus is each time Train is disabled or enabled again (the disabled spell can be shorter
  // than a driver's round trip, so the page records it).
  await tab.evaluate(() => {
    window.__focusLog = [];
    const button = document.querySelector('#train-start');
    new MutationObserver(() => window.__focusLog.push(`${button.disabled ? 'disabled' : 'enabled'}:${document.activeElement.id || document.activeElement.localName}`))
      .observe(button, { attributes: true, attributeFilter: ['disabled'] });
  });
  const started = Date.now();
  await tab.press('Enter');
  await tab.waitFor(() => document.querySelector('#train-progress').getAttribute('aria-valuenow') === '100' &&
    document.querySelector('#train-progress').dataset.ms, null, { timeout: 120000, interval: 250 });
  // While the run starts the disabled Train button cannot hold focus: it moves to Cancel, not <body>.
  const log = await tab.evaluate(() => window.__focusLog);
  assert.equal(log[0], 'disabled:train-cancel', `focus while Train is disabled (${log.join(', ')})`);
  t.diagnostic(`${session.version}: English preset trained in ${Date.now() - started} ms (keypress to done)`);
  await tab.waitFor(() => !document.querySelector('#train-start').disabled);
  assert.equal(await tab.evaluate(() => document.activeElement.id), 'train-start', 'focus returns to Train when done');

  // king - man + woman: the analogy form is filled with the preset's example (a : b = c : ?).
  await tab.evaluate(() => document.querySelector('#an-go').scrollIntoView());
  await tab.click('#an-go');
  await tab.waitFor(() => document.querySelectorAll('#an-results li').length > 0);
  const words = await tab.evaluate(() => [...document.querySelectorAll('#an-results .result-word')].map((w) => w.textContent));
  const form = await tab.evaluate(() => ['#an-a', '#an-b', '#an-c'].map((s) => document.querySelector(s).value));
  const [a, b, c, expected] = english.checks.analogy;
  assert.deepEqual(form, [a, b, c]);
  assert.equal(expected, 'queen');
  assert.equal(words[0], expected, words.join(' '));

  // The loss chart: drawn on screen, and still drawn after the section leaves the viewport
  // (content-visibility: auto skips its rendering) and comes back.
  const first = await lossChartOnScreen(tab);
  assert.ok(first > 0.005, `loss chart on screen before scrolling away: ${(first * 100).toFixed(2)} % painted`);
  await tab.evaluate(() => window.scrollTo(0, 0));
  await new Promise((ok) => setTimeout(ok, 600));
  const again = await lossChartOnScreen(tab);
  assert.ok(again > first * 0.5, `loss chart on screen after scrolling away and back: ${(again * 100).toFixed(2)} % painted (was ${(first * 100).toFixed(2)} %)`);
  assert.deepEqual(await tab.problems(), []);
  await tab.close();
});

test('page: whole words and subwords side by side on Korean with particles attached: the unseen 왕과 answered from its n-grams', async (t) => {
  const tab = await openPage(t);
  await tab.evaluate(() => {
    const source = document.querySelector('#train-source');
    source.value = 'ko-attached';
    source.dispatchEvent(new Event('change', { bubbles: true }));
    document.querySelector('#cmp-go').scrollIntoView();
  });
  assert.equal(await tab.evaluate(() => document.querySelector('#cmp-word').value), '왕과');
  const started = Date.now();
  await tab.click('#cmp-go');
  await tab.waitFor(() => !document.querySelector('#cmp-ask').disabled && document.querySelectorAll('#cmp-table-body tr').length > 0, null, { timeout: 60000, interval: 250 })
    .catch(async (error) => { // say where it stopped
      const state = await tab.evaluate(() => ({
        status: document.querySelector('#cmp-status').textContent,
        progress: ['whole', 'sub'].map((side) => document.querySelector(`#cmp-${side}-progress`).getAttribute('aria-valuenow')),
        alerts: [...document.querySelectorAll('[role=alert]:not([hidden])')].map((e) => `${e.id}: ${e.textContent}`),
        buttons: ['go', 'ask', 'cancel'].map((b) => `${b}${document.querySelector(`#cmp-${b}`).disabled ? ' disabled' : ''}`),
      })).catch((e) => e.message);
      throw new Error(`${error.message}; the section: ${JSON.stringify(state)}; problems: ${JSON.stringify(await tab.problems().catch(() => null))}`);
    });
  t.diagnostic(`${session.version}: both models trained and answered in ${Date.now() - started} ms (click to answers)`);
  const shown = await tab.evaluate(() => ({
    wholeNote: document.querySelector('#cmp-whole-nn-note').textContent,
    whole: document.querySelectorAll('#cmp-whole-nn li').length,
    subNote: document.querySelector('#cmp-sub-nn-note').textContent,
    sub: [...document.querySelectorAll('#cmp-sub-nn .result-word')].map((w) => w.textContent),
    analogy: ['whole', 'sub'].map((side) => document.querySelector(`#cmp-${side}-an .result-word`)?.textContent),
  }));
  assert.match(shown.wholeNote, /“왕과” is not in the vocabulary: whole words have no vector/);
  assert.equal(shown.whole, 0);
  assert.match(shown.subNote, /“왕과” is not in the vocabulary: its vector is built from its 6 n-grams/);
  assert.equal(shown.sub.length, 5);
  assert.ok(shown.sub.slice(0, 3).some((w) => w.startsWith('왕') || w.startsWith('여왕')), shown.sub.join(' '));
  assert.deepEqual(shown.analogy, ['여왕은', '여왕은'], '왕은 − 남자는 + 여자는 in both models');
  assert.deepEqual(await tab.problems(), []);
  await tab.close();
});

test('page: a WebAssembly trap in either worker shows one message, the worker is replaced and the text is kept', async (t) => {
  const tab = await openPage(t, '?debug');
  await setText(tab, 'my own words stay here');
  // The core worker (tokens). Each engine words the trap its own way: only the frame is checked.
  await tab.evaluate(() => window.embplayDebug.trapCoreWorker());
  const coreMessage = await tab.waitFor(() => !document.querySelector('#error').hidden && document.querySelector('#error').textContent);
  assert.match(coreMessage, /^Could not process the text: the WebAssembly core failed \(.+\)\. It was restarted and your text is kept/);
  await setText(tab, 'my own words stay here again');
  assert.deepEqual(await tokenTexts(tab), ['my', 'own', 'words', 'stay', 'here', 'again']);
  assert.equal(await tab.evaluate(() => document.querySelector('#error').hidden), true);
  // The training worker: trap it, then train in its replacement.
  await tab.evaluate(() => window.embplayDebug.trapTrainingWorker());
  const trainMessage = await tab.waitFor(() => !document.querySelector('#train-error').hidden && document.querySelector('#train-error').textContent);
  assert.match(trainMessage, /^Training stopped: the WebAssembly code failed \(.+\)\. The worker was restarted and your text is kept/);
  assert.equal(await tab.evaluate(() => document.querySelectorAll('[role=alert]:not([hidden])').length), 1, 'one message');
  // The typed text (six words) is now the training source (issue 15): train the English corpus instead.
  await tab.evaluate(() => {
    const source = document.querySelector('#train-source');
    source.value = 'en';
    source.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await tab.click('#train-start');
  await tab.waitFor(() => document.querySelector('#train-progress').getAttribute('aria-valuenow') === '100' &&
    document.querySelector('#train-progress').dataset.ms, null, { timeout: 120000, interval: 250 });
  assert.equal(await tab.evaluate(() => document.querySelector('#train-error').hidden), true);
  assert.equal(await tab.evaluate(() => document.querySelector('#text').value), 'my own words stay here again');
  assert.deepEqual(await tab.problems(), []);
  await tab.close();
});
