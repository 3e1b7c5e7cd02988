// Section 10 of the page: a model's real embedding matrices from a safetensors file the reader
// opens (issue 13). The file is read by ranges in web/core/pretrained-worker.js; this file turns
// the worker's answers into the progress bar, the nearest-token list, the lookup heatmaps and
// the learned-vs-sinusoidal position heatmaps. Nothing is uploaded anywhere.
import { parsePairs } from '../core/word-pairs.js';
import { Heatmap } from './heatmap.js';

const $ = (id) => document.getElementById(id);
const MAX_LOOKUP_TOKENS = 32;

class PretrainedClient {
  constructor(url) {
    this.worker = new Worker(url, { type: 'module' });
    this.pending = new Map();
    this.nextId = 1;
    this.worker.onmessage = ({ data }) => {
      const call = this.pending.get(data.id);
      if (!call) return;
      if (data.progress !== undefined) {
        call.onProgress?.(data.progress);
        return;
      }
      this.pending.delete(data.id);
      if (data.error !== undefined) call.reject(Object.assign(new Error(data.error), { matrices: data.matrices }));
      else call.resolve(data.result);
    };
    this.worker.onerror = (event) => {
      const error = new Error(event.message || 'the weights worker failed to start');
      for (const call of this.pending.values()) call.reject(error);
      this.pending.clear();
    };
  }

  call(method, args, onProgress) {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, onProgress });
      this.worker.postMessage({ id, method, args });
    });
  }
}

export class PretrainedView {
  /** getText() -> the text of section 1 (string). */
  constructor(strings, { workerUrl, getText }) {
    this.S = strings;
    this.getText = getText;
    this.workerUrl = workerUrl;
    this.client = null;
    this.summary = null;
    this.busy = false;
    this.lookupMap = new Heatmap($('pt-lookup'), { label: strings.ptLookupLabel, legendLabel: strings.legendLabel });
    this.inputMap = new Heatmap($('pt-input'), { label: strings.ptInputLabel, legendLabel: strings.legendLabel });
    this.maps = ['pt-learned', 'pt-sinusoid', 'pt-learned-sim', 'pt-sinusoid-sim'].map(
      (id) => new Heatmap($(id), { label: strings[`${id.replace(/-(.)/g, (_, c) => c.toUpperCase())}Label`] ?? id, legendLabel: strings.legendLabel }));
    $('pt-file').addEventListener('change', () => this.open());
    $('pt-vocab').addEventListener('change', () => { if ($('pt-file').files[0]) this.open(); });
    $('pt-table').addEventListener('change', () => this.open());
    $('pt-nn-form').addEventListener('submit', (e) => {
      e.preventDefault();
      this.neighbors();
    });
    $('pt-lookup-go').addEventListener('click', () => this.lookup());
    $('pt-an-form').addEventListener('submit', (e) => {
      e.preventDefault();
      this.analogy();
    });
    $('pt-cancel').addEventListener('click', () => this.client?.call('cancel', []));
    $('pt-pos-form').addEventListener('submit', (e) => {
      e.preventDefault();
      this.positions();
    });
    $('pt-pca-form').addEventListener('submit', (e) => {
      e.preventDefault();
      this.pca();
    });
    $('pt-dir-form').addEventListener('submit', (e) => {
      e.preventDefault();
      this.direction();
    });
  }

  setStrings(S) {
    this.S = S;
    if (this.summary) this.showSummary();
  }

  showError(message) {
    $('pt-error').textContent = message;
    $('pt-error').hidden = !message;
  }

  async open() {
    const file = $('pt-file').files[0];
    if (!file) return;
    if (this.busy) {  // a new choice while a file loads: open it when this one is done
      this.again = true;
      return;
    }
    this.busy = true;
    this.client ??= new PretrainedClient(this.workerUrl);
    this.showError('');
    $('pt-loaded').hidden = true;
    const bar = $('pt-progress');
    bar.hidden = false;
    bar.value = 0;
    $('pt-cancel').hidden = false;
    $('pt-status').textContent = this.S.ptReading(file.name, (file.size / 1e6).toFixed(1));
    const started = performance.now();
    try {
      this.summary = await this.client.call('open', [file, $('pt-vocab').files[0] ?? null, $('pt-table').value], (f) => {
        bar.value = f;
        bar.setAttribute('aria-valuenow', String(Math.round(f * 100)));
      });
      this.summary.ms = Math.round(performance.now() - started);
      this.summary.fileName = file.name;
      this.showSummary();
      $('pt-loaded').hidden = false;
      if (!$('pt-table').value) $('pt-table-label').hidden = true;
      $('pt-status').dataset.ms = String(this.summary.ms);
      $('pt-status').dataset.wasmBytes = String(this.summary.wasmMemoryBytes);
      await this.neighbors();
      if (this.summary.tokenizer) await this.lookup();
      if (this.summary.positionRows > 0) await this.positions();
    } catch (error) {
      this.summary = null;
      $('pt-status').textContent = '';
      if (error.message === 'cancelled') {
        $('pt-status').textContent = this.S.ptCancelled;
      } else {
        this.showError(error.message);
        this.offerTables(error.matrices);
      }
    } finally {
      const cancel = $('pt-cancel');
      if (document.activeElement === cancel) $('pt-file').focus();  // focus never lost with the button
      cancel.hidden = true;
      bar.hidden = true;
      this.busy = false;
      if (this.again) {
        this.again = false;
        this.open();
      }
    }
  }

