// The training section's hyperparameters: defaults chosen for the built-in corpora
// (assets/corpora/; about 100,000 words, ~0.5 M words trained, well under 3 s in Chromium),
// their limits, and validation that returns which field is bad and why (the page turns it
// into a message in the UI language; the core checks the same limits again).

export const TRAINING_DEFAULTS = Object.freeze({
  size: 50, window: 5, negative: 5, epochs: 5, alpha: 0.05, minCount: 5, sample: 1e-3, seed: 1,
});

// [min, max, integer?] per field; the maxima are the core's (src/training/word2vec_config.h) or lower for a page.
export const TRAINING_LIMITS = Object.freeze({
  size: [1, 300, true],
  window: [1, 20, true],
  negative: [1, 30, true],
  epochs: [1, 100, true],
  alpha: [1e-6, 1, false],
  minCount: [1, 1e6, true],
  sample: [0, 1, false],
  seed: [0, 4294967295, true],
});

// The architecture and fastText's subword model (issue 12). bucket: fastText's default of
// 2,000,000 n-gram rows would take 400 MB at size 50 (1.2 GB at 300) in a browser tab; the
// built-in corpora have a few thousand distinct words, about 30,000 distinct n-grams, so
// 100,000 rows (20 MB at size 50) keep most n-grams in a row of their own.
export const SUBWORD_DEFAULTS = Object.freeze({ arch: 'cbow', subwords: false, minn: 3, maxn: 6, bucket: 100000 });

export const SUBWORD_LIMITS = Object.freeze({
  minn: [1, 20, true],
  maxn: [1, 20, true],
  bucket: [1, 2000000, true],
});

export const ARCHITECTURES = Object.freeze(['cbow', 'skipgram']);

/**
 * null when every field is valid, else { field, value, min, max, integer } (for arch:
 * { field: 'arch', value, choices }). The subword fields are checked only with subwords: true.
 */
export function checkTrainingSettings(settings) {
  if (settings.arch !== undefined && !ARCHITECTURES.includes(settings.arch)) {
    return { field: 'arch', value: settings.arch, choices: ARCHITECTURES };
  }
  const limits = settings.subwords ? { ...TRAINING_LIMITS, ...SUBWORD_LIMITS } : TRAINING_LIMITS;
  for (const [field, [min, max, integer]] of Object.entries(limits)) {
    const value = settings[field];
    const ok = typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max &&
      (!integer || Number.isInteger(value));
    if (!ok) return { field, value, min, max, integer };
  }
  if (settings.subwords && settings.minn > settings.maxn) {
    return { field: 'minn', value: settings.minn, min: 1, max: settings.maxn, integer: true };
  }
  return null;
}
