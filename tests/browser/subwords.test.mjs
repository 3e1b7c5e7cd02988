// Skip-gram and subwords on the page in headless Chromium: the Korean corpus with particles
// attached turns subwords on; a form the corpus never had (왕과) gets royal neighbours, marked
// as built from n-grams, and Lookup shows its n-grams with shares adding up to 100 %; the
// fastText .bin export reads back in the module; whole-word training says the form is not in
// the vocabulary; bad n-gram settings give a message and the page stays usable; no console errors.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { openSession } from './browser.mjs';
import { loadRawModule } from '../node/load_module.mjs';

let session;
before(async () => { session = await openSession(); });
after(async () => { await session?.close(); });

async function openPage() {
  const handle = await session.newPage();
  await handle.page.goto(session.url);
  await handle.page.waitForSelector('#tokens .tok');
  return handle;
}

async function train(page) {
  await page.locator('#train-start').scrollIntoViewIfNeeded();
  await page.locator('#train-start').click();
  await page.waitForFunction(() => document.querySelector('#train-progress').getAttribute('aria-valuenow') === '100' &&
    document.querySelector('#train-progress').dataset.ms, null, { timeout: 90000, polling: 250 });
}

async function neighbours(page, word) {
  await page.locator('#nn-word').fill(word);
  await page.locator('#nn-go').click();
  await page.waitForFunction((w) => document.querySelector('#nn-results').dataset.word === w ||
    !document.querySelector('#nn-error').hidden, word, { timeout: 20000 });
  return page.locator('#nn-results .result-word').allTextContents();
}

test('Korean with particles attached: an unseen form answers from its n-grams', async () => {
  const { page, problems } = await openPage();
  await page.locator('#train-source').selectOption('ko-attached');
  assert.equal(await page.locator('#train-subwords').isChecked(), true);
  assert.equal(await page.locator('#train-minn').inputValue(), '2');
  assert.equal(await page.locator('#nn-word').inputValue(), '왕과');
  await page.locator('#train-arch').selectOption('skipgram');
  await train(page);
  const words = await neighbours(page, '왕과');
  assert.equal(words.length, 10);
  // 왕과 shares <왕 and 왕 with 왕은, 왕이, 왕을...: royal forms lead the list.
  assert.ok(words.slice(0, 3).some((w) => w.startsWith('왕') || w.startsWith('여왕')), words.join(' '));
  assert.match(await page.locator('#nn-note').textContent(), /왕과.*n-grams/);

  await page.locator('#lookup-word').fill('왕과');
  await page.locator('#lookup-go').click();
  await page.waitForSelector('#lookup-pieces li');
  assert.match(await page.locator('#lookup-explain').textContent(), /not in the vocabulary/);
  const shares = (await page.locator('#lookup-pieces .score').allTextContents()).map((s) => Number.parseFloat(s));
  const texts = await page.locator('#lookup-pieces .piece').allTextContents();
  assert.deepEqual([...texts].sort(), ['<왕', '<왕과', '<왕과>', '과>', '왕과', '왕과>'].sort());
  assert.ok(Math.abs(shares.reduce((a, b) => a + b, 0) - 100) < 0.5, shares.join(' '));

  const download = page.waitForEvent('download');
  await page.locator('#export-fasttext').click();
  const bytes = readFileSync(await (await download).path());
  const mod = await loadRawModule();
  const model = mod.parseFastTextBin(bytes);
  assert.equal(model.indexOf('왕과'), -1);
  assert.ok(model.indexOf('왕은') >= 0);
  model.delete();
  assert.deepEqual(problems.pageErrors, []);
  assert.deepEqual(problems.consoleErrors, []);
  await page.close();
});

test('whole words cannot answer for the unseen form; bad n-gram settings give a message', async () => {
  const { page, problems } = await openPage();
  await page.locator('#train-source').selectOption('ko-attached');
  await page.locator('#train-subwords').uncheck();
  await page.locator('#train-epochs').fill('1');
  await train(page);
  await neighbours(page, '왕과');
  assert.equal(await page.locator('#nn-error').isHidden(), false);
  assert.match(await page.locator('#nn-error').textContent(), /왕과/);
  await page.locator('#train-subwords').check();
  await page.locator('#train-minn').fill('5');
  await page.locator('#train-maxn').fill('4');
  await page.locator('#train-start').click();
  await page.waitForSelector('#train-error:not([hidden])');
  assert.match(await page.locator('#train-error').textContent(), /minn/);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'train-minn');
  await page.locator('#train-minn').fill('2');
  await train(page);
  assert.equal((await neighbours(page, '왕과')).length, 10);
  assert.deepEqual(problems.pageErrors, []);
  await page.close();
});
