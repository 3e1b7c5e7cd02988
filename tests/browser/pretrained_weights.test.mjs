// Issue 13 in headless Chromium, through the page's file inputs: a GPT-2 safetensors file (the
// generated one, real names, F16) opens with a determinate progress bar, answers "Ġking" with
// the planted "Ġqueen" among all 50,257 rows, looks up the text of section 1, and shows the
// learned positions beside the sinusoids; BERT needs its vocab.txt; malformed files show one
// message and the page stays usable; no request leaves the page's origin (the file is not uploaded).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { openSession } from './browser.mjs';
import { writeGpt2Safetensors } from '../bench/gpt2_safetensors_file.mjs';
import { makeSafetensorsFixtures } from '../fixtures/safetensors_fixtures.mjs';

let dir;
let session;
before(async () => {
  dir = makeSafetensorsFixtures('embplay-pretrained-page-');
  session = await openSession();
});
after(async () => {
  await session?.close();
  rmSync(dir, { recursive: true, force: true });
});

function watchProgress() {
  window.__bar = [];
  addEventListener('DOMContentLoaded', () => {
    const bar = document.querySelector('#pt-progress');
    new MutationObserver(() => window.__bar.push(bar.getAttribute('aria-valuenow'))).observe(bar, { attributes: true, attributeFilter: ['aria-valuenow'] });
  });
}

async function openPage() {
  const handle = await session.newPage();
  await handle.page.addInitScript(watchProgress);
  await handle.page.goto(session.url);
  await handle.page.waitForSelector('#tokens .tok');
  return handle;
}

const firstNeighbour = (page) => page.locator('#pt-nn-results li .token').first().textContent();

test('GPT-2 weights: progress, nearest tokens, lookup, positions', async () => {
  const { page, context, problems } = await openPage();
  await page.setInputFiles('#pt-file', join(dir, 'gpt2-f16.safetensors'));
  await page.waitForSelector('#pt-nn-results li');
  assert.equal(await firstNeighbour(page), 'Ġqueen');
  assert.match(await page.textContent('#pt-status'), /gpt2 layout, 50,257 tokens × 8 numbers/);
  const bar = await page.evaluate(() => window.__bar.map(Number));
  assert.ok(bar.length >= 1 && bar.at(-1) === 100, `progress values ${bar}`);
  assert.ok(bar.every((v, i) => i === 0 || v >= bar[i - 1]));
  // "king" without the space is another row with other neighbours.
  await page.fill('#pt-token', 'king');
  await page.press('#pt-token', 'Enter');
  await page.waitForFunction(() => document.querySelector('#pt-nn-results').dataset.query === 'king');
  assert.notEqual(await firstNeighbour(page), 'Ġqueen');
  await page.fill('#pt-token', 'kingg');
  await page.click('#pt-nn-go');
  await page.waitForSelector('#pt-nn-error:not([hidden])');
  assert.match(await page.textContent('#pt-nn-error'), /'kingg' is not a token of this model \(GPT-2 writes a leading space as 'Ġ'/);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'pt-nn-go');  // focus stays where it was
  // Analogy and direction over all rows, with the defaults the page fills in for GPT-2.
  assert.deepEqual([await page.inputValue('#pt-an-a'), await page.inputValue('#pt-an-b'), await page.inputValue('#pt-an-c')], ['Ġman', 'Ġking', 'Ġwoman']);
  await page.click('#pt-an-go');
  await page.waitForFunction(() => document.querySelectorAll('#pt-an-results li').length === 5);
  await page.click('#pt-dir-go');
  await page.waitForFunction(() => document.querySelectorAll('#pt-dir-high li').length === 10 && document.querySelectorAll('#pt-dir-low li').length === 10);
  await page.fill('#pt-dir-pairs', 'Ġking Ġnotatoken');
  await page.click('#pt-dir-go');
  await page.waitForSelector('#pt-dir-error:not([hidden])');
  assert.match(await page.textContent('#pt-dir-error'), /'Ġnotatoken' is not a token of this model/);
  // PCA of chosen tokens, drawn as labelled points (section 8's plot; t-SNE: pretrained_tsne.test.mjs).
  await page.fill('#pt-pca-tokens', 'Ġking Ġqueen king Ġthe');
  await page.click('#pt-pca-go');
  await page.waitForFunction(() => document.querySelector('#pt-map canvas')?.dataset.points === '4' && document.querySelector('#pt-map canvas').dataset.labels);
  // Ġking and Ġqueen sit on one spot: labels never overlap, so one of them is left out.
  const labels = (await page.getAttribute('#pt-map canvas', 'data-labels')).split(' ');
  assert.ok(labels.length >= 3 && labels.includes('king') && labels.includes('Ġthe'), `${labels}`);
  assert.deepEqual(await page.locator('#pt-map-table tr td:first-child').allTextContents(), ['Ġking', 'Ġqueen', 'king', 'Ġthe']);
  assert.match(await page.textContent('#pt-pca-explain'), /^4 tokens; the two axes hold/);
  // Lookup of section 1's text, and token + position with the real rows.
  await page.waitForSelector('#pt-lookup-table tr');
  assert.ok((await page.locator('#pt-lookup-table tr').count()) > 3);
  assert.equal(await page.isVisible('#pt-input canvas'), true);
  // Positions: 16 learned rows beside sinusoids of the same shape.
  await page.waitForFunction(() => document.querySelector('#pt-learned canvas').height === 16);
  assert.deepEqual(await page.evaluate(() => ['pt-learned', 'pt-sinusoid', 'pt-learned-sim', 'pt-sinusoid-sim']
    .map((id) => [document.querySelector(`#${id} canvas`).width, document.querySelector(`#${id} canvas`).height])), [[8, 16], [8, 16], [16, 16], [16, 16]]);
  await page.fill('#pt-pos-rows', '4');
  await page.click('#pt-pos-go');
  await page.waitForFunction(() => document.querySelector('#pt-learned-sim canvas').width === 4);
  assert.deepEqual(problems, { consoleErrors: [], pageErrors: [], foreignRequests: [] });
  await context.close();
});

