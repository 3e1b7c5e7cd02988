// The shuffle experiment (issue 11), shared by the page and <attention-view>: permute the words
// (seeded), compute attention for the shuffled sentence, put its rows and columns back in the
// original word order, and compare with the original: side by side the original weights, the
// shuffled sentence's weights re-ordered back, and their difference. Without positions (and
// without a causal mask) self-attention is permutation-equivariant, so the difference is exactly
// zero; with positions each word's input changes with its place, so it is not. The permutation,
// the re-ordering and the largest difference are the core's (web/core/attention.js).
import { SEQUENTIAL_LUT } from './color-scale.js';
import { PeHeatmap } from './pe-heatmap.js';
import { cellReadout } from './attention-readout.js';
import { finiteLimit } from './attention-figure.js';
import { num } from './pe-readout.js';

function el(tag, className, text) {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

export class ShuffleFigure {
  constructor(container, S) {
    this.container = container;
    container.classList.add('attn-shuffle-grid');
    this.shuffledText = el('p', 'attn-shuffled-text');
    this.result = el('p', 'attn-shuffle-result');
    this.result.setAttribute('role', 'status');
    const grid = el('div', 'attn-shuffle-maps');
    this.parts = ['original', 'restored', 'difference'].map((name) => {
      const box = el('figure', `attn-head attn-shuffle-${name}`);
      const title = el('figcaption');
      const figure = el('div');
      box.append(title, figure);
      grid.append(box);
      const map = new PeHeatmap(figure, { rowLabels: true, legendSteps: 3, lut: name === 'difference' ? undefined : SEQUENTIAL_LUT });
      return { name, title, map };
    });
    container.append(this.shuffledText, this.result, grid);
    this.setStrings(S);
  }

  setStrings(S) {
    this.S = S;
    const titles = { original: S.attnShuffleOriginal, restored: S.attnShuffleRestored, difference: S.attnShuffleDifference };
    for (const p of this.parts) {
      p.title.textContent = titles[p.name];
      p.map.setNames({ label: titles[p.name], xName: S.attnAxisKey, yName: S.attnAxisQuery, legendName: p.name === 'difference' ? S.attnLegendDiff : S.attnLegendWeight });
    }
  }

  /**
   * experiment: Attention.shuffleExperiment(...) (copied arrays); labels: the original token texts;
   * head: which head to show; width: CSS width for the three maps.
   * Returns { maxDiff, zero } (the largest |difference| of the weights over every head).
   */
  render(experiment, labels, { head = 0, width, positions, causal }) {
    const S = this.S;
    const n = experiment.original.n;
    const original = experiment.original.heads[head].weights;
    const restored = experiment.restored.heads[head].weights;
    const difference = new Float32Array(n * n);
    for (let i = 0; i < n * n; i++) difference[i] = restored[i] - original[i];
    const shuffledLabels = Array.from(experiment.order, (t) => labels[t]);
    this.shuffledText.textContent = S.attnShuffledSentence(shuffledLabels.join(' '));
    const maxDiff = experiment.maxDiff.weights;
    const zero = maxDiff === 0;
    this.result.textContent = S.attnShuffleResult(num(maxDiff, 6), zero, positions, causal);
    this.result.dataset.maxDiff = String(maxDiff);
    const side = Math.max(150, Math.min(300, Math.floor(width / 3) - 90));
    const wmax = finiteLimit([original, restored]);
    const data = { original, restored, difference };
    const what = { original: S.attnLegendWeight, restored: S.attnLegendWeight, difference: S.attnLegendDiff };
    for (const p of this.parts) {
      const values = data[p.name];
      p.map.render({
        values, rows: n, cols: n, height: side, width: side, rowLabels: labels, colLabels: labels,
        limit: p.name === 'difference' ? finiteLimit([difference]) : 1,
        range: p.name === 'difference' ? undefined : [0, wmax],
        readout: (q, k) => cellReadout(S, { labels, q, k, value: values[q * n + k], what: what[p.name] }),
      });
    }
    return { maxDiff, zero };
  }
}
