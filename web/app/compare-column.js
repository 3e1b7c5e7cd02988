// One column of the side-by-side comparison (compare-view.js): a model on whole words or on
// fastText subwords, trained in a training worker of its own (web/core/train-worker.js through
// TrainClient: the same worker, driver and questions as sections 8 and 9), and its answers to
// the comparison's questions: the neighbours of a word, an analogy, similarities of word pairs.
// answers() fetches, render() draws (again when the language changes).
import { TrainClient } from './train-client.js';
import { renderResults } from './result-list.js';
import { setProgress } from './progress-bar.js';

const NEIGHBOURS = 5;
const ANALOGY_ANSWERS = 3;
const $ = (id) => document.getElementById(id);

/** The error a column's training promise rejects with when the run was cancelled. */
export class CompareCancelled extends Error {
  constructor() {
    super('cancelled');
    this.name = 'CompareCancelled';
  }
}

export class CompareColumn {
  /** prefix: its elements' id prefix (index.html, e.g. 'cmp-whole'); subwords: which model it trains. */
  constructor(prefix, subwords, { workerUrl, compiled }) {
    this.prefix = prefix;
    this.subwords = subwords;
    this.client = new TrainClient(workerUrl, this.handlers(), { compiled });
    this.run = null; // { resolve, reject, started, info } while training
    this.trained = null; // { info, seconds, settings } once trained
    this.answers = null; // the last answers (see answers())
  }

  el(part) {
    return $(`${this.prefix}-${part}`);
  }

  /** Trains on `text` with `settings` (its subwords flag is this column's); resolves with `trained`. */
  train(text, settings) {
    this.run?.reject(new CompareCancelled());
    this.trained = null;
    this.clear();
    this.percent = 0;
    setProgress(this.el('progress'), 0);
    const mine = { ...settings, subwords: this.subwords };
    return new Promise((resolve, reject) => {
      this.run = { resolve, reject, started: performance.now(), settings: mine };
      this.client.start(text, mine, { plot: false });
    });
  }

  cancel() {
    if (this.run) this.client.cancel();
  }

  handlers() {
    const finish = (fn) => (message) => {
      const run = this.run;
      if (!run) return;
      this.run = null;
      fn(run, message);
    };
    return {
      started: ({ info }) => { if (this.run) this.run.info = info; },
      progress: ({ progress }) => this.showProgress(progress),
      done: finish((run, { progress }) => {
        setProgress(this.el('progress'), 100);
        this.trained = { info: run.info, settings: run.settings, seconds: (performance.now() - run.started) / 1000, progress };
        run.resolve(this.trained);
      }),
      failed: (message) => {
        if (message.keepVectors) return; // a projection failed; the vectors are fine (and this column has no plot)
        finish((run) => run.reject(new Error(message.message)))(message);
      },
      cancelled: finish((run) => run.reject(new CompareCancelled())),
    };
  }

  // Progress arrives every ~25 ms: the bar changes once per percent.
  showProgress(p) {
    const percent = p.totalWords ? Math.min(99, Math.floor((100 * p.wordsDone) / p.totalWords)) : 0;
    if (percent === this.percent) return;
    this.percent = percent;
    setProgress(this.el('progress'), percent);
  }

  /**
   * Asks the trained model { word, analogy: [a, b, c] | null, pairs: [[a, b], ...] }; keeps the
   * answers for render() and returns the pairs' similarities (null where a word has no vector).
   */
  async ask({ word, analogy, pairs }) {
    const settle = (promise) => promise.then((value) => ({ value }), (error) => ({ error: error.message }));
    const pieces = await this.client.ask('wordPieces', word);
    // Whole words have nothing to say about a word they never saw: the column says so instead.
    const neighbors = pieces.seen || this.subwords ? await settle(this.client.ask('neighbors', word, NEIGHBOURS)) : null;
    const answer = analogy ? await settle(this.client.ask('analogy', ...analogy, ANALOGY_ANSWERS)) : null;
    const similarities = pairs.length ? await this.client.ask('similarities', pairs) : [];
    this.answers = { word, analogy, pieces, neighbors, answer };
    return similarities;
  }

  /** Draws the column in the strings' language: what it trained, then its answers. */
  render(S) {
    const t = this.trained;
    this.el('progress').setAttribute('aria-label', S.cmpProgressLabel(this.subwords));
    this.el('info').textContent = !t ? ''
      : this.subwords ? S.cmpInfoSubwords(t.info.arch, t.info.vocabSize, t.seconds.toFixed(2), t.settings.minn, t.settings.maxn)
        : S.cmpInfo(t.info.arch, t.info.vocabSize, t.seconds.toFixed(2));
    const a = this.answers;
    this.el('nn-heading').textContent = a ? S.cmpNnHeading(a.word) : '';
    this.el('nn-note').textContent = !a ? '' : a.neighbors?.error ? S.askError(a.neighbors.error)
      : a.pieces.seen ? '' : this.subwords ? S.nnFromNgrams(a.word, a.pieces.pieces.length) : S.cmpUnseen(a.word);
    renderResults(this.el('nn'), a?.neighbors?.value ?? []);
    this.el('an-heading').textContent = a?.analogy ? S.cmpAnHeading(...a.analogy) : '';
    this.el('an-note').textContent = a?.answer?.error ? S.askError(a.answer.error) : '';
    renderResults(this.el('an'), a?.answer?.value ?? []);
  }

  /** Empties the column (a new run starts). */
  clear() {
    this.answers = null;
    for (const part of ['info', 'nn-heading', 'nn-note', 'an-heading', 'an-note']) this.el(part).textContent = '';
    for (const part of ['nn', 'an']) this.el(part).replaceChildren();
  }
}
