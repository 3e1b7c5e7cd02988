// Whole words and subwords side by side (section 9, issue 12) in headless Chromium: on the
// Korean corpus with particles attached, one keyboard press trains both models; the left column
// says the unseen form 왕과 is not in the vocabulary, the right one lists neighbours built from
// its n-grams; both answer the analogy; the table gives every pair of forms in both models
// (none on the left for 왕과). Asking again without training, Cancel, bad settings, the Korean
// UI, focus, axe (light and dark) and a link restoring the questions are checked too; no
// console errors.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { openSession } from './browser.mjs';

const require = createRequire(new URL('../../web/package.json', import.meta.url));
const AXE = require.resolve('axe-core/axe.min.js');

let session;
before(async () => { session = await openSession(); });
after(async () => { await session?.close(); });

async function openPage(options) {
  const handle = await session.newPage(options);
  await handle.page.goto(session.url);
  await handle.page.waitForSelector('#tokens .tok');
  return handle;
}

const done = (page) => page.waitForFunction(() => !document.querySelector('#cmp-ask').disabled &&
  document.querySelector('#cmp-table-body tr'), null, { timeout: 90000, polling: 100 });

const texts = (page, selector) => page.locator(selector).allTextContents();

async function seriousViolations(page) {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    const { violations } = await window.axe.run(document.querySelector('#ask'), { resultTypes: ['violations'] });
    return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join('; ')}`);
  });
}

test('Korean with particles attached: the unseen 왕과 in two columns, the analogy and the forms table', async () => {
  const { page, problems } = await openPage();
  await page.locator('#train-source').selectOption('ko-attached');
  assert.equal(await page.locator('#cmp-word').inputValue(), '왕과');
  assert.equal(await page.locator('#cmp-forms').inputValue(), '왕은 왕을 왕이 왕과');
  // By keyboard: focus the button, press Enter; focus moves to Cancel while both train, then back.
  await page.locator('#cmp-go').focus();
  await page.keyboard.press('Enter');
  await done(page);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'cmp-go');
  assert.match(await page.locator('#cmp-status').textContent(), /Both trained on the built-in Korean corpus with particles attached/);
  for (const side of ['whole', 'sub']) assert.equal(await page.locator(`#cmp-${side}-progress`).getAttribute('aria-valuenow'), '100');

  // Left: whole words have no row for 왕과, and say so; right: neighbours from its n-grams, royal forms first.
  assert.match(await page.locator('#cmp-whole-nn-note').textContent(), /“왕과” is not in the vocabulary: whole words have no vector/);
  assert.equal(await page.locator('#cmp-whole-nn li').count(), 0);
  assert.match(await page.locator('#cmp-sub-nn-note').textContent(), /“왕과” is not in the vocabulary: its vector is built from its 6 n-grams/);
  const right = await texts(page, '#cmp-sub-nn .result-word');
  assert.equal(right.length, 5);
  assert.ok(right.slice(0, 3).some((w) => w.startsWith('왕') || w.startsWith('여왕')), right.join(' '));
  assert.match(await page.locator('#cmp-sub-info').textContent(), /n-grams of 2–4 characters/);

  // The analogy, in both: 왕은 − 남자는 + 여자는 = 여왕은, the corpus's queen.
  for (const side of ['whole', 'sub']) {
    assert.equal(await page.locator(`#cmp-${side}-an-heading`).textContent(), '남자는 : 왕은 :: 여자는 : ?');
    assert.equal((await texts(page, `#cmp-${side}-an .result-word`))[0], '여왕은', side);
  }

  // The table: 6 pairs of 4 forms and the mean of the 3 both models have; 왕과 has no vector on the left.
  const rows = await page.locator('#cmp-table-body tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent)));
  assert.equal(rows.length, 7);
  for (const [pair, whole, sub] of rows.slice(0, 6)) {
    assert.ok(Number.isFinite(Number(sub)) && Math.abs(Number(sub)) <= 1, `${pair}: ${sub}`);
    if (pair.includes('왕과')) assert.equal(whole, 'not in the vocabulary', pair);
    else assert.ok(Number.isFinite(Number(whole)) && Math.abs(Number(whole)) <= 1, `${pair}: ${whole}`);
  }
  assert.match(rows[6][0], /mean of the 3 pairs/);
  // The subword model's 왕은 · 왕과 similarity (the page's cosine) is the score 왕은 has among 왕과's
  // neighbours (the core's): 왕은 shares <왕 and 왕 with 왕과, so it is listed.
  const scores = Object.fromEntries((await page.locator('#cmp-sub-nn li').evaluateAll((lis) => lis.map((li) => [
    li.querySelector('.result-word').textContent, li.querySelector('.result-score').textContent]))));
  assert.ok(scores['왕은'], Object.keys(scores).join(' '));
  assert.equal(rows.find(([pair]) => pair === '왕은 · 왕과')[2], scores['왕은']);

  // Ask again without training: another unseen form, the answer comes from the same models.
  await page.locator('#cmp-word').fill('왕에게');
  await page.locator('#cmp-ask').click();
  await page.waitForFunction(() => /왕에게/.test(document.querySelector('#cmp-sub-nn-heading').textContent));
  assert.match(await page.locator('#cmp-whole-nn-note').textContent(), /“왕에게” is not in the vocabulary/);
  assert.equal(await page.locator('#cmp-sub-nn li').count(), 5);

  // The Korean UI redraws the columns and the table in Korean.
  await page.locator('#lang').selectOption('ko');
  assert.equal(await page.locator('#cmp-whole-heading').textContent(), '통째 단어');
  assert.match(await page.locator('#cmp-whole-nn-note').textContent(), /“왕에게”은\(는\) 어휘에 없습니다/);
  assert.match(await page.locator('#cmp-status').textContent(), /두 모델 학습 완료/);
  assert.ok((await texts(page, '#cmp-table-body td')).includes('어휘에 없음'));
  assert.deepEqual(await seriousViolations(page), []);
  assert.deepEqual(problems.pageErrors, []);
  assert.deepEqual(problems.consoleErrors, []);
  await page.close();
});

