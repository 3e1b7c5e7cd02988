// Faults in the workers (issue 14) in headless Chromium. A real WebAssembly trap in the training
// worker and in the core worker that makes the tokens: the test-only index.html?debug hooks make
// the module free() an address past its memory ("memory access out of bounds", see
// web/core/worker-faults.js). A real out-of-memory: training size 300 on 1.75 million distinct
// words needs two weight matrices of 2.1 GB, which do not fit in WebAssembly's 4 GB, so the second
// allocation throws std::bad_alloc (guard.h turns it into an "out of memory" Error). Each shows one
// message, the worker is replaced, the text stays in the box, and the page works again afterwards.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { openSession } from './browser.mjs';
import english from '../../assets/corpora/world-en.mjs';

let session;
before(async () => { session = await openSession(); });
after(async () => { await session?.close(); });

async function openPage() {
  const handle = await session.newPage();
  const workers = [];
  handle.page.on('worker', (w) => workers.push(w));
  handle.workers = workers;
  await handle.page.goto(`${session.url}?debug`);
  await handle.page.waitForSelector('#tokens .tok');
  return handle;
}

/** Trains the English preset and checks the analogy: the (new) worker works. */
async function trainEnglish(page) {
  await page.locator('#train-source').selectOption('en');
  for (const [id, value] of [['train-size', '50'], ['train-min-count', '5'], ['train-epochs', '5']]) await page.locator(`#${id}`).fill(value);
  await page.locator('#train-start').click();
  await page.waitForFunction(() => document.querySelector('#train-progress').getAttribute('aria-valuenow') === '100' &&
    document.querySelector('#train-progress').dataset.ms, null, { timeout: 120000, polling: 250 });
  await page.locator('#an-go').click();
  await page.waitForSelector('#an-results li');
  assert.equal(await page.locator('#an-results .result-word').first().textContent(), english.checks.analogy[3]);
}

function assertNoPageErrors(problems) {
  assert.deepEqual(problems.pageErrors, [], 'page errors');
  assert.deepEqual(problems.consoleErrors, [], 'console errors');
}

test('a WebAssembly trap in the training worker: one message, a new worker, the text kept, training works again', async () => {
  const { page, context, problems, workers } = await openPage();
  await page.getByLabel('Text', { exact: true }).fill('my own words stay here');
  await trainEnglish(page);
  const before = workers.length;
  await page.evaluate(() => window.embplayDebug.trapTrainingWorker());
  await page.waitForSelector('#train-error:not([hidden])');
  const message = await page.locator('#train-error').textContent();
  assert.match(message, /^Training stopped: the WebAssembly code failed \(memory access out of bounds\)\. The worker was restarted and your text is kept/);
  assert.equal(await page.locator('[role=alert]:not([hidden])').count(), 1, 'one message');
  assert.ok(workers.length > before, 'a new training worker started');
  assert.equal(await page.locator('#text').inputValue(), 'my own words stay here');
  assert.equal(await page.locator('#an-go').isDisabled(), true, 'the old vectors went with the old worker');
  await trainEnglish(page);
  assert.equal(await page.locator('#train-error').isHidden(), true);
  assertNoPageErrors(problems);
  await context.close();
});

test('out of memory in the training worker (1.75 million words, size 300): one message, a new worker, the text kept', async (t) => {
  const { page, context, problems, workers } = await openPage();
  // 1.75 million distinct words (about 13 MB), pasted: the page keeps it as a large text.
  const info = await page.evaluate(() => {
    const words = [];
    for (let i = 0; i < 1750000; i++) words.push(`w${i.toString(36)}`);
    const text = words.join(' ');
    document.querySelector('#status').textContent = '';
    const clipboardData = new DataTransfer();
    clipboardData.setData('text/plain', text);
    document.querySelector('#text').dispatchEvent(new ClipboardEvent('paste', { clipboardData, bubbles: true, cancelable: true }));
    return { length: text.length, head: text.slice(0, 40) };
  });
  await page.waitForFunction(() => /\d+ ?ms/.test(document.querySelector('#status').textContent), null, { timeout: 120000 });
  assert.ok((await page.locator('#text').inputValue()).startsWith(info.head));
  await page.locator('#train-source').selectOption('text');
  await page.locator('#mode').selectOption('word');
  for (const [id, value] of [['train-size', '300'], ['train-min-count', '1'], ['train-epochs', '1']]) await page.locator(`#${id}`).fill(value);
  const before = workers.length;
  const started = Date.now();
  await page.locator('#train-start').click();
  await page.waitForSelector('#train-error:not([hidden])', { timeout: 180000 });
  t.diagnostic(`out of memory reported ${Date.now() - started} ms after Train`);
  const message = await page.locator('#train-error').textContent();
  // guard.h words std::bad_alloc as "out of memory: the input is too large for this browser tab".
  assert.match(message, /^Training stopped: the browser ran out of memory for it \(out of memory: [^)]+\)\. The worker was restarted and your text is kept/);
  assert.equal(await page.locator('[role=alert]:not([hidden])').count(), 1, 'one message');
  assert.ok(workers.length > before, 'a new training worker started');
  assert.ok((await page.locator('#text').inputValue()).startsWith(info.head), 'the text is still in the box');
  assert.match(await page.locator('#tokens-summary').textContent(), /^1,750,000 tokens/);
  await trainEnglish(page);
  assertNoPageErrors(problems);
  await context.close();
});

test('a WebAssembly trap in the core worker (tokens): one message, a new worker, the text kept, tokens work again', async () => {
  const { page, context, problems, workers } = await openPage();
  await page.getByLabel('Text', { exact: true }).fill('my own words stay here');
  await page.waitForFunction(() => document.querySelectorAll('#tokens .tok').length === 5);
  const before = workers.length;
  await page.evaluate(() => window.embplayDebug.trapCoreWorker());
  await page.waitForSelector('#error:not([hidden])');
  assert.match(await page.locator('#error').textContent(),
    /^Could not process the text: the WebAssembly core failed \(memory access out of bounds\)\. It was restarted and your text is kept/);
  assert.equal(await page.locator('[role=alert]:not([hidden])').count(), 1, 'one message');
  assert.ok(workers.length > before, 'a new core worker started');
  assert.equal(await page.locator('#text').inputValue(), 'my own words stay here');
  // The next analysis runs in the new worker and clears the message.
  await page.evaluate(() => { document.querySelector('#status').textContent = ''; });
  await page.getByLabel('Text', { exact: true }).fill('my own words stay here again');
  await page.waitForFunction(() => /\d+ ?ms/.test(document.querySelector('#status').textContent), null, { timeout: 60000 });
  assert.deepEqual(await page.locator('#tokens .tok').allTextContents(), ['my', 'own', 'words', 'stay', 'here', 'again']);
  assert.equal(await page.locator('#error').isHidden(), true);
  assertNoPageErrors(problems);
  await context.close();
});
