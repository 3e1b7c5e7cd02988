// Section 6 of the page (positional encodings, issue 5) in headless Chromium: the pos x dim
// heatmap renders with a legend and ticks, sliders and inputs change it, the hover readout shows
// the value of a known cell (checked against the formula computed here), the similarity and the
// sentence views, bad input shows a message while the page stays usable, Korean strings, and no
// console errors.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { openSession, assertClean } from './browser.mjs';

const require = createRequire(new URL('../../web/package.json', import.meta.url));

let session;
let rdbu;
before(async () => {
  session = await openSession();
  // The colour scale the page uses, loaded here independently to check painted pixels.
  ({ interpolateRdBu: rdbu } = await import(require.resolve('d3-scale-chromatic')));
});
after(async () => { await session?.close(); });

const renders = (page) => page.evaluate(() => Number(document.getElementById('pe').dataset.peRenders ?? 0));

/** Runs `action` and waits until the section has finished a complete render after it. */
async function rendered(page, action) {
  const before = await renders(page);
  await action();
  await page.waitForFunction((n) => Number(document.getElementById('pe').dataset.peRenders ?? 0) > n, before, { timeout: 30000 });
}

async function openPe(options) {
  const handle = await session.newPage(options);
  const { page } = handle;
  await page.goto(session.url);
  await page.waitForSelector('#tokens .tok');
  await page.locator('#pe').scrollIntoViewIfNeeded(); // the section loads its module when near the viewport
  await page.waitForFunction(() => Number(document.getElementById('pe').dataset.peRenders ?? 0) > 0, null, { timeout: 60000 });
  return handle;
}

const field = (page, name) => page.getByLabel(name, { exact: true });

async function setValue(page, name, value) {
  await rendered(page, () => field(page, name).fill(String(value)));
}

/** Canvas pixels of a heatmap: size, distinct colours, a hash, and a pixel reader. */
async function canvasInfo(page, selector, probe = []) {
  return page.evaluate(({ selector, probe }) => {
    const c = document.querySelector(selector);
    const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    const colors = new Set();
    let hash = 0;
    for (let i = 0; i < data.length; i += 4) {
      colors.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
      hash = (Math.imul(hash, 31) + data[i] + 7 * data[i + 1] + 13 * data[i + 2]) | 0;
    }
    const pixels = probe.map(([x, y]) => Array.from(data.slice((y * c.width + x) * 4, (y * c.width + x) * 4 + 3)));
    return { width: c.width, height: c.height, distinct: colors.size, hash, pixels };
  }, { selector, probe });
}

function rgb(css) {
  return css.match(/\d+/g).slice(0, 3).map(Number);
}

/** The page's colour for value v in [-1, 1]: RdBu sampled at 256 steps, blue for -1, red for +1. */
function expectedColor(v) {
  const k = Math.max(0, Math.min(255, Math.round((v + 1) * 127.5)));
  return rgb(rdbu(1 - k / 255));
}

/** Hovers cell (row, col) of the heatmap in `container` and returns the readout line. */
async function hoverCell(page, container, row, col, rows, cols) {
  const canvas = page.locator(`${container} canvas.cells`);
  const readout = page.locator(`${container} .readout`);
  for (let attempt = 0; ; attempt++) {
    await canvas.scrollIntoViewIfNeeded();
    const box = await canvas.boundingBox();
    await page.mouse.move(box.x + ((col + 0.5) / cols) * box.width, box.y + ((row + 0.5) / rows) * box.height);
    const text = await readout.textContent();
    // Layout above the canvas may still move (scrolling, the text analysed in the worker): then
    // the pointer missed it and the readout is empty; measure again.
    if (text || attempt === 3) return text;
    await page.mouse.move(0, 0);
  }
}

/** The last number of a readout ("... = 0.12345"). */
const lastNumber = (text) => Number(text.trim().split(/\s*=\s*/).pop());

