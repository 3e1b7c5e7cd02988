// Accessibility, checked with axe-core (issue 14) in headless Chromium: the page in English and
// Korean, light and dark, before and after training; the example blog post light and dark; the
// embed docs page. No serious or critical violation may remain (minor/moderate are printed).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { openSession } from './browser.mjs';

const require = createRequire(new URL('../../web/package.json', import.meta.url));
const AXE = require.resolve('axe-core/axe.min.js');

let session;
before(async () => { session = await openSession(); });
after(async () => { await session?.close(); });

/** Runs axe on the page; returns the violations as short lines, serious and critical ones apart. */
async function audit(page, t, what) {
  await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () => {
    const { violations } = await window.axe.run(document, { resultTypes: ['violations'] });
    return violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help,
      targets: v.nodes.slice(0, 4).map((n) => `${n.target.join(' ')}${n.any[0]?.message ? ` (${n.any[0].message})` : ''}`) }));
  });
  const line = (v) => `${v.impact} ${v.id}: ${v.help} — ${v.targets.join('; ')}`;
  for (const v of violations) t.diagnostic(`${what}: ${line(v)}`);
  t.diagnostic(`${what}: ${violations.length} violation(s) of any impact`);
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map(line);
}

async function train(page) {
  await page.locator('#train-start').scrollIntoViewIfNeeded();
  await page.locator('#train-start').click();
  await page.waitForFunction(() => document.querySelector('#train-progress').dataset.ms &&
    document.querySelector('#train-progress').getAttribute('aria-valuenow') === '100', null, { timeout: 60000, polling: 250 });
  await page.locator('#an-go').click();
  await page.waitForSelector('#an-results li');
}

for (const lang of ['en', 'ko']) {
  for (const scheme of ['light', 'dark']) {
    test(`axe: the page in ${lang}, ${scheme}, before and after training`, async (t) => {
      const { page, context } = await session.newPage({ colorScheme: scheme, locale: lang === 'ko' ? 'ko-KR' : 'en-US' });
      await page.goto(session.url);
      await page.waitForSelector('#tokens .tok');
      assert.equal(await page.evaluate(() => document.documentElement.lang), lang);
      assert.deepEqual(await audit(page, t, `${lang} ${scheme} before training`), []);
      await train(page);
      assert.deepEqual(await audit(page, t, `${lang} ${scheme} after training`), []);
      await context.close();
    });
  }
}

test('axe: the example blog post, light and dark (its own switch), and the embed docs page', async (t) => {
  const { page, context } = await session.newPage();
  await page.goto(`${session.url}examples/blog-post.html`);
  await page.waitForFunction(() => document.querySelector('token-view')?.renderCount > 0);
  await page.locator('pe-heatmap').scrollIntoViewIfNeeded();
  await page.waitForFunction(() => document.querySelector('pe-heatmap')?.renderCount > 0);
  assert.deepEqual(await audit(page, t, 'blog post, light'), []);
  await page.getByRole('button', { name: /light \/ dark/ }).click();
  assert.equal(await page.evaluate(() => document.documentElement.dataset.mode), 'dark');
  assert.deepEqual(await audit(page, t, 'blog post, dark'), []);
  await page.goto(`${session.url}embed-docs.html`);
  // The widgets start when they come near the screen; the docs' live examples are far down.
  await page.locator('token-view').first().scrollIntoViewIfNeeded();
  await page.waitForFunction(() => document.querySelector('token-view')?.renderCount > 0);
  assert.deepEqual(await audit(page, t, 'embed docs'), []);
  await context.close();
});
