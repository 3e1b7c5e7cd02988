// A ranked list of words with scores (neighbours, analogy answers) as <li> items of an <ol>:
// the word, then its score to three decimals. Shared by section 9 (training-view.js), the
// side-by-side comparison (compare-column.js) and section 10's token lists (pretrained-view.js).

/**
 * Replaces the items of `list` with `results` ([{ word, score }]). Options: `key`, the field that
 * holds the word ('word'); `digits` of the score (3); `classes` of the word and score spans.
 */
export function renderResults(list, results, { key = 'word', digits = 3, classes = ['result-word', 'result-score'] } = {}) {
  list.replaceChildren(...results.map((r) => {
    const li = document.createElement('li');
    const w = document.createElement('span');
    w.className = classes[0];
    w.textContent = r[key];
    const s = document.createElement('span');
    s.className = classes[1];
    s.textContent = r.score.toFixed(digits);
    li.append(w, ' ', s);
    return li;
  }));
}