/** PE(pos, col) from the paper's formula, in double. */
function formula(pos, col, dModel, base = 10000, layout = 'interleaved') {
  const sines = Math.ceil(dModel / 2);
  const [pair, isSine] = layout === 'split' ? (col < sines ? [col, true] : [col - sines, false]) : [Math.floor(col / 2), col % 2 === 0];
  const arg = pos / base ** ((2 * pair) / dModel);
  return isSine ? Math.sin(arg) : Math.cos(arg);
}

test('the pos x dim heatmap renders: varied pixels in the right colours, legend, ticks, the layout named', async () => {
  const { page, context, problems } = await openPe();
  const d = Number(await field(page, 'd_model of the position table').inputValue());
  const n = Number(await field(page, 'max_len (positions)').inputValue());
  // One pixel per cell at the default size: (x = column, y = position).
  const info = await canvasInfo(page, '#pe-table canvas.cells', [[0, 0], [1, 0], [0, 7], [5, 3]]);
  assert.equal(info.width, d);
  assert.equal(info.height, n);
  assert.ok(info.distinct > 100, `${info.distinct} distinct colours`);
  assert.deepEqual(info.pixels[0], expectedColor(0), 'PE(0, 0) = sin 0 = 0: the middle colour');
  assert.deepEqual(info.pixels[1], expectedColor(1), 'PE(0, 1) = cos 0 = 1: the red end');
  assert.deepEqual(info.pixels[2], expectedColor(formula(7, 0, d)), 'PE(7, 0) = sin 7');
  assert.deepEqual(info.pixels[3], expectedColor(formula(3, 5, d)), 'PE(3, 5)');
  // Legend with its ticks, axis ticks on both axes, axis names.
  assert.ok(await page.locator('#pe-table .legend canvas').isVisible());
  const legend = await page.locator('#pe-table .legend').textContent();
  for (const t of ['PE value', '\u22121', '0', '0.5', '1']) assert.ok(legend.includes(t), `legend "${legend}" has ${t}`);
  const xTicks = await page.locator('#pe-table .x-ticks span').allTextContents();
  const yTicks = await page.locator('#pe-table .y-ticks span').allTextContents();
  assert.equal(xTicks[0], '0');
  assert.equal(xTicks.at(-1), String(d - 1));
  assert.equal(yTicks.at(-1), String(n - 1));
  assert.equal(await page.locator('#pe-table .x-name').textContent(), 'dimension (column)');
  assert.match(await page.locator('#pe-layout-name').textContent(), /Layout shown: interleaved — column 2i is sin, column 2i\+1 is cos/);
  // The other views are there too.
  assert.ok((await canvasInfo(page, '#pe-similarity canvas.cells')).distinct > 20);
  assert.equal(await page.locator('#pe-curves .series-legend li').count(), 4);
  assert.match(await page.locator('#pe-status').textContent(), /\d ms/);
  assertClean(problems);
  await context.close();
});

