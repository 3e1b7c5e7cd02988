// Issue 13 in headless Chromium: t-SNE of chosen tokens of a real model in section 10, through
// the page's file input and buttons, on the generated GPT-2 file (tests/fixtures/make_safetensors.py:
// two planted groups, animals and numbers, far apart among unrelated rows). One click maps the
// most frequent tokens of section 1; the map settles frame by frame on section 8's zoomable plot
// (role=img, keyboard zoom, a table of every point), the groups stay apart, no main-thread task
// runs over 50 ms, questions are answered while it runs, Stop and a newer request end it.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { openSession } from './browser.mjs';
import { root } from '../node/load_module.mjs';
import { makeSafetensorsFixtures } from '../fixtures/safetensors_fixtures.mjs';

const AXE = createRequire(new URL('../../web/package.json', import.meta.url)).resolve('axe-core/axe.min.js');
const ANIMALS = ['cat', 'dog', 'horse', 'cow', 'sheep', 'pig', 'goat', 'duck', 'mouse', 'rabbit', 'bird', 'fish'];
const NUMBERS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];
// Every planted token once, with the space GPT-2 gives it ("Ġcat"), among a few others.
const TEXT = `We saw ${NUMBERS.slice(0, 11).map((n, i) => `${n} ${ANIMALS[i]}`).join(', ')} and twelve fish.`;

let dir;
let session;
before(async () => {
  dir = makeSafetensorsFixtures('embplay-tsne-page-');
  session = await openSession();
});
after(async () => {
  await session?.close();
  rmSync(dir, { recursive: true, force: true });
});

// Long tasks of the main thread (buffered) and the map's progress values, from page start.
function recordPage() {
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  window.__mapBar = [];
  addEventListener('DOMContentLoaded', () => {
    const bar = document.querySelector('#pt-map-progress');
    new MutationObserver(() => window.__mapBar.push(Number(bar.getAttribute('aria-valuenow')))).observe(bar, { attributes: true, attributeFilter: ['aria-valuenow'] });
  });
}

async function openWithWeights(text) {
  const handle = await session.newPage();
  await handle.page.addInitScript(recordPage);
  await handle.page.goto(session.url);
  await handle.page.waitForSelector('#tokens .tok');
  await handle.page.fill('#text', text);
  await handle.page.setInputFiles('#pt-file', join(dir, 'gpt2-f32.safetensors'));
  await handle.page.waitForSelector('#pt-nn-results li');
  return handle;
}

const mapState = (page, state) => page.waitForFunction((s) => document.querySelector('#pt-map').dataset.state === s, state, { timeout: 60000, polling: 20 });
// Runs `action` in the page once, when the map's progress first moves (its first t-SNE frame).
function onFirstFrame(page, action) {
  return page.evaluate((source) => {
    const bar = document.querySelector('#pt-map-progress');
    new MutationObserver((_, o) => {
      if (Number(bar.getAttribute('aria-valuenow')) > 0) {
        o.disconnect();
        (0, eval)(`(${source})`)();
      }
    }).observe(bar, { attributes: true, attributeFilter: ['aria-valuenow'] });
  }, action.toString());
}
const longTasksSince = (page, since) => page.evaluate((t0) => window.__longTasks.filter((l) => l.start + l.duration >= t0 && l.duration > 50), since);

