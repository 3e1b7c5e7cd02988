// The playground page: text -> tokens -> ids -> embedding rows, computed in the core worker.
import { schemeSet3 } from './color-schemes.js';
import { CoreClient } from '../core/client.js';
import { spanText } from '../core/embplay.js';
import { FULL_STEM, compilePageModule, startCoreWorker } from '../core/page-module.js';
import { Heatmap } from './heatmap.js';
import { pickLanguage } from './language.js';
import { fetchSample } from './sample-text.js';
import { ATTENTION_MAX_TOKENS, AttentionView } from './attention-view.js';
import { PeView } from './pe-view.js';
import { UrlState } from './url-state.js';
import { TrainingView } from './training-view.js';
import { CompareView } from './compare-view.js';
import { PretrainedView } from './pretrained-view.js';
import en from './i18n/en.js';
import ko from './i18n/ko.js';

const LANGS = { en, ko };
const MAX_FILE_BYTES = 64 * 1024 * 1024;
// Texts above this size are not put into the textarea (a browser takes tens of seconds to lay out
// 20 MB there): they are kept in memory, sent to the worker as they are, and previewed read-only.
const LARGE_CHARS = 1_000_000;
// Section 5 shows the first rows of the embedding lookup; section 7 (attention) takes up to 512.
const SHOWN_ROWS = 32;
const PREVIEW_CHARS = 100_000;
const $ = (id) => document.getElementById(id);

const state = {
  strings: en,
  bytes: new Uint8Array(),
  large: null, // { input: string | Uint8Array, bytes: number } while a large text is loaded
  result: null,
  running: false,
  rerun: false,
  timer: 0,
};

// ---------- language and theme ----------

function applyLanguage(lang) {
  state.strings = LANGS[lang] ?? en;
  const S = state.strings;
  document.documentElement.lang = S.lang;
  document.title = S.title;
  for (const node of document.querySelectorAll('[data-i18n]')) {
    const value = S[node.dataset.i18n];
    if (typeof value === 'string') node.textContent = value;
  }
  $('lang').value = S.lang;
  $('text').setAttribute('aria-label', S.textLabel);
  $('vocab-wrap').setAttribute('aria-label', S.vocabTableLabel); // a scrollable region: focusable, named
  $('mode-help').textContent = S.modeHelp[$('mode').value];
  if (state.large) $('large-text').textContent = S.largeNote((state.large.bytes / 1048576).toFixed(1), PREVIEW_CHARS.toLocaleString(S.lang));
  if (state.result) render(state.result, state.bytes, 0);
  peView?.setStrings(S);
  attentionView?.setStrings(S);
  trainingView?.setStrings(S);
  compareView?.setStrings(S);
  pretrainedView?.setStrings(S);
}

function applyTheme(theme) {
  if (theme === 'light' || theme === 'dark') document.documentElement.dataset.theme = theme;
  else delete document.documentElement.dataset.theme;
  $('theme').value = theme;
}

// ---------- input ----------

function options() {
  const num = (id, fallback) => {
    const v = Number($(id).value);
    return Number.isFinite(v) ? v : fallback;
  };
  return {
    mode: $('mode').value,
    lowercase: $('lowercase').checked,
    whitespace: $('whitespace').checked,
    showSpace: $('show-space').checked,
    merges: num('merges', 100),
    minCount: num('min-count', 1),
    dModel: num('d-model', 16),
    seed: num('seed', 1),
  };
}

function validate(o) {
  const S = state.strings;
  const bad = (name, lo, hi, v) => `${name} must be a whole number from ${lo} to ${hi} (got ${v}).`;
  if (!Number.isInteger(o.merges) || o.merges < 0 || o.merges > 100000) return bad(S.merges, 0, 100000, o.merges);
  if (!Number.isInteger(o.minCount) || o.minCount < 1 || o.minCount > 1e6) return bad(S.minCount, 1, 1000000, o.minCount);
  if (!Number.isInteger(o.dModel) || o.dModel < 1 || o.dModel > 512) return bad(S.dModel, 1, 512, o.dModel);
  if (!Number.isInteger(o.seed) || o.seed < 0 || o.seed > 4294967295) return bad(S.seed, 0, 4294967295, o.seed);
  return null;
}

