// The 3-D PCA view in headless Chromium: chosen before training it is drawn live while the
// English preset trains; the note gives three explained-variance shares (decreasing, summing
// to at most 100 %, PC1 and PC2 as in 2-D); it turns by itself until touched, a drag turns it
// by the distance dragged (not a pan, not a click) and the arrow keys by 10 degrees; the angles
// and the method go to the URL hash; hover names the word under the pointer, a click selects
// it, neighbours and analogy words stay labelled; 2-D and t-SNE still work after it. A link
// restores the method and the angles (Korean UI, reduced motion: no auto-rotation); bad
// angles in a link are ignored; on a 360 px phone screen a one-finger drag turns it. The
// worker's frame times during the rotation are reported (tests/bench/projection_3d_bench.mjs
// measures them for 500 points).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { openSession, assertClean } from './browser.mjs';

let session;
before(async () => { session = await openSession(); });
after(async () => { await session?.close(); });

const canvasOf = (page) => page.locator('#train-plot canvas');
const angles = async (page) => (await canvasOf(page).getAttribute('data-rotation')).split(',').map(Number);
const liveAngles = (page) => canvasOf(page).evaluate((c) => c.plot.orbit.angles());
const wrapDegrees = (d) => ((d + 540) % 360) - 180;

async function openPage(hash = '', options = {}) {
  const handle = await session.newPage(options);
  await handle.page.goto(`${session.url}${hash}`);
  await handle.page.waitForSelector('#tokens .tok');
  return handle;
}

// Records every frame the plot receives: its number of dimensions and the progress then.
function recordFrames(page) {
  return canvasOf(page).evaluate((c) => {
    const plot = c.plot;
    const setCoords = plot.setCoords.bind(plot);
    window.__frames = [];
    plot.setCoords = (coords, rows, dims, explained) => {
      window.__frames.push({ dims, progress: document.querySelector('#train-progress').getAttribute('aria-valuenow') });
      setCoords(coords, rows, dims, explained);
    };
  });
}

async function train(page) {
  await page.locator('#train-start').scrollIntoViewIfNeeded();
  await page.locator('#train-start').click();
  await page.waitForFunction(() => document.querySelector('#train-progress').getAttribute('aria-valuenow') === '100' &&
    document.querySelector('#train-progress').dataset.ms, null, { timeout: 60000, polling: 100 });
}

async function plotPng(page) {
  return canvasOf(page).evaluate(async (c) => Array.from(new Uint8Array(await (await c.plot.toPng()).arrayBuffer())));
}

// A plotted word whose point is the one picked at its own centre (no nearer point covers it).
function visibleWord(page, preferred) {
  return canvasOf(page).evaluate((c, wanted) => {
    const plot = c.plot;
    const r = c.getBoundingClientRect();
    for (const w of [wanted, ...plot.words.slice(0, 60)]) {
      const at = plot.screenPosition(w);
      if (at && plot.nearest({ clientX: r.left + at.x, clientY: r.top + at.y }).index === plot.words.indexOf(w)) return { word: w, ...at };
    }
    return null;
  }, preferred);
}

const percentile = (values, p) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(p * values.length))];