test('sliders and inputs change the heatmap (d_model, max_len, base, layout, learned)', async () => {
  const { page, context, problems } = await openPe();
  const table = '#pe-table canvas.cells';
  let last = await canvasInfo(page, table);
  const changed = async (what) => {
    const now = await canvasInfo(page, table);
    assert.notEqual(now.hash, last.hash, `${what} changed the pixels`);
    assert.ok(now.distinct > 10, `${what}: ${now.distinct} colours`);
    last = now;
    return now;
  };
  await rendered(page, () => field(page, 'd_model slider').fill('64'));
  assert.equal((await changed('the d_model slider')).width, 64);
  assert.equal(await field(page, 'd_model of the position table').inputValue(), '64');
  await rendered(page, () => field(page, 'max_len slider').fill('100'));
  assert.equal((await changed('the max_len slider')).height, 100);
  await rendered(page, () => field(page, 'base slider (logarithmic)').fill('2'));
  await changed('the base slider');
  assert.equal(await field(page, 'base of the frequencies').inputValue(), '100');
  await setValue(page, 'base of the frequencies', 12345);
  await changed('typing a base');
  await rendered(page, () => page.getByLabel('Layout', { exact: true }).selectOption('split'));
  await changed('the split layout');
  assert.match(await page.locator('#pe-layout-name').textContent(), /Layout shown: split — columns 0–31 are the sines/);
  await rendered(page, () => page.getByLabel('Position table', { exact: true }).selectOption('learned'));
  await changed('the learned table');
  assert.match(await page.locator('#pe-layout-name').textContent(), /Learned table before training/);
  const learned = (await hoverCell(page, '#pe-table', 3, 2, 100, 64)).match(/^pos 3 · column 2 · learned value (-?[\d.e-]+) \(random, no formula\)$/);
  assert.ok(learned && Math.abs(Number(learned[1])) <= Math.sqrt(3) * 0.02, `learned readout ${learned}`);
  // The learned similarity has no diagonal structure: off-diagonal cosines near 0.
  assert.match(await page.locator('#pe-sim-note').textContent(), /unrelated random vectors/);
  assertClean(problems);
  await context.close();
});

test('the hover readout shows position, pair, column, the formula with numbers and the right value', async () => {
  const { page, context, problems } = await openPe();
  await setValue(page, 'd_model of the position table', 16);
  await setValue(page, 'max_len (positions)', 32);
  const text = await hoverCell(page, '#pe-table', 5, 3, 32, 16);
  assert.match(text, /^pos 5 · i 1 · column 3 \(cos\) · PE\(5, 3\) = cos\(pos \/ 10000\^\(2i\/d\)\) = cos\(5 \/ 10000\^\(2\/16\)\) = cos\(5 \/ 3\.1623\) = cos\(1\.5811\) = /);
  const expected = formula(5, 3, 16);
  assert.ok(Math.abs(lastNumber(text) - expected) < 1e-5, `${lastNumber(text)} vs cos(5 / 10000^(2/16)) = ${expected}`);

  // The same readout from the keyboard: arrows move from cell (0, 0).
  await page.mouse.move(0, 0);
  await page.locator('#pe-table canvas.cells').focus();
  for (const key of ['ArrowDown', 'ArrowDown', 'ArrowRight']) await page.keyboard.press(key);
  const keyed = await page.locator('#pe-table .readout').textContent();
  assert.match(keyed, /^pos 2 · i 0 · column 1 \(cos\) · PE\(2, 1\) = cos\(pos/);
  assert.ok(Math.abs(lastNumber(keyed) - Math.cos(2)) < 1e-5, keyed);

  await rendered(page, () => page.getByLabel('Layout', { exact: true }).selectOption('split'));
  await setValue(page, 'base of the frequencies', 100);
  const split = await hoverCell(page, '#pe-table', 20, 3, 32, 16);
  assert.match(split, /^pos 20 · i 3 · column 3 \(sin\) · PE\(20, 3\) = sin\(pos \/ 100\^\(2i\/d\)\) = sin\(20 \/ 100\^\(6\/16\)\)/);
  assert.ok(Math.abs(lastNumber(split) - formula(20, 3, 16, 100, 'split')) < 1e-5, split);
  const cosine = await hoverCell(page, '#pe-table', 20, 11, 32, 16);
  assert.match(cosine, /· i 3 · column 11 \(cos\)/);
  assert.ok(Math.abs(lastNumber(cosine) - formula(20, 11, 16, 100, 'split')) < 1e-5, cosine);

  // The similarity readout: cosine of PE(p) and PE(q) = mean of cos((p - q) w_i) for even d_model.
  const sim = await hoverCell(page, '#pe-similarity', 4, 9, 32, 32);
  assert.match(sim, /^pos 4 vs pos 9 · distance 5 · cosine /);
  let expectedSim = 0;
  for (let i = 0; i < 8; i++) expectedSim += Math.cos(5 / 100 ** ((2 * i) / 16)) / 8;
  assert.ok(Math.abs(Number(sim.split(' ').pop()) - expectedSim) < 1e-5, `${sim} vs ${expectedSim}`);
  assertClean(problems);
  await context.close();
});

test('curves: chosen columns, clicking the heatmap adds one, bad columns show a message', async () => {
  const { page, context, problems } = await openPe();
  await setValue(page, 'd_model of the position table', 32);
  await setValue(page, 'Columns to plot', '0, 1, 31');
  const wavelength31 = Math.round(2 * Math.PI * 10000 ** (30 / 32)); // 4 significant digits of 35333.1
  assert.deepEqual(await page.locator('#pe-curves .series-legend li').allTextContents(),
    ['column 0: sin, i = 0, wavelength 6.283', 'column 1: cos, i = 0, wavelength 6.283', `column 31: cos, i = 15, wavelength ${wavelength31}`]);
  await page.locator('#pe-table canvas.cells').scrollIntoViewIfNeeded();
  const box = await page.locator('#pe-table canvas.cells').boundingBox();
  await rendered(page, () => page.mouse.click(box.x + (4.5 / 32) * box.width, box.y + 10));
  assert.equal(await field(page, 'Columns to plot').inputValue(), '0, 1, 31, 4');
  const chart = await page.evaluate(() => {
    const c = document.querySelector('#pe-curves canvas');
    const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let inked = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i] > 0) inked++;
    return inked;
  });
  assert.ok(chart > 2000, `the curves drew ${chart} pixels`);
  await field(page, 'Columns to plot').fill('2, 99');
  await page.waitForSelector('#pe-dims-error:not([hidden])');
  assert.equal(await page.locator('#pe-dims-error').textContent(), 'Columns must be whole numbers from 0 to 31 (got "99").');
  await setValue(page, 'Columns to plot', '');
  assert.equal(await page.locator('#pe-dims-error').isHidden(), true);
  assertClean(problems);
  await context.close();
});

