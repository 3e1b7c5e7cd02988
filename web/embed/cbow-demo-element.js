// <cbow-demo corpus="en|ko" epochs="5" size="30" seed="1" analogy="king man woman" arch="cbow|skipgram"
// subwords theme="auto">:
// word vectors trained in the reader's browser on a built-in corpus when they press Train (CBOW,
// Mikolov et al. 2013, "Efficient Estimation of Word Representations in Vector Space"), with a
// progress bar, the loss, the 2-D PCA projection moving as it learns, and then one analogy:
// king − man + woman ≈ queen, its top three, its arrows in the plot and its parallelogram in
// its own plane (analogy-plane.js). Training runs in the playground's training worker
// (cbow-trainer.js); the corpus (cbow-corpus.js), the plot and the trainer (cbow-parts.js) are
// loaded only on Train. The page's thread only draws.
import { CBOW_RULES, parseAnalogy, runSettings } from './cbow-demo-config.js';
import { builtInCorpus } from './cbow-corpus.js';
import { EmbedWidget, THEME_RULE } from './widget.js';

const SCRIPT_URL = import.meta.url;
let parts = null; // Promise of cbow-parts.js, once per page

function loadParts() {
  parts ??= import('./cbow-parts.js').catch((error) => {
    parts = null;
    throw error;
  });
  return parts;
}

export class CbowDemoElement extends EmbedWidget {
  static tag = 'cbow-demo';

  static coreKind = null; // the worker loads the module; the page's thread needs none

  static rules = { ...CBOW_RULES, theme: THEME_RULE };

  build(frame) {
    this.state = 'idle'; // idle | loading | running | done | failed
    this.runs = 0;
    const bar = document.createElement('div');
    bar.className = 'train-bar';
    this.button = document.createElement('button');
    this.button.type = 'button';
    this.button.addEventListener('click', () => this.train());
    this.progress = document.createElement('div');
    this.progress.className = 'progress';
    this.progress.setAttribute('role', 'progressbar');
    for (const [k, v] of [['aria-valuemin', '0'], ['aria-valuemax', '100'], ['aria-valuenow', '0']]) this.progress.setAttribute(k, v);
    this.progressFill = document.createElement('div');
    this.progressFill.className = 'progress-fill';
    this.progress.append(this.progressFill);
    bar.append(this.button, this.progress);
    this.stats = document.createElement('p');
    this.stats.className = 'stats';
    this.plotBox = document.createElement('div');
    this.plotBox.className = 'plot-box';
    this.plotBox.hidden = true;
    this.plot = null; // a CbowPlot once the first run starts
    this.analogyLine = document.createElement('p');
    this.analogyLine.className = 'analogy';
    this.analogyLine.setAttribute('aria-live', 'polite');
    this.top = document.createElement('ol');
    this.top.className = 'analogy-top';
    this.planeBox = document.createElement('figure');
    this.planeBox.className = 'plane-box';
    this.planeBox.hidden = true;
    this.planeCaption = document.createElement('figcaption');
    this.planeBox.append(this.planeCaption);
    this.plane = null; // { plane, words } of the last answer, drawn by an AnalogyPlaneView
    this.caption = document.createElement('p');
    this.caption.className = 'caption';
    frame.append(bar, this.stats, this.plotBox, this.analogyLine, this.top, this.planeBox, this.caption);
  }

  applyStrings(S) {
    this.progress.setAttribute('aria-label', S.cbProgress);
    this.plot?.setLabel(S.cbPlotLabel);
    this.top.setAttribute('aria-label', S.cbTopLabel);
    if (this.state === 'idle') this.stats.textContent = S.cbIdle;
    if (this.config) this.showTexts();
  }

  readConfig() {
    super.readConfig();
    // Without an analogy attribute: the default of the corpus the vectors come from (the run's).
    const corpus = this.runCorpus ?? this.config.corpus;
    const { words, warning } = parseAnalogy(this.getAttribute('analogy'), corpus, this.localName);
    if (warning && !this.warned.has(warning)) {
      this.warned.add(warning);
      console.warn(warning);
    }
    this.analogyWords = words;
    this.showTexts(); // the button has its name before the first render
  }

