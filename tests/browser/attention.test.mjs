// Section 7 of the page (attention, issue 11) and <attention-view> in headless Chromium: the
// section paints scores and weights with token labels for the sample text and its hover formula
// is consistent with the core's weight; the shuffle experiment reports exactly 0 without positions
// and more with them; the same-word readout; small multiples per head and a message for heads
// that do not divide d_model; empty text and one token; keyboard-only operation with the focus
// kept; the settings in the link; the widget in Shadow DOM on a 360 px page, bad attributes
// (default + one warning), and the iframe route.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { distDir, openSession, assertClean } from './browser.mjs';

// dist/ at /site/, next to the widget test pages.
const hostRoot = mkdtempSync(join(tmpdir(), 'embplay-attn-'));
symlinkSync(distDir, join(hostRoot, 'site'), 'dir');

function writePage(name, body) {
  writeFileSync(join(hostRoot, name), `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="data:,">
<script type="module" src="/site/embedding-playground.js"></script></head><body style="margin:8px">${body}</body></html>`);
}

let session;
before(async () => { session = await openSession(hostRoot); });
after(async () => {
  await session?.close();
  rmSync(hostRoot, { recursive: true, force: true });
});

const renders = (page) => page.evaluate(() => Number(document.getElementById('attn').dataset.attnRenders ?? 0));

/** Runs `action` and waits until the section has painted a render started after it. */
async function rendered(page, action) {
  const before = await renders(page);
  await action();
  await page.waitForFunction((n) => Number(document.getElementById('attn').dataset.attnRenders ?? 0) > n, before, { timeout: 60000 });
  // A render already under way when the action came is followed by one with the new settings.
  await page.waitForTimeout(50);
  await page.waitForFunction(() => !document.getElementById('attn').classList.contains('busy'), null, { timeout: 60000 });
}

async function openSection(hash = '') {
  const handle = await session.newPage();
  const { page } = handle;
  await page.goto(`${session.url}site/index.html${hash}`);
  await page.waitForSelector('#tokens .tok');
  await page.locator('#attn').scrollIntoViewIfNeeded(); // the section computes once it is near the viewport
  await page.waitForFunction(() => Number(document.getElementById('attn').dataset.attnRenders ?? 0) > 0, null, { timeout: 60000 });
  return handle;
}

/** Types `text` into section 1 and waits for the attention of its tokens. */
async function setText(page, text, count) {
  await rendered(page, async () => {
    await page.fill('#text', text);
    await page.waitForFunction((n) => document.getElementById('attn-note').textContent.includes(`first ${n} of ${n} tokens`), count, { timeout: 30000 });
  });
}

async function canvasStats(page, selector) {
  return page.evaluate((selector) => [...document.querySelectorAll(selector)].map((c) => {
    const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    const colors = new Set();
    for (let i = 0; i < data.length; i += 4) colors.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
    return { width: c.width, height: c.height, distinct: colors.size };
  }), selector);
}

const labels = (page, selector) => page.evaluate((s) => [...document.querySelectorAll(s)].map((e) => e.textContent), selector);

/** Hovers cell (row, col) of the first map in `container`; returns the readout. */
async function hoverCell(page, container, row, col, n) {
  const canvas = page.locator(`${container} canvas.cells`).first();
  const readout = page.locator(`${container} .readout`).first();
  for (let attempt = 0; ; attempt++) {
    await canvas.scrollIntoViewIfNeeded();
    const box = await canvas.boundingBox();
    await page.mouse.move(box.x + ((col + 0.5) / n) * box.width, box.y + ((row + 0.5) / n) * box.height);
    const text = await readout.textContent();
    if (text || attempt === 3) return text;
  }
}

