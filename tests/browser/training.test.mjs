// The training and question sections in headless Chromium: the English preset trains to
// 100 % without blocking the main thread (no long task > 50 ms while training, by a
// 'longtask' PerformanceObserver), the projection shows labelled points (PCA live, then
// t-SNE keeps near neighbours near), king - man + woman
// gives queen first, the plural direction ranks every held-out plural above its singular,
// the Korean UI trains the Korean corpus (왕 - 남자 + 여자 = 여왕), hover and click on the plot,
// Pause / Resume / Cancel work, bad hyperparameters, divergence (NaN loss) and an empty text give
// a message and the page stays usable; exported files parse (word2vec text and binary re-read
// to the same vectors, the Projector TSVs have matching rows, CSV, PNG); no console errors.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { openSession, assertClean } from './browser.mjs';
import { loadRawModule } from '../node/load_module.mjs';
import english from '../../assets/corpora/world-en.mjs';
import korean from '../../assets/corpora/world-ko.mjs';

let session;
before(async () => { session = await openSession(); });
after(async () => { await session?.close(); });

// Long tasks of the main thread, from page start (buffered), with their start times.
function recordLongTasks() {
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
}

async function openPage(options = {}) {
  const handle = await session.newPage(options);
  await handle.page.addInitScript(recordLongTasks);
  await handle.page.goto(session.url);
  await handle.page.waitForSelector('#tokens .tok');
  return handle;
}

const progressValue = (page) => page.getByRole('progressbar').getAttribute('aria-valuenow');

/** Clicks Train and waits for 100 %; returns { ms, longTasks } for the run. */
async function train(page) {
  // Scrolling there first lets sections that draw when they come into view (section 6) finish.
  await page.locator('#train-start').scrollIntoViewIfNeeded();
  await page.waitForTimeout(800);
  const startedAt = await page.evaluate(() => performance.now());
  await page.locator('#train-start').click();
  await page.waitForFunction(() => document.querySelector('#train-progress').getAttribute('aria-valuenow') === '100' &&
    document.querySelector('#train-progress').dataset.ms, null, { timeout: 60000, polling: 250 });
  const endedAt = await page.evaluate(() => performance.now());
  const ms = Number(await page.locator('#train-progress').getAttribute('data-ms'));
  const longTasks = await page.evaluate(([a, b]) => window.__longTasks.filter((t) => t.start + t.duration >= a && t.start <= b), [startedAt, endedAt]);
  return { ms, longTasks };
}

async function resultWords(page, listId) {
  return page.locator(`#${listId} .result-word`).allTextContents();
}

async function barScores(page) {
  const rows = await page.locator('#dir-chart li').evaluateAll((lis) => lis.map((li) => [
    li.querySelector('.bar-word').textContent, Number(li.querySelector('.bar-value').textContent)]));
  return new Map(rows);
}