test('the user\'s text: token rows, position rows and their sum as three aligned heatmaps', async () => {
  const { page, context, problems } = await openPe();
  await page.getByLabel('Text', { exact: true }).fill('the cat saw the cat'); // analysed in the worker, then shown here
  await page.waitForFunction(() => document.querySelectorAll('#pe-sentence .row-labels span').length === 5);
  assert.deepEqual(await page.locator('#pe-sentence .row-labels span').allTextContents(), ['the', 'cat', 'saw', 'the', 'cat']);
  const heights = await page.locator('#pe-sentence canvas.cells').evaluateAll((cs) => cs.map((c) => [c.height, c.getBoundingClientRect().height]));
  assert.equal(heights.length, 3);
  for (const h of heights) assert.deepEqual(h, heights[0], 'the three heatmaps are aligned');
  assert.equal(heights[0][0], 5);
  const d = 16; // section 2's d_model
  assert.match(await page.locator('#pe-sentence .pe-sentence-note').textContent(), /first 5 tokens .* d_model 16\): x_t = 4 · E\[token_t\] \+ P\[t\]/);
  const pe = await hoverCell(page, '#pe-sentence .pe-sentence-pe', 3, 1, 5, d);
  assert.ok(Math.abs(lastNumber(pe) - Math.cos(3)) < 1e-5, `P[3][1] = cos 3: ${pe}`);
  const sum = await hoverCell(page, '#pe-sentence .pe-sentence-sum', 3, 1, 5, d);
  const m = sum.match(/^"the" · pos 3 · column 1 · x = s·E \+ P = (-?[\d.e-]+) \+ (-?[\d.e-]+) = (-?[\d.e-]+)$/);
  assert.ok(m, sum);
  assert.ok(Math.abs(Number(m[2]) - Math.cos(3)) < 1e-5);
  assert.ok(Math.abs(Number(m[1]) + Number(m[2]) - Number(m[3])) < 1e-5, sum);
  // Same token at positions 0 and 3: equal embedding rows, different inputs.
  const emb0 = await hoverCell(page, '#pe-sentence .pe-sentence-emb', 0, 1, 5, d);
  assert.equal(lastNumber(emb0), Number(m[1]));
  // Fewer positions than tokens: a message instead of the rows.
  await setValue(page, 'max_len (positions)', 3);
  assert.match(await page.locator('#pe-sentence .pe-sentence-note').textContent(), /shows 5 tokens but max_len is 3/);
  assertClean(problems);
  await context.close();
});

