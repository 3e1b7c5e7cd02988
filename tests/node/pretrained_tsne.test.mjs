// Issue 13, t-SNE of chosen tokens of a real model's table: the page's JS API
// (PretrainedWeights.tsne over web/core/tsne-run.js and the core's t-SNE) on the generated GPT-2
// file (tests/fixtures/make_safetensors.py), whose rows hold two planted groups far apart in the
// vector space (animals and numbers, cosine > 0.99 within a group, < 0.1 across) among unrelated
// rows. The groups must stay apart on the 2-D map; a seed gives the same map twice; the run goes
// in slices with a frame after each and stops when asked; bad requests fail with one message.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { loadApi } from './load_module.mjs';
import { MAX_MAP_TOKENS, PretrainedWeights } from '../../web/core/pretrained-weights.js';
import { TSNE_ITERATIONS, TSNE_SLICE } from '../../web/core/tsne-run.js';
import { GPT2_RANKS, makeSafetensorsFixtures } from '../fixtures/safetensors_fixtures.mjs';

const RANKS = GPT2_RANKS;
const ANIMALS = ['cat', 'dog', 'horse', 'cow', 'sheep', 'pig', 'goat', 'duck', 'mouse', 'rabbit', 'bird', 'fish'].map((w) => `Ġ${w}`);
const NUMBERS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'].map((w) => `Ġ${w}`);
const OTHERS = ['Ġthe', ',', 'Ġand', 'Ġof', 'Ġking', 'Ġqueen', 'king', 'Ġa']; // rows of neither group
// The groups interleaved with the others, so nothing about the order can separate them.
const TOKENS = ANIMALS.flatMap((a, i) => [a, NUMBERS[i], ...(i < OTHERS.length ? [OTHERS[i]] : [])]);

let dir;
let weights;

before(async () => {
  dir = makeSafetensorsFixtures('embplay-tsne-');
  const api = await loadApi();
  api.loadGpt2(readFileSync(RANKS));
  weights = await PretrainedWeights.open(api, new Blob([readFileSync(join(dir, 'gpt2-f32.safetensors'))]));
});
after(() => {
  weights?.close();
  rmSync(dir, { recursive: true, force: true });
});

const point = (coords, token) => {
  const i = TOKENS.indexOf(token);
  return [coords[2 * i], coords[2 * i + 1]];
};
const distance = (a, b) => Math.hypot(a[0] - b[0], a[1] - b[1]);
const centroid = (points) => [0, 1].map((k) => points.reduce((s, p) => s + p[k], 0) / points.length);

/** Checks that the two planted groups stay apart on the map `coords` (n x 2, in TOKENS order). */
function assertSeparated(coords, what) {
  const groups = [ANIMALS, NUMBERS];
  // Every group member's nearest point on the map (among all tokens) is of its own group.
  for (const [g, group] of groups.entries()) {
    for (const token of group) {
      const p = point(coords, token);
      const nearest = TOKENS.filter((t) => t !== token).reduce((best, t) => (distance(p, point(coords, t)) < distance(p, point(coords, best)) ? t : best));
      assert.ok(group.includes(nearest), `${what}: ${token}'s nearest point is ${nearest}, not of group ${g}`);
    }
  }
  // The closest pair across the groups is farther apart than any member is from its own group's centre.
  const spread = Math.max(...groups.flatMap((group) => {
    const c = centroid(group.map((t) => point(coords, t)));
    return group.map((t) => distance(point(coords, t), c));
  }));
  const across = Math.min(...ANIMALS.flatMap((a) => NUMBERS.map((b) => distance(point(coords, a), point(coords, b)))));
  assert.ok(across > spread, `${what}: closest animal-number pair ${across.toFixed(3)} vs a group's radius ${spread.toFixed(3)}`);
}

test('two planted groups of tokens stay apart on the t-SNE map, for several seeds', async () => {
  for (const seed of [1, 2, 3]) {
    const last = await weights.tsne(TOKENS, { seed }).done;
    assert.equal(last.coords.length, 2 * TOKENS.length);
    assert.ok(last.coords.every(Number.isFinite));
    assert.equal(last.iteration, TSNE_ITERATIONS);
    assert.equal(last.perplexity, (TOKENS.length - 1) / 3);  // 30 capped for 32 tokens
    assertSeparated(last.coords, `seed ${seed}`);
  }
});

test('a seed gives the same map twice; another seed another map', async () => {
  const a = await weights.tsne(TOKENS, { seed: 7 }).done;
  const b = await weights.tsne(TOKENS, { seed: 7 }).done;
  const c = await weights.tsne(TOKENS, { seed: 8 }).done;
  assert.deepEqual(Array.from(a.coords), Array.from(b.coords));
  assert.notDeepEqual(Array.from(a.coords), Array.from(c.coords));
});

test('the run goes in slices: a frame after each, the last one the result', async () => {
  const frames = [];
  const run = weights.tsne(TOKENS, { seed: 1, onFrame: (f) => frames.push({ iteration: f.iteration, coords: Array.from(f.coords) }) });
  assert.equal(frames.length, 0, 'nothing is computed before the caller returns to the event loop');
  const last = await run.done;
  assert.equal(frames.length, TSNE_ITERATIONS / TSNE_SLICE);
  assert.deepEqual(frames.map((f) => f.iteration), frames.map((_, i) => (i + 1) * TSNE_SLICE));
  assert.deepEqual(frames.at(-1).coords, Array.from(last.coords));
  assert.equal(run.running, false);
});

test('stop() between slices: done rejects with "cancelled" and no frame follows', async () => {
  let frames = 0;
  let run;
  const stopped = new Promise((resolve) => {
    run = weights.tsne(TOKENS, { seed: 1, onFrame: () => { frames++; if (frames === 3) { run.stop(); resolve(); } } });
  });
  await stopped;
  await assert.rejects(run.done, /^Error: cancelled$/);
  await new Promise((resolve) => setTimeout(resolve, 50));
  assert.equal(frames, 3);
  assert.equal(run.running, false);
  run.stop();  // a second stop does nothing
});

test('bad requests fail with one clear message', () => {
  assert.throws(() => weights.tsne(['Ġcat', 'Ġnotatoken', 'Ġdog']), /^Error: 'Ġnotatoken' is not a token of this model \(GPT-2 writes a leading space as 'Ġ'/);
  assert.throws(() => weights.tsne(['Ġcat', 'Ġdog']), /t-SNE needs between 3 and 2000 points, got 2/);
  const many = Array.from({ length: MAX_MAP_TOKENS + 1 }, (_, i) => weights.token(i));
  assert.throws(() => weights.tsne(many), new RegExp(`^Error: at most ${MAX_MAP_TOKENS} tokens on a map: ${MAX_MAP_TOKENS + 1} given$`));
  assert.throws(() => weights.project(many), /at most 500 tokens on a map/);
});

test("the text's most frequent tokens, as the vocabulary writes them", () => {
  // GPT-2 tokens: the, Ġcat, ",", Ġthe, Ġdog, Ġand, Ġthe, Ġcat, "." -> Ġcat and Ġthe twice (Ġcat first seen).
  assert.deepEqual(weights.frequentTokens('the cat, the dog and the cat.', 4), [
    { token: 'Ġcat', count: 2 }, { token: 'Ġthe', count: 2 }, { token: 'the', count: 1 }, { token: ',', count: 1 },
  ]);
  assert.deepEqual(weights.frequentTokens('', 300), []);
});
