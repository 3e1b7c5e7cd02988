// The word pairs a direction is built from, as the page's Direction box takes them
// ("dog dogs, cat cats"); the direction itself is computed in the core (src/vectors/word_direction.h).

/**
 * Parses "dog dogs, cat cats" (pairs separated by commas, semicolons or new lines; the two
 * words of a pair by spaces, '-', ':' or '→') into [[a, b], ...] word pairs.
 */
export function parsePairs(text) {
  return String(text)
    .split(/[,;\n]+/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => {
      const words = p.split(/[\s:\u2192>-]+/).filter(Boolean);
      if (words.length !== 2) throw new Error(`'${p}' is not a pair of two words`);
      return words;
    });
}
