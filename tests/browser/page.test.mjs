// The foundation page in headless Chromium: text -> tokens -> vocabulary -> embedding heatmap,
// mode switches, Korean, bad input messages, a 20 MB paste, and no foreign requests or console errors.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { openSession, assertClean } from './browser.mjs';

let session;
before(async () => { session = await openSession(); });
after(async () => { await session?.close(); });

async function openPage(options) {
  const handle = await session.newPage(options);
  await handle.page.goto(session.url);
  await handle.page.waitForSelector('#tokens .tok');
  return handle;
}

async function setText(page, text) {
  const before = await page.locator('#status').textContent();
  await page.getByLabel('Text', { exact: true }).fill(text);
  await waitForAnalysis(page, before);
}

async function waitForAnalysis(page) {
  // The status line reads "Done in N ms." after each completed analysis; clear it first.
  await page.waitForFunction(() => /\d+ ?ms/.test(document.querySelector('#status').textContent), null, { timeout: 60000 });
}

async function analyzeWith(page, action) {
  await page.evaluate(() => { document.querySelector('#status').textContent = ''; });
  await action();
  await waitForAnalysis(page);
}

const tokenTexts = (page) => page.locator('#tokens .tok').allTextContents();

test('the page loads the sample and shows tokens, vocabulary and a heatmap with a legend', async () => {
  const { page, context, problems } = await openPage();
  assert.ok((await page.locator('#text').inputValue()).includes('football'));
  assert.ok((await page.locator('#tokens .tok').count()) > 20);
  assert.ok((await page.locator('#vocab tbody tr').count()) > 10);
  assert.equal(await page.locator('#vocab tbody tr').first().locator('td').nth(1).textContent(), '[UNK]');
  const pixels = await page.evaluate(() => {
    const c = document.querySelector('#heatmap canvas');
    const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    const colors = new Set();
    for (let i = 0; i < data.length; i += 4) colors.add(`${data[i]},${data[i + 1]},${data[i + 2]}`);
    return { width: c.width, height: c.height, distinct: colors.size };
  });
  assert.equal(pixels.width, 16);
  assert.ok(pixels.height > 10);
  assert.ok(pixels.distinct > 20, `heatmap has ${pixels.distinct} distinct colours`);
  assert.ok(await page.locator('#heatmap .legend canvas').isVisible());
  assertClean(problems);
  if (process.env.EMBPLAY_UPDATE_SCREENSHOT === '1') {
    // The top of the page (text, tokenizer, tokens, vocabulary): the whole page is several screens tall.
    await page.screenshot({
      path: fileURLToPath(new URL('../../assets/screenshot.png', import.meta.url)),
      fullPage: true, clip: { x: 0, y: 0, width: 1200, height: 1500 },
    });
  }
  await context.close();
});

test('typing text and switching modes retokenises (word, char, bpe with ##)', async () => {
  const { page, context, problems } = await openPage();
  await analyzeWith(page, () => page.getByLabel('Text', { exact: true }).fill('I love playing football.'));
  assert.deepEqual(await tokenTexts(page), ['I', 'love', 'playing', 'football', '.']);
  assert.match(await page.locator('#tokens-summary').textContent(), /^5 tokens from 24 bytes/);

  await analyzeWith(page, () => page.getByLabel('Tokenizer mode').selectOption('char'));
  assert.deepEqual((await tokenTexts(page)).slice(0, 5), ['I', 'l', 'o', 'v', 'e']);

  await analyzeWith(page, () => page.getByLabel('Text', { exact: true }).fill('playing played plays player playing played plays player'));
  await analyzeWith(page, () => page.getByLabel('Tokenizer mode').selectOption('bpe'));
  await analyzeWith(page, () => page.getByLabel('BPE merges').fill('4').then(() => page.getByLabel('BPE merges').dispatchEvent('change')));
  const pieces = await tokenTexts(page);
  assert.equal(pieces[0], 'play');
  assert.ok(pieces.some((t) => t.startsWith('##')), `pieces: ${pieces.join(' ')}`);
  assert.ok(await page.locator('#merges-details').isVisible());

  // Hover text carries the id and byte span.
  assert.match(await page.locator('#tokens .tok').first().getAttribute('title'), /id \d+ · bytes 0–4/);
  assertClean(problems);
  await context.close();
});

test('Korean text keeps Hangul syllables whole, and the Korean UI switch works', async () => {
  const { page, context, problems } = await openPage();
  await analyzeWith(page, () => page.getByLabel('Text', { exact: true }).fill('나는 축구를 좋아한다.'));
  assert.deepEqual(await tokenTexts(page), ['나는', '축구를', '좋아한다', '.']);
  await analyzeWith(page, () => page.getByLabel('Tokenizer mode').selectOption('char'));
  assert.deepEqual((await tokenTexts(page)).slice(0, 3), ['나', '는', '축']);
  await page.getByLabel('Language').selectOption('ko');
  assert.equal(await page.locator('h1').textContent(), '임베딩 플레이그라운드');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'ko');
  assert.ok((await page.locator('#tokens-summary').textContent()).includes('토큰'));
  assertClean(problems);
  await context.close();
});

test('the page defaults to Korean for a Korean browser', async () => {
  const { page, context } = await openPage({ locale: 'ko-KR' });
  assert.equal(await page.locator('h1').textContent(), '임베딩 플레이그라운드');
  assert.ok((await page.locator('#text').inputValue()).includes('축구'));
  await context.close();
});

