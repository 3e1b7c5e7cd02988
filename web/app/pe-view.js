// Section 6 of the page: positional encodings (issue 5). Controls (table kind, d_model, max_len,
// base, layout), the pos x dim heatmap with the formula on hover, chosen columns as waves, the
// pos x pos similarity, and the user's text as token + position rows.
//
// The positional-encoding module runs on the main thread (its own instance of the WASM module,
// loaded when the section comes near the viewport): filling 2048 x 1024 values takes about a
// millisecond, less than a round trip to the worker plus copying 8 MB back, and painting has to
// happen here anyway. Every repaint reuses the same WASM buffers and ImageData (no allocation
// while a slider drags); the heatmap follows the slider, the similarity (max_len^2 cells) and the
// sentence follow once it rests. The section dispatches `pe-rendered` with timings.
import { getPageModule } from '../core/page-module.js';
import { LineChart } from './line-chart.js';
import { LEARNED_LIMIT, LEARNED_STDDEV, waveColumns, waveSeries } from './pe-curves.js';
import { PeHeatmap } from './pe-heatmap.js';
import { learnedReadout, num, similarityReadout, sinusoidalReadout } from './pe-readout.js';
import { SentencePanel } from './pe-sentence.js';

const LIMITS = { dModel: 1024, maxLen: 2048 };
const MAX_CURVES = 10;
// The Gram matrix of a learned table costs rows^2 x d_model: keep it under ~2^26 multiply-adds.
const LEARNED_SIMILARITY_WORK = 2 ** 26;
const SENTENCE_ROWS = 32;
// While a slider moves, the similarity and the sentence wait until it has been still this long.
const REST_DELAY = 150;

const $ = (id) => document.getElementById(id);
const now = () => performance.now();

export class PeView {
  /**
   * root: the section element; S: UI strings; seedInput: the page's seed field (learned table);
   * after: a promise the module waits for (the page's first tokens, issue 15) before it loads.
   */
  constructor(root, S, { seedInput, after } = {}) {
    this.after = after ?? Promise.resolve();
    this.root = root;
    this.seedInput = seedInput;
    this.sentence = null;
    this.dims = null; // null: automatic choice
    this.table = new PeHeatmap($('pe-table'));
    this.table.onClick = (row, col) => this.addDimension(col);
    this.curves = new LineChart($('pe-curves'));
    this.similarity = new PeHeatmap($('pe-similarity'));
    this.sentencePanel = new SentencePanel($('pe-sentence'), S);
    this.setStrings(S);
    this.bindControls();
    this.loadWhenNear();
  }

  // ---------- strings ----------

  setStrings(S) {
    this.S = S;
    const aria = {
      'pe-d-model': S.peDModelInput, 'pe-d-model-range': S.peDModelSlider, 'pe-max-len': S.peMaxLenInput,
      'pe-max-len-range': S.peMaxLenSlider, 'pe-base': S.peBaseInput, 'pe-base-range': S.peBaseSlider,
      'pe-kind': S.peKind, 'pe-layout': S.peLayout, 'pe-sim-measure': S.peSimMeasure, 'pe-dims': S.peDims,
    };
    for (const [id, label] of Object.entries(aria)) $(id).setAttribute('aria-label', label);
    this.table.setNames({ label: S.peTableLabel, xName: S.peAxisDim, yName: S.peAxisPos, legendName: S.peLegend });
    this.similarity.setNames({ label: S.peSimLabel, xName: S.peAxisPos, yName: S.peAxisPos, legendName: S.peSimLegend });
    this.curves.setLabel(S.peCurvesLabel);
    this.sentencePanel.setStrings(S);
    if (this.ws) this.update();
    else $('pe-status').textContent = S.peLoading;
  }

  // ---------- module ----------

