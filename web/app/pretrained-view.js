// Section 10 of the page: a model's real embedding matrices from a safetensors file the reader
// opens (issue 13). The file is read by ranges in web/core/pretrained-worker.js; this file turns
// the worker's answers into the progress bar, the nearest-token list, the lookup heatmaps,
// the learned-vs-sinusoidal position heatmaps and the map of chosen tokens (PCA, or t-SNE
// computed in the worker in slices, drawn as it settles on section 8's zoomable plot).
// Nothing is uploaded anywhere.
import { parsePairs } from '../core/word-pairs.js';
import { Heatmap } from './heatmap.js';
import { ProjectionPlot } from './projection-plot.js';
import { renderResults } from './result-list.js';

const $ = (id) => document.getElementById(id);
const MAX_LOOKUP_TOKENS = 32;
const FREQUENT_TOKENS = 300; // the one-click choice: section 1's most frequent tokens
const TOKEN_RESULTS = { key: 'token', digits: 4, classes: ['token', 'score'] }; // a model's tokens, scores to 4 places
const NOTE_MS = 1000; // the t-SNE note (read by screen readers on demand) changes at most once a second

class PretrainedClient {
  /** `compiled`: () => Promise<{ module, simd }>, the page's full module (sent first), or undefined. */
  constructor(url, compiled) {
    this.worker = new Worker(url, { type: 'module' });
    this.ready = compiled ? compiled().then(({ module, simd }) => this.worker.postMessage({ type: 'module', module, simd }), () => {})
      : Promise.resolve(); // a failed compile: the worker fetches its own copy and reports the failure
    this.pending = new Map();
    this.nextId = 1;
    this.worker.onmessage = ({ data }) => {
      const call = this.pending.get(data.id);
      if (!call) return;
      if (data.progress !== undefined) {
        call.onProgress?.(data.progress, data);
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

  async call(method, args, onProgress) {
    await this.ready; // the module message goes first
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, onProgress });
      this.worker.postMessage({ id, method, args });
    });
  }
}

