// GPT-2 mode of the tokenizer view (issue 7) in headless Chromium: real ids identical to
// js-tiktoken's r50k_base, the ranks fetched only when the mode is chosen, Korean byte tokens
// explained, the whitespace toggle, and no console errors or foreign requests.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { openSession } from './browser.mjs';
import { loadJsTiktoken } from '../node/gpt2_reference.mjs';

let session;
before(async () => { session = await openSession(); });
after(async () => { await session?.close(); });

const reference = loadJsTiktoken();

async function analyzed(page, action) {
  await page.evaluate(() => { document.querySelector('#status').textContent = ''; });
  await action();
  await page.waitForFunction(() => /\d+ ?ms/.test(document.querySelector('#status').textContent), null, { timeout: 60000 });
}

const shownIds = (page) => page.locator('#tokens .tok').evaluateAll((spans) => spans.map((s) => Number(s.dataset.id)));

test('gpt2 mode shows the ids js-tiktoken gives, and fetches the ranks only when chosen', async () => {
  const { page, problems } = await session.newPage();
  const ranksRequests = [];
  page.on('request', (r) => { if (r.url().includes('gpt2-ranks')) ranksRequests.push(r.url()); });
  await page.goto(session.url);
  await page.waitForSelector('#tokens .tok');
  assert.equal(ranksRequests.length, 0, 'the GPT-2 ranks must not load on first paint');

  const text = "Hello world! It's 2026: GPT-2 reads   spaces,\ttabs and naïve émojis 😀 — they'll see.";
  await analyzed(page, () => page.getByLabel('Text', { exact: true }).fill(text));
  await analyzed(page, () => page.getByLabel('Tokenizer mode').selectOption('gpt2'));
  assert.equal(ranksRequests.length, 1);
  assert.deepEqual(await shownIds(page), reference.encode(text));
  assert.match(await page.locator('#tokens-summary').textContent(), new RegExp(`^${reference.encode(text).length} GPT-2 tokens`));
  // The vocabulary lists the distinct ids with their GPT-2 spelling ("Ġworld").
  const vocabTokens = await page.locator('#vocab tbody tr td:nth-child(2)').allTextContents();
  assert.ok(vocabTokens.includes('Ġworld'), `vocabulary: ${vocabTokens.slice(0, 10).join(' ')}`);

  // Whitespace toggle: spaces become visible dots without changing the tokens.
  const plain = await page.locator('#tokens .tok').allTextContents();
  assert.ok(!plain.join('').includes('\u00b7'));
  await analyzed(page, () => page.getByLabel('Show whitespace').check());
  const visible = await page.locator('#tokens .tok').allTextContents();
  assert.equal(visible.length, plain.length);
  assert.ok(visible.includes('\u00b7world'), `tokens: ${visible.slice(0, 6).join('|')}`);
  assert.deepEqual(await shownIds(page), reference.encode(text));
  assert.equal(ranksRequests.length, 1, 'the ranks are fetched once');
  assert.deepEqual(problems.consoleErrors, []);
  assert.deepEqual(problems.pageErrors, []);
  assert.deepEqual(problems.foreignRequests, []);
});

test('Korean text in gpt2 mode splits syllables into byte tokens, explained on the page', async () => {
  const { page, problems } = await session.newPage();
  await page.goto(session.url);
  await page.waitForSelector('#tokens .tok');
  await analyzed(page, () => page.getByLabel('Tokenizer mode').selectOption('gpt2'));
  const text = '트랜스포머는 위치 인코딩으로 순서를 배웁니다.';
  await analyzed(page, () => page.getByLabel('Text', { exact: true }).fill(text));
  const expected = reference.encode(text);
  assert.deepEqual(await shownIds(page), expected);
  assert.ok(expected.length > [...text].length, 'Korean takes more GPT-2 tokens than characters');
  const partial = await page.locator('#tokens .tok.partial').allTextContents();
  assert.ok(partial.length > 0);
  for (const p of partial) assert.match(p, /^‹[0-9A-F]{2}( [0-9A-F]{2})*›$/);
  assert.ok(await page.locator('#gpt2-note').isVisible());
  assert.match(await page.locator('#gpt2-note').textContent(), /Hangul syllable takes 3 bytes/);
  assert.deepEqual(problems.consoleErrors, []);
  assert.deepEqual(problems.pageErrors, []);
});
