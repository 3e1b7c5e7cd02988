// The user's sentence as the model's input: token embedding rows, position rows and their sum,
// x_t = s * E[token_t] + P[t], as three aligned heatmaps (one row per token, same colour range)
// so one can see what adding positions does to each token's vector. The sum is computed by the
// core (model_input.h); the token rows come from the page's embedding lookup (section 5), so
// d_model here is that section's d_model.
import { PeHeatmap } from './pe-heatmap.js';
import { num } from './pe-readout.js';

function maxAbs(...arrays) {
  let m = 0;
  for (const a of arrays) for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]));
  return m || 1;
}

export class SentencePanel {
  constructor(container, S) {
    this.container = container;
    this.note = container.querySelector('.pe-sentence-note');
    const grid = container.querySelector('.pe-sentence-grid');
    this.parts = ['emb', 'pe', 'sum'].map((name, k) => {
      const box = document.createElement('div');
      box.className = `pe-sentence-part pe-sentence-${name}`;
      const title = document.createElement('h4');
      const figure = document.createElement('div');
      box.append(title, figure);
      grid.append(box);
      return { name, title, map: new PeHeatmap(figure, { rowLabels: k === 0, legendSteps: 3 }) };
    });
    this.setStrings(S);
  }

  setStrings(S) {
    this.S = S;
    const titles = { emb: S.peSentenceEmb, pe: S.peSentencePe, sum: S.peSentenceSum };
    for (const p of this.parts) {
      p.title.textContent = titles[p.name];
      p.map.setNames({ label: titles[p.name], xName: S.peAxisDim, yName: S.peSentenceTokens, legendName: S.peLegendValue });
    }
  }

  showNote(text, isError = false) {
    this.note.textContent = text;
    this.note.classList.toggle('error', isError);
  }

  /**
   * sentence: { labels, rows (Float32Array tokens x dModel), dModel } or null; spec: the position
   * table's { kind, maxLen, base, layout, seed }; ws: a PeWorkspace; scaled: multiply E by sqrt(d).
   */
  render(sentence, spec, ws, scaled) {
    const S = this.S;
    this.container.hidden = false;
    if (!sentence || sentence.labels.length === 0) {
      this.showNote(S.peSentenceEmpty);
      this.setPartsHidden(true);
      return;
    }
    const n = sentence.labels.length;
    const d = sentence.dModel;
    if (n > spec.maxLen) {
      this.showNote(S.peSentenceTooLong(n, spec.maxLen), true);
      this.setPartsHidden(true);
      return;
    }
    const scale = scaled ? Math.sqrt(d) : 1;
    const views = ws.fillModelInput(sentence.rows, { ...spec, dModel: d }, scale);
    const positions = Float32Array.from(views.positions);
    const input = Float32Array.from(views.input.subarray(0, n * d));
    const emb = sentence.rows.map((v) => v * scale);
    this.showNote(S.peSentenceExplain(n, d, scaled ? num(scale, 4) : '1'));
    this.setPartsHidden(false);
    const limit = maxAbs(emb, positions, input);
    const data = { emb, pe: positions, sum: input };
    const height = Math.min(420, Math.max(n * 14, 60));
    for (const p of this.parts) {
      p.map.render({
        values: data[p.name], rows: n, cols: d, limit, height, rowLabels: p.name === 'emb' ? sentence.labels : undefined,
        readout: (r, c) => this.readout(p.name, r, c, sentence.labels[r], emb, positions, input, d),
      });
    }
  }

  setPartsHidden(hidden) {
    for (const p of this.parts) p.title.parentElement.hidden = hidden;
  }

  readout(part, r, c, token, emb, positions, input, d) {
    const i = r * d + c;
    const S = this.S;
    if (part === 'emb') return S.peSentenceReadoutEmb(token, r, c, num(emb[i], 6));
    if (part === 'pe') return S.peSentenceReadoutPe(token, r, c, num(positions[i], 6));
    return S.peSentenceReadoutSum(token, r, c, num(emb[i], 6), num(positions[i], 6), num(input[i], 6));
  }
}