test('one click maps the most frequent tokens of section 1 by t-SNE; the planted groups stay apart', async (t) => {
  const { page, context, problems } = await openWithWeights(TEXT);
  await page.selectOption('#pt-map-method', 'tsne');
  const startedAt = await page.evaluate(() => performance.now());
  await page.click('#pt-map-frequent');
  await mapState(page, 'done');
  const ms = (await page.evaluate(() => performance.now())) - startedAt;
  t.diagnostic(`t-SNE of the text's tokens shown in ${ms.toFixed(0)} ms`);
  assert.deepEqual(await longTasksSince(page, startedAt), [], 'main-thread tasks over 50 ms during t-SNE');

  // The tokens: the text's, by the model's own tokenizer, most frequent first ("," 10 times).
  const tokens = (await page.inputValue('#pt-pca-tokens')).split(' ');
  assert.equal(tokens[0], ',');
  for (const w of [...ANIMALS, ...NUMBERS]) assert.ok(tokens.includes(`Ġ${w}`), `Ġ${w} in ${tokens}`);
  assert.equal(new Set(tokens).size, tokens.length);
  const canvas = page.locator('#pt-map canvas');
  assert.equal(await canvas.getAttribute('data-points'), String(tokens.length));
  assert.equal(await canvas.getAttribute('role'), 'img');
  assert.equal(await canvas.getAttribute('aria-label'), `t-SNE map of ${tokens.length} chosen tokens`);
  assert.equal(await canvas.getAttribute('aria-details'), 'pt-map-points');
  assert.match(await page.textContent('#pt-pca-explain'), new RegExp(`^t-SNE of ${tokens.length} tokens \\(cosine neighbourhoods, perplexity 9\\) · iteration 500 of 500\\.`));
  // Progress went up frame by frame to the end; the bar and Stop are gone.
  const bar = await page.evaluate(() => window.__mapBar);
  assert.ok(bar.length > 10 && bar.at(-1) === 100 && bar.slice(1).every((v, i) => v >= bar[i]), `progress ${bar}`);
  assert.equal(await page.isHidden('#pt-map-progress'), true);
  assert.equal(await page.isHidden('#pt-map-cancel'), true);

  // Labels drawn (every point may have one, where it fits) and the table of every point.
  await page.waitForFunction(() => document.querySelector('#pt-map canvas').dataset.labels?.split(' ').length >= 10);
  const labels = (await canvas.getAttribute('data-labels')).split(' ');
  assert.ok(labels.every((l) => tokens.includes(l)), `${labels}`);
  const plotted = await canvas.evaluate((c) => ({ words: c.plot.words, coords: Array.from(c.plot.coords) }));
  assert.deepEqual(plotted.words, tokens);
  const rows = await page.locator('#pt-map-table tr').evaluateAll((trs) => trs.map((tr) => [...tr.cells].map((td) => td.textContent)));
  assert.deepEqual(rows.map((r) => r[0]), tokens);
  rows.forEach((r, i) => assert.deepEqual(r.slice(1, 3), [plotted.coords[2 * i].toFixed(3), plotted.coords[2 * i + 1].toFixed(3)]));
  assert.equal(rows[0][3], '10');

  // The groups: every animal's and number's nearest point on the map is of its own group.
  const at = (w) => plotted.coords.slice(2 * tokens.indexOf(w), 2 * tokens.indexOf(w) + 2);
  for (const group of [ANIMALS, NUMBERS]) {
    for (const w of group) {
      const [x, y] = at(`Ġ${w}`);
      const nearest = tokens.filter((o) => o !== `Ġ${w}`).reduce((best, o) => (Math.hypot(at(o)[0] - x, at(o)[1] - y) < Math.hypot(at(best)[0] - x, at(best)[1] - y) ? o : best));
      assert.ok(group.map((g) => `Ġ${g}`).includes(nearest), `Ġ${w}'s nearest point on the map is ${nearest}`);
    }
  }

  // axe-core on section 10 with the map and its table open, light and dark: no serious or critical violation.
  await page.click('#pt-map-points summary');
  await page.addScriptTag({ path: AXE });
  for (const scheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme: scheme });
    const violations = await page.evaluate(async () => (await window.axe.run('#pretrained', { resultTypes: ['violations'] })).violations
      .map((v) => `${v.impact} ${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('; ')}`));
    for (const v of violations) t.diagnostic(`axe ${scheme}: ${v}`);
    assert.deepEqual(violations.filter((v) => /^(serious|critical) /.test(v)), [], scheme);
  }

  // Keyboard: the plot is reachable and zooms with + and resets with 0.
  await canvas.focus();
  await page.keyboard.press('+');
  assert.match(await canvas.getAttribute('data-view'), /,1\.2$/);
  await page.keyboard.press('0');
  assert.equal(await canvas.getAttribute('data-view'), '0,0,1');
  // Hover a point: its count in section 1 and its nearest tokens among all rows; a click asks for them.
  await canvas.scrollIntoViewIfNeeded();
  const box = await canvas.boundingBox();
  const cat = await canvas.evaluate((c) => c.plot.screenPosition('Ġcat'));
  await page.mouse.move(box.x + cat.x, box.y + cat.y);
  await page.waitForFunction(() => /^Ġcat · 1× in section 1 · nearest: Ġ[a-z]+ [01]\.\d\d/.test(document.querySelector('#pt-map .plot-tooltip').textContent));
  await page.mouse.down();
  await page.mouse.up();
  await page.waitForFunction(() => document.querySelector('#pt-nn-results').dataset.query === 'Ġcat');
  assert.ok(ANIMALS.map((w) => `Ġ${w}`).includes(await page.locator('#pt-nn-results li .token').first().textContent()));

  // PCA of typed tokens replaces the map on the same plot.
  await page.selectOption('#pt-map-method', 'pca');
  await page.fill('#pt-pca-tokens', 'Ġcat Ġdog Ġone Ġtwo Ġcat');
  await page.click('#pt-pca-go');
  await page.waitForFunction(() => document.querySelector('#pt-map').dataset.method === 'pca' && document.querySelector('#pt-map canvas').dataset.points === '4');
  assert.match(await page.textContent('#pt-pca-explain'), /^4 tokens; the two axes hold/);
  assert.equal(await canvas.getAttribute('aria-label'), 'PCA map of 4 chosen tokens');
  assert.deepEqual(await page.locator('#pt-map-table tr td:first-child').allTextContents(), ['Ġcat', 'Ġdog', 'Ġone', 'Ġtwo']);
  assert.deepEqual(problems, { consoleErrors: [], pageErrors: [], foreignRequests: [] });
  await context.close();
});

