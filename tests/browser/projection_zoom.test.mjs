// Zoom and pan of the projection plot (web/app/projection-plot.js) in headless Chromium, on the
// English preset once trained: the wheel zooms about the pointer (the word under it stays under
// it, the distances between labelled words grow by the zoom factor, and the plot worker's labels
// follow the new view); a drag pans by the dragged amount without selecting a word; the keys
// (+, −, 0 and the arrows on the focused plot, named in its accessible description and in the
// visible hint) zoom and pan; the Reset view button returns to the fitted view; hover after
// zooming and panning still finds the word under the pointer.
// Positions come from the plot's own read-only hooks: canvas.plot.screenPosition(word) and
// data-view="x,y,scale"; the labels drawn by the worker from data-labels.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { openSession } from './browser.mjs';

let session;
let page;
let context;
let problems;
let canvas;

before(async () => {
  session = await openSession();
  ({ page, context, problems } = await session.newPage());
  await page.goto(session.url);
  await page.waitForSelector('#tokens .tok');
  await page.locator('#train-start').scrollIntoViewIfNeeded();
  await page.locator('#train-start').click();
  await page.waitForFunction(() => document.querySelector('#train-progress').getAttribute('aria-valuenow') === '100' &&
    /Done/.test(document.querySelector('#train-stats').textContent), null, { timeout: 60000, polling: 250 });
  canvas = page.locator('#train-plot canvas');
  await canvas.scrollIntoViewIfNeeded();
  await page.waitForTimeout(600); // the last projection has glided into place
});

after(async () => {
  await context?.close();
  await session?.close();
});

const WORDS = ['king', 'queen', 'man', 'woman', 'dog', 'dogs', 'cat', 'cats', 'paris', 'france'];

async function positions(words = WORDS) {
  return canvas.evaluate((c, ws) => Object.fromEntries(ws.map((w) => [w, c.plot.screenPosition(w)])), words);
}

async function view() {
  const [x, y, scale] = (await canvas.getAttribute('data-view')).split(',').map(Number);
  return { x, y, scale };
}

async function labels() {
  return (await canvas.getAttribute('data-labels')).split(' ').filter(Boolean);
}

async function box() {
  const b = await canvas.boundingBox();
  const size = await canvas.evaluate((c) => c.plot.size);
  return { ...b, width: size.width, height: size.height };
}

async function reset() {
  await page.getByRole('button', { name: 'Reset view' }).click();
  assert.deepEqual(await view(), { x: 0, y: 0, scale: 1 });
  await page.mouse.move(0, 0);
}

const close = (a, b, tolerance, what) => assert.ok(Math.abs(a - b) <= tolerance, `${what}: ${a} vs ${b}`);
const distance = (p, q) => Math.hypot(p.x - q.x, p.y - q.y);

test('the words the test uses are plotted', async () => {
  const p = await positions();
  for (const w of WORDS) assert.ok(p[w], `${w} is plotted`);
  assert.ok((await labels()).length >= 10);
});

test('the wheel zooms about the pointer: the word under it stays, label spacing grows, the labels follow', async () => {
  await reset();
  const b = await box();
  const before = await positions();
  const labelledBefore = await labels();
  const at = before.king;
  // The point the page zooms about is where the wheel event lands (the driver may round the pointer
  // to whole pixels and the canvas may sit at a fractional offset): record it.
  await canvas.evaluate((c) => c.addEventListener('wheel', (e) => {
    const r = c.getBoundingClientRect();
    c.dataset.wheelAt = `${e.clientX - r.left},${e.clientY - r.top}`;
  }, { once: true, capture: true }));
  await page.mouse.move(b.x + at.x, b.y + at.y);
  await page.mouse.wheel(0, -400); // zoom in: factor exp(400 × 0.0015) ≈ 1.82
  await page.waitForFunction(() => Number(document.querySelector('#train-plot canvas').dataset.view.split(',')[2]) > 1.5);
  const { scale } = await view();
  close(scale, Math.exp(0.6), 0.02, 'zoom factor');
  const [px, py] = (await canvas.getAttribute('data-wheel-at')).split(',').map(Number);
  close(px, at.x, 1.5, 'the pointer is on king (x)');
  close(py, at.y, 1.5, 'the pointer is on king (y)');
  const afterZoom = await positions();
  // Zooming about the pointer p moves king from k to p + (k − p)·scale: it stays under the pointer.
  close(afterZoom.king.x, px + (at.x - px) * scale, 0.5, 'king stays under the pointer (x)');
  close(afterZoom.king.y, py + (at.y - py) * scale, 0.5, 'king stays under the pointer (y)');
  for (const [i, w] of WORDS.entries()) {
    for (const v of WORDS.slice(i + 1)) {
      const d0 = distance(before[w], before[v]);
      if (d0 < 1) continue;
      close(distance(afterZoom[w], afterZoom[v]) / d0, scale, 1e-3 * scale, `spacing ${w}–${v}`);
    }
  }
  // Zoomed in far about one word, the worker labels only words still on the plot.
  await page.mouse.wheel(0, -800);
  await page.waitForFunction(() => Number(document.querySelector('#train-plot canvas').dataset.view.split(',')[2]) > 5);
  await page.waitForFunction((was) => document.querySelector('#train-plot canvas').dataset.labels !== was, labelledBefore.join(' '));
  const labelled = await labels();
  const p = await positions(labelled);
  for (const w of labelled) {
    assert.ok(p[w].x > -250 && p[w].x < b.width && p[w].y > -8 && p[w].y < b.height + 8, `${w} labelled but drawn off the plot at ${JSON.stringify(p[w])}`);
  }
  const gone = labelledBefore.filter((w) => !labelled.includes(w));
  assert.ok(gone.length > 0, 'some labels left the zoomed view');
});

