// A ranked list of words with scores (neighbours, analogy answers) as <li> items of an <ol>:
// the word, then its score to three decimals. Shared by section 9 (training-view.js) and the
// side-by-side comparison (compare-column.js).

/** Replaces the items of `list` with `results` ([{ word, score }]). */
export function renderResults(list, results) {
  list.replaceChildren(...results.map((r) => {
    const li = document.createElement('li');
    const w = document.createElement('span');
    w.className = 'result-word';
    w.textContent = r.word;
    const s = document.createElement('span');
    s.className = 'result-score';
    s.textContent = r.score.toFixed(3);
    li.append(w, ' ', s);
    return li;
  }));
}