test('the section paints scores and weights of the sample text with token labels, and the hover formula adds up', async () => {
  const { page, context, problems } = await openSection();
  const tokens = await labels(page, '#tokens .tok');
  const note = await page.locator('#attn-note').textContent();
  assert.match(note, new RegExp(`^Attention over the first ${tokens.length} of ${tokens.length} tokens of your text, d_model 16\\.`));
  for (const id of ['attn-scores', 'attn-weights']) {
    const maps = await canvasStats(page, `#${id} canvas.cells`);
    assert.equal(maps.length, 1, `${id}: one head by default`);
    assert.ok(maps[0].distinct > 20, `${id}: painted (${maps[0].distinct} colours)`);
    const rows = await labels(page, `#${id} .row-labels span`);
    const cols = await labels(page, `#${id} .x-ticks span`);
    assert.ok(rows.length >= 3 && cols.length >= 3, `labels on both axes: ${rows.length} rows, ${cols.length} columns`);
    assert.ok(rows.every((t) => tokens.includes(t)) && cols.every((t) => tokens.includes(t)), 'the labels are tokens of the text');
    assert.ok(await page.locator(`#${id} .legend-ticks span`).count() >= 3, 'a legend with ticks');
  }
  const n = tokens.length;
  const readout = await hoverCell(page, '#attn-weights', 2, 5, n);
  assert.ok(readout.startsWith(`query "${tokens[2]}" (2) → key "${tokens[5]}" (5) · score = q·k / √16 = `), readout);
  // weight = exp(s - max) / Σ = e / sum = w: the printed numbers agree with the core's weight.
  const m = /= ([\d.e-]+) \/ ([\d.e-]+) = ([\d.e-]+)$/.exec(readout);
  assert.ok(m, readout);
  assert.ok(Math.abs(Number(m[1]) / Number(m[2]) - Number(m[3])) < 1e-3 * Number(m[3]) + 1e-6, readout);
  // The section reports where the work ran and how long painting took.
  assert.match(await page.locator('#attn-status').textContent(), /^Computed in [\d.]+ ms \(in the core's worker/);
  assertClean(problems);
  await context.close();
});

test('the shuffle experiment: exactly zero without positions, not zero with them; Restore keeps the focus', async () => {
  const { page, context, problems } = await openSection();
  await rendered(page, () => page.selectOption('#attn-positions', 'none'));
  await rendered(page, () => page.click('#attn-shuffle'));
  assert.equal(await page.locator('#attn-shuffle').textContent(), 'Shuffle again');
  const result = page.locator('.attn-shuffle-result');
  assert.equal(await result.getAttribute('data-max-diff'), '0');
  assert.match(await result.textContent(), /^Largest absolute difference of the weights: 0 — exactly zero/);
  const maps = await canvasStats(page, '#attn-shuffle-figure canvas.cells');
  assert.equal(maps.length, 3, 'original, shuffled put back, difference');
  assert.equal(maps[2].distinct, 1, 'the difference map is one colour');
  const first = await page.locator('.attn-shuffled-text').textContent();
  await rendered(page, () => page.click('#attn-shuffle'));
  assert.notEqual(await page.locator('.attn-shuffled-text').textContent(), first, 'Shuffle again draws another order');
  assert.equal(await result.getAttribute('data-max-diff'), '0');

  for (const positions of ['sinusoidal', 'learned']) {
    await rendered(page, () => page.selectOption('#attn-positions', positions));
    const diff = Number(await result.getAttribute('data-max-diff'));
    assert.ok(diff > 1e-4, `${positions}: difference ${diff}`);
    assert.match(await result.textContent(), /not zero: the position vectors stayed in place/);
    assert.ok((await canvasStats(page, '#attn-shuffle-figure canvas.cells'))[2].distinct > 5, 'the difference shows');
  }
  await page.focus('#attn-restore');
  await rendered(page, () => page.keyboard.press('Enter'));
  assert.equal(await page.locator('#attn-shuffle-figure').isVisible(), false);
  assert.equal(await page.locator('#attn-restore').isDisabled(), true);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'attn-shuffle', 'the focus moved to a live button');
  assert.equal(await page.locator('#attn-shuffle').textContent(), 'Shuffle the words');
  assertClean(problems);
  await context.close();
});

test('same word, two positions: identical rows without positions, different with them', async () => {
  const { page, context, problems } = await openSection();
  await setText(page, 'the cat saw the dog', 5);
  const same = page.locator('#attn-same');
  await rendered(page, () => page.selectOption('#attn-positions', 'none'));
  assert.equal(await same.getAttribute('data-max-diff'), '0');
  assert.match(await same.textContent(), /^"the" occurs at positions 0 and 3\. .* at most 0: identical/);
  await rendered(page, () => page.selectOption('#attn-positions', 'sinusoidal'));
  assert.ok(Number(await same.getAttribute('data-max-diff')) > 1e-4);
  assert.match(await same.textContent(), /they differ — its position vector/);
  await setText(page, 'one two three', 3);
  assert.match(await same.textContent(), /^No word occurs twice/);
  assertClean(problems);
  await context.close();
});

test('heads as small multiples; heads that do not divide d_model give a message and the page stays usable', async () => {
  const { page, context, problems } = await openSection();
  await rendered(page, () => page.fill('#attn-heads', '4'));
  assert.equal((await canvasStats(page, '#attn-scores canvas.cells')).length, 4);
  assert.equal((await canvasStats(page, '#attn-weights canvas.cells')).length, 4);
  assert.deepEqual(await labels(page, '#attn-weights figcaption'), [1, 2, 3, 4].map((h) => `head ${h} of 4: weights`));
  const readout = await hoverCell(page, '#attn-weights', 1, 1, (await labels(page, '#tokens .tok')).length);
  assert.match(readout, /^head 1 · query .* score = q·k \/ √4 = /, 'd_k = 16 / 4');
  await page.fill('#attn-heads', '3');
  await page.waitForSelector('#attn-error:not([hidden])');
  assert.match(await page.locator('#attn-error').textContent(), /heads \(3\) must divide d_model \(16\)/);
  await rendered(page, () => page.fill('#attn-heads', '2'));
  assert.equal(await page.locator('#attn-error').isVisible(), false);
  assert.equal((await canvasStats(page, '#attn-weights canvas.cells')).length, 2);
  await page.fill('#attn-heads', '');
  await page.waitForSelector('#attn-error:not([hidden])');
  assert.match(await page.locator('#attn-error').textContent(), /^Heads must be a whole number from 1 to 64/);
  await rendered(page, () => page.fill('#attn-heads', '1'));
  // A causal mask: masked scores are grey, and the readout says so.
  await rendered(page, () => page.check('#attn-causal'));
  const masked = await hoverCell(page, '#attn-scores', 0, 3, (await labels(page, '#tokens .tok')).length);
  assert.match(masked, /masked: the key comes after the query; score -∞, weight 0$/);
  assertClean(problems);
  await context.close();
});

test('empty text says what to do; one token works; d_model is shared with section 2', async () => {
  const { page, context, problems } = await openSection();
  await page.fill('#text', '');
  await page.waitForFunction(() => document.getElementById('attn-note').textContent.startsWith('Type some text in section 1'));
  assert.equal(await page.locator('#attn-figures').isVisible(), false);
  await setText(page, 'hello', 1);
  const maps = await canvasStats(page, '#attn-weights canvas.cells');
  assert.deepEqual([maps[0].width, maps[0].height], [1, 1]);
  assert.match(await hoverCell(page, '#attn-weights', 0, 0, 1), / = 1$/, 'one token attends only to itself');
  await rendered(page, async () => {
    await page.fill('#attn-d-model', '32');
    await page.dispatchEvent('#attn-d-model', 'change');
  });
  assert.equal(await page.inputValue('#d-model'), '32', 'section 2 follows');
  assert.match(await page.locator('#attn-note').textContent(), /d_model 32\.$/);
  // Longer than the limit: the first 512 tokens, and the section says so.
  await rendered(page, async () => {
    await page.fill('#text', Array.from({ length: 600 }, (_, i) => `w${i % 50}`).join(' '));
    await page.waitForFunction(() => document.getElementById('attn-note').textContent.includes('of 600 tokens'), null, { timeout: 30000 });
  });
  assert.equal(await page.locator('#attn-note').textContent(),
    'Attention over the first 512 of 600 tokens of your text, d_model 32. Longer texts are cut at 512 tokens (8 heads of 512 × 512 scores and weights are already 16 MB).');
  assert.equal((await canvasStats(page, '#attn-weights canvas.cells'))[0].height > 1, true);
  assertClean(problems);
  await context.close();
});

test('keyboard only: the controls, Shuffle and the heatmap readout, with the focus never lost', async () => {
  const { page, context, problems } = await openSection();
  await page.focus('#attn-positions'); // as if reached with Tab
  await rendered(page, () => page.keyboard.press('End'));
  assert.equal(await page.inputValue('#attn-positions'), 'none');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'attn-proj');
  await rendered(page, () => page.keyboard.press('ArrowDown'));
  assert.equal(await page.inputValue('#attn-proj'), 'random');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'attn-heads');
  await rendered(page, () => page.keyboard.press('ArrowUp'));
  assert.equal(await page.inputValue('#attn-heads'), '2');
  await page.keyboard.press('Tab'); // d_model
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'attn-scale');
  await rendered(page, () => page.keyboard.press('Space'));
  assert.equal(await page.isChecked('#attn-scale'), false);
  await page.keyboard.press('Tab');
  await rendered(page, () => page.keyboard.press('Space'));
  assert.equal(await page.isChecked('#attn-causal'), true);
  // Tab reaches the first map; arrow keys move the readout cell.
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.closest('#attn-scores') !== null && document.activeElement.tagName), 'CANVAS');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowRight');
  assert.match(await page.locator('#attn-scores .readout').first().textContent(), /^head 1 · query ".*" \(1\) → key ".*" \(1\) · score = q·k = /);
  await page.focus('#attn-shuffle');
  await rendered(page, () => page.keyboard.press('Enter'));
  assert.equal(await page.evaluate(() => document.activeElement.id), 'attn-shuffle');
  assert.equal(await page.locator('#attn-shuffle-figure').isVisible(), true);
  assertClean(problems);
  await context.close();
});