test('bad input shows a clear message and the page stays usable', async () => {
  const { page, context, problems } = await openPage();
  // Empty text.
  await analyzeWith(page, () => page.getByLabel('Text', { exact: true }).fill(''));
  assert.match(await page.locator('#tokens').textContent(), /No tokens/);
  // Only punctuation and spaces.
  await analyzeWith(page, () => page.getByLabel('Text', { exact: true }).fill('  !?  ...  '));
  assert.deepEqual(await tokenTexts(page), ['!', '?', '.', '.', '.']);
  // Out-of-range settings are refused with a message naming the field.
  await page.getByLabel('Tokenizer mode').selectOption('bpe');
  await page.getByLabel('BPE merges').fill('-5');
  await page.getByLabel('BPE merges').dispatchEvent('change');
  await page.waitForSelector('#error:not([hidden])');
  assert.match(await page.locator('#error').textContent(), /BPE merges must be a whole number from 0 to 100000/);
  await page.getByLabel('d_model', { exact: true }).fill('100000');
  // Fixing the value clears the error and the page works again.
  await page.getByLabel('d_model', { exact: true }).fill('8');
  await analyzeWith(page, () => page.getByLabel('BPE merges').fill('10').then(() => page.getByLabel('BPE merges').dispatchEvent('change')));
  assert.equal(await page.locator('#error').isHidden(), true);
  await analyzeWith(page, () => page.getByLabel('Text', { exact: true }).fill('working again'));
  assert.ok((await tokenTexts(page)).length >= 2);
  assertClean(problems);
  await context.close();
});

test('a binary file is refused and an invalid UTF-8 file is read with U+FFFD and a note', async () => {
  const { page, context, problems } = await openPage();
  await page.getByLabel('Open a .txt file').setInputFiles({ name: 'image.bin', mimeType: 'application/octet-stream', buffer: Buffer.from(Array.from({ length: 2048 }, (_, i) => i % 7 === 0 ? 0 : i % 256)) });
  await page.waitForSelector('#error:not([hidden])');
  assert.match(await page.locator('#error').textContent(), /binary file/);
  await analyzeWith(page, () => page.getByLabel('Open a .txt file').setInputFiles({ name: 'latin1.txt', mimeType: 'text/plain', buffer: Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x20, 0x6f, 0x6b]) }));
  assert.match(await page.locator('#file-note').textContent(), /not valid UTF-8/);
  assert.deepEqual(await tokenTexts(page), ['caf', '\uFFFD', 'ok']); // U+FFFD is a symbol (So): its own token
  assertClean(problems);
  await context.close();
});

test('a 20 MB paste is tokenised in the worker while the page stays responsive (timing printed)', async () => {
  const { page, context, problems } = await openPage();
  const result = await page.evaluate(async () => {
    const line = 'The quick brown fox jumps over the lazy dog. 빠른 갈색 여우가 게으른 개를 뛰어넘는다. 123\n';
    const text = line.repeat(Math.ceil((20 * 1024 * 1024) / new TextEncoder().encode(line).length));
    const longTasks = [];
    new PerformanceObserver((list) => { for (const e of list.getEntries()) longTasks.push(e.duration); })
      .observe({ type: 'longtask', buffered: false });
    document.querySelector('#status').textContent = '';
    let ticks = 0;
    const timer = setInterval(() => { ticks++; }, 50);
    const t0 = performance.now();
    const clipboardData = new DataTransfer();
    clipboardData.setData('text/plain', text);
    document.querySelector('#text').dispatchEvent(new ClipboardEvent('paste', { clipboardData, bubbles: true, cancelable: true }));
    while (!/\d+ ?ms/.test(document.querySelector('#status').textContent)) await new Promise((r) => setTimeout(r, 50));
    const ms = performance.now() - t0;
    clearInterval(timer);
    return {
      ms, ticks, longest: Math.max(0, ...longTasks), summary: document.querySelector('#tokens-summary').textContent,
      preview: document.querySelector('#text').value.length, readOnly: document.querySelector('#text').readOnly,
      note: document.querySelector('#large-note').hidden ? '' : document.querySelector('#large-note').textContent,
    };
  });
  console.log(`# 20 MB paste: ${result.ms.toFixed(0)} ms until tokens shown; longest main-thread task ${result.longest.toFixed(0)} ms; ${result.summary}`);
  assert.match(result.summary, /^[\d,]+ tokens from 2[01],\d{3},\d{3} bytes/);
  assert.ok(result.ticks > 0, 'timers kept running while the worker tokenised');
  assert.ok(result.longest < 1000, `longest main-thread task ${result.longest} ms`);
  assert.equal(result.preview, 100000);
  assert.equal(result.readOnly, true);
  assert.match(result.note, /large text \(20\.\d MB\)/);
  // Clearing returns to an editable, empty box.
  await page.getByRole('button', { name: 'Clear and type new text' }).click();
  assert.equal(await page.locator('#text').inputValue(), '');
  // The empty box's own analysis may finish after the status is cleared: wait for the new tokens.
  await page.getByLabel('Text', { exact: true }).fill('small again');
  await page.waitForFunction(() => [...document.querySelectorAll('#tokens .tok')].map((t) => t.textContent).join('|') === 'small|again',
    null, { timeout: 60000 });
  assert.deepEqual(await tokenTexts(page), ['small', 'again']);
  assertClean(problems);
  await context.close();
});