function showError(message) {
  $('error').hidden = !message;
  $('error').textContent = message || '';
}

function showFileNote(message) {
  $('file-note').hidden = !message;
  $('file-note').textContent = message || '';
}

function schedule(delay = 250) {
  clearTimeout(state.timer);
  state.timer = setTimeout(analyze, delay);
}

async function analyze() {
  if (state.running) {
    state.rerun = true;
    return;
  }
  const o = options();
  $('whitespace-field').hidden = o.mode !== 'char';
  $('merges-field').hidden = o.mode !== 'bpe';
  $('show-space-field').hidden = o.mode !== 'gpt2';
  $('lowercase-field').hidden = o.mode === 'gpt2';
  $('min-count-field').hidden = o.mode === 'gpt2';
  $('min-count-help').hidden = o.mode === 'gpt2';
  $('mode-help').textContent = state.strings.modeHelp[o.mode];
  const problem = validate(o);
  if (problem) {
    showError(problem);
    shownFirst();
    return;
  }
  state.running = true;
  const input = state.large ? state.large.input : $('text').value;
  const started = performance.now();
  const gpt2 = o.mode === 'gpt2';
  $('status').textContent = gpt2 && !state.gpt2Loaded ? state.strings.loadingGpt2 : state.strings.working;
  try {
    const result = await core.call(gpt2 ? 'analyzeGpt2' : 'analyze', input, { ...o, maxRows: ATTENTION_MAX_TOKENS });
    if (gpt2) state.gpt2Loaded = true;
    state.result = result;
    state.bytes = result.head;
    if (state.large && state.large.input === input) {
      state.large.bytes = result.byteLength; // exact UTF-8 size, now that the worker has encoded it
      $('large-text').textContent = state.strings.largeNote((result.byteLength / 1048576).toFixed(1), PREVIEW_CHARS.toLocaleString(state.strings.lang));
    }
    showError('');
    render(result, result.head, Math.round(performance.now() - started));
  } catch (error) {
    $('status').textContent = '';
    // Out of memory or a trap: the worker was replaced (core/client.js); the text is still here.
    showError(error.restarted ? state.strings.coreRestarted(error.message) : state.strings.errorPrefix + error.message);
  } finally {
    shownFirst();
    state.running = false;
    if (state.rerun) {
      state.rerun = false;
      analyze();
    }
  }
}

function setLarge(input, byteLength, preview) {
  state.large = input === null ? null : { input, bytes: byteLength };
  const area = $('text');
  area.readOnly = state.large !== null;
  area.value = preview;
  $('large-note').hidden = state.large === null;
  if (state.large) $('large-text').textContent = state.strings.largeNote((byteLength / 1048576).toFixed(1), PREVIEW_CHARS.toLocaleString(state.strings.lang));
}

function onPaste(event) {
  const text = event.clipboardData?.getData('text/plain') ?? '';
  if (text.length <= LARGE_CHARS) return;
  event.preventDefault();
  showFileNote('');
  // UTF-16 length stands in for the byte size until the worker reports the exact UTF-8 size.
  setLarge(text, text.length, text.slice(0, PREVIEW_CHARS));
  trainingView?.followText({ kind: 'pasted' });
  schedule(0);
}

