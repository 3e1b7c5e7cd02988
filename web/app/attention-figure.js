// The attention heatmaps (issue 11), shared by the page's attention section and <attention-view>:
// one n x n map per head (small multiples), scores on a diverging scale (±the largest |score|,
// masked cells grey) and softmax weights on a white-to-blue scale (0 to the largest weight shown),
// token labels on both axes (query = row, key = column) and the formula on hover or arrow keys.
// Drawing is the positional-encoding section's PeHeatmap; numbers come from web/core/attention.js.
import { SEQUENTIAL_LUT } from './color-scale.js';
import { PeHeatmap } from './pe-heatmap.js';
import { attentionReadout } from './attention-readout.js';

function el(tag, className, text) {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

/** The largest |finite value| of the given arrays (1 when all are 0 or masked). */
export function finiteLimit(arrays) {
  let m = 0;
  for (const a of arrays) {
    for (let i = 0; i < a.length; i++) {
      const v = a[i];
      if (v !== -Infinity && Math.abs(v) > m) m = Math.abs(v);
    }
  }
  return m || 1;
}

/** Side of one head's map in CSS px: 1 head up to 460, more heads share the width (at least 150). */
export function mapSide(width, heads) {
  const usable = Math.max(150, width - 90); // room for the row labels
  if (heads === 1) return Math.min(460, usable);
  const perRow = Math.max(1, Math.min(heads, Math.floor(width / 230)));
  return Math.max(150, Math.min(300, Math.floor(width / perRow) - 90));
}

/** Small multiples of one kind ('scores' | 'weights'), one PeHeatmap per head. */
export class AttentionHeads {
  constructor(container, S, kind) {
    this.container = container;
    this.kind = kind;
    container.classList.add('attn-heads');
    this.cells = [];
    this.setStrings(S);
  }

  setStrings(S) {
    this.S = S;
    this.cells.forEach((c, h) => this.name(c, h, this.cells.length));
  }

  name(cell, h, heads) {
    const S = this.S;
    const title = this.kind === 'scores' ? S.attnScoresTitle(h + 1, heads) : S.attnWeightsTitle(h + 1, heads);
    cell.title.textContent = title;
    cell.map.setNames({ label: title, xName: S.attnAxisKey, yName: S.attnAxisQuery, legendName: this.kind === 'scores' ? S.attnLegendScore : S.attnLegendWeight });
  }

  /** Exactly `heads` maps (created or removed as needed). */
  ensure(heads) {
    while (this.cells.length < heads) {
      const box = el('figure', 'attn-head');
      const title = el('figcaption');
      const figure = el('div');
      box.append(title, figure);
      this.container.append(box);
      const map = new PeHeatmap(figure, { rowLabels: true, legendSteps: 3, lut: this.kind === 'weights' ? SEQUENTIAL_LUT : undefined });
      this.cells.push({ box, title, map, heads: 0 });
    }
    while (this.cells.length > heads) this.cells.pop().box.remove();
  }

  /**
   * result: web/core/attention.js's compute() result (copied arrays); labels: token texts;
   * scaled: the √d_k option; width: CSS width available for the row of maps.
   */
  render(result, labels, { scaled, width }) {
    const heads = result.heads.length;
    this.ensure(heads);
    const n = result.n;
    const side = mapSide(width, heads);
    const arrays = result.heads.map((h) => (this.kind === 'scores' ? h.scores : h.weights));
    const range = this.kind === 'scores' ? null : [0, Math.max(...arrays.map((a) => finiteLimit([a])))];
    const limit = this.kind === 'scores' ? finiteLimit(arrays) : 1;
    this.cells.forEach((cell, h) => {
      if (cell.heads !== heads) {
        cell.heads = heads;
        this.name(cell, h, heads);
      }
      cell.map.render({
        values: arrays[h], rows: n, cols: n, limit, range: range ?? undefined, height: side, width: side,
        rowLabels: labels, colLabels: labels,
        readout: (q, k) => attentionReadout(this.S, { labels, r: result, head: result.heads[h], h, heads, q, k, scaled }),
      });
    });
  }
}
