// Section 7 of the page: what attention does with the input (issue 11). The model input of
// section 6 (the first tokens of the text: X = s·E + P, built by the core from section 5's
// embedding rows and section 6's settings) goes through scaled dot-product attention (Vaswani et
// al. 2017, eq. 1): scores and softmax weights per head as heatmaps with token labels, the
// formula on hover, the shuffle experiment and the "same word, two positions" readout.
//
// Where it runs: on the main thread, in the module instance the positional-encoding section
// already loaded (PeView.moduleApi()): no worker round trip, and the maps are painted here anyway.
// Each control change recomputes and repaints at once (see tests/bench/attention_bench.mjs for
// the figures); the work caches of the core (web/core/attention.js) keep a change of heads,
// scaling, mask or a seen positions setting to the n x n work. The section dispatches
// `attn-rendered` with { timings } and counts renders in data-attn-renders.
import { createAttention } from '../core/attention.js';
import { AttentionHeads } from './attention-figure.js';
import { ShuffleFigure } from './attention-shuffle.js';
import { num } from './pe-readout.js';

export const ATTENTION_MAX_TOKENS = 512; // the core's limit (src/transformer/attention_config.h)
const LEARNED_STDDEV = 0.02;
const $ = (id) => document.getElementById(id);
const now = () => performance.now();

export class AttentionView {
  /** root: the section; S: UI strings; peView: section 6 (module, settings); dModelInput: section 2's d_model. */
  constructor(root, S, { peView, dModelInput, seedInput }) {
    this.root = root;
    this.peView = peView;
    this.dModelInput = dModelInput;
    this.seedInput = seedInput;
    this.sentence = null;
    this.shuffleRound = 0; // 0: not shuffled; k: the k-th shuffle (its seed)
    this.scores = new AttentionHeads($('attn-scores'), S, 'scores');
    this.weights = new AttentionHeads($('attn-weights'), S, 'weights');
    this.shuffle = new ShuffleFigure($('attn-shuffle-figure'), S);
    this.setStrings(S);
    this.bindControls();
    this.loadWhenNear();
  }

  setStrings(S) {
    this.S = S;
    this.scores.setStrings(S);
    this.weights.setStrings(S);
    this.shuffle.setStrings(S);
    this.labelShuffleButton();
    if (this.att) this.update();
    else $('attn-status').textContent = S.peLoading;
  }