test('Cancel stops both, bad settings give a message, the page stays usable; axe in dark', async () => {
  const { page, problems } = await openPage({ colorScheme: 'dark' });
  await page.locator('#train-source').selectOption('ko-attached');
  await page.locator('#train-epochs').fill('100'); // long enough to cancel
  await page.locator('#cmp-go').click();
  await page.waitForFunction(() => Number(document.querySelector('#cmp-sub-progress').getAttribute('aria-valuenow')) > 0, null, { timeout: 60000 });
  assert.equal(await page.evaluate(() => document.activeElement.id), 'cmp-cancel');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => /Cancelled/.test(document.querySelector('#cmp-status').textContent));
  assert.equal(await page.evaluate(() => document.activeElement.id), 'cmp-go');
  assert.equal(await page.locator('#cmp-ask').isDisabled(), true);
  assert.equal(await page.locator('#cmp-table').isHidden(), true);
  // The main section is still usable meanwhile and after: it trains on its own worker.
  await page.locator('#train-epochs').fill('5');
  await page.locator('#train-minn').fill('5');
  await page.locator('#train-maxn').fill('4');
  await page.locator('#cmp-go').click();
  await page.waitForSelector('#cmp-error:not([hidden])');
  assert.match(await page.locator('#cmp-error').textContent(), /minn/);
  await page.locator('#train-minn').fill('2');
  await page.locator('#cmp-go').click();
  await done(page);
  assert.ok(await page.locator('#cmp-error').isHidden());
  assert.equal(await page.locator('#cmp-sub-nn li').count(), 5);
  assert.deepEqual(await seriousViolations(page), []);
  assert.deepEqual(problems.pageErrors, []);
  assert.deepEqual(problems.consoleErrors, []);
  await page.close();
});

test('a link restores the questions of the comparison and the architecture; both columns train skip-gram', async () => {
  const { page, problems } = await session.newPage();
  await page.goto(`${session.url}#train-source=ko-attached&train-arch=skipgram&cmp-word=${encodeURIComponent('왕에게')}&cmp-forms=${encodeURIComponent('왕은 왕에게')}`);
  await page.waitForSelector('#tokens .tok');
  // The sample text (shown as tokens) arrived after the link was restored: the linked corpus stays.
  assert.equal(await page.locator('#train-source').inputValue(), 'ko-attached');
  assert.equal(await page.locator('#cmp-word').inputValue(), '왕에게');
  await page.locator('#cmp-go').click();
  await done(page);
  for (const side of ['whole', 'sub']) assert.match(await page.locator(`#cmp-${side}-info`).textContent(), /^Skip-gram: /);
  assert.match(await page.locator('#cmp-whole-nn-note').textContent(), /“왕에게” is not in the vocabulary/);
  assert.equal(await page.locator('#cmp-sub-nn li').count(), 5);
  // Two forms, one pair: no mean row.
  assert.equal(await page.locator('#cmp-table-body tr').count(), 1);
  assert.deepEqual(problems.pageErrors, []);
  await page.close();
});