test('the settings go into the link and come back from it', async () => {
  const { page, context, problems } = await openSection();
  await rendered(page, () => page.selectOption('#attn-positions', 'learned'));
  await rendered(page, () => page.check('#attn-causal'));
  await page.waitForFunction(() => location.hash.includes('attn-positions=learned') && location.hash.includes('attn-causal=1'));
  const hash = await page.evaluate(() => location.hash);
  await context.close();
  const again = await openSection(hash);
  assert.equal(await again.page.inputValue('#attn-positions'), 'learned');
  assert.equal(await again.page.isChecked('#attn-causal'), true);
  assertClean(problems);
  assertClean(again.problems);
  await again.context.close();
});

test('Korean strings; text contrast WCAG AA (4.5:1) in light and dark', async () => {
  const { page, context, problems } = await openSection();
  await rendered(page, () => page.selectOption('#lang', 'ko'));
  assert.equal(await page.locator('#attn-heading').textContent(), '7. 어텐션은 입력으로 무엇을 하는가');
  assert.match(await page.locator('#attn-note').textContent(), /^텍스트의 토큰 \d+개 중 처음 \d+개에 대한 어텐션/);
  assert.equal(await page.locator('#attn-shuffle').textContent(), '단어 섞기');
  await rendered(page, () => page.click('#attn-shuffle'));
  await rendered(page, () => page.selectOption('#attn-positions', 'none'));
  assert.match(await page.locator('.attn-shuffle-result').textContent(), /^가중치의 최대 절댓값 차이: 0 — 정확히 0/);
  for (const theme of ['light', 'dark']) {
    await page.selectOption('#theme', theme);
    const worst = await page.evaluate(() => {
      const rgb = (c) => (c.match(/[\d.]+/g) || []).map(Number);
      const lum = ([r, g, b]) => {
        const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
        return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
      };
      const background = (el) => {
        for (let e = el; e; e = e.parentElement) {
          const c = rgb(getComputedStyle(e).backgroundColor);
          if (c.length === 3 || c[3] > 0) return c.slice(0, 3);
        }
        return [255, 255, 255];
      };
      let min = { ratio: Infinity, checked: 0 };
      const walker = document.createTreeWalker(document.getElementById('attn'), NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const el = n.parentElement;
        if (!n.textContent.trim() || !el.checkVisibility() || el.closest('button:disabled')) continue;
        const a = lum(rgb(getComputedStyle(el).color).slice(0, 3));
        const b = lum(background(el));
        const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
        min.checked++;
        if (ratio < min.ratio) min = { ratio, text: n.textContent.slice(0, 40), cls: el.className, checked: min.checked };
      }
      return min;
    });
    assert.ok(worst.checked > 30, `${theme}: ${worst.checked} texts checked`);
    assert.ok(worst.ratio >= 4.5, `${theme}: ${JSON.stringify(worst)}`);
  }
  assertClean(problems);
  await context.close();
});

