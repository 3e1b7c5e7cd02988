// Every word's projection on a direction as a sorted bar chart: one row per word (label,
// bar from a zero line, value), highest first, as HTML so it scrolls, wraps and reads
// aloud like a list. Words of the pairs that built the direction are marked.
export function renderDirectionChart(container, scores, { marked = new Set(), label }) {
  const max = Math.max(1e-9, ...scores.map((s) => Math.abs(s.score)));
  const list = document.createElement('ol');
  list.className = 'bars';
  list.setAttribute('aria-label', label);
  for (const { word, score } of scores) {
    const li = document.createElement('li');
    if (marked.has(word)) li.className = 'marked';
    const name = document.createElement('span');
    name.className = 'bar-word';
    name.textContent = word;
    const track = document.createElement('span');
    track.className = 'bar-track';
    const bar = document.createElement('span');
    bar.className = score >= 0 ? 'bar pos' : 'bar neg';
    const half = (Math.abs(score) / max) * 50;
    bar.style.width = `${half}%`;
    bar.style.left = score >= 0 ? '50%' : `${50 - half}%`;
    track.append(bar);
    const value = document.createElement('span');
    value.className = 'bar-value';
    value.textContent = score.toFixed(2);
    li.append(name, track, value);
    list.append(li);
  }
  container.replaceChildren(list);
}