  // A file with no GPT-2 or BERT names: let the reader pick the token table among its 2-D tensors.
  offerTables(matrices) {
    const select = $('pt-table');
    const keep = select.value;
    const unknownLayout = /no GPT-2 or BERT/.test($('pt-error').textContent);
    if (!matrices?.length || (!unknownLayout && !keep)) return;
    select.replaceChildren(new Option(this.S.ptTableAuto, ''),
      ...matrices.map((m) => new Option(`${m.name} [${m.shape.join(', ')}]`, m.name)));
    select.value = keep;
    $('pt-table-label').hidden = false;
  }

  showSummary() {
    const s = this.summary;
    $('pt-status').textContent = this.S.ptLoaded(s.fileName, s.kind, s.vocabSize.toLocaleString(this.S.lang), s.width, s.ms);
    $('pt-token').placeholder = s.kind === 'gpt2' ? 'Ġking' : '';
    if (!$('pt-token').value) $('pt-token').value = s.kind === 'gpt2' ? 'Ġking' : s.kind === 'bert' ? 'king' : '#0';
    $('pt-nn-note').textContent = s.kind === 'gpt2' ? this.S.ptGpt2Note : '';
    const g = s.kind === 'gpt2' ? 'Ġ' : '';
    if (s.kind !== 'other' && !$('pt-an-a').value) {
      [['a', 'man'], ['b', 'king'], ['c', 'woman']].forEach(([x, w]) => { $(`pt-an-${x}`).value = g + w; });
      $('pt-dir-pairs').value = `${g}man ${g}woman, ${g}king ${g}queen`;
      $('pt-pca-tokens').value = ['king', 'queen', 'man', 'woman', 'prince', 'princess', 'Paris', 'London', 'France', 'England']
        .map((w) => g + (s.kind === 'bert' ? w.toLowerCase() : w)).join(' ');
    }
    $('pt-lookup-block').hidden = !s.tokenizer;
    $('pt-positions-block').hidden = !(s.positionRows > 0);
  }

  // Shows `list` ([{token, score}]) in the <ol> `listId`, or the error in `errorId`.
  async answer(listId, errorId, request) {
    $(errorId).hidden = true;
    try {
      const result = await request();
      const lists = Array.isArray(result) ? { [listId]: result } : result;
      for (const [id, list] of Object.entries(lists)) $(id).replaceChildren(...list.map((n) => this.item(n)));
    } catch (error) {
      $(errorId).textContent = error.message;
      $(errorId).hidden = false;
    }
  }

  item(n) {
    const li = document.createElement('li');
    const word = document.createElement('span');
    word.className = 'token';
    word.textContent = n.token;
    const score = document.createElement('span');
    score.className = 'score';
    score.textContent = n.score.toFixed(4);
    li.append(word, ' ', score);
    return li;
  }

  analogy() {
    const [a, b, c] = ['a', 'b', 'c'].map((x) => $(`pt-an-${x}`).value.trim());
    return this.answer('pt-an-results', 'pt-an-error', () => this.client.call('analogy', [a, b, c, 5]));
  }

  direction() {
    return this.answer('pt-dir-high', 'pt-dir-error', async () => {
      const r = await this.client.call('alongDirection', [parsePairs($('pt-dir-pairs').value), 10]);
      return { 'pt-dir-high': r.highest, 'pt-dir-low': r.lowest };
    });
  }

  async pca() {
    $('pt-pca-error').hidden = true;
    try {
      const tokens = $('pt-pca-tokens').value.split(/\s+/).filter(Boolean);
      const p = await this.client.call('project', [tokens]);
      this.drawPca(p);
    } catch (error) {
      $('pt-pca-error').textContent = error.message;
      $('pt-pca-error').hidden = false;
    }
  }

