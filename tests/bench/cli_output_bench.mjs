#!/usr/bin/env node
// The CLI on large inputs, native (build/embplay) against WASM (node build-wasm/embplay.js), issue
// 15: output used to be written line by line by the WASM build (one fs.writeSync per line: 14–23 s
// against 0.9 s natively for GPT-2 ids of 4.4 MB); it is buffered now (src/cli/main.cpp), and the
// target is WASM within 2× of native for tokenize, embed and pe. Prints CPU seconds (user + system,
// by /usr/bin/time: steadier than the wall clock on a shared machine) and wall-clock seconds, best
// of --runs (default 3; stdout into a pipe, read to the end), the ratios, the output size, and
// whether both outputs are byte-identical.
//
//   node tests/bench/cli_output_bench.mjs [--mb 4] [--runs 3]     (needs build/ and build-wasm/)
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const MB = arg('--mb', 4);
const RUNS = arg('--runs', 3);

// Prose in English and Korean and the GPT-2 parity corpus (code, numbers, emoji), repeated to size.
const parts = ['assets/corpus-en.txt', 'assets/corpus-ko.txt', 'tests/node/fixtures/gpt2_corpus.txt'].map((p) => readFileSync(join(root, p)));
const chunks = [];
for (let size = 0; size < MB * 1e6;) for (const p of parts) { chunks.push(p); size += p.length; }
const dir = mkdtempSync(join(tmpdir(), 'embplay-cli-bench-'));
const input = join(dir, 'input.txt');
writeFileSync(input, Buffer.concat(chunks));
const inputMb = (Buffer.concat(chunks).length / 1e6).toFixed(2);

const CASES = [
  ['tokenize --mode gpt2 --ids', ['tokenize', '--mode', 'gpt2', '--ids', '--input', input]],
  ['tokenize (word)', ['tokenize', '--input', input]],
  ['tokenize --mode char', ['tokenize', '--mode', 'char', '--input', input]],
  ['embed --d-model 16', ['embed', '--d-model', '16', '--input', input]],
  ['pe --d-model 512 --max-len 2048', ['pe', '--d-model', '512', '--max-len', '2048']],
];

const TIME = '/usr/bin/time';
const timings = join(dir, 'time.txt');

/** Runs once; resolves to { seconds, cpu, bytes, hash } of its standard output. */
function run(variant, args) {
  const [cmd, argv] = variant === 'native' ? [join(root, 'build/embplay'), args] : [process.execPath, [join(root, 'build-wasm/embplay.js'), ...args]];
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const timed = existsSync(TIME);
    const child = timed ? spawn(TIME, ['-q', '-f', '%U %S', '-o', timings, cmd, ...argv], { stdio: ['ignore', 'pipe', 'pipe'] })
      : spawn(cmd, argv, { stdio: ['ignore', 'pipe', 'pipe'] });
    const hash = createHash('sha256');
    let bytes = 0;
    let stderr = '';
    child.stdout.on('data', (d) => { hash.update(d); bytes += d.length; });
    child.stderr.on('data', (d) => { stderr += d; });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) {
        reject(new Error(`${variant} ${args.join(' ')}: exit ${code}: ${stderr.trim()}`));
        return;
      }
      const cpu = timed ? readFileSync(timings, 'utf8').trim().split(/\s+/).map(Number).reduce((a, b) => a + b, 0) : NaN;
      resolve({ seconds: Number(process.hrtime.bigint() - started) / 1e9, cpu, bytes, hash: hash.digest('hex') });
    });
  });
}

async function best(variant, args) {
  let out = null;
  for (let i = 0; i < RUNS; i++) {
    const r = await run(variant, args);
    if (!out) out = { ...r };
    out.seconds = Math.min(out.seconds, r.seconds);
    out.cpu = Math.min(out.cpu, r.cpu);
  }
  return out;
}

try {
  console.log(`CLI output on ${inputMb} MB of input, best of ${RUNS} (stdout into a pipe; CPU = user + system seconds)`);
  console.log('command                            native CPU  WASM CPU  ratio   native wall  WASM wall  ratio   output MB  identical');
  const f = (x, w) => (Number.isFinite(x) ? x.toFixed(2) : '–').padStart(w);
  for (const [name, args] of CASES) {
    const native = await best('native', args);
    const wasm = await best('wasm', args);
    console.log(`${name.padEnd(34)} ${f(native.cpu, 10)} ${f(wasm.cpu, 9)} ${f(wasm.cpu / native.cpu, 5)}× ${f(native.seconds, 11)} ${f(wasm.seconds, 10)} ${f(wasm.seconds / native.seconds, 5)}× ${(native.bytes / 1e6).toFixed(1).padStart(10)}  ${native.hash === wasm.hash ? 'yes' : 'NO'}`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
