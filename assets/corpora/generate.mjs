// Generates the built-in training corpora (assets/corpus-en.txt, assets/corpus-ko.txt, and
// assets/corpus-ko-attached.txt: the Korean sentences with particles attached) from
// the small worlds in world-en.mjs and world-ko.mjs: one sentence per line, words separated
// by single spaces, lowercase, drawn from templates with a seeded PRNG, so the same script
// always writes the same files.
//
//   node assets/corpora/generate.mjs            # writes both files
//   node assets/corpora/generate.mjs --check    # exits 1 if the files differ from what it would write
//
// How the worlds make the classic relations appear (the distributional hypothesis: words
// in similar contexts get similar vectors, Harris 1954): every word of a relation is seen
// only with context words that stand for its features. "king" appears with royal, male and
// adult cues; "man" with common, male and adult cues; "woman" with common, female and adult
// cues; so king - man + woman lands on the royal, female, adult word: "queen". A plural
// noun shares its identity cues with its singular (what a dog eats, where it sleeps) and
// adds the plural cues (many, are, ...), so dogs - dog points the same way as cats - cat.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import english from './world-en.mjs';
import korean, { attachParticles } from './world-ko.mjs';

const assets = join(dirname(fileURLToPath(import.meta.url)), '..');

/** mulberry32: a tiny seeded 32-bit PRNG, enough for picking templates reproducibly. */
export function makeRandom(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, pick: (list) => list[Math.floor(next() * list.length)] };
}

/** Fills {slot} placeholders: a slot's value is a word or a list to pick one word from. */
export function fill(template, slots, random) {
  return template.replace(/\{(\w+)\}/g, (_, name) => {
    const value = slots[name];
    if (value === undefined) throw new Error(`template '${template}' uses an unknown slot {${name}}`);
    return Array.isArray(value) ? random.pick(value) : value;
  });
}

/** The corpus text of a world: `world.sentences` lines, each from a section picked by weight. */
export function generate(world) {
  const random = makeRandom(world.seed);
  const total = world.sections.reduce((sum, s) => sum + s.weight, 0);
  const lines = [];
  for (let i = 0; i < world.sentences; i++) {
    let r = random.next() * total;
    const section = world.sections.find((s) => (r -= s.weight) < 0) ?? world.sections.at(-1);
    const { template, slots } = section.draw(random);
    const line = fill(template, slots, random).replace(/\s+/g, ' ').trim();
    lines.push(world.finish ? world.finish(line) : line);
  }
  return lines.join('\n') + '\n';
}

const outputs = [
  ['corpus-en.txt', english],
  ['corpus-ko.txt', korean],
  ['corpus-ko-attached.txt', { ...korean, finish: (line) => attachParticles(korean.finish(line)) }],
];

if (import.meta.url === `file://${process.argv[1]}`) {
  const check = process.argv.includes('--check');
  let stale = 0;
  for (const [name, world] of outputs) {
    const path = join(assets, name);
    const text = generate(world);
    if (check) {
      let old = '';
      try { old = readFileSync(path, 'utf8'); } catch { /* missing counts as stale */ }
      if (old !== text) { console.error(`${name} is out of date: run node assets/corpora/generate.mjs`); stale++; }
    } else {
      writeFileSync(path, text);
      const words = text.split(/\s+/).filter(Boolean).length;
      console.log(`${name}: ${world.sentences} sentences, ${words} words, ${(Buffer.byteLength(text) / 1024).toFixed(0)} KiB`);
    }
  }
  process.exit(stale ? 1 : 0);
}
