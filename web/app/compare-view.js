// Whole words and subwords side by side (section 9, issue 12): one click trains two models on
// section 8's text with its settings, one on whole words and one with fastText subwords, at
// once in two training workers (compare-column.js), then asks both the same questions and shows
// the answers in two columns: the neighbours of a word (for a form the corpus never had, such as
// 왕과: "not in the vocabulary" on the left, neighbours built from its n-grams on the right), an
// analogy, and a table of the cosine similarity of chosen forms (왕은/왕을/왕이) in both models.
// The page stays usable meanwhile (the workers train in slices); Cancel stops both.
import { CompareCancelled, CompareColumn } from './compare-column.js';
import { isEmptyText } from './training-view.js';
import { keepFocus } from './keep-focus.js';

const $ = (id) => document.getElementById(id);
const MAX_FORMS = 8; // 28 pairs at most: a table that still reads
// Focus stays on a usable button when the focused one is disabled (keep-focus.js).
const FOCUS_NEXT = { 'cmp-go': ['cmp-cancel'], 'cmp-ask': ['cmp-cancel', 'cmp-go'], 'cmp-cancel': ['cmp-go'] };

export class CompareView {
  /** training: the TrainingView of sections 8-9 (its settings, text and preset questions). */
  constructor(strings, training, { workerUrl, compiled }) {
    this.S = strings;
    this.training = training;
    this.whole = new CompareColumn('cmp-whole', false, { workerUrl, compiled });
    this.sub = new CompareColumn('cmp-sub', true, { workerUrl, compiled });
    this.columns = [this.whole, this.sub];
    this.status = 'idle'; // idle | running | done
    this.asked = 0; // bumped per question, so a stale answer is dropped
    this.generation = 0; // bumped per comparison and cancel, so a stale one stops
    this.table = null; // { pairs, whole, sub } of the last answers
    training.onQuestions = (q) => this.fill(q);
    const q = training.presetQuestions();
    if (q) this.fill(q);
    $('cmp-form').addEventListener('submit', (e) => { e.preventDefault(); this.compare(); });
    $('cmp-ask').addEventListener('click', () => this.ask());
    $('cmp-cancel').addEventListener('click', () => this.cancel());
    this.setButtons();
    this.render();
  }

  setStrings(S) {
    this.S = S;
    this.render();
    if (this.line) $('cmp-status').textContent = this.line(S);
  }

  /** The preset's questions (training-view.js PRESET_QUESTIONS): its compare word and forms, and its analogy. */
  fill(q) {
    if (this.status === 'running') return;
    $('cmp-word').value = q.compare?.word ?? q.word;
    [$('cmp-a').value, $('cmp-b').value, $('cmp-c').value] = q.analogy;
    $('cmp-forms').value = q.compare?.forms ?? '';
  }

  setButtons() {
    const focused = document.activeElement;
    $('cmp-go').disabled = this.status === 'running';
    $('cmp-ask').disabled = this.status !== 'done';
    $('cmp-cancel').disabled = this.status !== 'running';
    keepFocus(focused, FOCUS_NEXT);
  }

  showError(message) {
    $('cmp-error').hidden = !message;
    $('cmp-error').textContent = message || '';
  }

  setLine(line) {
    this.line = line;
    $('cmp-status').textContent = line ? line(this.S) : '';
  }

  /** The questions in the form: { word, analogy: [a, b, c] | null, forms, pairs }; throws a message. */
  question() {
    const word = $('cmp-word').value.trim();
    if (!word) throw new Error(this.S.askNoWord);
    const three = ['cmp-a', 'cmp-b', 'cmp-c'].map((id) => $(id).value.trim());
    const forms = [...new Set($('cmp-forms').value.split(/[\s,]+/).filter(Boolean))].slice(0, MAX_FORMS);
    const pairs = [];
    for (let i = 0; i < forms.length; i++) for (let j = i + 1; j < forms.length; j++) pairs.push([forms[i], forms[j]]);
    return { word, analogy: three.every(Boolean) ? three : null, pairs };
  }

  // ---------- training both ----------