test('a drag pans by the dragged amount and selects nothing', async () => {
  await reset();
  const b = await box();
  const before = await positions();
  const word = await page.locator('#nn-word').inputValue();
  const start = { x: b.x + 30, y: b.y + b.height - 30 };
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move(start.x + 35, start.y - 20, { steps: 3 });
  await page.mouse.move(start.x + 70, start.y - 45, { steps: 3 });
  await page.mouse.up();
  assert.deepEqual(await view(), { x: 70, y: -45, scale: 1 });
  const after = await positions();
  for (const w of WORDS) {
    close(after[w].x - before[w].x, 70, 0.01, `${w} moved right`);
    close(after[w].y - before[w].y, -45, 0.01, `${w} moved up`);
  }
  assert.equal(await page.locator('#nn-word').inputValue(), word, 'a drag is not a click');
});

test('keys on the focused plot: arrows pan, + and − zoom about the centre, 0 resets; named and hinted', async () => {
  await reset();
  assert.ok((await canvas.getAttribute('aria-label')).length > 10, 'the plot has an accessible name');
  assert.match(await canvas.getAttribute('aria-keyshortcuts'), /\+ - 0 ArrowLeft ArrowRight ArrowUp ArrowDown/);
  const help = page.locator(`#${await canvas.getAttribute('aria-describedby')}`);
  assert.ok(await help.isVisible(), 'the hint is visible');
  assert.match(await help.textContent(), /\+ and − to zoom.*arrow keys to pan.*press 0 or use Reset view/);

  const fitted = await positions();
  const b = await box();
  await canvas.focus();
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowUp');
  assert.deepEqual(await view(), { x: 20, y: 20, scale: 1 });
  let p = await positions();
  close(p.queen.x - fitted.queen.x, 20, 0.01, 'ArrowLeft moves the points right');
  close(p.queen.y - fitted.queen.y, 20, 0.01, 'ArrowUp moves the points down');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowDown');
  assert.deepEqual(await view(), { x: -20, y: 0, scale: 1 });

  const before = await positions();
  const centre = { x: b.width / 2 - 20, y: b.height / 2 }; // the pan moves the zoom's centre with it
  await page.keyboard.press('+');
  close((await view()).scale, 1.2, 1e-4, '+ zooms in');
  p = await positions();
  for (const w of WORDS) {
    close(p[w].x - centre.x, 1.2 * (before[w].x - centre.x), 0.01, `${w} x after +`);
    close(p[w].y - centre.y, 1.2 * (before[w].y - centre.y), 0.01, `${w} y after +`);
  }
  await page.keyboard.press('-');
  await page.keyboard.press('-');
  close((await view()).scale, 1 / 1.2, 1e-4, '− zooms out');
  p = await positions();
  close(p.dog.x - centre.x, (before.dog.x - centre.x) / 1.2, 0.01, 'dog x after −');

  await page.keyboard.press('0');
  assert.deepEqual(await view(), { x: 0, y: 0, scale: 1 });
  assert.deepEqual(await positions(), fitted);
});

test('Reset view returns to the fitted view, labels included', async () => {
  await reset();
  const fitted = await positions();
  await page.waitForTimeout(300);
  const fittedLabels = await labels();
  const b = await box();
  await page.mouse.move(b.x + b.width / 3, b.y + b.height / 3);
  await page.mouse.wheel(0, -900);
  await canvas.focus();
  await page.keyboard.press('ArrowDown');
  await page.waitForFunction((was) => document.querySelector('#train-plot canvas').dataset.labels !== was, fittedLabels.join(' '));
  assert.notDeepEqual(await positions(), fitted);
  await page.getByRole('button', { name: 'Reset view' }).click();
  assert.deepEqual(await view(), { x: 0, y: 0, scale: 1 });
  assert.deepEqual(await positions(), fitted);
  await page.waitForFunction((was) => document.querySelector('#train-plot canvas').dataset.labels === was, fittedLabels.join(' '));
});

test('hover after zooming and panning finds the word under the pointer', async () => {
  await reset();
  const b = await box();
  const fitted = await positions(['queen']);
  await page.mouse.move(b.x + fitted.queen.x + 40, b.y + fitted.queen.y + 30);
  await page.mouse.wheel(0, -500);
  await page.waitForFunction(() => Number(document.querySelector('#train-plot canvas').dataset.view.split(',')[2]) > 2);
  await canvas.focus();
  await page.keyboard.press('ArrowRight');
  const zoomed = await view();
  assert.ok(zoomed.scale > 2 && zoomed.x !== 0, JSON.stringify(zoomed));
  const p = await positions();
  const inside = WORDS.filter((w) => p[w].x > 15 && p[w].x < b.width - 15 && p[w].y > 15 && p[w].y < b.height - 15);
  assert.ok(inside.includes('queen'), `queen is on the zoomed plot: ${JSON.stringify(p.queen)}`);
  for (const w of inside) {
    // Another word within 3 px would make the pick ambiguous; none of these is that close when zoomed.
    if (WORDS.some((v) => v !== w && distance(p[v], p[w]) < 3)) continue;
    await page.mouse.move(b.x + p[w].x + 1, b.y + p[w].y - 1);
    await page.waitForFunction((word) => {
      const tip = document.querySelector('.plot-tooltip');
      return !tip.hidden && tip.textContent.startsWith(`${word} · count`);
    }, w, { timeout: 5000 });
  }
  assert.deepEqual(problems.pageErrors, [], 'page errors');
  assert.deepEqual(problems.consoleErrors, [], 'console errors');
  assert.deepEqual(problems.foreignRequests, [], 'requests outside the page origin');
});