  loadWhenNear() {
    const load = () => {
      this.loading ??= this.peView.moduleApi().then((api) => {
        this.att = createAttention(api.module);
        this.update();
      }).catch((error) => this.showError(this.S.peCoreFailed + (error?.message ?? error)));
    };
    if (typeof IntersectionObserver !== 'function') return load();
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) {
        observer.disconnect();
        load();
      }
    }, { rootMargin: '800px' });
    observer.observe(this.root);
  }

  bindControls() {
    for (const id of ['attn-positions', 'attn-proj', 'attn-scale', 'attn-causal', 'attn-heads']) {
      $(id).addEventListener('change', () => this.update());
    }
    $('attn-heads').addEventListener('input', () => this.update());
    // d_model is section 2's (the embedding rows of sections 5 and 6): this field mirrors it.
    $('attn-d-model').value = this.dModelInput.value;
    $('attn-d-model').addEventListener('change', () => {
      if (this.dModelInput.value === $('attn-d-model').value) return;
      this.dModelInput.value = $('attn-d-model').value;
      this.dModelInput.dispatchEvent(new Event('change', { bubbles: true }));
    });
    this.dModelInput.addEventListener('change', () => { $('attn-d-model').value = this.dModelInput.value; });
    // Section 6's settings that X depends on: the √d_model token scale, base, layout.
    for (const id of ['pe-scale', 'pe-base', 'pe-base-range', 'pe-layout']) $(id).addEventListener('change', () => this.update());
    $('attn-shuffle').addEventListener('click', () => {
      this.shuffleRound++;
      this.update();
    });
    $('attn-restore').addEventListener('click', () => {
      this.shuffleRound = 0;
      $('attn-shuffle').focus(); // Restore is disabled next: keep the focus on a live control
      this.update();
    });
    if (typeof ResizeObserver === 'function') {
      let width = 0;
      new ResizeObserver(() => {
        if (this.root.clientWidth !== width) {
          width = this.root.clientWidth;
          this.update();
        }
      }).observe(this.root);
    }
  }

  labelShuffleButton() {
    $('attn-shuffle').textContent = this.shuffleRound > 0 ? this.S.attnShuffleAgain : this.S.attnShuffle;
    $('attn-restore').disabled = this.shuffleRound === 0;
  }

  /** From the page's analysis result: tokens, ids and embedding rows (section 5). */
  setSentence(result) {
    if (!result || !result.rows || !result.rowIds || !(result.dModel > 0)) {
      this.sentence = null;
    } else {
      const n = Math.min(result.rowIds.length, ATTENTION_MAX_TOKENS);
      const d = result.dModel;
      this.sentence = {
        labels: result.tokens.slice(0, n).map((t) => t.text),
        ids: result.rowIds.slice(0, n),
        rows: result.rows.length === n * d ? result.rows : result.rows.slice(0, n * d),
        d, n, total: result.tokenCount,
      };
      if ($('attn-d-model').value !== String(d)) $('attn-d-model').value = String(d);
    }
    this.update();
  }

  /** The settings as options for Attention.compute, or { error }. */
  readOptions() {
    const s = this.sentence;
    const { spec, error } = this.peView.readSpec();
    if (error) return { error };
    const headsText = $('attn-heads').value.trim();
    const heads = Number(headsText);
    if (headsText === '' || !Number.isInteger(heads) || heads < 1 || heads > 64) return { error: this.S.attnBadHeads(headsText) };
    const seed = Number(this.seedInput.value);
    return {
      options: {
        tokens: s.rows, n: s.n, d: s.d, heads, proj: $('attn-proj').value, scale: $('attn-scale').checked,
        causal: $('attn-causal').checked, seed: Number.isInteger(seed) && seed >= 0 ? seed : 1,
        tokenScale: $('pe-scale').checked ? Math.sqrt(s.d) : 1, positions: $('attn-positions').value,
        base: spec.base, layout: spec.layout, positionSeed: spec.seed, stddev: LEARNED_STDDEV,
      },
    };
  }

  showError(message) {
    $('attn-error').hidden = !message;
    $('attn-error').textContent = message || '';
    this.root.classList.toggle('attn-stale', !!message);
  }

  update() {
    if (!this.att) return;
    const S = this.S;
    this.labelShuffleButton();
    const s = this.sentence;
    const empty = !s || s.n === 0;
    $('attn-figures').hidden = empty;
    if (empty) {
      $('attn-note').textContent = S.attnEmpty;
      this.showError('');
      return;
    }
    $('attn-note').textContent = S.attnUsing(s.n, s.total, s.d) + (s.total > s.n ? ' ' + S.attnCut(ATTENTION_MAX_TOKENS) : '');
    const { options, error } = this.readOptions();
    if (error) {
      this.showError(error);
      return;
    }
    try {
      this.render(options);
      this.showError('');
    } catch (e) {
      this.showError(S.attnErrorPrefix + (e?.message ?? e));
    }
  }

  render(options) {
    const S = this.S;
    const s = this.sentence;
    const t0 = now();
    const experiment = this.shuffleRound > 0 ? this.att.shuffleExperiment(options, this.shuffleRound) : null;
    const result = experiment ? experiment.original : this.att.compute(options);
    const same = this.att.sameWord(s.ids, result);
    const t1 = now();
    const width = $('attn-figures').clientWidth || 800;
    this.scores.render(result, s.labels, { scaled: options.scale, width });
    this.weights.render(result, s.labels, { scaled: options.scale, width });
    $('attn-shuffle-figure').hidden = !experiment;
    if (experiment) this.shuffle.render(experiment, s.labels, { width, positions: options.positions !== 'none', causal: options.causal });
    this.renderSameWord(same, options);
    const t2 = now();
    const timings = { compute: t1 - t0, paint: t2 - t1, total: t2 - t0 };
    $('attn-status').textContent = S.attnTimings(num(timings.compute, 2), num(timings.paint, 2));
    this.root.dataset.attnRenders = String(Number(this.root.dataset.attnRenders ?? 0) + 1);
    this.root.dispatchEvent(new CustomEvent('attn-rendered', { detail: { options: { ...options, tokens: undefined }, timings, shuffled: !!experiment } }));
  }

  renderSameWord(same, options) {
    const S = this.S;
    const box = $('attn-same');
    if (!same.found) {
      box.textContent = S.attnSameNone;
      delete box.dataset.maxDiff;
      return;
    }
    const word = this.sentence.labels[same.first];
    const max = Math.max(...same.maxDiff);
    box.dataset.maxDiff = String(max);
    box.textContent = S.attnSame(word, same.first, same.second, num(max, 6), max === 0, options.positions, options.causal);
  }
}
