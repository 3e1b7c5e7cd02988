// The embed docs' Jekyll path, followed literally (issue 15): builds a real Jekyll 4 site with
// Debian's `jekyll` and its `minima` theme, offline, under `baseurl: /blog`, from the blocks of
// web/embed/docs.html's Jekyll section exactly as written there (the folder copy and the head
// include run as shell commands, the head line goes before </head>, the post is written to the
// file the docs name). Then, in Chromium at phone size, every element of the post renders
// (each custom element the script defines, so a new element added to the docs' post is checked
// too), <cbow-demo> trains, <embedding-playground> shows the whole page with its tokens, and the
// iframe route paints its heatmap within the documented phone height; no request fails.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mkdirSync } from 'node:fs';
import { launch } from './browser.mjs';
import { startServer } from '../../web/serve.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const docs = readFileSync(join(root, 'web/embed/docs.html'), 'utf8');

const ENTITIES = { lt: '<', gt: '>', quot: '"', amp: '&', nbsp: '\u00a0', '#x27': "'", '#39': "'" };
const unescape = (html) => html.replace(/&(lt|gt|quot|amp|nbsp|#x27|#39);/g, (_, e) => ENTITIES[e]);

/** The text of the docs' <pre id="ID"> block, and its data-file attribute. */
function block(id) {
  const m = docs.match(new RegExp(`<pre(?: tabindex="0")? id="${id}"(?: data-file="([^"]+)")?><code>([\\s\\S]*?)</code></pre>`));
  assert.ok(m, `web/embed/docs.html has a <pre id="${id}"> block`);
  return { file: m[1], text: unescape(m[2]) };
}

const work = mkdtempSync(join(tmpdir(), 'embplay-jekyll-'));
const site = join(work, 'site');
let server;
let browser;
let postUrl;

before(async () => {
  mkdirSync(site);
  // The site `jekyll new` would make, minus the Gemfile (Debian's gems are found without Bundler).
  writeFileSync(join(site, '_config.yml'), 'title: A blog about embeddings\nbaseurl: /blog\ntheme: minima\nplugins:\n  - jekyll-feed\n');
  writeFileSync(join(site, 'index.md'), '---\nlayout: home\n---\n');
  const sh = (script) => execFileSync('bash', ['-euo', 'pipefail', '-c', script], { cwd: root, env: { ...process.env, SITE: site }, stdio: 'pipe' });
  sh(block('copy-folder').text);
  sh(block('jekyll-head').text);
  const head = join(site, '_includes/head.html');
  const original = readFileSync(head, 'utf8');
  assert.match(original, /<\/head>/);
  writeFileSync(head, original.replace('</head>', `${block('jekyll-head-line').text}\n</head>`));
  const post = block('jekyll-post');
  assert.ok(post.file, 'the docs name the post file');
  mkdirSync(join(site, dirname(post.file)), { recursive: true });
  writeFileSync(join(site, post.file), post.text);
  const built = spawnSync('jekyll', ['build', '--source', site, '--destination', join(site, '_site')], {
    cwd: site, encoding: 'utf8', env: { ...process.env, JEKYLL_ENV: 'production' },
  });
  assert.equal(built.status, 0, `jekyll build failed:\n${built.stdout}\n${built.stderr}`);
  // Serve _site under /blog, as the baseurl says.
  const served = join(work, 'www');
  mkdirSync(served);
  symlinkSync(join(site, '_site'), join(served, 'blog'), 'dir');
  ({ server, url: postUrl } = await startServer(served, { gzip: true }));
  const found = [];
  const walk = (dir) => {
    for (const f of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, f.name);
      if (f.isDirectory() && f.name !== 'assets') walk(p);
      else if (f.name.endsWith('.html') && readFileSync(p, 'utf8').includes('How text becomes vectors')) found.push(p);
    }
  };
  walk(join(site, '_site'));
  const page = found.find((p) => !p.endsWith('_site/index.html'));
  assert.ok(page, 'the post was built');
  postUrl += 'blog' + page.slice(join(site, '_site').length);
  browser = await launch();
});

after(async () => {
  await browser?.close();
  if (server) await new Promise((ok) => server.close(ok));
  rmSync(work, { recursive: true, force: true });
});

test('the head keeps the theme\'s head and loads the script under the baseurl', () => {
  const html = readFileSync(join(site, '_site', postUrl.split('/blog/')[1]), 'utf8');
  assert.match(html, /<link rel="stylesheet" href="\/blog\/assets\/main\.css">/, 'the theme\'s stylesheet is still there');
  assert.match(html, /<script type="module" src="\/blog\/assets\/embedding-playground\/embedding-playground\.js"><\/script>\s*<\/head>/);
  assert.match(html, /src="\/blog\/assets\/embedding-playground\/embed\.html#view=pe&(amp;)?d=128&(amp;)?n=64"/);
  assert.ok(existsSync(join(site, '_site/assets/embedding-playground/index.html')), 'the playground page was copied');
});

test('every element of the documented post renders in Chromium at phone size, and the iframe route fits its height', async () => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  const problems = [];
  // The blog's own missing /favicon.ico (minima has none) is the site's business, not the widgets'.
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.location().url.endsWith('/favicon.ico')) problems.push(`console: ${m.text()} (${m.location().url})`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  context.on('response', (r) => { if (r.status() >= 400) problems.push(`HTTP ${r.status()} ${r.url()}`); });
  const origin = new URL(postUrl).origin;
  context.on('request', (r) => {
    const u = r.url();
    if (!u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:')) problems.push(`foreign request ${u}`);
  });
  await page.goto(postUrl);

  // Every element the script defines that the post uses (the iframe box is checked below).
  const widgets = await page.evaluate(() => [...new Set([...document.querySelectorAll('.post-content *')]
    .map((e) => e.localName).filter((n) => n.includes('-') && customElements.get(n) && n !== 'embedding-playground'))]);
  assert.ok(['pe-heatmap', 'token-view', 'cbow-demo'].every((w) => widgets.includes(w)), `widgets in the post: ${widgets}`);
  for (const tag of widgets) {
    await page.locator(tag).first().scrollIntoViewIfNeeded();
    await page.waitForFunction((t) => document.querySelector(t).renderCount > 0, tag, { timeout: 60000 });
  }
  assert.deepEqual(await page.evaluate(() => [...document.querySelector('token-view').shadowRoot.querySelectorAll('.tok')].map((t) => t.textContent)),
    ['Jekyll', 'turns', 'Markdown', 'into', 'HTML', '.']);

  // <cbow-demo>: Train fetches the worker, the module and the corpus from the copied folder.
  await page.locator('cbow-demo').getByRole('button', { name: /Train/ }).click();
  await page.waitForFunction(() => {
    const el = document.querySelector('cbow-demo');
    return el.dataset.state === 'done' && el.shadowRoot.querySelectorAll('.analogy-top li').length > 0;
  }, null, { timeout: 120000, polling: 250 });

  // <embedding-playground>: the whole page in its iframe, with the sample's tokens.
  await page.locator('embedding-playground').scrollIntoViewIfNeeded();
  const playground = page.frameLocator('embedding-playground >> iframe');
  await playground.locator('#tokens .tok').first().waitFor({ timeout: 60000 });

  // The iframe route with the documented fixed height: painted, and its content fits on a phone.
  const route = page.locator('.post-content iframe[src*="embed.html"]');
  await route.scrollIntoViewIfNeeded();
  const frame = page.frameLocator('.post-content iframe[src*="embed.html"]');
  await frame.locator('pe-heatmap').waitFor({ state: 'attached', timeout: 60000 });
  const routeFrame = page.frames().find((f) => f.url().includes('embed.html'));
  await routeFrame.waitForFunction(() => document.querySelector('pe-heatmap')?.renderCount > 0, null, { timeout: 60000 });
  await page.waitForTimeout(300); // the curves below the heatmap settle
  const { inner, outer } = await route.evaluate((f) => ({
    inner: f.contentDocument.documentElement.getBoundingClientRect().height, outer: f.getBoundingClientRect().height,
  }));
  assert.ok(inner <= outer, `the route's content (${inner} px) fits the documented phone height (${outer} px)`);
  assert.deepEqual(problems, []);
  await context.close();
});