  loadWhenNear() {
    const load = () => {
      if (this.loading) return;
      this.loading = this.loadModule();
    };
    if (typeof IntersectionObserver !== 'function') return this.after.then(load);
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) {
        observer.disconnect();
        load();
      }
    }, { rootMargin: '800px' });
    // Observed once the page's first tokens are shown: before that the sections above are
    // empty and this one looks near, and its instance would compete with them for the CPU.
    this.after.then(() => observer.observe(this.root));
  }

  async loadModule() {
    try {
      const api = await getPageModule(import.meta.url); // the page's one main-thread instance (issue 15)
      this.pe = api.pe;
      this.ws = api.pe.workspace();
      // Its own buffers: the learned similarity refills a table, which must not replace the shown one.
      this.simWs = api.pe.workspace();
      this.update();
    } catch (error) {
      this.showError(this.S.peCoreFailed + (error?.message ?? error));
    }
  }

  // ---------- controls ----------

  bindControls() {
    const pair = (rangeId, numberId, toNumber, toRange) => {
      $(rangeId).addEventListener('input', () => {
        $(numberId).value = toNumber(Number($(rangeId).value));
        this.update({ live: true });
      });
      $(numberId).addEventListener('input', () => {
        const v = Number($(numberId).value);
        if ($(numberId).value.trim() !== '' && Number.isFinite(v)) $(rangeId).value = toRange(v);
        this.update({ live: true });
      });
      for (const id of [rangeId, numberId]) $(id).addEventListener('change', () => this.update());
    };
    pair('pe-d-model-range', 'pe-d-model', String, String);
    pair('pe-max-len-range', 'pe-max-len', String, String);
    pair('pe-base-range', 'pe-base', (x) => String(Number((10 ** x).toPrecision(4))), (b) => (b > 0 ? String(Math.log10(b)) : '0'));
    for (const id of ['pe-kind', 'pe-layout', 'pe-sim-measure', 'pe-scale']) $(id).addEventListener('change', () => this.update());
    $('pe-dims').addEventListener('input', () => {
      this.dims = $('pe-dims').value.trim() === '' ? null : $('pe-dims').value;
      this.update({ live: true });
    });
    if (typeof ResizeObserver === 'function') {
      // Redraw for a new width in the next frame, not inside the observer's callback: the redraw
      // grows the section and resizes observed canvases, and a change made during delivery made
      // Firefox report "ResizeObserver loop completed with undelivered notifications" (issue 14).
      let width = 0;
      let frame = 0;
      const redraw = () => {
        frame = 0;
        if (this.root.clientWidth === width) return;
        width = this.root.clientWidth;
        this.update({ live: true });
      };
      new ResizeObserver(() => { frame ||= requestAnimationFrame(redraw); }).observe(this.root);
    }
    this.seedInput?.addEventListener('change', () => { if ($('pe-kind').value === 'learned') this.update(); });
  }

  addDimension(col) {
    const current = this.parseDims(this.spec).cols ?? [];
    const next = [...current.filter((c) => c !== col), col].slice(-MAX_CURVES);
    $('pe-dims').value = next.join(', ');
    this.dims = $('pe-dims').value;
    this.update();
  }

  /** The controls as a spec, or { error } with a message in the page's language. */
  readSpec() {
    const S = this.S;
    const int = (id, name, hi) => {
      const text = $(id).value.trim();
      const v = Number(text);
      if (text === '' || !Number.isInteger(v) || v < 1 || v > hi) return { error: S.peBadInt(name, 1, hi, text) };
      return { v };
    };
    const d = int('pe-d-model', 'd_model', LIMITS.dModel);
    if (d.error) return d;
    const n = int('pe-max-len', 'max_len', LIMITS.maxLen);
    if (n.error) return n;
    const baseText = $('pe-base').value.trim();
    const base = Number(baseText);
    if (baseText === '' || !Number.isFinite(base) || !(base > 1)) return { error: S.peBadBase(baseText || '""') };
    const seed = Number(this.seedInput?.value ?? 1);
    return {
      spec: {
        kind: $('pe-kind').value, dModel: d.v, maxLen: n.v, base, layout: $('pe-layout').value,
        seed: Number.isInteger(seed) && seed >= 0 ? seed : 1, stddev: LEARNED_STDDEV,
      },
    };
  }

  showError(message) {
    $('pe-error').hidden = !message;
    $('pe-error').textContent = message || '';
    this.root.classList.toggle('pe-stale', !!message);
  }

  // ---------- rendering ----------

  /**
   * Recomputes and repaints from the controls. The heatmap, the curves and the layout line are
   * redrawn at once; the similarity (max_len^2 cells) and the sentence too, unless `live` (a
   * slider or field still moving): then they follow REST_DELAY ms after the last change.
   */
  update({ live = false } = {}) {
    if (!this.ws) return;
    clearTimeout(this.restTimer);
    const { spec, error } = this.readSpec();
    if (error) {
      this.showError(error);
      return;
    }
    try {
      const timings = this.renderLive(spec);
      if (live) this.restTimer = setTimeout(() => this.guarded(() => this.renderRest(spec, timings)), REST_DELAY);
      else this.renderRest(spec, timings);
      this.showError('');
    } catch (e) {
      this.showError(this.S.peErrorPrefix + (e?.message ?? e));
    }
  }

  guarded(fn) {
    try {
      fn();
    } catch (e) {
      this.showError(this.S.peErrorPrefix + (e?.message ?? e));
    }
  }

  /** The views that follow a drag: the table heatmap and the curves. */
  renderLive(spec) {
    const t0 = now();
    const values = this.ws.fillTable(spec);
    const t1 = now();
    this.spec = spec;
    this.renderTable(spec, values);
    const t2 = now();
    this.renderCurves(spec, values); // reads `values` before any other fill can move WASM memory
    this.renderLayoutName(spec);
    const t3 = now();
    const timings = { fill: t1 - t0, paint: t2 - t1, heatmap: t2 - t0, curves: t3 - t2, live: t3 - t0 };
    $('pe-status').textContent = this.S.peTimings(num(timings.heatmap, 2));
    this.emit(spec, timings, false);
    return timings;
  }

  /** The similarity and the sentence; `timings` of the live part are completed and reported. */
  renderRest(spec, timings) {
    const t0 = now();
    this.renderSimilarity(spec);
    const t1 = now();
    this.sentencePanel.render(this.sentenceFor(), spec, this.ws, $('pe-scale').checked);
    const t2 = now();
    const all = { ...timings, similarity: t1 - t0, sentence: t2 - t1, total: timings.live + (t2 - t0) };
    this.root.dataset.peRenders = String(Number(this.root.dataset.peRenders ?? 0) + 1);
    this.emit(spec, all, true);
  }

  /** `pe-rendered` on the section: { spec, timings (ms), complete } after each part of an update. */
  emit(spec, timings, complete) {
    this.root.dispatchEvent(new CustomEvent('pe-rendered', { detail: { spec, timings, complete } }));
  }

  renderTable(spec, values) {
    const learned = spec.kind === 'learned';
    this.table.render({
      values, rows: spec.maxLen, cols: spec.dModel, limit: learned ? LEARNED_LIMIT : 1,
      readout: (pos, col) => this.tableReadout(spec, pos, col),
    });
  }

  tableReadout(spec, pos, col) {
    const value = this.ws.buffers.table.view()[pos * spec.dModel + col]; // a fresh view: memory may have grown
    if (spec.kind === 'learned') return learnedReadout(this.S, { pos, col, value });
    const dim = this.pe.dimension(spec, col);
    return sinusoidalReadout(this.S, { pos, col, dModel: spec.dModel, base: spec.base, dim, value });
  }

  renderLayoutName(spec) {
    const S = this.S;
    $('pe-layout-name').textContent = spec.kind === 'learned' ? S.peLayoutLearned(num(LEARNED_STDDEV))
      : spec.layout === 'split' ? S.peLayoutNameSplit(spec.dModel, Math.ceil(spec.dModel / 2))
        : S.peLayoutNameInterleaved(spec.dModel);
    $('pe-layout').disabled = spec.kind === 'learned';
    $('pe-base').disabled = spec.kind === 'learned';
    $('pe-base-range').disabled = spec.kind === 'learned';
  }

  // ---------- curves ----------

  /** Columns to plot: { cols } or { error }. Automatic: sines of pairs with very different wavelengths. */
  parseDims(spec) {
    if (!spec) return { cols: [] };
    if (this.dims === null) return { cols: waveColumns(spec) };
    const parts = this.dims.split(/[\s,]+/).filter(Boolean);
    const cols = parts.map(Number);
    const bad = parts.find((p, k) => !Number.isInteger(cols[k]) || cols[k] < 0 || cols[k] >= spec.dModel);
    if (bad !== undefined || cols.length === 0) return { error: this.S.peBadDims(bad ?? this.dims, spec.dModel - 1) };
    if (cols.length > MAX_CURVES) return { error: this.S.peTooManyDims(MAX_CURVES) };
    return { cols: [...new Set(cols)] };
  }

  /**
   * Sines of the pairs whose wavelengths are nearest max_len/16, /4, x1 and x4: waves from many
   * turns to less than one across the plot. lambda_i = 2 pi base^(2i/d), so i = d/2 log_base(lambda / 2 pi).
   */
  renderCurves(spec, values) {
    const { cols, error } = this.parseDims(spec);
    $('pe-dims-error').hidden = !error;
    $('pe-dims-error').textContent = error || '';
    if (error) return;
    this.curves.render(waveSeries(this.pe, this.S, spec, values, cols));
  }

  // ---------- similarity ----------

  renderSimilarity(spec) {
    const measure = $('pe-sim-measure').value;
    const cap = Math.max(1, Math.floor(Math.sqrt(LEARNED_SIMILARITY_WORK / spec.dModel)));
    const rows = spec.kind === 'learned' ? Math.min(spec.maxLen, cap) : spec.maxLen;
    const values = this.simWs.fillSimilarity(spec, measure, rows);
    const side = Math.min(420, Math.max(rows * 2, 160));
    let limit = 1;
    if (measure === 'dot') {
      limit = 0;
      for (let i = 0; i < values.length; i++) limit = Math.max(limit, Math.abs(values[i]));
      limit = limit || 1;
    }
    this.similarity.render({
      values, rows, cols: rows, limit, height: side, width: side,
      readout: (p, q) => similarityReadout(this.S, { p, q, measure, value: this.simWs.buffers.similarity.view()[p * rows + q] }),
    });
    const S = this.S;
    $('pe-sim-note').textContent = (spec.kind === 'learned' ? S.peSimLearned : S.peSimSinusoidal)
      + (rows < spec.maxLen ? ' ' + S.peSimCapped(rows, spec.maxLen) : '');
  }

  // ---------- the user's text ----------

  /** From the page's analysis result (section 5's embedding rows). */
  setSentence(result) {
    if (!result || !result.rows || !result.rowIds || !(result.dModel > 0)) {
      this.sentence = null;
    } else {
      const n = Math.min(result.rowIds.length, SENTENCE_ROWS);
      this.sentence = {
        labels: result.tokens.slice(0, n).map((t) => t.text),
        rows: Float32Array.from(result.rows.slice(0, n * result.dModel)),
        dModel: result.dModel,
      };
    }
    if (this.ws && this.spec) {
      try {
        this.sentencePanel.render(this.sentenceFor(), this.spec, this.ws, $('pe-scale').checked);
      } catch (e) {
        this.sentencePanel.showNote(this.S.peErrorPrefix + (e?.message ?? e), true);
      }
    }
  }

  sentenceFor() {
    return this.sentence;
  }
}
