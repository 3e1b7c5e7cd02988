// Nearest neighbours by metric in section 8 (issue 4 §5, "Euclidean as an option"), in headless
// Chromium: after training the English preset, switching the Metric select to Euclidean
// distance re-asks the question, the score line says "distance", the distances increase down
// the list, the neighbours are highlighted in the plot and a hovered point's tooltip ranks by the
// same metric; the metric survives a URL-hash round trip.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { openSession, assertClean } from './browser.mjs';

let session;
before(async () => { session = await openSession(); });
after(async () => { await session?.close(); });

async function trainPreset(page) {
  await page.locator('#train-epochs').fill('2');
  await page.locator('#train-start').click();
  await page.waitForFunction(() => document.querySelector('#train-progress').getAttribute('aria-valuenow') === '100' &&
    document.querySelector('#train-progress').dataset.ms, null, { timeout: 60000, polling: 250 });
}

const scores = (page) => page.locator('#nn-results .result-score').allTextContents().then((s) => s.map(Number));
const words = (page) => page.locator('#nn-results .result-word').allTextContents();

test('switching the metric to Euclidean lists distances, increasing, highlighted in the plot; the hash keeps it', async (t) => {
  const { page, problems } = await session.newPage();
  await page.goto(session.url);
  await page.waitForSelector('#tokens .tok');
  const metric = page.getByRole('combobox', { name: /^Metric/ });
  assert.equal(await metric.inputValue(), 'cosine');
  assert.match(await page.locator('#nn-score-label').textContent(), /cosine/);
  await trainPreset(page);

  await page.locator('#nn-go').click();
  await page.waitForFunction(() => document.querySelector('#nn-results').dataset.metric === 'cosine' &&
    document.querySelectorAll('#nn-results li').length === 10);
  const cosine = await scores(page);
  const cosineWords = await words(page);
  for (let i = 1; i < cosine.length; i++) assert.ok(cosine[i - 1] >= cosine[i], `cosines decrease: ${cosine}`);
  assert.ok(cosine.every((s) => s <= 1 && s >= -1), `cosines: ${cosine}`);

  // Record what the plot is asked to highlight.
  await page.locator('#train-plot canvas').evaluate((c) => {
    const original = c.plot.setHighlight.bind(c.plot);
    c.plot.setHighlight = (w, arrows) => { window.__highlighted = w; original(w, arrows); };
  });
  await metric.selectOption('euclidean');
  await page.waitForFunction(() => document.querySelector('#nn-results').dataset.metric === 'euclidean' &&
    document.querySelectorAll('#nn-results li').length === 10);
  assert.match(await page.locator('#nn-score-label').textContent(), /distance/);
  const distances = await scores(page);
  const euclidWords = await words(page);
  for (let i = 1; i < distances.length; i++) assert.ok(distances[i - 1] <= distances[i], `distances increase: ${distances}`);
  assert.ok(distances[0] > 0, `a distance to another word: ${distances[0]}`);
  assert.ok(!euclidWords.includes('king'), 'the word itself is not its own neighbour');
  assert.notDeepEqual(distances, cosine);
  assert.deepEqual(await page.evaluate(() => window.__highlighted), ['king', ...euclidWords]);
  t.diagnostic(`king: cosine ${cosineWords.slice(0, 5).join(' ')} | euclidean ${euclidWords.slice(0, 5).join(' ')}`);

  // Hovering a point ranks its neighbours by the same metric, and says so.
  const canvas = page.locator('#train-plot canvas');
  await canvas.scrollIntoViewIfNeeded();
  const box = await canvas.boundingBox();
  const at = await canvas.evaluate((c) => c.plot.screenPosition('king'));
  await page.mouse.move(box.x + at.x, box.y + at.y);
  await page.waitForFunction(() => /^king · count [\d,]+ · near \(distance\): /.test(document.querySelector('.plot-tooltip').textContent));
  const tooltip = await page.locator('.plot-tooltip').textContent();
  const hovered = tooltip.replace(/^.* near \(distance\): /, '').split(', ').map((n) => n.split(' '));
  assert.deepEqual(hovered.map(([w]) => w), euclidWords.slice(0, 5), tooltip);
  hovered.forEach(([, d], i) => assert.ok(Math.abs(Number(d) - distances[i]) <= 0.0051, `${tooltip} vs the list's ${distances[i]}`));
  await page.mouse.move(box.x + 2, box.y + 2);

  // The hash names the metric; a link with it restores the select and the score line.
  await page.waitForFunction(() => location.hash.includes('nn-metric=euclidean'));
  const link = page.url();
  const { page: second, problems: secondProblems } = await session.newPage();
  await second.goto(link);
  await second.waitForSelector('#tokens .tok');
  assert.equal(await second.getByRole('combobox', { name: /^Metric/ }).inputValue(), 'euclidean');
  assert.match(await second.locator('#nn-score-label').textContent(), /distance/);
  // Korean UI: the options and the score line are translated.
  await second.locator('#lang').selectOption('ko');
  assert.match(await second.locator('#nn-score-label').textContent(), /유클리드 거리/);
  assert.equal(await second.locator('#nn-metric option[value="euclidean"]').textContent(), '유클리드 거리');
  assertClean(problems);
  assertClean(secondProblems);
});