test('300 tokens: questions answered while t-SNE runs, Stop keeps the map and focus, a newer request replaces it', async (t) => {
  // This README's text has far more than 300 distinct GPT-2 tokens.
  const { page, context, problems } = await openWithWeights(readFileSync(join(root, 'README.md'), 'utf8').slice(0, 40000));
  await page.selectOption('#pt-map-method', 'tsne');
  await page.fill('#pt-token', 'Ġking');
  // On the map's first frame, ask a question: the worker answers it between two slices.
  await onFirstFrame(page, () => {
    const list = document.querySelector('#pt-nn-results');
    delete list.dataset.query;
    new MutationObserver((_, o) => {
      if (list.dataset.query !== 'Ġking') return;
      o.disconnect();
      window.__stateAtAnswer = document.querySelector('#pt-map').dataset.state;
    }).observe(list, { attributes: true });
    document.querySelector('#pt-nn-go').click();
  });
  const startedAt = await page.evaluate(() => performance.now());
  await page.click('#pt-map-frequent');
  await mapState(page, 'done');
  const ms = (await page.evaluate(() => performance.now())) - startedAt;
  t.diagnostic(`t-SNE of 300 tokens (width 8) shown in ${ms.toFixed(0)} ms`);
  assert.equal(await page.evaluate(() => window.__stateAtAnswer), 'running', 'the neighbours came while t-SNE ran');
  assert.equal(await page.locator('#pt-nn-results li .token').first().textContent(), 'Ġqueen');
  assert.equal(await page.getAttribute('#pt-map canvas', 'data-points'), '300');
  assert.deepEqual(await longTasksSince(page, startedAt), [], 'main-thread tasks over 50 ms during t-SNE');
  assert.equal(await page.locator('#pt-map-table tr').count(), 300);

  // Stop (focused, then pressed) on the first frame: the frame stays, the table lists it, focus moves to Plot.
  await onFirstFrame(page, () => {
    document.querySelector('#pt-map-cancel').focus();
    document.querySelector('#pt-map-cancel').click();
  });
  await page.click('#pt-map-frequent');
  await mapState(page, 'stopped');
  assert.match(await page.textContent('#pt-pca-explain'), /^t-SNE of 300 tokens stopped at iteration \d+ of 500; the map shows where it was\.$/);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'pt-pca-go');
  assert.equal(await page.isHidden('#pt-map-progress'), true);
  assert.equal(await page.isHidden('#pt-map-cancel'), true);
  assert.equal(await page.locator('#pt-map-table tr').count(), 300);
  const frames = await page.evaluate(() => window.__mapBar.length);
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => window.__mapBar.length), frames, 'no frame after Stop');

  // A newer request replaces a running one: t-SNE of five typed tokens while 300 settle.
  await onFirstFrame(page, () => {
    document.querySelector('#pt-pca-tokens').value = 'Ġcat Ġdog Ġone Ġtwo Ġthree';
    document.querySelector('#pt-pca-go').click();
  });
  await page.click('#pt-map-frequent');
  await page.waitForFunction(() => document.querySelector('#pt-map').dataset.state === 'done' && document.querySelector('#pt-map canvas').dataset.points === '5', null, { timeout: 60000 });
  await page.waitForTimeout(300);
  assert.equal(await page.getAttribute('#pt-map canvas', 'data-points'), '5');
  assert.match(await page.textContent('#pt-pca-explain'), /^t-SNE of 5 tokens \(cosine neighbourhoods, perplexity 1\) · iteration 500 of 500/);
  assert.equal(await page.isHidden('#pt-pca-error'), true);

  // Korean UI: the button, the plot's name and the note.
  await page.selectOption('#lang', 'ko');
  assert.equal(await page.textContent('#pt-map-frequent'), '1절에서 가장 흔한 토큰 300개 그리기');
  assert.equal(await page.getAttribute('#pt-map canvas', 'aria-label'), '고른 토큰 5개의 t-SNE 지도');
  assert.match(await page.textContent('#pt-pca-explain'), /^토큰 5개의 t-SNE \(코사인 이웃, perplexity 1\) · 반복 500\/500\./);
  assert.equal(await page.getAttribute('#pt-map-wrap', 'aria-label'), '점을 표로 보기 (스크롤)');
  // Too few tokens, and a new file while a map runs: one message; the old map goes.
  await page.fill('#pt-pca-tokens', 'Ġcat Ġdog');
  await page.click('#pt-pca-go');
  await page.waitForSelector('#pt-pca-error:not([hidden])');
  assert.match(await page.textContent('#pt-pca-error'), /t-SNE needs between 3 and 2000 points, got 2/);
  assert.equal(await page.getAttribute('#pt-map', 'data-state'), 'failed');
  assert.equal(await page.isHidden('#pt-map-progress'), true);
  await page.click('#pt-map-frequent');
  await page.waitForFunction(() => ['running', 'done'].includes(document.querySelector('#pt-map').dataset.state), null, { polling: 5 });  // usually still running
  await page.setInputFiles('#pt-file', join(dir, 'gpt2-bf16.safetensors'));
  await page.waitForFunction(() => /gpt2-bf16/.test(document.querySelector('#pt-status').textContent) && !document.querySelector('#pt-loaded').hidden);
  assert.equal(await page.isHidden('#pt-pca-box'), true);
  assert.equal(await page.isHidden('#pt-pca-error'), true);
  assert.deepEqual(problems, { consoleErrors: [], pageErrors: [], foreignRequests: [] });
  await context.close();
});
