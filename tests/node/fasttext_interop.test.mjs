// fastText .bin files between embplay, Debian's fastText 0.9.2 and gensim's
// load_facebook_model: the vector of a word, seen or never seen, is the same in all three;
// a .bin fastText trained loads in ours; bad models are refused with exit code 2 and one
// line. Skipped with the reason when a peer is missing, except under tests/run.sh
// (peers.mjs: EMBPLAY_REQUIRE_PEERS=1).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './native.mjs';
import { fastTextSkip, gensimSkip, python } from './peers.mjs';

const dir = mkdtempSync(join(tmpdir(), 'embplay-fasttext-'));
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));

// Korean-like lines: stems with particles attached, plus ASCII words and an emoji.
function corpus() {
  const stems = ['왕', '여왕', '임베딩', '남자', '여자', 'king', 'queen', 'cat😀'];
  const particles = ['은', '을', '이', '의', ''];
  let seed = 11;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const lines = [];
  for (let l = 0; l < 300; l++) {
    lines.push(Array.from({ length: 9 }, () => stems[Math.floor(next() * stems.length)] + particles[Math.floor(next() * particles.length)]).join(' '));
  }
  return lines.join('\n') + '\n';
}

const input = join(dir, 'corpus.txt');
writeFileSync(input, corpus());
// Seen forms, unseen forms (particles never attached here, another script), an emoji word.
const words = ['왕은', '임베딩을', 'king', '왕에게', '임베딩으로', 'kings', '😀', 'cat😀이'];

function train(arch) {
  const out = join(dir, `${arch}.bin`);
  const r = runCli(['train', '--input', input, '--output', out, '--arch', arch, '--subwords', '--bucket', '5000',
    '--size', '12', '--min-count', '1', '--epochs', '3']);
  assert.equal(r.status, 0, r.stderr);
  return out;
}

function ourVectors(model, digits = 5) {
  const r = runCli(['vector', '--model', model, '--digits', String(digits), ...words]);
  assert.equal(r.status, 0, r.stderr);
  return r.stdout;
}

function fastTextVectors(model) {
  const r = spawnSync('fasttext', ['print-word-vectors', model], { input: words.join('\n') + '\n' });
  assert.equal(r.status, 0, r.stderr.toString());
  return r.stdout.toString('utf8');
}

function parse(lines) {
  return lines.trim().split('\n').map((l) => l.trim().split(' ').slice(1).map(Number));
}

for (const arch of ['cbow', 'skipgram']) {
  test(`fasttext print-word-vectors prints our ${arch} .bin's vectors exactly as we do, unseen words included`, { skip: fastTextSkip }, () => {
    const model = train(arch);
    const ft = fastTextVectors(model);
    assert.equal(ft.split('\n').length, words.length + 1);
    assert.equal(ourVectors(model), ft);
    // Not all zero: the unseen words really are built from n-grams.
    for (const v of parse(ft)) assert.ok(v.some((x) => x !== 0));
  });

  test(`gensim load_facebook_model gives our ${arch} vectors to float precision`, { skip: gensimSkip }, () => {
    const model = train(arch);
    const script = 'import sys, json\nfrom gensim.models.fasttext import load_facebook_model\n'
      + 'm = load_facebook_model(sys.argv[1])\n'
      + 'print(json.dumps([[float(x) for x in m.wv[w]] for w in sys.argv[2:]]))';
    const r = spawnSync(python, ['-c', script, model, ...words], { maxBuffer: 1 << 24 });
    assert.equal(r.status, 0, r.stderr.toString());
    const theirs = JSON.parse(r.stdout.toString());
    const ours = parse(ourVectors(model, 9));
    for (let w = 0; w < words.length; w++) {
      for (let k = 0; k < ours[w].length; k++) {
        const tolerance = 2 ** -22 * Math.max(Math.abs(ours[w][k]), 1e-6);  // a few float ulps
        assert.ok(Math.abs(ours[w][k] - theirs[w][k]) <= tolerance, `${words[w]}[${k}]: ours ${ours[w][k]}, gensim ${theirs[w][k]}`);
      }
    }
  });
}

