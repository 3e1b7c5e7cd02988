// Issue 6's size budget as a test: a page with one <pe-heatmap> downloads at most 150 KB gzipped
// (JS + WASM), one with an <attention-view> too (issue 11), the full playground at most 400 KB; the test fails above budget + 10%. The
// measurement is tests/bench/embed_size.mjs (headless Chromium, every response, gzip -9).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const bench = fileURLToPath(new URL('../bench/embed_size.mjs', import.meta.url));

test('one <pe-heatmap>, one <attention-view> and the full playground stay within their gzipped size budgets', () => {
  let output;
  try {
    output = execFileSync(process.execPath, [bench, '--check'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 180000 });
  } catch (error) {
    assert.fail(`over budget:\n${error.stdout}\n${error.stderr}`);
  }
  const verdicts = output.split('\n').filter((l) => l.includes('budget'));
  assert.equal(verdicts.length, 3, output);
  for (const line of verdicts) assert.match(line, /within/, line);
  console.log(output);
});
