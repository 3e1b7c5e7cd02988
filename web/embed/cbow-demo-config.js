// The <cbow-demo> element's attributes (issue 6) as pure functions, tested in Node
// (tests/node/embed_attributes.test.mjs): the rules read by attributes.js, the analogy
// attribute ("king man woman" = king − man + woman), and the training settings of a run.
// The defaults train the built-in corpora (assets/corpora/, ~100,000 words) in about a
// second and put queen first for king − man + woman (여왕 for 왕 − 남자 + 여자) for seeds 1–3.
import { SUBWORD_DEFAULTS, TRAINING_DEFAULTS } from '../core/training-settings.js';

export const CBOW_RULES = {
  corpus: { key: 'corpus', type: 'enum', values: ['en', 'ko'], default: 'en' },
  epochs: { key: 'epochs', type: 'int', min: 1, max: 20, default: 5 },
  size: { key: 'size', type: 'int', min: 2, max: 100, default: 30 },
  seed: { key: 'seed', type: 'int', min: 0, max: 4294967295, default: 1 },
  analogy: { key: 'analogy', type: 'string', default: null },
  // Issue 12: skip-gram instead of CBOW, and fastText's subword model (n-grams of 3 to 6 characters).
  arch: { key: 'arch', type: 'enum', values: ['cbow', 'skipgram'], default: 'cbow' },
  subwords: { key: 'subwords', type: 'bool', default: false },
};

/** What each built-in corpus is built to show: x − minus + plus. */
export const DEFAULT_ANALOGY = Object.freeze({ en: ['king', 'man', 'woman'], ko: ['왕', '남자', '여자'] });

const SIGNS = new Set(['-', '−', '+']);

/**
 * The analogy attribute: three words "x minus plus" (read as x − minus + plus); signs
 * "−", "-" and "+" may stand between them, separated by spaces. Absent: the corpus default, silently. Anything
 * else: the default and a warning for console.warn.
 * Returns { words: [x, minus, plus], warning }.
 */
export function parseAnalogy(raw, corpus, tag = 'cbow-demo') {
  const fallback = DEFAULT_ANALOGY[corpus] ?? DEFAULT_ANALOGY.en;
  if (raw === null || raw === undefined) return { words: [...fallback], warning: null };
  const words = String(raw).trim().split(/\s+/u).filter((w) => w && !SIGNS.has(w));
  if (words.length === 3) return { words, warning: null };
  return {
    words: [...fallback],
    warning: `<${tag}>: analogy must be three words, e.g. "king man woman" for king − man + woman (got "${raw}"); using "${fallback.join(' ')}".`,
  };
}

/** The settings of one training run (web/core/training-settings.js names) for a config. */
export function runSettings(config, runIndex = 0) {
  return {
    ...TRAINING_DEFAULTS, size: config.size, epochs: config.epochs, seed: (config.seed + runIndex) % 4294967296,
    ...SUBWORD_DEFAULTS, arch: config.arch ?? 'cbow', subwords: !!config.subwords,
    // word2vec's starting rate for skip-gram (it makes one update per context word, not one per window).
    ...(config.arch === 'skipgram' ? { alpha: 0.025 } : {}),
  };
}