async function openFile(file) {
  const S = state.strings;
  if (file.size > MAX_FILE_BYTES) {
    showError(S.fileTooLarge((file.size / 1048576).toFixed(1)));
    return;
  }
  const bytes = new Uint8Array(await file.arrayBuffer());
  const head = bytes.subarray(0, 4096);
  let controls = 0;
  for (const b of head) if (b === 0 || (b < 9) || (b > 13 && b < 32)) controls++;
  if (head.length > 0 && controls / head.length > 0.1) {
    showError(S.binaryFile);
    return;
  }
  showError('');
  showFileNote('');
  if (bytes.length > LARGE_CHARS) {
    // Sent to the worker as bytes; invalid UTF-8 in it is counted there and reported with the tokens.
    setLarge(bytes, bytes.length, new TextDecoder('utf-8').decode(bytes.subarray(0, PREVIEW_CHARS)));
  } else {
    let text;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      text = new TextDecoder('utf-8').decode(bytes);
      showFileNote(S.fileNotUtf8);
    }
    setLarge(null, 0, text);
  }
  trainingView?.followText({ kind: 'file', name: file.name });
  schedule(0);
}

async function loadSample(lang) {
  showFileNote('');
  try {
    setLarge(null, 0, await fetchSample(lang)); // the boot script may have fetched it already
    trainingView?.followSample();
  } catch (error) {
    showError(`${state.strings.errorPrefix}${error.message}`);
  }
  schedule(0);
}

// ---------- output ----------

function tokenColor(id) {
  return schemeSet3[(id * 7) % schemeSet3.length];
}

// Whitespace drawn visibly (GPT-2 mode's toggle): the token keeps its real text in the title.
function visibleSpace(text) {
  return text.replace(/ /g, '\u00b7').replace(/\t/g, '\u2192').replace(/\r/g, '\u240d').replace(/\n/g, '\u21b5\n');
}

function tokenSpan(t, index, result) {
  const span = document.createElement('span');
  const S = state.strings;
  if (result.gpt2) {
    // Neighbours get different colours, so every boundary shows; a partial character shows its bytes.
    span.className = t.partial ? 'tok partial' : 'tok';
    span.textContent = t.partial ? `\u2039${t.text}\u203a` : (options().showSpace ? visibleSpace(t.text) : t.text);
    span.style.background = schemeSet3[index % schemeSet3.length];
    span.title = S.gpt2TokenTitle(t);
  } else {
    span.className = t.id === 0 ? 'tok unk' : 'tok';
    span.textContent = t.text;
    span.style.background = tokenColor(t.id);
    span.title = S.tokenTitle(t);
  }
  span.dataset.id = String(t.id);
  return span;
}

function renderTokens(result, bytes) {
  const box = $('tokens');
  const frag = document.createDocumentFragment();
  let previous = 0;
  result.tokens.forEach((t, index) => {
    // GPT-2's tokens cover every byte; a byte token may end inside a character, so spans never overlap text.
    if (t.start > previous) frag.append(document.createTextNode(spanText(bytes, previous, t.start)));
    frag.append(tokenSpan(t, index, result));
    previous = Math.max(previous, t.end);
  });
  if (result.tokens.length === result.tokenCount && previous < bytes.length) {
    frag.append(document.createTextNode(spanText(bytes, previous, bytes.length)));
  }
  box.replaceChildren(frag);
  if (result.tokenCount === 0) box.textContent = state.strings.noTokens;
}

function renderMerges(result) {
  const S = state.strings;
  const details = $('merges-details');
  details.hidden = result.merges.length === 0;
  $('merges-summary').textContent = S.mergesHeading(result.merges.length);
  const items = result.merges.slice(0, 1000).map((m) => {
    const li = document.createElement('li');
    li.textContent = `${m.left} + ${m.right} (${m.count})`;
    return li;
  });
  $('merges-list').replaceChildren(...items);
}

function renderVocabulary(result) {
  const rows = result.vocabulary.map((v) => {
    const tr = document.createElement('tr');
    const cells = [String(v.id), v.token, v.count.toLocaleString(state.strings.lang)];
    cells.forEach((c, i) => {
      const td = document.createElement('td');
      td.textContent = c;
      if (i !== 1) td.className = 'num';
      tr.append(td);
    });
    return tr;
  });
  $('vocab').tBodies[0].replaceChildren(...rows);
  const more = result.vocabSize - result.vocabulary.length;
  $('vocab-more').textContent = more > 0 ? state.strings.vocabMore(more) : '';
}

