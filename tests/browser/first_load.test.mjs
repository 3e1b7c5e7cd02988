// A reader's and a newcomer's first steps (issue 15), in headless Chromium:
// - no WASM module is requested twice in a page load, although the tokenizer worker and the
//   positional-encoding section (main thread) share the lite module, and the training worker and
//   the tokenizer worker's GPT-2 mode the full one; the full one is not fetched before the first
//   tokens are on screen;
// - after the user pastes text in section 1, Train trains that text (a word only the pasted text
//   contains gets neighbours), the progress line says so, and the built-in corpus stays one
//   choice away; loading the sample again makes the built-in corpus the default again.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { openSession, assertClean } from './browser.mjs';

let session;
before(async () => { session = await openSession(); });
after(async () => { await session?.close(); });

const MODULE = /\/embplay_(lite_)?module(_nosimd)?\.wasm$/;

async function trainToEnd(page) {
  await page.locator('#train-progress').evaluate((bar) => { delete bar.dataset.ms; });
  await page.locator('#train-start').click();
  await page.waitForFunction(() => document.querySelector('#train-progress').getAttribute('aria-valuenow') === '100' &&
    document.querySelector('#train-progress').dataset.ms, null, { timeout: 60000, polling: 100 });
}

test('each module is requested once while tokens, positional encodings, GPT-2 and training all run', async () => {
  const { page, context, problems } = await session.newPage();
  const modules = [];
  context.on('request', (r) => { if (MODULE.test(new URL(r.url()).pathname)) modules.push(new URL(r.url()).pathname.split('/').pop()); });
  await page.goto(session.url);
  await page.waitForSelector('#tokens .tok');
  assert.deepEqual(modules, ['embplay_lite_module.wasm'], 'the first tokens come from the lite module alone');
  // Section 6 computes on the main thread once it comes near the screen.
  await page.locator('#pe').scrollIntoViewIfNeeded();
  await page.waitForFunction(() => document.querySelector('#pe-status').textContent !== '' &&
    !/Loading/.test(document.querySelector('#pe-status').textContent), null, { timeout: 60000 });
  await page.locator('#train-epochs').fill('1');
  await trainToEnd(page);
  assert.match(await page.locator('#train-stats').textContent(), /Done: [\d,]+ words of the built-in English corpus/);
  // GPT-2 runs in the tokenizer worker on the full module that training fetched.
  await page.locator('#mode').selectOption('gpt2');
  await page.waitForFunction(() => /GPT-2/.test(document.querySelector('#tokens-summary').textContent), null, { timeout: 60000 });
  assert.deepEqual(modules.sort(), ['embplay_lite_module.wasm', 'embplay_module.wasm'], `module requests: ${modules.join(', ')}`);
  assertClean(problems);
  await context.close();
});

// Text whose words appear nowhere in the built-in corpora: "zorblat" and "quinzel" share contexts.
const PASTED = Array.from({ length: 40 }, (_, i) => (i % 2
  ? 'the zorblat sings near the quiet river bank'
  : 'the quinzel sings near the quiet river bank')).join('\n');

test('pasted text is what Train trains; the built-in corpus stays one choice away', async () => {
  const { page, context, problems } = await session.newPage({ permissions: ['clipboard-read', 'clipboard-write'] });
  await page.goto(session.url);
  await page.waitForSelector('#tokens .tok');
  assert.equal(await page.locator('#train-source').inputValue(), 'en', 'the sample untouched: the built-in corpus');

  // A real paste (clipboard, Ctrl+V) into the emptied text box.
  const box = page.getByLabel('Text', { exact: true });
  await box.fill('');
  await page.evaluate((text) => navigator.clipboard.writeText(text), PASTED);
  await box.focus();
  await page.keyboard.press('ControlOrMeta+V');
  await page.waitForFunction(() => /zorblat/.test(document.querySelector('#tokens').textContent));
  assert.equal(await page.locator('#train-source').inputValue(), 'text', 'the source follows the pasted text');

  await page.locator('#train-min-count').fill('1');
  await page.locator('#train-epochs').fill('20');
  await trainToEnd(page);
  assert.match(await page.locator('#train-stats').textContent(), /Done: [\d,]+ words of your pasted text/);
  await page.getByLabel('Word', { exact: true }).fill('zorblat');
  await page.locator('#nn-go').click();
  await page.waitForFunction(() => document.querySelector('#nn-results').dataset.word === 'zorblat' &&
    document.querySelectorAll('#nn-results .result-word').length > 0);
  const neighbours = await page.locator('#nn-results .result-word').allTextContents();
  assert.ok(neighbours.includes('quinzel'), `zorblat's neighbours come from the pasted text: ${neighbours.join(' ')}`);
  assert.ok(neighbours.every((w) => PASTED.includes(w)), `every neighbour is a word of the pasted text: ${neighbours.join(' ')}`);

  // Typing more keeps the source; a corpus picked in the select stays picked while typing.
  await page.locator('#train-source').selectOption('en');
  await box.press('End');
  await page.keyboard.type(' more words');
  assert.equal(await page.locator('#train-source').inputValue(), 'en', 'a picked corpus stays picked');
  // Loading the sample again: the built-in corpus is the default again.
  await page.locator('#train-source').selectOption('text');
  await page.locator('#load-sample').click();
  await page.waitForFunction(() => !/zorblat/.test(document.querySelector('#tokens').textContent));
  assert.equal(await page.locator('#train-source').inputValue(), 'en');
  assertClean(problems);
  await context.close();
});

test('typed text and an opened file are trained too, named in the progress line', async () => {
  const { page, context, problems } = await session.newPage();
  await page.goto(session.url);
  await page.waitForSelector('#tokens .tok');
  await page.getByLabel('Text', { exact: true }).fill('alpha beta gamma delta\n'.repeat(30));
  assert.equal(await page.locator('#train-source').inputValue(), 'text');
  await page.locator('#train-min-count').fill('1');
  await page.locator('#train-epochs').fill('2');
  await trainToEnd(page);
  assert.match(await page.locator('#train-stats').textContent(), /Done: [\d,]+ words of your text /);
  assert.deepEqual((await page.locator('#train-plot canvas').evaluate((c) => c.plot.words)).sort(), ['alpha', 'beta', 'delta', 'gamma']);

  await page.locator('#file').setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('red green blue\n'.repeat(30)) });
  await page.waitForFunction(() => /green/.test(document.querySelector('#tokens').textContent));
  await trainToEnd(page);
  assert.match(await page.locator('#train-stats').textContent(), /Done: [\d,]+ words of your file “notes\.txt”/);
  assert.deepEqual((await page.locator('#train-plot canvas').evaluate((c) => c.plot.words)).sort(), ['blue', 'green', 'red']);
  assertClean(problems);
  await context.close();
});