test('PCA 3-D on the English preset: live, explained variance, rotation, hover and click, then 2-D and t-SNE', async (t) => {
  const { page, problems } = await openPage();
  const canvas = canvasOf(page);
  await page.locator('#train-projection').selectOption('pca3');
  // Frames come every 200 ms; on a fast machine the preset's 5 epochs take ~0.2 s, so train
  // 30 epochs to see the plot move while it learns, whatever the machine's speed.
  await page.locator('#train-epochs').fill('30');
  await recordFrames(page);
  await page.mouse.move(0, 0);
  await train(page);
  await page.waitForFunction(() => document.querySelector('#train-plot-note').dataset.method === 'pca3');
  const frames = await page.evaluate(() => window.__frames);
  const live = frames.filter((f) => f.dims === 3 && Number(f.progress) < 100);
  assert.ok(live.length >= 2, `3-D frames during training: ${JSON.stringify(frames)}`);
  assert.ok(frames.every((f) => f.dims === 3), 'every frame is 3-D');
  assert.equal(await canvas.getAttribute('data-dims'), '3');
  assert.match(await canvas.getAttribute('aria-label'), /first three principal components/);

  // Three shares of the variance, largest first, summing to at most 100 %.
  const note = await page.locator('#train-plot-note').textContent();
  const m = /PC1 explains ([\d.]+)% of the variance, PC2 ([\d.]+)%, PC3 ([\d.]+)% \(together ([\d.]+)%\)/.exec(note);
  assert.ok(m, note);
  const [pc1, pc2, pc3, together] = m.slice(1).map(Number);
  assert.ok(pc1 >= pc2 && pc2 >= pc3 && pc3 > 0, note);
  assert.ok(together <= 100 && Math.abs(pc1 + pc2 + pc3 - together) <= 0.15, note);
  const labels = (await canvas.getAttribute('data-labels')).split(' ');
  assert.ok(labels.length >= 10, `labels: ${labels}`);

  // Until touched it turns by itself, redrawing all the time (in the plot worker).
  await canvas.scrollIntoViewIfNeeded();
  const before = await liveAngles(page);
  await page.waitForTimeout(1500);
  const later = await liveAngles(page);
  assert.ok(Math.abs(later.yaw - before.yaw) > 0.05, `auto-rotation: ${before.yaw} -> ${later.yaw}`);
  const all = await canvas.evaluate((c) => c.plot.frameTimes());
  const spinFrames = all.filter((f) => f.at > all.at(-1).at - 1000);
  assert.ok(spinFrames.length >= 30, `${spinFrames.length} frames drawn in the last second of auto-rotation`);
  const intervals = spinFrames.slice(1).map((f, i) => f.at - spinFrames[i].at);
  const draws = spinFrames.map((f) => f.ms);
  t.diagnostic(`auto-rotation, ${await canvas.getAttribute('data-points')} points: frame interval median ${percentile(intervals, 0.5).toFixed(1)} ms, p95 ${percentile(intervals, 0.95).toFixed(1)} ms; drawing median ${percentile(draws, 0.5).toFixed(2)} ms, p95 ${percentile(draws, 0.95).toFixed(2)} ms`);
  assert.ok(percentile(draws, 0.5) < 16, 'drawing a frame takes less than a 60 Hz frame');
  const png3d = await plotPng(page);

  // A drag turns it by the distance dragged: 0.01 rad per pixel; no pan, no selection.
  const box = await canvas.boundingBox();
  await page.mouse.move(box.x + 30, box.y + 30);
  await page.waitForTimeout(100);
  const [yaw0, pitch0] = await angles(page);
  const stopped = await liveAngles(page);
  await page.waitForTimeout(300);
  assert.equal((await liveAngles(page)).yaw, stopped.yaw, 'the pointer over the plot stops the auto-rotation');
  const wordBefore = await page.locator('#nn-word').inputValue();
  await page.mouse.down();
  for (let i = 1; i <= 10; i++) await page.mouse.move(box.x + 30 + 10 * i, box.y + 30 + 3 * i);
  await page.mouse.up();
  const [yaw1, pitch1] = await angles(page);
  assert.ok(Math.abs(wrapDegrees(yaw1 - yaw0) - 57) <= 2, `yaw ${yaw0} -> ${yaw1}`);
  assert.ok(Math.abs(pitch1 - pitch0 - 17) <= 2, `pitch ${pitch0} -> ${pitch1}`);
  assert.deepEqual(await canvas.evaluate((c) => c.plot.view), { scale: 1, x: 0, y: 0 }, 'a 3-D drag does not pan');
  assert.equal(await page.locator('#nn-word').inputValue(), wordBefore, 'a drag is not a click');
  assert.notDeepEqual(await plotPng(page), png3d, 'the turned plot is drawn anew');

  // The arrow keys turn it by 10 degrees; the method and the angles go to the URL hash.
  await canvas.focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowDown');
  const [yaw2, pitch2] = await angles(page);
  assert.equal(wrapDegrees(yaw2 - yaw1), 10);
  assert.equal(pitch2 - pitch1, 10);
  await page.waitForFunction((r) => new URLSearchParams(location.hash.slice(1)).get('train-rotation') === r, `${yaw2},${pitch2}`);
  assert.equal(await page.evaluate(() => new URLSearchParams(location.hash.slice(1)).get('train-projection')), 'pca3');

  // With Shift, a drag pans the 3-D view as in 2-D and leaves the angles alone.
  await page.keyboard.down('Shift');
  await page.mouse.move(box.x + 30, box.y + 30);
  await page.mouse.down();
  await page.mouse.move(box.x + 50, box.y + 20, { steps: 4 });
  await page.mouse.up();
  await page.keyboard.up('Shift');
  assert.deepEqual(await canvas.evaluate((c) => [c.plot.view.x, c.plot.view.y]), [20, -10], 'Shift-drag pans');
  assert.deepEqual(await angles(page), [yaw2, pitch2]);

  // Hover names the word under the pointer; a click selects it; its neighbours are labelled.
  const target = await visibleWord(page, 'king');
  assert.ok(target, 'a word not covered by a nearer point');
  await page.mouse.move(box.x + target.x, box.y + target.y);
  await page.waitForFunction((w) => document.querySelector('.plot-tooltip').textContent.startsWith(`${w} · count `) &&
    / · near: \S+ /.test(document.querySelector('.plot-tooltip').textContent), target.word);
  await page.mouse.down();
  await page.mouse.up();
  await page.waitForFunction((w) => document.querySelector('#nn-word').value === w && document.querySelectorAll('#nn-results li').length === 10, target.word);
  const near = await page.locator('#nn-results .result-word').allTextContents();
  await page.waitForFunction((words) => words.every((w) => document.querySelector('#train-plot canvas').dataset.labels.split(' ').includes(w)), [target.word, ...near]);
  await page.locator('#an-go').click();
  await page.waitForFunction(() => document.querySelector('#an-results .result-word')?.textContent === 'queen');
  await page.waitForFunction(() => ['man', 'king', 'woman', 'queen'].every((w) => document.querySelector('#train-plot canvas').dataset.labels.split(' ').includes(w)));

  // Back to 2-D: the same PC1 and PC2 shares; a drag pans again and leaves the angles alone.
  await page.locator('#train-projection').selectOption('pca');
  await page.waitForFunction(() => document.querySelector('#train-plot canvas').dataset.dims === '2' && document.querySelector('#train-plot-note').dataset.method === 'pca');
  const note2 = await page.locator('#train-plot-note').textContent();
  assert.match(note2, new RegExp(`PC1 explains ${pc1.toFixed(1)}% of the variance, PC2 ${pc2.toFixed(1)}%\\.$`));
  assert.notDeepEqual(await plotPng(page), png3d);
  await canvas.scrollIntoViewIfNeeded();
  const box2 = await canvas.boundingBox();
  await page.mouse.move(box2.x + 30, box2.y + 30);
  await page.mouse.down();
  await page.mouse.move(box2.x + 80, box2.y + 40, { steps: 5 });
  await page.mouse.up();
  assert.deepEqual(await canvas.evaluate((c) => [c.plot.view.x, c.plot.view.y]), [20 + 50, -10 + 10], '2-D drag pans');
  assert.deepEqual(await angles(page), [yaw2, pitch2]);

  // t-SNE still works, and 3-D comes back with the chosen angles.
  await page.locator('#train-projection').selectOption('tsne');
  await page.waitForFunction(() => document.querySelector('#train-plot-note').dataset.done === 'tsne', null, { timeout: 60000, polling: 100 });
  assert.equal(await canvas.getAttribute('data-dims'), '2');
  await page.locator('#train-projection').selectOption('pca3');
  await page.waitForFunction(() => document.querySelector('#train-plot canvas').dataset.dims === '3');
  assert.deepEqual(await angles(page), [yaw2, pitch2]);
  assertClean(problems);
});