let heatmap;
function renderEmbedding(result) {
  const S = state.strings;
  $('emb-explain').textContent = S.embeddingExplain(result.vocabSize, result.dModel) + (result.gpt2 ? ' ' + S.gpt2Embedding : '');
  if (!heatmap) heatmap = new Heatmap($('heatmap'), { label: S.heatmapLabel, legendLabel: S.legendLabel });
  heatmap.canvas.setAttribute('aria-label', S.heatmapLabel);
  heatmap.legendName.textContent = S.legendLabel;
  const rows = Math.min(result.rowIds.length, SHOWN_ROWS);
  const labels = result.tokens.slice(0, rows).map((t) => t.text);
  heatmap.render({
    values: result.rows.subarray(0, rows * result.dModel), rows, cols: result.dModel, rowLabels: labels,
    readout: (r, c, v) => S.heatmapReadout(labels[r], result.rowIds[r], c, v.toFixed(4)),
  });
}

function render(result, bytes, ms) {
  const S = state.strings;
  $('tokens-summary').textContent = result.gpt2
    ? S.tokensSummaryGpt2(result.tokenCount, result.tokens.length, result.byteLength, result.distinctIds)
    : S.tokensSummary(result.tokenCount, result.tokens.length, result.byteLength, result.vocabSize);
  const partial = result.gpt2 ? result.tokens.filter((t) => t.partial).length : 0;
  $('gpt2-note').hidden = partial === 0;
  $('gpt2-note').textContent = partial ? S.gpt2Partial(partial) : '';
  $('invalid-note').hidden = result.invalidUtf8 === 0;
  $('invalid-note').textContent = S.invalidUtf8(result.invalidUtf8);
  renderTokens(result, bytes);
  renderMerges(result);
  renderVocabulary(result);
  renderEmbedding(result);
  peView?.setSentence(result);
  attentionView?.setSentence(result);
  if (ms) $('status').textContent = S.done(ms);
}

// ---------- start ----------

// Issue 15: each module is fetched and compiled once per page. The first view's (the lite module,
// page-module.js) is fetched and compiled by the tokenizer worker, which the inlined boot script,
// web/app/boot.js, started while the HTML was parsed; it shares the compile with section 6. The
// full module (GPT-2, training) is compiled the first time something needs it (the GPT-2 mode,
// Train) or once the reader scrolls towards training (section 7 comes near), so it never shares a
// phone's bandwidth with the first tokens and has usually arrived when Train is pressed; the
// training worker and the tokenizer worker's GPT-2 mode share that compile.
const started = startCoreWorker(import.meta.url); // first: then the worker compiles the module itself
const compiled = compilePageModule(import.meta.url);
compiled.catch(() => {}); // a failure shows through the worker
const compiledFull = () => compilePageModule(import.meta.url, FULL_STEM);
let shownFirst;
// The first tokens, or a failure to get them (or 5 s, whichever comes first).
const firstResult = new Promise((resolve) => {
  shownFirst = resolve;
  setTimeout(resolve, 5000);
});
const core = new CoreClient(new URL('worker.js', import.meta.url), { started, compiled, compiledFull });
const FULL_MODULE_MARGIN = '1500px 0px';

// Starts the full module's download when `section` comes within FULL_MODULE_MARGIN of the screen,
// observed only after the first tokens (before them every section looks near).
function compileFullWhenNear(section) {
  if (typeof IntersectionObserver !== 'function') return;
  const observer = new IntersectionObserver((entries) => {
    if (!entries.some((e) => e.isIntersecting)) return;
    observer.disconnect();
    compiledFull().catch(() => {}); // the training worker then fetches its own copy and reports a failure
  }, { rootMargin: FULL_MODULE_MARGIN });
  firstResult.then(() => observer.observe(section));
}
let peView = null; // section 6, positional encodings (web/app/pe-view.js)
let attentionView = null; // section 7, attention (web/app/attention-view.js)
let trainingView = null; // sections 8-9, training and questions (web/app/training-view.js)
let compareView = null; // section 9's whole words and subwords side by side (web/app/compare-view.js)
let pretrainedView = null; // section 10, real model weights (web/app/pretrained-view.js)