const widgetRendered = (page, more = 0) => page.waitForFunction(
  (more) => (document.querySelector('attention-view')?.renderCount ?? 0) > more, more, { timeout: 60000 });
const inWidget = (page, fn, arg) => page.evaluate(({ fn, arg }) => {
  const root = document.querySelector('attention-view').shadowRoot;
  return new Function('root', 'arg', `return (${fn})(root, arg);`)(root, arg);
}, { fn: fn.toString(), arg });

test('<attention-view> renders in Shadow DOM on a 360 px page; the experiment follows its attributes', async () => {
  writePage('widget.html', '<p>A post.</p><attention-view shuffle positions="none" heads="2">The cat sat on the mat because the cat was tired.</attention-view>');
  const { page, context, problems } = await session.newPage({ viewport: { width: 360, height: 800 } });
  await page.goto(`${session.url}widget.html`);
  await widgetRendered(page);
  const info = await inWidget(page, (root) => ({
    maps: [...root.querySelectorAll('.attn-heads canvas.cells')].map((c) => c.width),
    same: root.querySelector('.attn-same').dataset.maxDiff,
    diff: root.querySelector('.attn-shuffle-result').dataset.maxDiff,
    rows: [...root.querySelector('.attn-heads .row-labels').children].map((s) => s.textContent),
    error: root.querySelector('.error').textContent,
  }));
  assert.equal(info.maps.length, 2, 'two heads');
  assert.deepEqual(info.rows, ['The', 'cat', 'sat', 'on', 'the', 'mat', 'because', 'the', 'cat', 'was', 'tired', '.']);
  assert.equal(info.same, '0');
  assert.equal(info.diff, '0');
  assert.equal(info.error, '');
  assert.equal(await page.evaluate(() => document.querySelector('attention-view').shadowRoot.mode), 'open');
  assert.equal(await page.locator('canvas').count() > 0, true, 'canvases pierce-located in the shadow root');
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth) <= 360, 'no horizontal overflow at 360 px');
  const count = await page.evaluate(() => document.querySelector('attention-view').renderCount);
  await page.evaluate(() => document.querySelector('attention-view').setAttribute('positions', 'sinusoidal'));
  await widgetRendered(page, count);
  const diff = Number(await inWidget(page, (root) => root.querySelector('.attn-shuffle-result').dataset.maxDiff));
  assert.ok(diff > 1e-4, `with positions: ${diff}`);
  assertClean(problems);
  await context.close();
});