test('our .vec is what fastText prints for every vocabulary word, after its "nwords dim" header', { skip: fastTextSkip }, () => {
  const bin = join(dir, 'withvec.bin');
  const vec = join(dir, 'withvec.vec');
  const r = runCli(['train', '--input', input, '--output', bin, '--vec', vec, '--subwords', '--bucket', '5000', '--size', '6',
    '--min-count', '1', '--epochs', '1']);
  assert.equal(r.status, 0, r.stderr);
  const [header, ...lines] = readFileSync(vec, 'utf8').split('\n').filter(Boolean);
  assert.equal(header, `${lines.length} 6`);
  const vocabulary = lines.map((l) => l.split(' ')[0]);
  const ft = spawnSync('fasttext', ['print-word-vectors', bin], { input: vocabulary.join('\n') + '\n' });
  assert.equal(ft.stdout.toString('utf8'), lines.map((l) => `${l}\n`).join(''));
});

test('a .bin trained by fastText loads in ours and gives its vectors, unseen words included', { skip: fastTextSkip }, () => {
  const prefix = join(dir, 'ft');
  const r = spawnSync('fasttext', ['skipgram', '-input', input, '-output', prefix, '-minCount', '1', '-bucket', '3000',
    '-dim', '10', '-epoch', '2', '-thread', '4', '-verbose', '0']);
  assert.equal(r.status, 0, r.stderr.toString());
  assert.equal(ourVectors(`${prefix}.bin`), fastTextVectors(`${prefix}.bin`));
  // Its vocabulary (fastText's </s> included) answers neighbour queries.
  const n = runCli(['neighbors', '--model', `${prefix}.bin`, '--word', '왕에게', '-k', '3']);
  assert.equal(n.status, 0, n.stderr);
  assert.match(n.stderr, /'왕에게' is not in the vocabulary; its vector is built from \d+ n-grams/);
  assert.equal(n.stdout.trim().split('\n').length, 3);
  for (const line of n.stdout.trim().split('\n')) assert.match(line, /^\S+\t-?\d\.\d{6}$/);
});

test('a supervised fastText .bin and a truncated .bin are refused with one line', { skip: fastTextSkip }, () => {
  const sup = join(dir, 'sup.txt');
  writeFileSync(sup, corpus().split('\n').filter(Boolean).map((l, i) => `__label__${i % 2} ${l}`).join('\n') + '\n');
  const r = spawnSync('fasttext', ['supervised', '-input', sup, '-output', join(dir, 'sup'), '-dim', '4', '-epoch', '1', '-verbose', '0']);
  assert.equal(r.status, 0, r.stderr.toString());
  const supervised = runCli(['vector', '--model', join(dir, 'sup.bin'), 'king']);
  assert.equal(supervised.status, 2);
  assert.match(supervised.stderr, /^embplay vector: '.*sup\.bin' is not a usable fastText \.bin: it is a supervised \(classification\) model with labels; only cbow and skipgram word-vector models load\n$/);
  const model = train('cbow');
  const truncated = join(dir, 'truncated.bin');
  writeFileSync(truncated, readFileSync(model).subarray(0, 5000));
  const t = runCli(['neighbors', '--model', truncated, '--word', 'king']);
  assert.equal(t.status, 2);
  assert.match(t.stderr, /the input matrix needs \d+ bytes but only \d+ remain \(truncated\)\n$/);
  assert.equal(t.stderr.split('\n').length, 2);
  assert.equal(t.stdout, '');
});

test('bad subword settings fail before training and write nothing', () => {
  const out = join(dir, 'never.bin');
  for (const [args, message] of [
    [['--minn', '5', '--maxn', '4'], 'minn must be between 1 and maxn (4), got 5'],
    [['--maxn', '21'], '--maxn must be between 1 and 20, got 21'],
    [['--bucket', '0'], '--bucket must be between 1 and 100000000, got 0'],
    [['--bucket', '100000000', '--size', '1000'], /need \d+ MiB for the input matrix, more than the 2048 MiB limit/],
  ]) {
    const r = runCli(['train', '--input', input, '--output', out, '--subwords', '--min-count', '1', ...args]);
    assert.equal(r.status, 2, args.join(' '));
    assert.equal(r.stderr.split('\n').length, 2);
    if (typeof message === 'string') assert.equal(r.stderr, `embplay train: ${message}\n`);
    else assert.match(r.stderr, message);
    assert.equal(existsSync(out), false);
  }
  const r = runCli(['train', '--input', input, '--output', out, '--minn', '2']);
  assert.equal(r.stderr, 'embplay train: --minn needs --subwords\n');
});