test('a link restores 3-D and its angles (Korean, reduced motion); bad angles are ignored', async () => {
  const { page, problems } = await openPage('#lang=ko&train-projection=pca3&train-rotation=30,-15', { reducedMotion: 'reduce' });
  assert.equal(await page.locator('#train-projection').inputValue(), 'pca3');
  assert.equal(await page.locator('#train-projection option[value="pca3"]').textContent(), 'PCA 3차원 (학습 중 실시간)');
  assert.equal(await page.locator('#train-source').inputValue(), 'ko');
  assert.deepEqual(await angles(page), [30, -15]);
  await page.mouse.move(0, 0);
  await train(page);
  await page.waitForFunction(() => document.querySelector('#train-plot-note').dataset.method === 'pca3');
  assert.match(await page.locator('#train-plot-note').textContent(), /PC1이 분산의 [\d.]+%, PC2가 [\d.]+%, PC3이 [\d.]+%를 설명합니다 \(합계 [\d.]+%\)/);
  const first = await liveAngles(page);
  await page.waitForTimeout(600);
  assert.deepEqual(await liveAngles(page), first, 'a restored view does not turn by itself');
  assert.deepEqual(await angles(page), [30, -15]);
  assertClean(problems);

  // Bad angles: the default view; with reduced motion it stays still.
  const other = await openPage('#train-projection=pca3&train-rotation=sideways', { reducedMotion: 'reduce' });
  assert.equal(await other.page.locator('#train-rotation').inputValue(), '');
  const defaults = await angles(other.page);
  assert.equal(defaults.length, 2);
  assert.ok(defaults.every(Number.isFinite));
  await other.page.mouse.move(0, 0);
  await train(other.page);
  await other.page.waitForFunction(() => document.querySelector('#train-plot canvas').dataset.dims === '3');
  const still = await liveAngles(other.page);
  await other.page.waitForTimeout(600);
  assert.deepEqual(await liveAngles(other.page), still, 'reduced motion: no auto-rotation');
  assert.deepEqual(await angles(other.page), defaults);
  assertClean(other.problems);
});

