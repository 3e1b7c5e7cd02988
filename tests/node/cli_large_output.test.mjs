// The WASM CLI (node build-wasm/embplay.js) writes exactly what the native CLI writes on a large
// input (issue 15: its output is now buffered in 1 MiB blocks, src/cli/stdout_buffer.h): byte for
// byte equal stdout for tokenize (word, char, GPT-2 ids), embed and pe on about 3 MB of prose,
// code and Korean, read from a file and from stdin; nothing on stderr.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { root } from './load_module.mjs';

const parts = ['assets/corpus-en.txt', 'assets/corpus-ko.txt', 'tests/node/fixtures/gpt2_corpus.txt'].map((p) => readFileSync(join(root, p)));
const chunks = [];
for (let size = 0; size < 3e6;) for (const p of parts) { chunks.push(p); size += p.length; }
const text = Buffer.concat(chunks);
const dir = mkdtempSync(join(tmpdir(), 'embplay-cli-large-'));
const input = join(dir, 'input.txt');
writeFileSync(input, text);
test.after(() => rmSync(dir, { recursive: true, force: true }));

function run(variant, args, stdin) {
  const [cmd, argv] = variant === 'native' ? [join(root, 'build/embplay'), args] : [process.execPath, [join(root, 'build-wasm/embplay.js'), ...args]];
  const r = spawnSync(cmd, argv, { input: stdin, maxBuffer: 1 << 30 });
  if (r.error) throw r.error;
  return r;
}

/** The first differing line, for a readable failure. */
function firstDifference(a, b) {
  const la = a.toString('utf8').split('\n');
  const lb = b.toString('utf8').split('\n');
  const i = la.findIndex((line, k) => line !== lb[k]);
  return `line ${i + 1}: native ${JSON.stringify(la[i])} / wasm ${JSON.stringify(lb[i])} (${la.length} / ${lb.length} lines)`;
}

const CASES = [
  ['tokenize', '--input', input],
  ['tokenize', '--mode', 'char', '--input', input],
  ['tokenize', '--mode', 'gpt2', '--ids', '--input', input],
  ['embed', '--d-model', '8', '--input', input],
  ['pe', '--d-model', '256', '--max-len', '2048', '--layout', 'split'],
];

for (const args of CASES) {
  test(`${args.filter((a) => a !== input).join(' ')}: WASM output equals native byte for byte`, () => {
    const native = run('native', args);
    const wasm = run('wasm', args);
    assert.equal(native.status, 0, native.stderr.toString());
    assert.equal(wasm.status, 0, wasm.stderr.toString());
    assert.ok(native.stdout.length > 1e6, `a large output (${native.stdout.length} bytes)`);
    assert.equal(wasm.stdout.length, native.stdout.length, firstDifference(native.stdout, wasm.stdout));
    assert.ok(wasm.stdout.equals(native.stdout), firstDifference(native.stdout, wasm.stdout));
    assert.equal(wasm.stderr.toString(), '');
  });
}

test('tokenize from stdin: the same bytes as from the file, in both builds', () => {
  const fromFile = run('native', ['tokenize', '--mode', 'char', '--input', input]).stdout;
  for (const variant of ['native', 'wasm']) {
    const r = run(variant, ['tokenize', '--mode', 'char'], text);
    assert.equal(r.status, 0, r.stderr.toString());
    assert.ok(r.stdout.equals(fromFile), `${variant}: ${firstDifference(fromFile, r.stdout)}`);
  }
});
