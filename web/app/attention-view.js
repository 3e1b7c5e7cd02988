// Section 7 of the page: what attention does with the input (issue 11). The model input of
// section 6 (the first tokens of the text: X = s·E + P, built by the core from section 5's
// embedding rows and section 6's settings) goes through scaled dot-product attention (Vaswani et
// al. 2017, eq. 1): scores and softmax weights per head as heatmaps with token labels, the
// formula on hover, the shuffle experiment and the "same word, two positions" readout.
//
// Where it runs: in the core worker (web/core/worker.js, web/core/attention-request.js), not in
// section 6's main-thread module. Measured (tests/bench/attention_bench.mjs) at n = 256,
// d_model = 512, 8 heads: the core's work alone is 9-34 ms per change (median, loaded machine),
// a first random projection of a text over 100 ms, so on the main thread a change would miss the
// frame and block input; in the worker the page thread only paints (3-6 ms) and stays responsive. Requests are coalesced:
// while one is computed, only the latest settings wait. The section dispatches `attn-rendered`
// with { timings } and counts renders in data-attn-renders.
import { AttentionHeads } from './attention-figure.js';
import { ShuffleFigure } from './attention-shuffle.js';
import { num } from './pe-readout.js';

export const ATTENTION_MAX_TOKENS = 512; // the core's limit (src/transformer/attention_config.h)
const LEARNED_STDDEV = 0.02;
const $ = (id) => document.getElementById(id);
const now = () => performance.now();

export class AttentionView {
  /** root: the section; S: UI strings; core: the CoreClient; peView: section 6 (settings); dModelInput: section 2's d_model. */
  constructor(root, S, { core, peView, dModelInput, seedInput }) {
    this.root = root;
    this.core = core;
    this.peView = peView;
    this.near = false;
    this.busy = false;
    this.again = false;
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
    if (this.near) this.update();
    else $('attn-status').textContent = S.peLoading;
  }

  /** Nothing is computed until the section comes near the viewport. */
  loadWhenNear() {
    const load = () => {
      this.near = true;
      this.update();
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
      let frame = 0;
      // Redrawn in the next frame, not inside the observer's callback: a redraw that changed the
      // section's size there made Firefox report "ResizeObserver loop completed with undelivered
      // notifications" (pe-view.js does the same).
      new ResizeObserver(() => {
        frame ||= requestAnimationFrame(() => {
          frame = 0;
          if (this.root.clientWidth === width) return;
          width = this.root.clientWidth;
          this.update();
        });
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
    if (!this.near) return;
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
    this.request(options);
  }

  /** Asks the core worker; while it computes, only the latest settings wait (then run). */
  async request(options) {
    if (this.busy) {
      this.again = true;
      return;
    }
    this.busy = true;
    this.root.classList.add('busy'); // for tests and benchmarks: a render is under way
    const s = this.sentence;
    const t0 = now();
    try {
      const answer = await this.core.call('attention', { options, shuffleSeed: this.shuffleRound, ids: Array.from(s.ids) });
      if (!this.again && s === this.sentence) {
        this.render(answer, options, s, now() - t0);
        this.showError('');
      }
    } catch (e) {
      if (!this.again) this.showError(this.S.attnErrorPrefix + (e?.message ?? e));
    } finally {
      this.busy = false;
      if (this.again) {
        this.again = false;
        this.update();
      }
      if (!this.busy) this.root.classList.remove('busy');
    }
  }

  render({ result, experiment, same, ms }, options, s, waited) {
    const S = this.S;
    const t1 = now();
    const width = $('attn-figures').clientWidth || 800;
    this.scores.render(result, s.labels, { scaled: options.scale, width });
    this.weights.render(result, s.labels, { scaled: options.scale, width });
    $('attn-shuffle-figure').hidden = !experiment;
    if (experiment) this.shuffle.render(experiment, s.labels, { width, positions: options.positions !== 'none', causal: options.causal });
    this.renderSameWord(same, options);
    const timings = { compute: ms, roundTrip: waited, paint: now() - t1 };
    timings.total = timings.roundTrip + timings.paint;
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