test('BERT weights need vocab.txt; malformed files show one message and the page stays usable', async () => {
  const { page, context, problems } = await openPage();
  await page.setInputFiles('#pt-file', join(dir, 'bert-bf16.safetensors'));
  await page.waitForSelector('#pt-error:not([hidden])');
  assert.equal(await page.textContent('#pt-error'), "BERT weights need the model's vocab.txt: open it too");
  await page.setInputFiles('#pt-vocab', join(dir, 'bert-vocab.txt'));  // reopens with the vocabulary
  await page.waitForSelector('#pt-nn-results li');
  await page.fill('#pt-token', 'king');
  await page.click('#pt-nn-go');
  await page.waitForFunction(() => document.querySelector('#pt-nn-results').dataset.query === 'king');
  assert.equal(await firstNeighbour(page), 'queen');
  assert.equal(await page.isHidden('#pt-error'), true);
  await page.setInputFiles('#pt-vocab', []);
  const messages = {
    'bad-text': /^not a safetensors file/,
    'bad-huge-header': /header length 100000000 bytes is over the 16 MiB limit/,
    'bad-overlap': /^tensors 'a' and 'b' overlap/,
    'bad-i8': /^tensor 'wte.weight' has dtype I8, which is not read \(F32, F16 and BF16 are\)$/,
    'bad-rows': /^the token table 'wte.weight' has 50000 rows, GPT-2's tokenizer has 50257 tokens$/,
  };
  for (const [name, pattern] of Object.entries(messages)) {
    await page.setInputFiles('#pt-file', join(dir, `${name}.safetensors`));
    await page.waitForFunction(() => !document.querySelector('#pt-error').hidden && document.querySelector('#pt-progress').hidden);
    assert.match(await page.textContent('#pt-error'), pattern, name);
    assert.equal(await page.isHidden('#pt-loaded'), true, `${name}: nothing half-loaded is shown`);
  }
  // Other layouts: pick the token table among the 2-D tensors.
  await page.setInputFiles('#pt-file', join(dir, 'other-f32.safetensors'));
  await page.waitForSelector('#pt-table-label:not([hidden])');
  await page.selectOption('#pt-table', 'model.embed_tokens.weight');
  await page.waitForSelector('#pt-loaded:not([hidden]) #pt-nn-results li');
  // Still usable: a good file after all that.
  await page.selectOption('#pt-table', '');
  await page.setInputFiles('#pt-file', join(dir, 'gpt2-bf16.safetensors'));
  await page.waitForFunction(() => /gpt2 layout/.test(document.querySelector('#pt-status').textContent));
  await page.fill('#pt-token', 'Ġking');
  await page.click('#pt-nn-go');
  await page.waitForFunction(() => document.querySelector('#pt-nn-results .token')?.textContent === 'Ġqueen');
  assert.deepEqual(problems, { consoleErrors: [], pageErrors: [], foreignRequests: [] });
  await context.close();
});