  async compare() {
    const S = this.S;
    let question;
    try {
      question = this.question();
    } catch (error) {
      this.showError(error.message);
      return;
    }
    // Both models get the same settings; the subword fields are checked although only the right column uses them.
    const settings = { ...this.training.settings(), ...this.training.tokenization() };
    const bad = this.training.settingsProblem({ ...settings, subwords: true });
    if (bad) {
      this.showError(bad.message);
      return;
    }
    this.showError('');
    const mine = ++this.generation;
    this.status = 'running';
    this.table = null;
    this.setButtons();
    $('cmp-columns').hidden = false; // hidden until the first comparison: nothing to show before
    for (const c of this.columns) c.clear();
    this.render();
    let text;
    try {
      text = await this.training.text();
      if (isEmptyText(text)) throw new Error(S.trEmptyText);
    } catch (error) {
      if (mine === this.generation) this.stop(error.message === S.trEmptyText ? error.message : S.trLoadFailed + error.message);
      return;
    }
    if (mine !== this.generation) return; // cancelled while the corpus loaded
    const name = this.training.sourceName();
    this.setLine((s) => s.cmpTraining(name));
    const started = performance.now();
    try {
      const [whole, sub] = await Promise.all(this.columns.map((c) => c.train(text, settings)));
      const seconds = ((performance.now() - started) / 1000).toFixed(2);
      this.setLine((s) => s.cmpDone(name, seconds, whole.seconds.toFixed(2), sub.seconds.toFixed(2)));
    } catch (error) {
      if (mine !== this.generation) return; // cancelled: stop() has run
      for (const c of this.columns) c.cancel(); // one failed: the other stops too
      this.stop(error instanceof CompareCancelled ? null : S.cmpFailed + error.message);
      return;
    }
    if (mine !== this.generation) return;
    this.status = 'done';
    this.setButtons();
    await this.ask(question);
  }

  /** Back to idle after a cancel (message null) or a failure (the message). */
  stop(message) {
    this.status = 'idle';
    this.setButtons();
    this.render();
    if (message) {
      this.setLine(null);
      this.showError(message);
    } else {
      this.setLine((s) => s.cmpCancelled);
    }
  }

  cancel() {
    if (this.status !== 'running') return;
    this.generation++;
    for (const c of this.columns) c.cancel();
    this.stop(null);
  }

  // ---------- asking both ----------

  /** Asks both trained models the form's questions (or `question`) and shows the answers. */
  async ask(question) {
    if (this.status !== 'done') return;
    const mine = ++this.asked;
    try {
      const q = question ?? this.question();
      this.showError('');
      const [whole, sub] = await Promise.all(this.columns.map((c) => c.ask(q)));
      if (mine !== this.asked) return;
      this.table = { pairs: q.pairs, whole, sub };
      this.render();
    } catch (error) {
      if (mine === this.asked) this.showError(this.S.askError(error.message));
    }
  }

  render() {
    for (const c of this.columns) c.render(this.S);
    this.renderTable();
  }

  // One row per pair: its cosine in each model, "not in the vocabulary" where a word has no vector;
  // a last row with the means over the pairs both models have.
  renderTable() {
    const S = this.S;
    const t = this.table;
    $('cmp-table').hidden = !t || t.pairs.length === 0;
    if (!t) return;
    const cell = (value) => {
      const td = document.createElement('td');
      td.className = value === null ? 'num no-vector' : 'num';
      td.textContent = value === null ? S.cmpNoVector : value.toFixed(3);
      return td;
    };
    const row = (label, a, b) => {
      const tr = document.createElement('tr');
      const th = document.createElement('th');
      th.scope = 'row';
      th.textContent = label;
      tr.append(th, cell(a), cell(b));
      return tr;
    };
    const rows = t.pairs.map(([a, b], i) => row(`${a} · ${b}`, t.whole[i], t.sub[i]));
    const both = t.pairs.map((_, i) => i).filter((i) => t.whole[i] !== null && t.sub[i] !== null);
    if (both.length > 1) {
      const mean = (values) => both.reduce((sum, i) => sum + values[i], 0) / both.length;
      const last = row(S.cmpMean(both.length), mean(t.whole), mean(t.sub));
      last.className = 'mean';
      rows.push(last);
    }
    $('cmp-table-body').replaceChildren(...rows);
  }
}