test('<attention-view>: bad attributes give the default and one warning; heads not dividing d-model a message', async () => {
  writePage('bad.html', '<attention-view heads="x" positions="circular" d-model="-1" text="a b a"></attention-view>');
  const { page, context, problems } = await session.newPage();
  const warnings = [];
  page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  await page.goto(`${session.url}bad.html`);
  await widgetRendered(page);
  assert.ok(warnings.includes('<attention-view>: heads must be a whole number from 1 to 64 (got "x"); using 1.'), warnings.join(' | '));
  assert.ok(warnings.includes('<attention-view>: positions must be one of sinusoidal, learned, none (got "circular"); using "sinusoidal".'), warnings.join(' | '));
  assert.equal(warnings.filter((w) => w.startsWith('<attention-view>: d-model ')).length, 1);
  assert.equal(await inWidget(page, (root) => root.querySelectorAll('.attn-heads canvas.cells').length), 1);
  const count = await page.evaluate(() => document.querySelector('attention-view').renderCount);
  await page.evaluate(() => document.querySelector('attention-view').setAttribute('heads', '3'));
  await widgetRendered(page, count);
  assert.match(await inWidget(page, (root) => root.querySelector('.error').textContent), /heads \(3\) must divide d_model \(16\)/);
  assertClean(problems);
  await context.close();
});

test('the iframe route: embed.html#view=attention', async () => {
  const { page, context, problems } = await session.newPage();
  await page.goto(`${session.url}site/embed.html#view=attention&positions=none&shuffle=1&heads=4&d=32&text=${encodeURIComponent('the cat saw the dog')}`);
  await widgetRendered(page);
  const info = await inWidget(page, (root) => ({
    maps: root.querySelectorAll('.attn-heads canvas.cells').length,
    diff: root.querySelector('.attn-shuffle-result').dataset.maxDiff,
    caption: [...root.querySelectorAll('.caption')].pop().textContent,
  }));
  assert.equal(info.maps, 4);
  assert.equal(info.diff, '0');
  assert.match(info.caption, /d_model 32, 4 heads/);
  // Korean by the route's lang.
  await page.evaluate(() => { location.hash = '#view=attention&lang=ko&text=' + encodeURIComponent('왕은 궁전에 산다'); });
  await widgetRendered(page);
  assert.match(await inWidget(page, (root) => [...root.querySelectorAll('.caption')].pop().textContent), /^문장의 단어 토큰에 대한 셀프 어텐션 \(d_model 16, 헤드 1개/);
  assert.deepEqual(await inWidget(page, (root) => [...root.querySelector('.attn-heads .row-labels').children].map((e) => e.textContent)), ['왕은', '궁전에', '산다']);
  assertClean(problems);
  await context.close();
});