  /** Nothing to load before Train: the worker brings its own module. */
  async start() {
    this.core = { api: null };
    this.status.textContent = '';
    this.schedule();
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    if (!this.trainer) return;
    this.trainer.close(); // the vectors go with the worker: Train (again) on reconnecting
    this.trainer = null;
    this.setState('idle');
  }

  render() {
    this.showTexts();
    const width = this.plotBox.clientWidth;
    if (width > 0 && this.plot && !this.plotBox.hidden) this.plot.resize(width, this.colors());
    this.drawPlane();
    const question = this.analogyWords.join(' ');
    if (this.state === 'done' && this.asked !== question) this.askAnalogy();
  }

  showTexts() {
    const S = this.S;
    const c = this.config;
    const corpus = S.cbCorpus[c.corpus];
    this.button.textContent = this.runs > 0 ? S.cbRetrain : S.cbTrain;
    this.button.setAttribute('aria-label', `${this.runs > 0 ? S.cbRetrain : S.cbTrain}: ${S.cbTrainName(corpus)}`);
    this.setBusy(this.state === 'loading' || this.state === 'running');
    this.caption.textContent = S.cbCaption(corpus, c.size, c.epochs) +
      (c.arch === 'skipgram' || c.subwords ? ` ${S.cbFamily(c.arch, c.subwords)}` : '');
    if (this.state !== 'done' || !this.answer) {
      this.analogyLine.textContent = S.cbAnalogyWaiting(...this.analogyWords);
    }
  }

  // The button is disabled while training; if it had keyboard focus, focus moves to the progress
  // bar (announced as it fills) and back to the button when the run ends, never to <body>.
  setBusy(busy) {
    const active = this.shadow.activeElement;
    if (busy && active === this.button) {
      this.progress.tabIndex = -1;
      this.progress.focus();
    }
    this.button.disabled = busy;
    if (!busy && active === this.progress) this.button.focus();
  }

  colors() {
    const style = getComputedStyle(this.frame);
    const value = (name, fallback) => style.getPropertyValue(name).trim() || fallback;
    return { fg: value('--fg', '#1d1d1f'), accent: value('--accent', '#2f6fde'), muted: value('--muted', '#5f6368') };
  }

  setState(state) {
    this.state = state;
    this.dataset.state = state; // for the page's own scripts and the tests
    this.showTexts();
  }

  async train() {
    if (this.state === 'loading' || this.state === 'running') return;
    const c = this.config;
    this.errorLine.textContent = '';
    this.answer = null;
    this.asked = null;
    this.top.replaceChildren();
    this.hidePlane();
    this.setProgress(0);
    this.setState('loading');
    this.stats.textContent = this.S.cbLoading;
    let text;
    try {
      const corpus = builtInCorpus(c.corpus, SCRIPT_URL);
      corpus.catch(() => {}); // awaited below; not unhandled if the parts fail first
      this.parts = await loadParts();
      const { CbowPlot, createTrainer } = this.parts;
      this.plot ??= new CbowPlot(this.plotBox, this.S.cbPlotLabel);
      // The worker starts loading its module while the corpus is still arriving.
      if (this.isConnected) this.trainer ??= createTrainer(SCRIPT_URL, this.handlers());
      text = await corpus;
    } catch (error) {
      this.fail(error?.message ?? String(error));
      return;
    }
    if (this.state !== 'loading' || !this.trainer) return; // disconnected meanwhile
    this.runCorpus = c.corpus;
    this.readConfig();
    this.startedAt = performance.now();
    this.trainer.start(text, runSettings(c, this.runs));
    this.runs++;
  }

  handlers() {
    return {
      started: ({ words, counts }) => {
        this.setState('running');
        this.plotBox.hidden = false;
        this.plot.resize(this.plotBox.clientWidth, this.colors());
        this.plot.setWords(words, counts);
      },
      progress: ({ progress }) => this.onProgress(progress),
      projection: ({ coords, rows }) => this.plot.setCoords(coords, rows),
      done: ({ progress }) => {
        this.ms = performance.now() - this.startedAt;
        this.progress.dataset.ms = String(Math.round(this.ms));
        this.onProgress(progress);
        this.setState('done');
        this.askAnalogy();
      },
      failed: ({ message }) => this.fail(message),
    };
  }

  fail(message) {
    this.setState('failed');
    this.stats.textContent = '';
    this.errorLine.textContent = this.S.failed(message);
  }