test('bad input shows a clear message, keeps the last picture, and the page stays usable', async () => {
  const { page, context, problems } = await openPe();
  const table = '#pe-table canvas.cells';
  const before = await canvasInfo(page, table);
  const bad = [
    ['d_model of the position table', '0', 'd_model must be a whole number from 1 to 1024 (got "0").'],
    ['d_model of the position table', '-3', 'd_model must be a whole number from 1 to 1024 (got "-3").'],
    ['d_model of the position table', '100000', 'd_model must be a whole number from 1 to 1024 (got "100000").'],
    ['max_len (positions)', '0', 'max_len must be a whole number from 1 to 2048 (got "0").'],
    ['max_len (positions)', '10000000', 'max_len must be a whole number from 1 to 2048 (got "10000000").'],
    ['base of the frequencies', '1', 'base must be a finite number greater than 1 (got 1).'],
    ['base of the frequencies', '0.5', 'base must be a finite number greater than 1 (got 0.5).'],
    ['base of the frequencies', '', 'base must be a finite number greater than 1 (got "").'],
  ];
  for (const [name, value, message] of bad) {
    const good = await field(page, name).inputValue();
    await field(page, name).fill(value);
    await page.waitForSelector('#pe-error:not([hidden])');
    assert.equal(await page.locator('#pe-error').textContent(), message);
    assert.equal(await page.locator('#pe-error').getAttribute('role'), 'alert');
    assert.equal((await canvasInfo(page, table)).hash, before.hash, 'the last good picture stays');
    await setValue(page, name, good);
    assert.equal(await page.locator('#pe-error').isHidden(), true, `fixing ${name} clears the message`);
  }
  // Still works: a new size renders.
  await setValue(page, 'd_model of the position table', 40);
  assert.equal((await canvasInfo(page, table)).width, 40);
  // The rest of the page is untouched and usable.
  await page.getByLabel('Text', { exact: true }).fill('still working');
  await page.waitForFunction(() => document.querySelectorAll('#tokens .tok').length === 2);
  assertClean(problems);
  await context.close();
});

test('Korean strings for the section, its readout and its messages', async () => {
  const { page, context, problems } = await openPe({ locale: 'ko-KR' });
  assert.equal(await page.locator('#pe-heading').textContent(), '6. 위치 인코딩');
  assert.match(await page.locator('#pe-layout-name').textContent(), /^표시한 배치: 교차/);
  assert.equal(await page.locator('#pe-table .legend-name').textContent(), 'PE 값');
  await setValue(page, '위치 표의 d_model', 8);
  await setValue(page, 'max_len (위치 수)', 8);
  assert.match(await hoverCell(page, '#pe-table', 2, 1, 8, 8), /^pos 2 · i 0 · 1열 \(cos\) · PE\(2, 1\) = cos/);
  await field(page, '위치 표의 d_model').fill('0');
  await page.waitForSelector('#pe-error:not([hidden])');
  assert.equal(await page.locator('#pe-error').textContent(), 'd_model은(는) 1부터 1024까지의 정수여야 합니다 (입력: "0").');
  // Switching back to English re-labels everything, including the message on the next input.
  await page.locator('#lang').selectOption('en');
  assert.equal(await page.locator('#pe-heading').textContent(), '6. Positional encoding');
  assert.equal(await page.locator('#pe-error').textContent(), 'd_model must be a whole number from 1 to 1024 (got "0").');
  assertClean(problems);
  await context.close();
});