test('Cancel while reading keeps nothing, keeps focus, and the page opens the next file', async () => {
  // 105 MB of tables (50,257 x 512 and 1,024 x 512, zeros): 13 slices of 8 MB, time to press Cancel.
  const big = join(dir, 'gpt2-512.safetensors');
  writeGpt2Safetensors(big, { D: 512, layers: 0, values: false });
  const { page, context, problems } = await openPage();
  await page.evaluate(() => {
    const bar = document.querySelector('#pt-progress');
    new MutationObserver((_, o) => {  // press Cancel as soon as the first slice is read
      if (Number(bar.getAttribute('aria-valuenow')) > 0) { o.disconnect(); document.querySelector('#pt-cancel').focus(); document.querySelector('#pt-cancel').click(); }
    }).observe(bar, { attributes: true, attributeFilter: ['aria-valuenow'] });
  });
  await page.setInputFiles('#pt-file', big);
  await page.waitForFunction(() => document.querySelector('#pt-progress').hidden && document.querySelector('#pt-status').textContent !== '');
  assert.equal(await page.textContent('#pt-status'), 'Reading cancelled; nothing was kept.');
  assert.equal(await page.isHidden('#pt-loaded'), true);
  assert.equal(await page.isHidden('#pt-error'), true);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'pt-file');
  const bar = await page.evaluate(() => window.__bar.map(Number));
  assert.ok(bar.at(-1) < 100, `cancelled before the end: ${bar}`);
  await page.setInputFiles('#pt-file', join(dir, 'gpt2-f32.safetensors'));
  await page.waitForFunction(() => document.querySelector('#pt-nn-results .token')?.textContent === 'Ġqueen');
  assert.deepEqual(problems, { consoleErrors: [], pageErrors: [], foreignRequests: [] });
  await context.close();
});

test('the weights worker gets the page\'s compiled full module: the module is fetched once', async () => {
  const { page, context, problems } = await openPage();
  const fetched = [];
  page.on('request', (r) => { if (/\/embplay_module(_nosimd)?\.wasm$/.test(new URL(r.url()).pathname)) fetched.push(r.url()); });
  // GPT-2's ids need the full module: the page compiles it now, before any weights are opened.
  await page.getByLabel('Tokenizer mode').selectOption('gpt2');
  await page.waitForFunction(() => /^\d+ GPT-2 tokens/.test(document.querySelector('#tokens-summary').textContent), null, { timeout: 60000 });
  assert.equal(fetched.length, 1, 'the page fetched the full module for GPT-2');
  await page.setInputFiles('#pt-file', join(dir, 'gpt2-f16.safetensors'));
  await page.waitForSelector('#pt-nn-results li');
  assert.equal(await firstNeighbour(page), 'Ġqueen');
  assert.equal(fetched.length, 1, `the full module's requests: ${fetched.join(' ')}`);
  assert.deepEqual(problems, { consoleErrors: [], pageErrors: [], foreignRequests: [] });
  await context.close();
});