test('English preset: train to 100 % without long tasks, then neighbours, analogy, direction', async (t) => {
  const { page, context, problems } = await openPage();
  assert.equal(await page.locator('#train-source').inputValue(), 'en');
  // On a shared two-core machine another process can stall one frame past 50 ms; a second
  // run is allowed, so the check fails when the page blocks, not when the machine is busy once.
  let run = await train(page);
  t.diagnostic(`English preset trained in ${run.ms} ms (click to done, Chromium); long tasks ${JSON.stringify(run.longTasks)}`);
  if (run.longTasks.some((l) => l.duration > 50)) {
    run = await train(page);
    t.diagnostic(`second run: ${run.ms} ms; long tasks ${JSON.stringify(run.longTasks)}`);
  }
  assert.deepEqual(run.longTasks.filter((l) => l.duration > 50), [], 'main-thread tasks over 50 ms during training');
  assert.match(await page.locator('#train-stats').textContent(), /Done/);
  assert.ok(Number(await page.locator('#train-plot canvas').getAttribute('data-points')) >= 100);
  const labels = (await page.locator('#train-plot canvas').getAttribute('data-labels')).split(' ');
  assert.ok(labels.length >= 10, `labels: ${labels}`);

  // Hover a point: its word, count and neighbours; click it: it becomes the neighbours query.
  const canvas = page.locator('#train-plot canvas');
  await canvas.scrollIntoViewIfNeeded();
  const box = await canvas.boundingBox();
  const at = await canvas.evaluate((c) => c.plot.screenPosition('king'));
  await page.mouse.move(box.x + at.x, box.y + at.y);
  await page.waitForFunction(() => /king · count [\d,]+ · near: \S+ 0\.\d\d/.test(document.querySelector('.plot-tooltip').textContent));
  await page.mouse.down();
  await page.mouse.up();
  await page.waitForFunction(() => document.querySelectorAll('#nn-results li').length === 10);
  assert.equal(await page.getByLabel('Word', { exact: true }).inputValue(), 'king');

  await page.getByLabel('Word', { exact: true }).fill('dogs');
  await page.locator('#nn-go').click();
  await page.waitForFunction(() => document.querySelector('#nn-results').dataset.word === 'dogs' &&
    ![...document.querySelectorAll('#nn-results .result-word')].some((w) => w.textContent === 'dogs'));
  assert.equal((await resultWords(page, 'nn-results')).length, 10);
  const firstScore = Number(await page.locator('#nn-results .result-score').first().textContent());
  assert.ok(firstScore > 0 && firstScore <= 1, `cosine ${firstScore}`);

  const [a, b, c, expected] = english.checks.analogy;
  assert.deepEqual([await page.locator('#an-a').inputValue(), await page.locator('#an-b').inputValue(), await page.locator('#an-c').inputValue()], [a, b, c]);
  await page.locator('#an-go').click();
  await page.waitForSelector('#an-results li');
  assert.equal((await resultWords(page, 'an-results'))[0], expected);
  if (process.env.EMBPLAY_UPDATE_SCREENSHOT === '1') {
    await page.locator('#train').screenshot({ path: fileURLToPath(new URL('../../assets/screenshot-training.png', import.meta.url)) });
  }

  // t-SNE on the final vectors: animated to its last iteration; a word's nearest point on the
  // map is one of its ten nearest neighbours in the space.
  const tsneStarted = Date.now();
  await page.locator('#train-projection').selectOption('tsne');
  await page.waitForFunction(() => document.querySelector('#train-plot-note').dataset.done === 'tsne', null, { timeout: 60000, polling: 100 });
  t.diagnostic(`t-SNE (500 iterations) shown in ${Date.now() - tsneStarted} ms`);
  assert.match(await page.locator('#train-plot-note').textContent(), /t-SNE of the \d+ most frequent words .* iteration 500 of 500/);
  const mapNearest = await canvas.evaluate((c) => {
    const { words, coords } = c.plot;
    const i = words.indexOf('queen');
    let best = -1;
    let bestD = Infinity;
    for (let j = 0; j < coords.length / 2; j++) {
      const d = (coords[2 * j] - coords[2 * i]) ** 2 + (coords[2 * j + 1] - coords[2 * i + 1]) ** 2;
      if (j !== i && d < bestD) { bestD = d; best = j; }
    }
    return words[best];
  });
  await page.getByLabel('Word', { exact: true }).fill('queen');
  await page.locator('#nn-go').click();
  // Wait for queen's own list (the list of the previous question also lacks 'queen').
  await page.waitForFunction(() => document.querySelector('#nn-results').dataset.word === 'queen' &&
    document.querySelectorAll('#nn-results li').length === 10);
  assert.ok((await resultWords(page, 'nn-results')).includes(mapNearest), `nearest on the t-SNE map: ${mapNearest}`);

  // Lookup: the word's id and its row, one pixel per dimension.
  await page.getByLabel('Word to look up').fill('queen');
  await page.locator('#lookup-go').click();
  await page.waitForFunction(() => /has id \d+/.test(document.querySelector('#lookup-explain').textContent));
  const queenId = await canvas.evaluate((c) => c.plot.words.indexOf('queen'));
  assert.match(await page.locator('#lookup-explain').textContent(), new RegExp(`“queen” has id ${queenId}: one-hot\\(${queenId}\\)`));
  assert.equal(await page.locator('#lookup-row canvas').first().evaluate((c) => c.width), 50);

  await page.locator('#dir-pairs').fill(english.checks.pluralTrain.map((p) => p.join(' ')).join(', '));
  await page.locator('#dir-go').click();
  await page.waitForSelector('#dir-chart li');
  const scores = await barScores(page);
  for (const [sg, pl] of english.checks.pluralHeldOut) {
    assert.ok(scores.get(pl) > scores.get(sg), `${pl} ${scores.get(pl)} <= ${sg} ${scores.get(sg)}`);
  }
  assertClean(problems);
  await context.close();
});

