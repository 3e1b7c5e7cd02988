// <token-view mode="word|char|bpe|gpt2" text="..." lowercase merges="200" controls theme="auto">:
// the text split into tokens, each coloured by its id with its id and byte span on hover, as in
// the playground's tokens section (gpt2: GPT-2's real ids; its vocabulary is fetched from next to
// the script the first time, ~200 KB gzipped; a token that is part of a character shows its bytes). The text is the `text` attribute or else the element's own
// content (which also shows as plain text where scripts cannot run). With controls, the reader
// can pick the mode and type their own text; nothing leaves the browser.
import { schemeSet3 } from '../app/color-schemes.js';
import { spanText } from '../core/embplay.js';
import { sharedCore, sharedGpt2 } from './module.js';
import { EmbedWidget, THEME_RULE } from './widget.js';

const MAX_CHARS = 20000; // on the main thread: keep a keystroke's re-tokenisation within a frame or two
const MAX_TOKENS = 2000;
const TYPE_DELAY = 120;

function tokenColor(id) {
  return schemeSet3[(id * 7) % schemeSet3.length];
}

export class TokenViewElement extends EmbedWidget {
  static tag = 'token-view';

  // The lite core has the word, char and BPE tokenizers; GPT-2 needs the full one, fetched when
  // the mode is (or becomes) gpt2.
  static coreKind = 'lite';

  static coreKindOf(element) {
    return element.getAttribute('mode') === 'gpt2' ? 'full' : 'lite';
  }

  static rules = {
    mode: { key: 'mode', type: 'enum', values: ['word', 'char', 'bpe', 'gpt2'], default: 'word' },
    text: { key: 'text', type: 'string', default: null },
    lowercase: { key: 'lowercase', type: 'bool', default: false },
    merges: { key: 'merges', type: 'int', min: 0, max: 5000, default: 200 },
    controls: { key: 'controls', type: 'bool', default: true },
    theme: THEME_RULE,
  };

  build(frame) {
    this.controlsBox = document.createElement('div');
    this.controlsBox.className = 'controls';
    const label = document.createElement('label');
    this.modeName = document.createElement('span');
    this.modeSelect = document.createElement('select');
    for (const m of TokenViewElement.rules.mode.values) this.modeSelect.append(new Option(m, m));
    this.modeSelect.addEventListener('change', () => this.setAttribute('mode', this.modeSelect.value));
    label.append(this.modeName, this.modeSelect);
    this.controlsBox.append(label);
    this.textArea = document.createElement('textarea');
    this.textArea.rows = 2;
    this.textArea.spellcheck = false;
    this.textArea.addEventListener('input', () => {
      this.typed = this.textArea.value;
      clearTimeout(this.typeTimer);
      this.typeTimer = setTimeout(() => this.schedule(), TYPE_DELAY);
    });
    this.tokens = document.createElement('div');
    this.tokens.className = 'tokens';
    this.tokens.setAttribute('role', 'group');
    this.summary = document.createElement('p');
    this.summary.className = 'summary';
    this.summary.setAttribute('aria-live', 'polite');
    frame.append(this.controlsBox, this.textArea, this.tokens, this.summary);
    // Content edited by the page's own scripts (no `text` attribute, reader not typing yet).
    new MutationObserver(() => { if (this.typed === undefined) this.schedule(); })
      .observe(this, { childList: true, characterData: true, subtree: true });
  }

  applyStrings(S) {
    this.modeName.textContent = S.tvMode;
    this.modeSelect.setAttribute('aria-label', S.tvMode);
    for (const option of this.modeSelect.options) option.textContent = S.tvModes[option.value];
    this.textArea.setAttribute('aria-label', S.tvText);
    this.tokens.setAttribute('aria-label', S.tvTokens);
  }

  attributeChangedCallback(name, oldValue, newValue) {
    if (name === 'text') this.typed = undefined; // the page set new text: it replaces what was typed
    super.attributeChangedCallback(name, oldValue, newValue);
  }

  /** The reader's typing, else the text attribute, else the element's content. */
  currentText() {
    if (this.typed !== undefined) return this.typed;
    const source = this.config.text ?? this.textContent.replace(/^\s*\n|\n\s*$/g, '').trim();
    return source;
  }

  render() {
    const c = this.config;
    const text = this.currentText().slice(0, MAX_CHARS);
    this.controlsBox.hidden = !c.controls;
    this.textArea.hidden = !c.controls;
    this.modeSelect.value = c.mode;
    if (this.typed === undefined && this.textArea.value !== text) this.textArea.value = text;
    const api = c.mode === 'gpt2' ? this.gpt2Core?.api : this.core.api;
    if (c.mode === 'gpt2' && !api?.hasGpt2()) {
      this.loadGpt2();
      return;
    }
    const options = { dModel: 1, maxRows: 0, maxVocabRows: 0, maxTokens: MAX_TOKENS };
    const result = c.mode === 'gpt2' ? api.analyzeGpt2(text, options)
      : api.analyze(text, { ...options, mode: c.mode, lowercase: c.lowercase, merges: c.merges });
    this.renderTokens(result);
    // vocabSize counts [UNK] (id 0), which no token of the text maps to (min count 1).
    this.summary.textContent = (result.gpt2 ? this.S.tvSummaryGpt2(result.tokenCount, result.distinctIds, result.byteLength)
      : this.S.tvSummary(result.tokenCount, result.vocabSize - 1, result.byteLength))
      + (result.tokens.length < result.tokenCount ? this.S.tvTruncated(result.tokens.length) : '');
  }

  /** Fetches the full core and GPT-2's vocabulary once per page (module.js), then renders again. */
  loadGpt2() {
    if (this.gpt2Loading) return;
    this.status.textContent = this.S.tvLoadingGpt2;
    this.gpt2Loading = sharedCore('full')
      .then(async (core) => {
        await sharedGpt2(core.api);
        this.gpt2Core = core;
      })
      .then(() => this.schedule())
      .catch((error) => {
        this.errorLine.textContent = this.S.failed(error?.message ?? error);
      })
      .finally(() => {
        this.gpt2Loading = null;
        this.status.textContent = '';
      });
  }

  renderTokens(result) {
    const bytes = result.head;
    const frag = document.createDocumentFragment();
    let previous = 0;
    result.tokens.forEach((t, index) => {
      if (t.start > previous) frag.append(document.createTextNode(spanText(bytes, previous, t.start)));
      frag.append(this.tokenSpan(t, index, result.gpt2));
      previous = Math.max(previous, t.end);
    });
    if (result.tokens.length === result.tokenCount && previous < bytes.length) {
      frag.append(document.createTextNode(spanText(bytes, previous, bytes.length)));
    }
    this.tokens.replaceChildren(frag);
    if (result.tokenCount === 0) this.tokens.textContent = this.S.noTokens;
  }

  /** GPT-2 tokens are coloured by position (every boundary shows) and a partial character shows its bytes. */
  tokenSpan(t, index, gpt2) {
    const span = document.createElement('span');
    span.className = gpt2 ? (t.partial ? 'tok partial' : 'tok') : (t.id === 0 ? 'tok unk' : 'tok');
    span.textContent = gpt2 && t.partial ? `\u2039${t.text}\u203a` : t.text;
    span.style.background = gpt2 ? schemeSet3[index % schemeSet3.length] : tokenColor(t.id);
    span.title = gpt2 ? this.S.gpt2TokenTitle(t) : this.S.tokenTitle(t);
    span.dataset.id = String(t.id);
    return span;
  }
}