export class PretrainedView {
  /** getText() -> the text of section 1 (string). */
  constructor(strings, { workerUrl, plotWorkerUrl, getText, compiled }) {
    this.S = strings;
    this.compiled = compiled; // the page's full module, handed to the weights worker (issue 15)
    this.getText = getText;
    this.workerUrl = workerUrl;
    this.plotWorkerUrl = plotWorkerUrl;
    this.plot = null; // the map's ProjectionPlot, made when the first map is asked for
    this.mapSeq = 0; // bumped by every map request: answers to an older one are dropped
    $('pt-map-wrap').setAttribute('aria-label', strings.ptMapTableLabel);
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
      this.map();
    });
    $('pt-map-frequent').addEventListener('click', () => this.mapFrequent());
    $('pt-map-cancel').addEventListener('click', () => this.client?.call('cancelMap', []));
    $('pt-map-reset').addEventListener('click', () => this.plot?.resetView());
    $('pt-dir-form').addEventListener('submit', (e) => {
      e.preventDefault();
      this.direction();
    });
  }

  setStrings(S) {
    this.S = S;
    $('pt-map-wrap').setAttribute('aria-label', S.ptMapTableLabel);
    if (this.summary) this.showSummary();
    if (this.mapShown) this.labelMap();
    if (this.mapNoteText) this.mapNote(this.mapNoteText);
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
    this.client ??= new PretrainedClient(this.workerUrl, this.compiled);
    this.showError('');
    this.clearMap();
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
    $('pt-map-frequent').hidden = !s.tokenizer;  // counting a text's tokens needs the model's tokenizer
    $('pt-positions-block').hidden = !(s.positionRows > 0);
  }

  // Shows `list` ([{token, score}]) in the <ol> `listId`, or the error in `errorId`.
  async answer(listId, errorId, request) {
    $(errorId).hidden = true;
    try {
      const result = await request();
      const lists = Array.isArray(result) ? { [listId]: result } : result;
      for (const [id, list] of Object.entries(lists)) renderResults($(id), list, TOKEN_RESULTS);
    } catch (error) {
      $(errorId).textContent = error.message;
      $(errorId).hidden = false;
    }
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

  // ---------- the map of chosen tokens: PCA, or t-SNE in slices ----------

  /** Plots the tokens typed in the box (duplicates once each) with the chosen method. */
  map() {
    const tokens = [...new Set($('pt-pca-tokens').value.split(/\s+/).filter(Boolean))];
    return this.plotTokens(tokens, null);
  }

  /** One click: section 1's FREQUENT_TOKENS most frequent tokens, written into the box and plotted. */
  async mapFrequent() {
    const seq = ++this.mapSeq;
    this.showMapError('');
    try {
      const list = await this.client.call('frequentTokens', [this.getText(), FREQUENT_TOKENS]);
      if (seq !== this.mapSeq) return;
      if (!list.length) throw new Error(this.S.ptNoText);
      $('pt-pca-tokens').value = list.map((t) => t.token).join(' ');
      await this.plotTokens(list.map((t) => t.token), list.map((t) => t.count));
    } catch (error) {
      if (seq === this.mapSeq) this.showMapError(error.message);
    }
  }

  /** `counts`: how often each token occurs in section 1 (colours and hover), or null. */
  async plotTokens(tokens, counts) {
    const seq = ++this.mapSeq;
    const method = $('pt-map-method').value === 'tsne' ? 'tsne' : 'pca';
    this.showMapError('');
    try {
      if (method === 'tsne') await this.tsne(seq, tokens, counts);
      else {
        this.client.call('cancelMap', []);  // a t-SNE still running stops: the PCA replaces it
        this.showTsneRunning(false);
        const p = await this.client.call('project', [tokens]);
        if (seq !== this.mapSeq) return;
        this.showMap('pca', tokens, counts);
        this.plot.setCoords(p.coords, tokens.length);
        this.fillPoints(p.coords);
        this.mapNote((S) => S.ptPcaExplain(tokens.length, (p.explained[0] * 100).toFixed(1), ((p.explained[1] ?? 0) * 100).toFixed(1)));
        $('pt-map').dataset.state = 'done';
      }
    } catch (error) {
      if (seq === this.mapSeq && error.message !== 'replaced') this.showMapError(error.message);
    }
  }

  async tsne(seq, tokens, counts) {
    const bar = $('pt-map-progress');
    let last = null;
    let noteAt = -Infinity;
    const note = (frame) => this.mapNote((S) => S.ptTsneExplain(tokens.length, frame.iteration, frame.iterations, frame.perplexity.toFixed(0)));
    const request = this.client.call('tsne', [tokens, { seed: 1 }], (progress, { frame }) => {
      if (seq !== this.mapSeq) return;
      if (!last) this.showMap('tsne', tokens, counts);
      last = frame;
      this.plot.setCoords(frame.coords, frame.rows);
      bar.value = progress;
      bar.setAttribute('aria-valuenow', String(Math.round(progress * 100)));
      if (performance.now() - noteAt >= NOTE_MS) {
        noteAt = performance.now();
        note(frame);
      }
    });
    bar.value = 0;
    bar.setAttribute('aria-valuenow', '0');
    this.showTsneRunning(true);
    this.mapNote((S) => S.ptTsneStarting(tokens.length));
    $('pt-map').dataset.state = 'running';
    try {
      last = await request;
      if (seq !== this.mapSeq) return;
      note(last);
      $('pt-map').dataset.state = 'done';
    } catch (error) {
      if (seq !== this.mapSeq) throw error;  // replaced by a newer request: nothing to show
      if (error.message !== 'cancelled') {
        this.mapNote(null);
        $('pt-map').dataset.state = 'failed';
        throw error;
      }
      this.mapNote(last && ((S) => S.ptTsneStopped(tokens.length, last.iteration, last.iterations)));
      $('pt-map').dataset.state = 'stopped';
    } finally {
      if (seq === this.mapSeq) {
        this.showTsneRunning(false);
        if (last) this.fillPoints(last.coords);
      }
    }
  }

  // The line under the map, from `text(strings)` (or none), written again when the language changes.
  mapNote(text) {
    this.mapNoteText = text;
    $('pt-pca-explain').textContent = text ? text(this.S) : '';
  }

  // The progress bar and Stop button of a running t-SNE; focus on Stop moves to Plot when it hides.
  showTsneRunning(running, focusTo = 'pt-pca-go') {
    const cancel = $('pt-map-cancel');
    if (!running && document.activeElement === cancel) $(focusTo).focus();
    cancel.hidden = !running;
    $('pt-map-progress').hidden = !running;
  }

  // The map's plot (section 8's zoomable one), with the chosen tokens as its points.
  showMap(method, tokens, counts) {
    this.plot ??= new ProjectionPlot($('pt-map'), {
      label: '', workerUrl: this.plotWorkerUrl, helpId: 'pt-map-help', labelAll: true,
      describe: (token, count) => this.describeToken(token, count),
      onSelect: (token) => {
        $('pt-token').value = token;
        this.neighbors();
      },
    });
    this.plot.canvas.setAttribute('aria-details', 'pt-map-points');
    this.mapShown = { method, tokens, counts };
    this.plot.setWords(tokens, counts);
    this.labelMap();
    $('pt-map').dataset.method = method;
    $('pt-pca-box').hidden = false;
  }

  labelMap() {
    const { method, tokens } = this.mapShown;
    this.plot.setLabel(this.S.ptMapLabel(method, tokens.length));
  }

  // The text alternative: every point with its coordinates (and count), in a table under the plot.
  fillPoints(coords) {
    const { tokens, counts } = this.mapShown;
    $('pt-map-table').replaceChildren(...tokens.map((t, i) => {
      const tr = document.createElement('tr');
      [t, coords[2 * i].toFixed(3), coords[2 * i + 1].toFixed(3), counts ? String(counts[i]) : '–'].forEach((v, j) => {
        const td = document.createElement('td');
        if (j > 0) td.className = 'num';
        td.textContent = v;
        tr.append(td);
      });
      return tr;
    }));
  }

  async describeToken(token, count) {
    try {
      const near = await this.client.call('neighbors', [token, 5]);
      return this.S.ptHover(token, count, near.map((n) => `${n.token} ${n.score.toFixed(2)}`).join(', '));
    } catch {
      return this.S.ptHover(token, count, '');
    }
  }

  // A new file: the old map goes (its worker stops a running t-SNE).
  clearMap() {
    this.mapSeq++;
    this.mapShown = null;
    this.showTsneRunning(false, 'pt-file');
    $('pt-pca-box').hidden = true;
    this.mapNote(null);
    $('pt-map-table').replaceChildren();
    this.showMapError('');
  }

  showMapError(message) {
    $('pt-pca-error').textContent = message;
    $('pt-pca-error').hidden = !message;
  }

  async neighbors() {
    if (!this.summary) return;
    const token = $('pt-token').value.trim();
    const k = Math.max(1, Math.min(100, Number($('pt-k').value) || 10));
    $('pt-nn-error').hidden = true;
    try {
      const list = await this.client.call('neighbors', [token, k]);
      renderResults($('pt-nn-results'), list, TOKEN_RESULTS);
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