  drawPca({ tokens, coords, explained }) {
    const svg = $('pt-pca');
    const ns = 'http://www.w3.org/2000/svg';
    const xs = tokens.map((_, i) => coords[2 * i]);
    const ys = tokens.map((_, i) => coords[2 * i + 1]);
    const span = (v) => Math.max(...v) - Math.min(...v) || 1;
    const [w, h, pad] = [600, 320, 40];
    const sx = (x) => pad + ((x - Math.min(...xs)) / span(xs)) * (w - 2 * pad);
    const sy = (y) => h - pad - ((y - Math.min(...ys)) / span(ys)) * (h - 2 * pad);
    svg.replaceChildren(...tokens.flatMap((t, i) => {
      const c = document.createElementNS(ns, 'circle');
      c.setAttribute('cx', sx(xs[i]).toFixed(1));
      c.setAttribute('cy', sy(ys[i]).toFixed(1));
      c.setAttribute('r', '3');
      const label = document.createElementNS(ns, 'text');
      label.setAttribute('x', (sx(xs[i]) + 5).toFixed(1));
      label.setAttribute('y', (sy(ys[i]) - 5).toFixed(1));
      label.textContent = t;
      return [c, label];
    }));
    $('pt-pca-box').hidden = false;
    $('pt-pca-explain').textContent = this.S.ptPcaExplain(tokens.length, (explained[0] * 100).toFixed(1), ((explained[1] ?? 0) * 100).toFixed(1));
  }

  async neighbors() {
    if (!this.summary) return;
    const token = $('pt-token').value.trim();
    const k = Math.max(1, Math.min(100, Number($('pt-k').value) || 10));
    $('pt-nn-error').hidden = true;
    try {
      const list = await this.client.call('neighbors', [token, k]);
      $('pt-nn-results').replaceChildren(...list.map((n) => {
        const li = document.createElement('li');
        const word = document.createElement('span');
        word.className = 'token';
        word.textContent = n.token;
        const score = document.createElement('span');
        score.className = 'score';
        score.textContent = n.score.toFixed(4);
        li.append(word, ' ', score);
        return li;
      }));
      $('pt-nn-results').dataset.query = token;
    } catch (error) {
      $('pt-nn-error').textContent = error.message;
      $('pt-nn-error').hidden = false;
    }
  }

  async lookup() {
    if (!this.summary?.tokenizer) return;
    const r = await this.client.call('lookup', [this.getText(), MAX_LOOKUP_TOKENS]);
    const labels = r.tokens.map((t) => `${t.text} (${t.id})`);
    const S = this.S;
    $('pt-lookup-explain').textContent = S.ptLookupExplain(r.total, r.tokens.length, r.width);
    this.lookupMap.render({
      values: r.rows, rows: r.tokens.length, cols: r.width, rowLabels: labels,
      readout: (row, col, v) => S.ptReadout(r.tokens[row].text, r.tokens[row].id, r.tokens[row].norm.toFixed(3), col, v.toFixed(4)),
    });
    $('pt-lookup-table').replaceChildren(...r.tokens.map((t) => {
      const tr = document.createElement('tr');
      [t.text, t.id, t.norm.toFixed(4)].forEach((v, i) => {
        const td = document.createElement('td');
        if (i > 0) td.className = 'num';
        td.textContent = String(v);
        tr.append(td);
      });
      return tr;
    }));
    $('pt-input-block').hidden = !r.input;
    if (r.input) {
      this.inputMap.render({ values: r.input, rows: r.inputRows, cols: r.width, rowLabels: labels.slice(0, r.inputRows),
        readout: (row, col, v) => S.ptInputReadout(r.tokens[row].text, row, col, v.toFixed(4)) });
    }
  }

  async positions() {
    const rows = Math.max(1, Math.min(this.summary.positionRows, Number($('pt-pos-rows').value) || 64));
    $('pt-pos-rows').max = String(this.summary.positionRows);
    const v = await this.client.call('positionView', [rows]);
    const labels = Array.from({ length: v.rows }, (_, i) => String(i));
    const S = this.S;
    const [learned, sinusoid, learnedSim, sinusoidSim] = this.maps;
    learned.render({ values: v.learned, rows: v.rows, cols: v.cols, rowLabels: labels, readout: (p, c, x) => S.ptPosReadout(p, c, x.toFixed(4)) });
    sinusoid.render({ values: v.sinusoid, rows: v.rows, cols: v.cols, rowLabels: labels, readout: (p, c, x) => S.ptPosReadout(p, c, x.toFixed(4)) });
    learnedSim.render({ values: v.learnedSimilarity, rows: v.rows, cols: v.rows, rowLabels: labels, limit: 1, readout: (p, q, x) => S.ptSimReadout(p, q, x.toFixed(3)) });
    sinusoidSim.render({ values: v.sinusoidSimilarity, rows: v.rows, cols: v.rows, rowLabels: labels, limit: 1, readout: (p, q, x) => S.ptSimReadout(p, q, x.toFixed(3)) });
    $('pt-positions-explain').textContent = S.ptPositionsExplain(v.rows, v.cols, this.summary.positionRows);
  }
}