test('Korean UI picks the Korean corpus: 왕 - 남자 + 여자 = 여왕', async (t) => {
  const { page, context, problems } = await openPage({ locale: 'ko-KR' });
  await page.locator('#lang').selectOption('ko');
  assert.equal(await page.locator('#train-source').inputValue(), 'ko');
  const { ms } = await train(page);
  t.diagnostic(`Korean preset trained in ${ms} ms`);
  await page.locator('#an-go').click();
  await page.waitForSelector('#an-results li');
  assert.equal((await resultWords(page, 'an-results'))[0], korean.checks.analogy[3]);
  await page.locator('#dir-go').click();
  await page.waitForSelector('#dir-chart li');
  const scores = await barScores(page);
  for (const [sg, pl] of korean.checks.pluralHeldOut) assert.ok(scores.get(pl) > scores.get(sg), `${pl} <= ${sg}`);
  assertClean(problems);
  await context.close();
});

test('Pause holds the progress, Resume continues, Cancel stops', async () => {
  const { page, context, problems } = await openPage();
  await page.locator('#train-epochs').fill('100');
  await page.locator('#train-start').click();
  await page.waitForFunction(() => Number(document.querySelector('#train-progress').getAttribute('aria-valuenow')) >= 2, null, { timeout: 30000 });
  await page.locator('#train-pause').click();
  await page.waitForFunction(() => /paused/.test(document.querySelector('#train-stats').textContent));
  const held = await progressValue(page);
  await page.waitForTimeout(400);
  assert.equal(await progressValue(page), held);
  await page.locator('#train-resume').click();
  await page.waitForFunction((v) => document.querySelector('#train-progress').getAttribute('aria-valuenow') !== v, held, { timeout: 30000 });
  await page.locator('#train-cancel').click();
  await page.waitForFunction(() => /Cancelled/.test(document.querySelector('#train-stats').textContent));
  const after = await progressValue(page);
  await page.waitForTimeout(300);
  assert.equal(await progressValue(page), after);
  assert.notEqual(after, '100');
  assertClean(problems);
  await context.close();
});

test('bad hyperparameters give a clear message and the page stays usable', async () => {
  const { page, context, problems } = await openPage();
  await page.locator('#train-size').fill('0');
  await page.locator('#train-start').click();
  const error = page.locator('#train-error');
  await error.waitFor({ state: 'visible' });
  assert.match(await error.textContent(), /size must be a whole number from 1 to 300 \(got “0”\)/);
  await page.locator('#train-alpha').fill('2');
  await page.locator('#train-size').fill('20');
  await page.locator('#train-start').click();
  assert.match(await error.textContent(), /alpha must be a number from 0.000001 to 1 \(got “2”\)/);
  // Settings that make the loss NaN: training stops and says what to change.
  const set = async (values) => { for (const [id, v] of Object.entries(values)) await page.locator(`#train-${id}`).fill(v); };
  await set({ size: '300', alpha: '1', negative: '30', window: '20', sample: '0', 'min-count': '1' });
  await page.locator('#train-start').click();
  await page.waitForFunction(() => /Training stopped/.test(document.querySelector('#train-error').textContent), null, { timeout: 30000 });
  assert.match(await error.textContent(), /diverged: the loss became NaN or infinite .*try a smaller alpha/);
  await set({ size: '50', negative: '5', window: '5', sample: '0.001', 'min-count': '5' });
  // A value the page accepts but the text cannot satisfy: the core's message is shown.
  await page.locator('#train-alpha').fill('0.05');
  await page.locator('#train-min-count').fill('1000000');
  await page.locator('#train-start').click();
  await page.waitForFunction(() => /Training stopped/.test(document.querySelector('#train-error').textContent));
  assert.match(await error.textContent(), /min_count/);
  await page.locator('#train-min-count').fill('5');
  await train(page);
  assert.ok(await error.isHidden());
  // The text of section 1 as the source: empty -> a message; a short text with min_count 1 trains.
  await page.locator('#train-source').selectOption('text');
  await page.getByLabel('Text', { exact: true }).fill('');
  await page.locator('#train-start').click();
  assert.match(await error.textContent(), /no text to train on/);
  await page.getByLabel('Text', { exact: true }).fill('the cat sat on the mat\nthe dog sat on the log\n'.repeat(20));
  await page.locator('#train-min-count').fill('1');
  await train(page);
  assert.ok(await error.isHidden());
  assert.match(await page.locator('#train-vocab').textContent(), /^7 words in the vocabulary/);
  assertClean(problems);
  await context.close();
});

