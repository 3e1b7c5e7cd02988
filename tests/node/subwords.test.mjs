// Skip-gram and subwords across builds: the native CLI, the WASM CLI and the WASM module
// train bit-identical models for a seed (word2vec text for whole words, fastText .bin bytes
// for subwords); the module's subword model answers for unseen words, round-trips its .bin
// and refuses bad files and settings with JS Errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadRawModule } from './load_module.mjs';
import { runCli } from './native.mjs';

const dir = mkdtempSync(join(tmpdir(), 'embplay-subwords-'));
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
const mod = await loadRawModule();

// Stems of three groups with Korean particles attached (a seeded LCG: every run the same).
function corpus(lines = 300) {
  const groups = [['왕', '여왕', '왕자'], ['고양이', '강아지', '송아지'], ['red', 'green', 'blue']];
  const particles = ['은', '을', '이', ''];
  let seed = 5;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const out = [];
  for (let l = 0; l < lines; l++) {
    const g = groups[Math.floor(next() * groups.length)];
    out.push(Array.from({ length: 10 }, () => g[Math.floor(next() * g.length)] + particles[Math.floor(next() * particles.length)]).join(' '));
  }
  return out.join('\n') + '\n';
}

const input = join(dir, 'corpus.txt');
writeFileSync(input, corpus());
const SETTINGS = { size: 12, window: 3, negative: 4, sample: 1e-2, minCount: 1, epochs: 2, seed: 4 };
const cliArgs = ['--size', '12', '--window', '3', '--negative', '4', '--sample', '1e-2', '--min-count', '1', '--epochs', '2', '--seed', '4'];

function trainModule(options) {
  const t = mod.createWord2vecTrainer(corpus(), { ...SETTINGS, ...options });
  while (!t.train(900).finished);
  return t;
}

for (const arch of ['cbow', 'skipgram']) {
  for (const subwords of [false, true]) {
    if (arch === 'cbow' && !subwords) continue;  // tests/node/cbow.test.mjs
    const name = `${arch}${subwords ? ' with subwords' : ''}`;
    test(`native CLI, WASM CLI and WASM module train bit-identical ${name} models`, () => {
      const extra = ['--arch', arch, ...(subwords ? ['--subwords', '--bucket', '3000'] : [])];
      const files = {};
      for (const variant of ['native', 'wasm']) {
        files[variant] = join(dir, `${variant}-${arch}-${subwords}`);
        const r = runCli(['train', '--input', input, '--output', files[variant], ...cliArgs, ...extra], '', variant);
        assert.equal(r.status, 0, r.stderr);
      }
      const native = readFileSync(files.native);
      assert.ok(native.equals(readFileSync(files.wasm)), 'WASM CLI output differs from native');
      const t = trainModule({ arch, subwords, bucket: 3000 });
      assert.equal(t.arch(), arch);
      assert.equal(t.subwords(), subwords);
      let bytes;
      if (subwords) {
        const m = t.subwordModel();
        bytes = m.toFastTextBin();
        m.delete();
      } else {
        const v = t.wordVectors();
        bytes = v.toWord2Vec(false);
        v.delete();
      }
      assert.ok(Buffer.from(bytes).equals(native), 'WASM module output differs from native');
      t.delete();
    });
  }
}

test('the module answers for an unseen form from its n-grams and shows each piece\'s share', () => {
  const t = trainModule({ arch: 'skipgram', subwords: true, bucket: 3000, epochs: 5 });
  const m = t.subwordModel();
  assert.equal(m.indexOf('왕에게'), -1);
  const v = m.vector('왕에게');
  assert.equal(v.length, 12);
  const pieces = m.pieces('왕에게');
  assert.deepEqual(pieces.map((p) => p.text), ['<왕에', '<왕에게', '<왕에게>', '왕에게', '왕에게>', '에게>']);
  assert.ok(pieces.every((p) => !p.wholeWord));
  // vector = mean of the piece rows (the same float sums as the core).
  const rows = m.pieceRows('왕에게');
  assert.equal(rows.length, pieces.length * 12);
  for (let k = 0; k < 12; k++) {
    let sum = 0;
    for (let p = 0; p < pieces.length; p++) sum += rows[p * 12 + k];
    assert.ok(Math.abs(sum / pieces.length - v[k]) < 1e-6);
  }
  assert.equal(m.pieces('왕은')[0].wholeWord, true);
  // Round trip through the .bin bytes.
  const back = mod.parseFastTextBin(m.toFastTextBin());
  assert.deepEqual(Array.from(back.vector('왕에게')), Array.from(v));
  assert.equal(back.vectorLine('왕에게'), m.vectorLine('왕에게'));
  back.delete();
  m.delete();
  t.delete();
});

test('bad .bin bytes and bad subword settings are JS Errors with the reason', () => {
  assert.throws(() => mod.parseFastTextBin(new Uint8Array([1, 2, 3])), /not a usable fastText \.bin: it is too short to be one \(3 bytes\)/);
  const t = trainModule({ subwords: true, bucket: 100 });
  const m = t.subwordModel();
  const bin = m.toFastTextBin();
  assert.throws(() => mod.parseFastTextBin(bin.subarray(0, bin.length - 3)), /truncated/);
  m.delete();
  t.delete();
  assert.throws(() => mod.createWord2vecTrainer(corpus(), { subwords: true, minn: 4, maxn: 3, minCount: 1 }), /minn must be between 1 and maxn \(3\), got 4/);
  assert.throws(() => mod.createWord2vecTrainer(corpus(), { subwords: true, bucket: 100000000, size: 1000, minCount: 1 }), /MiB for the input matrix/);
  assert.throws(() => mod.createWord2vecTrainer(corpus(), { arch: 'sg' }), /architecture must be cbow or skipgram, got 'sg'/);
  const whole = trainModule({});
  assert.throws(() => whole.subwordModel(), /subwordModel\(\) needs a trainer created with subwords: true/);
  whole.delete();
});
