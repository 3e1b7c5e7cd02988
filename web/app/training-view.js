// Sections 7 and 8 of the page: train word vectors (CBOW or skip-gram, whole words or
// fastText subwords) in a Web Worker and watch them
// move, then ask the space questions. Settings are read when Train is pressed, so changes
// during a run apply to the next one. The worker does all the numeric work; this file only
// turns its messages into the progress bar, the loss curve, the projection and the lists.
import { SUBWORD_DEFAULTS, TRAINING_DEFAULTS, checkTrainingSettings } from '../core/training-settings.js';
import { parsePairs } from '../core/word-pairs.js';
import { TrainClient } from './train-client.js';
import { LossChart } from './loss-chart.js';
import { throttledFrame } from './canvas-frame.js';
import { ProjectionPlot } from './projection-plot.js';
import { renderDirectionChart } from './direction-chart.js';
import { Heatmap } from './heatmap.js';
import { renderResults } from './result-list.js';
import { setProgress } from './progress-bar.js';
import { keepFocus } from './keep-focus.js';

const $ = (id) => document.getElementById(id);
// A 100,000 x 300 binary file is 120 MB; the WASM heap holds the file and its vectors at once.
const MAX_VECTOR_FILE_BYTES = 1024 * 1048576;
const FIELDS = ['size', 'window', 'negative', 'epochs', 'alpha', 'minCount', 'sample', 'seed'];
const inputId = (field) => `train-${field.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

// What the built-in corpora are built to show (assets/corpora/world-*.mjs). compare: the
// side-by-side comparison's word (one the corpus never has, where there is a natural one) and
// the forms whose similarities it lists (compare-view.js).
const PRESET_QUESTIONS = {
  en: {
    word: 'king', analogy: ['man', 'king', 'woman'], pairs: 'dog dogs, cat cats, horse horses, bird birds, cow cows, rabbit rabbits, mouse mice, duck ducks',
    compare: { word: 'kings', forms: 'king kings kingdom queen' },
  },
  ko: {
    word: '왕', analogy: ['남자', '왕', '여자'], pairs: '개 개들, 고양이 고양이들, 말 말들, 새 새들, 소 소들, 토끼 토끼들, 쥐 쥐들, 오리 오리들',
    compare: { word: '왕국', forms: '왕 여왕 왕자 왕국' },
  },
  // 왕과 never occurs in this corpus: whole words have no row for it, subwords build one.
  'ko-attached': {
    word: '왕과', analogy: ['남자는', '왕은', '여자는'], pairs: '개가 개들이, 고양이가 고양이들이, 말이 말들이, 새가 새들이, 소가 소들이, 토끼가 토끼들이',
    compare: { word: '왕과', forms: '왕은 왕을 왕이 왕과' },
  },
};
// Korean syllables are dense: a one-syllable stem (왕) plus '<' is only two characters, so the
// Korean preset uses shorter n-grams than fastText's 3..6 (README, "Skip-gram and subwords").
const PRESET_NGRAMS = { 'ko-attached': { subwords: true, minn: 2, maxn: 4 } };

export class TrainingView {
  /** getText() -> { input: string | Uint8Array, lowercase, mode, merges } for the "text in section 1" source. */
  constructor(strings, { getText, workerUrl, plotWorkerUrl, compiled }) {
    this.S = strings;
    this.getText = getText;
    this.onQuestions = null; // (preset) => void: the comparison fills its questions too (compare-view.js)
    this.corpora = new Map();
    this.status = 'idle'; // idle | loading | running | paused | done
    this.startedAt = 0;
    this.client = new TrainClient(workerUrl, this.handlers(), { compiled });
    this.requestProgress = throttledFrame(() => this.showProgress(), 200);
    this.loss = new LossChart($('train-loss'), { label: strings.trLossLabel });
    this.plot = new ProjectionPlot($('train-plot'), {
      label: strings.trPlotLabel,
      workerUrl: plotWorkerUrl,
      rotationInput: $('train-rotation'),
      helpId: 'train-plot-help',
      describe: (word, count, index) => this.describe(word, count, index),
      onSelect: (word) => { $('nn-word').value = word; this.neighbors(); },
    });
    for (const f of FIELDS) $(inputId(f)).value = String(TRAINING_DEFAULTS[f]);
    this.setFamily(SUBWORD_DEFAULTS);
    // The idle line uses the glyphs of the live one, so their fonts are found at load, not in a training frame.
    $('train-stats').textContent = strings.trIdle;
    this.bind();
    this.setButtons();
    this.showMetric();
  }

  setStrings(S) {
    this.S = S;
    if (this.status === 'idle' && !this.hasVectors) $('train-stats').textContent = S.trIdle;
    this.loss.setLabel(S.trLossLabel);
    this.showMetric();
    this.labelPlot(this.plotMethod, true);
    $('train-progress').setAttribute('aria-label', S.trProgressLabel);
  }

  /**
   * The preset for the UI language, with its example questions (called at start and on language
   * change). Text the user brought stays the source when it is (issue 15).
   */
  choosePreset(lang) {
    this.lang = lang;
    if (this.status !== 'idle' && this.status !== 'done') return;
    if (this.textOrigin && $('train-source').value === 'text') return;
    $('train-source').value = PRESET_QUESTIONS[lang] ? lang : 'en';
    this.fillQuestions();
  }

  // ---------- which text trains (issue 15) ----------
  // While section 1 holds the untouched sample, a built-in corpus is the default. Once the user
  // changes the text (typed, pasted, opened a file) the source follows it; a corpus picked in the
  // select afterwards stays picked while the user keeps typing, until new text is pasted or opened.

  /** Section 1 changed by the user: origin { kind: 'typed' | 'pasted' | 'file', name? }. */
  followText(origin) {
    if (origin.kind !== 'typed' || !this.textOrigin) this.sourcePicked = false;
    this.textOrigin = origin;
    if (!this.sourcePicked) $('train-source').value = 'text';
  }

  /**
   * The sample text is back in section 1: the built-in corpus is the default again. When the
   * sample was there already (the page's first load), a corpus picked meanwhile, e.g. restored
   * from a link (url-state.js), stays.
   */
  followSample(lang) {
    const already = !this.textOrigin;
    this.textOrigin = null;
    if (already && this.sourcePicked) return;
    this.sourcePicked = false;
    this.choosePreset(lang ?? this.lang);
  }

  /** What the chosen source is called in the progress line. */
  sourceName() {
    const source = $('train-source').value;
    return this.S.trSourceName(source, source === 'text' ? this.textOrigin : null);
  }

  setFamily({ arch, subwords, minn, maxn }) {
    if (arch) $('train-arch').value = arch;
    $('train-subwords').checked = subwords;
    $('train-minn').value = String(minn);
    $('train-maxn').value = String(maxn);
  }

  fillQuestions() {
    const ngrams = PRESET_NGRAMS[$('train-source').value];
    if (ngrams) this.setFamily(ngrams);
    const q = PRESET_QUESTIONS[$('train-source').value];
    if (!q) return;
    $('nn-word').value = q.word;
    [$('an-a').value, $('an-b').value, $('an-c').value] = q.analogy;
    $('dir-pairs').value = q.pairs;
    $('lookup-word').value = q.word;
    this.onQuestions?.(q);
  }

  /** The preset questions of the chosen source (null for the text of section 1). */
  presetQuestions() {
    return PRESET_QUESTIONS[$('train-source').value] ?? null;
  }

  bind() {
    $('train-source').addEventListener('change', () => {
      this.sourcePicked = true;
      this.fillQuestions();
    });
    $('train-projection').addEventListener('change', (e) => {
      delete $('train-plot-note').dataset.done;
      this.client.setMethod(e.target.value);
    });
    $('train-plot-reset').addEventListener('click', () => this.plot.resetView());
    $('train-start').addEventListener('click', () => this.start());
    $('train-pause').addEventListener('click', () => this.client.pause());
    $('train-resume').addEventListener('click', () => this.client.resume());
    $('train-cancel').addEventListener('click', () => {
      this.client.cancel();
      this.status = 'idle';
      this.setButtons();
    });
    $('vectors-file').addEventListener('change', (e) => {
      if (e.target.files[0]) this.openVectors(e.target.files[0]);
      e.target.value = '';
    });
    $('nn-form').addEventListener('submit', (e) => { e.preventDefault(); this.neighbors(); });
    $('nn-metric').addEventListener('change', () => this.changeMetric());
    $('an-form').addEventListener('submit', (e) => { e.preventDefault(); this.analogy(); });
    $('dir-form').addEventListener('submit', (e) => { e.preventDefault(); this.direction(); });
    $('lookup-form').addEventListener('submit', (e) => { e.preventDefault(); this.lookup(); });
    for (const button of document.querySelectorAll('.export button')) {
      button.addEventListener('click', () => this.exportAs(button.dataset.format));
    }
  }

  setButtons() {
    const s = this.status;
    const focused = document.activeElement;
    $('train-start').disabled = s === 'loading';
    $('train-pause').hidden = s !== 'running';
    $('train-resume').hidden = s !== 'paused';
    $('train-cancel').disabled = !(s === 'running' || s === 'paused' || s === 'loading');
    keepFocus(focused, FOCUS_NEXT);
    for (const id of ['nn-go', 'an-go', 'dir-go', 'lookup-go']) $(id).disabled = !this.hasVectors;
    for (const button of document.querySelectorAll('.export button')) button.disabled = !this.hasVectors;
    $('export-fasttext').disabled = !(this.hasVectors && this.info?.subwords && this.status === 'done');
  }

  showError(message) {
    $('train-error').hidden = !message;
    $('train-error').textContent = message || '';
  }

  // ---------- settings and text ----------

  /** The form's settings as numbers (not yet checked). */
  settings() {
    const out = {};
    for (const f of [...FIELDS, 'minn', 'maxn']) {
      const raw = $(inputId(f)).value.trim();
      out[f] = raw === '' ? NaN : Number(raw);
    }
    out.arch = $('train-arch').value;
    out.subwords = $('train-subwords').checked;
    out.bucket = SUBWORD_DEFAULTS.bucket;
    return out;
  }

  async text() {
    const source = $('train-source').value;
    if (source === 'text') return this.getText().input;
    if (!this.corpora.has(source)) {
      const response = await fetch(`assets/corpus-${source}.txt`);
      if (!response.ok) throw new Error(`assets/corpus-${source}.txt: HTTP ${response.status}`);
      this.corpora.set(source, await response.text());
    }
    return this.corpora.get(source);
  }

  // How the text becomes words (src/training/training_tokens.h): section 2's tokenizer mode and
  // lowercasing for the text (GPT-2 never lowercases, as in section 2), whitespace for the
  // built-in corpora, which are written pre-tokenised.
  tokenization() {
    if ($('train-source').value !== 'text') return { tokenizer: 'whitespace', lowercase: false };
    const { mode, lowercase, merges } = this.getText();
    return { tokenizer: mode, lowercase: mode !== 'gpt2' && !!lowercase, merges };
  }

  /**
   * null when `settings` are valid, else { message, input }: what is wrong, in the UI language,
   * and the input to focus.
   */
  settingsProblem(settings) {
    const bad = checkTrainingSettings(settings);
    if (!bad) return null;
    const input = $(inputId(bad.field));
    return { message: this.S.trBadSetting(this.S[`tr_${bad.field}`] ?? bad.field, bad.min, bad.max, bad.integer, input.value), input };
  }

  async start() {
    const S = this.S;
    const settings = this.settings();
    const bad = this.settingsProblem(settings);
    if (bad) {
      this.showError(bad.message);
      bad.input.focus();
      return;
    }
    this.showError('');
    this.status = 'loading';
    this.setButtons();
    let text;
    try {
      text = await this.text();
    } catch (error) {
      this.status = 'idle';
      this.setButtons();
      this.showError(S.trLoadFailed + error.message);
      return;
    }
    if (isEmptyText(text)) {
      this.status = 'idle';
      this.setButtons();
      this.showError(S.trEmptyText);
      return;
    }
    this.loss.clear();
    this.latest = null;
    this.loadingFile = false;
    this.setProgress(0);
    this.trainedName = this.sourceName();
    $('train-stats').textContent = S.trPreparingFrom(this.trainedName);
    this.startedAt = performance.now();
    this.client.start(text, { ...settings, ...this.tokenization() });
  }

  // A word2vec file (text or binary) to explore instead of training; parsed in the worker.
  async openVectors(file) {
    const S = this.S;
    if (file.size > MAX_VECTOR_FILE_BYTES) {
      this.showError(S.loadTooLarge((file.size / 1048576).toFixed(0), MAX_VECTOR_FILE_BYTES / 1048576));
      return;
    }
    this.showError('');
    this.status = 'loading';
    this.loadingFile = true;
    this.setButtons();
    this.loss.clear();
    this.latest = null;
    delete $('train-progress').dataset.ms;
    this.setProgress(0); // then 'loadProgress' as the worker reads: determinate, by rows (or bytes for GloVe)
    this.loadingName = file.name;
    this.loadPercent = 0;
    $('train-stats').textContent = S.loadReading(file.name, (file.size / 1048576).toFixed(1));
    this.startedAt = performance.now();
    this.client.load(file); // the worker reads the File itself: its bytes never enter the page's heap
  }

  // ---------- worker events ----------

  handlers() {
    return {
      started: ({ info, words, counts }) => {
        this.info = info;
        $('nn-note').textContent = '';
        this.hasVectors = true;
        this.status = 'running';
        this.plot.setWords(words, counts);
        $('train-vocab').textContent = info.loaded ? this.S.loadVocab(info.vocabSize, info.dim)
          : `${this.S.trVocab(info.vocabSize, info.corpusWords, info.dim)} ${this.S.trTokenizer(info.tokenizer, info.lowercase)}`;
        $('train-warnings').textContent = info.warnings.join(' ');
        this.setButtons();
      },
      progress: ({ progress }) => this.onProgress(progress),
      projection: (frame) => {
        const { coords, rows } = frame;
        this.plot.setCoords(coords, rows, frame.k ?? 2, frame.explained);
        this.labelPlot(frame.method);
        // The note changes with every frame; a page repaint a second is enough for it.
        const now = performance.now();
        const last = frame.method === 'tsne' && frame.iteration >= frame.iterations;
        if (last || (this.status === 'done' && frame.method !== 'tsne') || !(now - this.noteAt < 1000)) {
          this.noteAt = now;
          $('train-plot-note').textContent = this.plotNote(frame);
          $('train-plot-note').dataset.method = frame.method;
          if (last) $('train-plot-note').dataset.done = 'tsne';
        }
      },
      done: ({ progress }) => {
        this.status = 'done';
        this.noteAt = -Infinity;
        const ms = performance.now() - this.startedAt;
        $('train-progress').dataset.ms = String(Math.round(ms));
        this.onProgress(progress);
        $('train-stats').textContent = this.S.trDone(this.trainedName, progress.wordsDone, (ms / 1000).toFixed(2), Math.round(progress.wordsPerSecond), progress.loss.toFixed(3));
        this.setButtons();
      },
      loadProgress: ({ fraction, rows, totalRows }) => {
        const percent = Math.min(99, Math.floor(fraction * 100));
        if (percent === this.loadPercent) return; // the bar and the line change once per percent
        this.loadPercent = percent;
        this.setProgress(percent);
        $('train-stats').textContent = this.S.loadProgress(this.loadingName, percent, rows, totalRows);
      },
      loaded: ({ info, seconds }) => {
        this.status = 'done';
        this.loadingFile = false;
        const ms = performance.now() - this.startedAt;
        this.setProgress(100);
        $('train-progress').dataset.ms = String(Math.round(ms));
        $('train-stats').textContent = this.S.loadDone(info.vocabSize, info.dim, (ms / 1000).toFixed(2), seconds.toFixed(2));
        this.setButtons();
      },
      paused: () => { this.status = 'paused'; this.showProgress(); this.setButtons(); },
      resumed: () => { this.status = 'running'; this.setButtons(); },
      cancelled: () => {
        this.status = 'idle';
        this.hasVectors = false;
        $('train-stats').textContent = this.S.trCancelled;
        this.setButtons();
      },
      failed: ({ message, keepVectors, restarted, fatal }) => {
        if (keepVectors) {
          this.showError(message);
          return;
        }
        this.status = 'idle';
        this.hasVectors = false;
        $('train-stats').textContent = '';
        // Out of memory or a trap: the worker was replaced (train-client.js); one message says so.
        const why = restarted ? this.S.trWorkerRestarted(fatal === 'memory', message) : message;
        this.showError((this.loadingFile ? this.S.loadFailed : this.S.trFailed) + why);
        this.loadingFile = false;
        this.setButtons();
      },
    };
  }

  plotNote(frame) {
    const S = this.S;
    if (frame.method === 'tsne') return S.trTsneNote(frame.rows, frame.iteration, frame.iterations, frame.perplexity.toFixed(0));
    const pct = (i) => (100 * (frame.explained[i] ?? 0)).toFixed(1);
    if (frame.method === 'pca3') {
      const sum = (100 * frame.explained.slice(0, 3).reduce((a, b) => a + b, 0)).toFixed(1);
      return S.trExplained3(frame.rows, pct(0), pct(1), pct(2), sum);
    }
    return S.trExplained(frame.rows, pct(0), pct(1));
  }

  // The plot's accessible name says which projection it shows (set again when the language changes).
  labelPlot(method, force = false) {
    if (method === this.plotMethod && !force) return;
    this.plotMethod = method;
    this.plot.setLabel(method === 'pca3' ? this.S.trPlot3dLabel : this.S.trPlotLabel);
  }

  setProgress(percent) {
    setProgress($('train-progress'), percent);
  }

  // Progress arrives every ~25 ms; the bar, the line and the loss curve repaint together, at most every 200 ms.
  onProgress(p) {
    const fraction = p.totalWords ? p.wordsDone / p.totalWords : 0;
    this.loss.add(fraction, p.loss);
    this.latest = p;
    if (p.finished) this.showProgress();
    else this.requestProgress();
  }

  showProgress() {
    const p = this.latest;
    if (!p || this.status === 'idle') return;
    const fraction = p.totalWords ? p.wordsDone / p.totalWords : 0;
    const percent = p.finished ? 100 : Math.min(99, Math.floor(fraction * 100));
    this.setProgress(percent);
    this.loss.draw();
    if (p.finished) return;
    const text = this.S.trTraining(this.trainedName) + ' · ' + this.S.trStats(percent, p.epoch, Math.round(p.wordsPerSecond), Math.ceil(p.etaSeconds), Number.isFinite(p.loss) ? p.loss.toFixed(3) : '–');
    $('train-stats').textContent = text + (this.status === 'paused' ? ` · ${this.S.trPaused}` : '');
  }

  // ---------- export ----------

  async exportAs(format) {
    $('export-error').hidden = true;
    try {
      if (format === 'png') {
        download('embedding-plot.png', await this.plot.toPng());
      } else if (format === 'projector') {
        for (const f of ['vectors.tsv', 'metadata.tsv']) {
          const file = await this.client.ask('exportFile', f);
          download(file.name, new Blob([file.data], { type: file.type }));
        }
      } else {
        const file = await this.client.ask('exportFile', format);
        download(file.name, new Blob([file.data], { type: file.type }));
      }
    } catch (error) {
      $('export-error').hidden = false;
      $('export-error').textContent = this.S.exportFailed + error.message;
    }
  }

  // ---------- questions ----------

  async describe(word, count, index) {
    const S = this.S;
    try {
      const metric = $('nn-metric').value; // the tooltip ranks neighbours as section 9's list does
      const near = await this.client.ask('neighbors', word, 5, metric);
      return S.trHover(word, count, near.map((n) => `${n.word} ${n.score.toFixed(2)}`).join(', '), index + 1, metric);
    } catch {
      return S.trHover(word, count, '', index + 1);
    }
  }

  async runQuestion(errorId, fn) {
    $(errorId).hidden = true;
    try {
      await fn();
    } catch (error) {
      $(errorId).hidden = false;
      $(errorId).textContent = this.S.askError(error.message);
    }
  }

  fillResults(listId, results) {
    renderResults($(listId), results);
  }

  k(id) {
    const k = Number($(id).value);
    if (!Number.isInteger(k) || k < 1 || k > 100) throw new Error(this.S.askBadK);
    return k;
  }

  // With subwords: the word's own row (if seen) and its n-grams, each with its share of the
  // vector (src/fasttext/subword_space.h), largest first.
  showPieces(pieces) {
    const list = $('lookup-pieces');
    $('lookup-pieces-note').textContent = pieces ? this.S.piecesNote(pieces.word, pieces.pieces.length) : '';
    list.replaceChildren(...(pieces?.pieces ?? []).slice().sort((a, b) => b.share - a.share).map((p) => {
      const li = document.createElement('li');
      const text = document.createElement('span');
      text.className = 'piece';
      text.textContent = p.wholeWord ? this.S.pieceWholeWord(p.text) : p.text;
      const share = document.createElement('span');
      share.className = 'score';
      share.textContent = `${(100 * p.share).toFixed(1)} %`;
      li.append(text, ' ', share);
      return li;
    }));
  }

  neighbors() {
    return this.runQuestion('nn-error', async () => {
      const word = $('nn-word').value.trim();
      if (!word) throw new Error(this.S.askNoWord);
      const metric = $('nn-metric').value;
      const results = await this.client.ask('neighbors', word, this.k('nn-k'), metric);
      const pieces = this.info?.subwords ? await this.client.ask('wordPieces', word) : null;
      $('nn-note').textContent = pieces && !pieces.seen ? this.S.nnFromNgrams(word, pieces.pieces.length) : '';
      this.fillResults('nn-results', results);
      $('nn-results').dataset.metric = metric;
      $('nn-results').dataset.word = word;
      this.plot.setHighlight([word, ...results.map((r) => r.word)]);
    });
  }

  // The score line names the chosen metric: cosine (higher is nearer) or distance (lower is nearer).
  showMetric() {
    $('nn-score-label').textContent = this.S.nnScore[$('nn-metric').value];
  }

  // A list ranked by the other metric would be mislabelled: clear it, then ask again if there are vectors.
  changeMetric() {
    this.showMetric();
    $('nn-results').replaceChildren();
    delete $('nn-results').dataset.metric;
    delete $('nn-results').dataset.word;
    if (this.hasVectors && $('nn-word').value.trim()) this.neighbors();
  }

  analogy() {
    return this.runQuestion('an-error', async () => {
      const [a, b, c] = ['an-a', 'an-b', 'an-c'].map((id) => $(id).value.trim());
      if (!a || !b || !c) throw new Error(this.S.askNoWord);
      const results = await this.client.ask('analogy', a, b, c, this.k('an-k'));
      this.fillResults('an-results', results);
      const answer = results[0]?.word;
      this.plot.setHighlight([a, b, c, ...(answer ? [answer] : [])], answer ? [[a, b], [c, answer]] : []);
    });
  }

  // One-hot(id) x W_E = row id: the word's vector, painted like section 5's rows.
  lookup() {
    return this.runQuestion('lookup-error', async () => {
      const word = $('lookup-word').value.trim();
      if (!word) throw new Error(this.S.askNoWord);
      const r = await this.client.ask('lookup', word);
      const S = this.S;
      const pieces = this.info?.subwords ? await this.client.ask('wordPieces', word) : null;
      $('lookup-explain').textContent = r.id >= 0 ? S.lookupExplain(r.word, r.id, r.vocabSize, r.dim)
        : S.lookupExplainNgrams(r.word, pieces.pieces.length, r.dim);
      this.showPieces(pieces);
      this.rowMap ??= new Heatmap($('lookup-row'), { label: S.lookupLabel, legendLabel: S.legendLabel });
      this.rowMap.render({
        values: r.row, rows: 1, cols: r.dim, rowLabels: [r.word],
        readout: (_, c, v) => S.lookupReadout(r.word, r.id, c, v.toFixed(4)),
      });
      this.plot.setHighlight([word]);
    });
  }

  direction() {
    return this.runQuestion('dir-error', async () => {
      const pairs = parsePairs($('dir-pairs').value);
      if (pairs.length === 0) throw new Error(this.S.askNoPairs);
      const scores = await this.client.ask('direction', pairs);
      renderDirectionChart($('dir-chart'), scores, { marked: new Set(pairs.flat()), label: this.S.dirChartLabel });
    });
  }
}

/** True when there is nothing to train on (empty or only whitespace; bytes: none). */
export function isEmptyText(text) {
  return text.length === 0 || (typeof text === 'string' && text.trim().length === 0);
}

// Where keyboard focus goes when the focused training button is disabled or hidden (issue 14):
// Train -> Cancel while the run starts, Pause <-> Resume, and back to Train when Cancel goes
// off at the end (keep-focus.js).
const FOCUS_NEXT = {
  'train-start': ['train-cancel', 'train-pause'],
  'train-cancel': ['train-start'],
  'train-pause': ['train-resume', 'train-cancel', 'train-start'],
  'train-resume': ['train-pause', 'train-cancel', 'train-start'],
};

// Saves a Blob under `name` through a temporary link (the browser's download).
function download(name, blob) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}
