// The training section's hyperparameters: defaults chosen for the built-in corpora
// (assets/corpora/; about 100,000 words, ~0.5 M words trained, well under 3 s in Chromium),
// their limits, and validation that returns which field is bad and why (the page turns it
// into a message in the UI language; the core checks the same limits again).

export const TRAINING_DEFAULTS = Object.freeze({
  size: 50, window: 5, negative: 5, epochs: 5, alpha: 0.05, minCount: 5, sample: 1e-3, seed: 1,
});

// [min, max, integer?] per field; the maxima are the core's (src/training/cbow_config.h) or lower for a page.
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

/** null when every field is valid, else { field, value, min, max, integer }. */
export function checkTrainingSettings(settings) {
  for (const [field, [min, max, integer]] of Object.entries(TRAINING_LIMITS)) {
    const value = settings[field];
    const ok = typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max &&
      (!integer || Number.isInteger(value));
    if (!ok) return { field, value, min, max, integer };
  }
  return null;
}
