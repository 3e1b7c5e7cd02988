// Training on the text of section 1 honours section 2's tokenizer mode and lowercasing (issue 4
// §1), in headless Chromium: char mode gives a vocabulary of characters, word mode with
// lowercasing gives "king" (not "King," ), GPT-2 mode fetches the ranks in the training worker
// and gives GPT-2's tokens ("Ġqueen"); the line under the status names the tokenizer; the
// built-in corpora stay split on spaces.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { openSession, assertClean } from './browser.mjs';

let session;
before(async () => { session = await openSession(); });
after(async () => { await session?.close(); });

const TEXT = 'King, queen. The king and the queen!\nA man, a woman; the man and the woman.\n';

async function openPage() {
  const handle = await session.newPage();
  await handle.page.goto(session.url);
  await handle.page.waitForSelector('#tokens .tok');
  await handle.page.getByLabel('Text', { exact: true }).fill(TEXT);
  await handle.page.locator('#train-source').selectOption('text');
  await handle.page.locator('#train-min-count').fill('1');
  await handle.page.locator('#train-epochs').fill('2');
  await handle.page.locator('#train-size').fill('8');
  return handle;
}

/** Trains on the text; returns the words the plot shows (the whole vocabulary here). */
async function trainWords(page) {
  await page.locator('#train-progress').evaluate((bar) => { delete bar.dataset.ms; }); // set again when this run is done
  await page.locator('#train-start').click();
  await page.waitForFunction(() => document.querySelector('#train-progress').getAttribute('aria-valuenow') === '100' &&
    document.querySelector('#train-progress').dataset.ms, null, { timeout: 60000, polling: 100 });
  return page.locator('#train-plot canvas').evaluate((c) => c.plot.words);
}

test('char mode in section 2: the trained vocabulary is characters', async () => {
  const { page, problems } = await openPage();
  await page.getByLabel('Tokenizer mode').selectOption('char');
  await page.locator('#lowercase').check();
  const words = await trainWords(page);
  assert.ok(words.length >= 15, `characters: ${words.join(' ')}`);
  assert.ok(words.every((w) => [...w].length === 1), `every word is one character: ${words.join(' ')}`);
  assert.ok(words.includes('k') && words.includes(',') && !words.includes('K') && !words.includes(' '), words.join(' '));
  assert.match(await page.locator('#train-vocab').textContent(), /^\d+ words in the vocabulary.* Words: characters, lowercased\.$/);
  assertClean(problems);
});

test('word mode with lowercasing: "king" and "queen", never "King,"; the built-in corpus is split on spaces', async () => {
  const { page, problems } = await openPage();
  await page.getByLabel('Tokenizer mode').selectOption('word');
  await page.locator('#lowercase').check();
  const words = await trainWords(page);
  for (const w of ['king', 'queen', ',', '.', 'woman']) assert.ok(words.includes(w), `${w} in ${words.join(' ')}`);
  for (const w of ['King,', 'king,', 'King', 'queen.', 'queen!']) assert.ok(!words.includes(w), `${w} not in ${words.join(' ')}`);
  assert.match(await page.locator('#train-vocab').textContent(), / Words: word tokenizer, lowercased\.$/);

  // Unticking lowercase keeps "King" apart from "king".
  await page.locator('#lowercase').uncheck();
  const cased = await trainWords(page);
  assert.ok(cased.includes('King') && cased.includes('king'), cased.join(' '));
  assert.match(await page.locator('#train-vocab').textContent(), / Words: word tokenizer\.$/);

  await page.locator('#train-source').selectOption('en');
  await page.locator('#train-min-count').fill('5');
  await trainWords(page);
  assert.match(await page.locator('#train-vocab').textContent(), / Words: split on spaces \(pre-tokenised corpus\)\.$/);
  assertClean(problems);
});

test('gpt2 mode: the training worker fetches the ranks and trains on GPT-2 tokens', async () => {
  const { page, problems } = await openPage();
  await page.getByLabel('Tokenizer mode').selectOption('gpt2');
  await page.waitForFunction(() => [...document.querySelectorAll('#tokens .tok')].length > 10, null, { timeout: 60000 });
  const words = await trainWords(page);
  for (const w of ['King', 'Ġqueen', 'Ġking', 'Ġthe', ',']) assert.ok(words.includes(w), `${w} in ${words.join(' ')}`);
  assert.ok(words.every((w) => !/\s/.test(w) && w !== 'Ġ' && w !== 'Ċ'), `no whitespace words: ${words.join(' ')}`);
  assert.match(await page.locator('#train-vocab').textContent(), / Words: GPT-2 tokens\.$/);
  assertClean(problems);
});
