// Sharing (issue 4): settings and the current view live in the URL hash, never the text; opening
// a link restores them, and a hand-edited link with bad values does not break the page.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { openSession } from './browser.mjs';

let session;
before(async () => { session = await openSession(); });
after(async () => { await session?.close(); });

const hashParams = (page) => page.evaluate(() => Object.fromEntries(new URLSearchParams(location.hash.slice(1))));

test('changing settings writes them to the hash, never the text', async () => {
  const { page, problems } = await session.newPage();
  await page.goto(session.url);
  await page.waitForSelector('#tokens .tok');
  assert.deepEqual(await hashParams(page), {}, 'defaults leave the hash empty');
  const secret = 'my private diary entry zebra-42';
  await page.getByLabel('Text', { exact: true }).fill(secret);
  await page.getByLabel('Tokenizer mode').selectOption('bpe');
  await page.locator('#merges').fill('40');
  await page.locator('#merges').dispatchEvent('change');
  await page.locator('#pe-d-model-range').fill('64');
  await page.locator('#train-size').fill('20');
  await page.locator('#train-size').dispatchEvent('change');
  await page.waitForFunction(() => location.hash.includes('train-size'));
  const params = await hashParams(page);
  assert.equal(params.mode, 'bpe');
  assert.equal(params.merges, '40');
  assert.equal(params['pe-d-model'], '64');
  assert.equal(params['train-size'], '20');
  assert.ok(!decodeURIComponent(page.url()).includes('zebra'), `the text must not reach the URL: ${page.url()}`);
  assert.deepEqual(problems.pageErrors, []);
  assert.deepEqual(problems.consoleErrors, []);
});

test('opening a link restores the settings; bad values are ignored', async () => {
  const { page, problems } = await session.newPage();
  await page.goto(`${session.url}#mode=bpe&merges=40&pe-d-model=64&pe-layout=split&train-size=20&an-a=man&mode-x=1&pe-kind=nonsense&lowercase=1`);
  await page.waitForFunction(() => [...document.querySelectorAll('#tokens .tok')].some((s) => s.textContent.startsWith('##')), null, { timeout: 60000 });
  assert.equal(await page.getByLabel('Tokenizer mode').inputValue(), 'bpe');
  assert.equal(await page.locator('#merges').inputValue(), '40');
  assert.equal(await page.locator('#lowercase').isChecked(), true);
  assert.equal(await page.locator('#pe-d-model').inputValue(), '64');
  assert.equal(await page.locator('#pe-d-model-range').inputValue(), '64');
  assert.equal(await page.locator('#pe-layout').inputValue(), 'split');
  assert.equal(await page.locator('#pe-kind').inputValue(), 'sinusoidal', 'an unknown option value is ignored');
  assert.equal(await page.locator('#train-size').inputValue(), '20');
  assert.equal(await page.locator('#an-a').inputValue(), 'man');
  // The restored tokens are really bpe with 40 merges: every token is lowercase.
  const tokens = await page.locator('#tokens .tok').allTextContents();
  assert.ok(tokens.every((t) => t === t.toLowerCase()), tokens.slice(0, 8).join(' '));
  assert.deepEqual(problems.pageErrors, []);
  assert.deepEqual(problems.consoleErrors, []);
});