function start() {
  applyTheme(localStorage.getItem('embplay.theme') ?? 'auto');
  const lang = pickLanguage(Object.keys(LANGS));
  applyLanguage(lang);
  // The first tokens come first (issue 15): the sample is asked for before the other sections are built.
  core.call('info').catch((error) => showError(state.strings.coreFailed + error.message));
  loadSample(lang);
  peView = new PeView($('pe'), state.strings, { seedInput: $('seed'), after: firstResult });
  attentionView = new AttentionView($('attn'), state.strings, { core, peView, dModelInput: $('d-model'), seedInput: $('seed') });
  compileFullWhenNear($('attn')); // on a phone: once the reader reaches section 6
  trainingView = new TrainingView(state.strings, {
    compiled: compiledFull,
    workerUrl: new URL('train-worker.js', import.meta.url),
    plotWorkerUrl: new URL('plot-worker.js', import.meta.url),
    getText: () => ({
      input: state.large ? state.large.input : $('text').value, lowercase: $('lowercase').checked, mode: $('mode').value, merges: Number($('merges').value),
    }),
  });
  compareView = new CompareView(state.strings, trainingView, { compiled: compiledFull, workerUrl: new URL('train-worker.js', import.meta.url) });
  trainingView.choosePreset(lang);
  // Tests only: index.html?debug exposes a real WebAssembly trap in the training worker and in the
  // core worker (web/core/worker-faults.js), to check that the page recovers from one (issue 14).
  if (new URLSearchParams(location.search).has('debug')) window.embplayDebug = {
    trapTrainingWorker: () => trainingView.client.debugTrap(),
    trapCoreWorker: () => core.call('debugTrap').catch((error) => showError(state.strings.coreRestarted(error.message))),
  };
  pretrainedView = new PretrainedView(state.strings, {
    compiled: compiledFull,
    workerUrl: new URL('pretrained-worker.js', import.meta.url),
    plotWorkerUrl: new URL('plot-worker.js', import.meta.url),
    getText: () => (state.large ? '' : $('text').value),
  });
  $('sample').value = lang;
  $('lang').addEventListener('change', (e) => {
    localStorage.setItem('embplay.lang', e.target.value);
    applyLanguage(e.target.value);
    trainingView.choosePreset(e.target.value);
  });
  $('theme').addEventListener('change', (e) => {
    localStorage.setItem('embplay.theme', e.target.value);
    applyTheme(e.target.value);
  });
  $('text').addEventListener('paste', onPaste);
  $('clear-large').addEventListener('click', () => {
    setLarge(null, 0, '');
    trainingView.followText({ kind: 'typed' });
    schedule(0);
    $('text').focus();
  });
  $('text').addEventListener('input', (e) => {
    showFileNote('');
    trainingView.followText({ kind: e.inputType === 'insertFromPaste' ? 'pasted' : 'typed' });
    schedule();
  });
  for (const id of ['mode', 'lowercase', 'whitespace', 'show-space', 'merges', 'min-count', 'd-model', 'seed']) {
    $(id).addEventListener('change', () => schedule(0));
  }
  $('file').addEventListener('change', (e) => {
    if (e.target.files[0]) openFile(e.target.files[0]);
    e.target.value = '';
  });
  $('load-sample').addEventListener('click', () => loadSample($('sample').value));
  document.addEventListener('dragover', (e) => e.preventDefault());
  document.addEventListener('drop', (e) => {
    e.preventDefault();
    const file = e.dataTransfer?.files?.[0];
    if (file) openFile(file);
  });
  // Settings and the current view live in the URL hash (never the text): a link restores them.
  new UrlState().start();
}

start();