test('on a phone-sized screen a one-finger drag turns the 3-D view', async () => {
  const { page, context, problems } = await openPage('#train-projection=pca3', { viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });
  await train(page);
  const canvas = canvasOf(page);
  await page.waitForFunction(() => document.querySelector('#train-plot canvas').dataset.dims === '3');
  await canvas.scrollIntoViewIfNeeded();
  const box = await canvas.boundingBox();
  assert.ok(box.width <= 360, `plot ${box.width} px wide`);
  const cdp = await context.newCDPSession(page);
  const finger = (x, y) => [{ x: box.x + x, y: box.y + y, id: 1 }];
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: finger(40, 60) });
  await page.waitForTimeout(50);
  const [yaw0, pitch0] = await angles(page); // the touch stopped the auto-rotation here
  for (let i = 1; i <= 8; i++) await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: finger(40 + 10 * i, 60 + 5 * i) });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  const [yaw1, pitch1] = await angles(page);
  assert.ok(Math.abs(wrapDegrees(yaw1 - yaw0) - 46) <= 2, `yaw ${yaw0} -> ${yaw1}`); // 80 px x 0.01 rad
  assert.ok(Math.abs(pitch1 - pitch0 - 23) <= 2, `pitch ${pitch0} -> ${pitch1}`); // 40 px
  assert.deepEqual(await canvas.evaluate((c) => c.plot.view), { scale: 1, x: 0, y: 0 }, 'no pan');
  assertClean(problems);
});