  setProgress(percent) {
    this.progress.setAttribute('aria-valuenow', String(percent));
    this.progressFill.style.width = `${percent}%`;
  }

  // Progress arrives every ~25 ms; the bar and the readout repaint at most once per frame.
  onProgress(p) {
    this.latest = p;
    if (this.progressFrame) return;
    this.progressFrame = requestAnimationFrame(() => {
      this.progressFrame = 0;
      this.showProgress();
    });
  }

  showProgress() {
    const p = this.latest;
    const fraction = p.totalWords ? p.wordsDone / p.totalWords : 0;
    const percent = p.finished ? 100 : Math.min(99, Math.floor(fraction * 100));
    this.setProgress(percent);
    const loss = Number.isFinite(p.loss) ? p.loss.toFixed(3) : '–';
    const where = this.trainer?.onPage ? this.S.cbOnPage : '';
    this.stats.textContent = p.finished
      ? this.S.cbDone(p.wordsDone, (this.ms / 1000).toFixed(2), loss) + where
      : this.S.cbStats(percent, p.epoch, loss) + where;
  }

  /** x − minus + plus: the core's analogy(minus, x, plus) (b − a + c), its top three and two arrows. */
  async askAnalogy() {
    const [x, minus, plus] = this.analogyWords;
    const question = this.analogyWords.join(' ');
    this.asked = question;
    try {
      const results = await this.trainer.ask('analogy', minus, x, plus, 3);
      if (this.asked !== question) return;
      this.showAnalogy(results);
    } catch (error) {
      if (this.asked !== question) return;
      this.answer = null;
      this.top.replaceChildren();
      this.hidePlane();
      this.plot.setHighlight([], []);
      this.analogyLine.textContent = `${x} − ${minus} + ${plus} ≈ ?`;
      this.errorLine.textContent = this.S.cbAnalogyFailed(error?.message ?? String(error));
    }
  }

  showAnalogy(results) {
    const [x, minus, plus] = this.analogyWords;
    const best = results[0];
    this.answer = best?.word ?? null;
    this.errorLine.textContent = '';
    this.analogyLine.textContent = best ? this.S.cbAnalogy(x, minus, plus, best.word, best.score.toFixed(2)) : '';
    this.top.replaceChildren(...results.map((r) => {
      const item = document.createElement('li');
      const score = document.createElement('span');
      score.className = 'score';
      score.textContent = r.score.toFixed(3);
      item.append(`${r.word} `, score);
      return item;
    }));
    this.plot.setHighlight([x, minus, plus, ...(best ? [best.word] : [])], best ? [[minus, x], [plus, best.word]] : []);
    if (best) this.showPlane(best.word);
    this.dispatchEvent(new CustomEvent('cbow-demo-analogy', { bubbles: true, composed: true, detail: { results } }));
  }

  /** The parallelogram in the plane of minus, x and plus (analogy-plane.js), from the words' rows. */
  async showPlane(answer) {
    const question = this.asked;
    const [x, minus, plus] = this.analogyWords;
    let rows;
    try {
      rows = await Promise.all([x, minus, plus, answer].map((w) => this.trainer.ask('lookup', w)));
    } catch {
      return; // a new run or question came first; it draws its own plane
    }
    if (this.asked !== question) return;
    const plane = this.parts.analogyPlane({ x: rows[0].row, minus: rows[1].row, plus: rows[2].row, answer: rows[3].row });
    this.plane = { plane, words: { x, minus, plus, answer, sum: `${x} − ${minus} + ${plus}` } };
    this.planeBox.hidden = false;
    this.drawPlane();
  }

  hidePlane() {
    this.plane = null;
    this.planeBox.hidden = true;
  }

  drawPlane() {
    const width = this.planeBox.clientWidth;
    if (!this.plane || width <= 0) return;
    const { plane, words } = this.plane;
    const texts = [words.x, words.minus, words.plus, words.answer];
    if (!this.planeView) {
      this.planeView = new this.parts.AnalogyPlaneView(this.planeBox, '');
      this.planeBox.prepend(this.planeView.canvas); // above its caption
    }
    this.planeView.canvas.setAttribute('aria-label', this.S.cbPlaneLabel(...texts));
    this.planeCaption.textContent = this.S.cbPlaneCaption(...texts);
    this.planeView.draw(plane, words, width, this.colors());
  }
}