// Clicks a button and returns the `count` files it downloads: [{ name, bytes }].
async function downloadOf(page, buttonId, count = 1) {
  const downloads = [];
  const listener = (d) => downloads.push(d);
  page.on('download', listener);
  try {
    await page.locator(`#${buttonId}`).click();
    const deadline = Date.now() + 30000;
    while (downloads.length < count && Date.now() < deadline) await page.waitForTimeout(50);
    assert.equal(downloads.length, count, `${buttonId}: downloads`);
    return Promise.all(downloads.map(async (d) => ({ name: d.suggestedFilename(), bytes: readFileSync(await d.path()) })));
  } finally {
    page.off('download', listener);
  }
}

test('exports: word2vec text and binary re-read to the same vectors (in Node and in the page); Projector TSVs, CSV and PNG parse; a bad vector file gives a message', async () => {
  const mod = await loadRawModule();
  const { page, context, problems } = await openPage({ acceptDownloads: true });
  await train(page);
  const vocab = Number((await page.locator('#train-vocab').textContent()).match(/^([\d,]+) words/)[1].replace(/,/g, ''));

  const [text] = await downloadOf(page, 'export-word2vec');
  assert.equal(text.name, 'vectors.txt');
  assert.match(text.bytes.toString('utf8', 0, 20), new RegExp(`^${vocab} 50\n`));
  const [binary] = await downloadOf(page, 'export-word2vec-binary');
  assert.equal(binary.name, 'vectors.bin');
  const a = mod.parseWord2Vec(text.bytes);
  const b = mod.parseWord2Vec(binary.bytes);
  try {
    assert.equal(a.size(), vocab);
    assert.equal(a.dim(), 50);
    assert.deepEqual(b.vectors(), a.vectors());
    assert.equal(a.analogy('man', 'king', 'woman', 1)[0].word, 'queen');
  } finally {
    a.delete();
    b.delete();
  }

  const [vectors, metadata] = await downloadOf(page, 'export-projector', 2);
  assert.deepEqual([vectors.name, metadata.name], ['vectors.tsv', 'metadata.tsv']);
  const rows = vectors.bytes.toString('utf8').trimEnd().split('\n');
  const words = metadata.bytes.toString('utf8').trimEnd().split('\n');
  assert.equal(rows.length, vocab);
  assert.equal(words.length, vocab);
  assert.ok(rows.every((r) => r.split('\t').length === 50 && r.split('\t').every((x) => Number.isFinite(Number(x)))));

  const [csv] = await downloadOf(page, 'export-csv');
  const lines = csv.bytes.toString('utf8').trimEnd().split('\n');
  assert.equal(lines[0], 'word,count,pc1,pc2,pc3');
  assert.equal(lines.length, vocab + 1);
  assert.deepEqual(lines.slice(1).map((l) => l.split(',')[0]), words);

  // The binary file read back into the page: the same questions get the same answers.
  await page.locator('#vectors-file').setInputFiles({ name: 'vectors.bin', mimeType: 'application/octet-stream', buffer: binary.bytes });
  await page.waitForFunction(() => /^Loaded /.test(document.querySelector('#train-stats').textContent), null, { timeout: 30000, polling: 100 });
  assert.match(await page.locator('#train-stats').textContent(), new RegExp(`^Loaded ${vocab} words × 50 in`));
  assert.equal(await page.getByRole('progressbar').getAttribute('aria-valuenow'), '100');
  assert.equal(await page.locator('#train-plot canvas').getAttribute('data-points'), String(vocab));
  await page.locator('#an-go').click();
  await page.waitForFunction(() => document.querySelector('#an-results .result-word')?.textContent === 'queen', null, { timeout: 10000 });
  // A file that is not word vectors: a message, and the page keeps working.
  await page.locator('#vectors-file').setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello world\nthis is not a vector file\n') });
  await page.locator('#train-error').waitFor({ state: 'visible' });
  assert.match(await page.locator('#train-error').textContent(), /^Could not read the file: /);

  await train(page);
  const [png] = await downloadOf(page, 'export-png');
  assert.equal(png.name, 'embedding-plot.png');
  assert.deepEqual([...png.bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  assert.ok(png.bytes.length > 2000, `PNG of ${png.bytes.length} bytes`);
  assertClean(problems);
  await context.close();
});
