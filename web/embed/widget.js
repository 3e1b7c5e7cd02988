// The base of every embeddable element: a Shadow DOM frame with a status line and an error line,
// attributes read through rules (bad values -> default + one console warning), light/dark from
// theme.js, a lazy start (lazy.js) that awaits the page's one shared WASM core (module.js), and
// repaints batched to one per animation frame, on attribute changes and container resizes.
// Subclasses define static tag, rules and coreKind ('full' | 'lite' | 'pe', web/embed/module.js; a
// static coreKindOf(element) may choose per element), build(frame) and render().
import { readAttributes } from './attributes.js';
import { sharedCore } from './module.js';
import { whenNear, whenNearCancel } from './lazy.js';
import { stringsFor } from './strings.js';
import { WIDGET_CSS } from './styles.js';
import { onThemeChange, resolveTheme } from './theme.js';

export const THEME_RULE = { key: 'theme', type: 'enum', values: ['auto', 'light', 'dark'], default: 'auto' };

const sheets = new Map(); // css text -> CSSStyleSheet

/**
 * One constructed stylesheet shared by every widget's shadow root: CSSOM, so a page whose
 * Content-Security-Policy forbids inline styles (style-src without 'unsafe-inline') still styles
 * the widgets. Browsers without adoptedStyleSheets (Safari < 16.4) get a <style> element.
 */
export function adoptStyles(shadow, css = WIDGET_CSS) {
  if ('adoptedStyleSheets' in shadow && typeof CSSStyleSheet === 'function' && 'replaceSync' in CSSStyleSheet.prototype) {
    if (!sheets.has(css)) {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
      sheets.set(css, sheet);
    }
    shadow.adoptedStyleSheets = [sheets.get(css)];
  } else {
    const style = document.createElement('style');
    style.textContent = css;
    shadow.append(style);
  }
}

export class EmbedWidget extends HTMLElement {
  static get observedAttributes() {
    return [...Object.keys(this.rules), 'lang'];
  }

  constructor() {
    super();
    this.shadow = this.attachShadow({ mode: 'open' });
    this.warned = new Set();
    this.renderCount = 0;
    this.core = null;
  }

  connectedCallback() {
    if (!this.frame) this.scaffold();
    this.readConfig();
    this.applyTheme();
    this.unwatchTheme = onThemeChange(() => this.applyTheme());
    this.observeSize();
    if (!this.core) whenNear(this, () => this.start());
  }

  disconnectedCallback() {
    whenNearCancel(this);
    this.unwatchTheme?.();
    this.resizeObserver?.disconnect();
  }

  attributeChangedCallback(name, oldValue, newValue) {
    if (!this.frame || oldValue === newValue) return;
    this.readConfig();
    if (name === 'theme') this.applyTheme();
    else if (name === 'lang') this.setStrings();
    this.schedule();
  }

  scaffold() {
    adoptStyles(this.shadow);
    this.frame = document.createElement('div');
    this.frame.className = 'frame';
    this.frame.setAttribute('part', 'frame');
    this.status = document.createElement('p');
    this.status.className = 'status';
    this.status.setAttribute('role', 'status');
    this.errorLine = document.createElement('p');
    this.errorLine.className = 'error';
    this.errorLine.setAttribute('role', 'alert');
    this.S = stringsFor(this.language());
    this.status.textContent = this.S.loading;
    this.build(this.frame);
    this.frame.append(this.errorLine, this.status);
    this.shadow.append(this.frame);
    this.setStrings();
  }

  /** The element's language: its own lang, the nearest ancestor's, or the document's. */
  language() {
    return this.closest('[lang]')?.getAttribute('lang') || document.documentElement.lang || navigator.language;
  }

  setStrings() {
    this.S = stringsFor(this.language());
    this.applyStrings?.(this.S);
  }

  readConfig() {
    const tag = this.localName;
    const { values, warnings } = readAttributes(tag, this.constructor.rules, (name) => this.getAttribute(name));
    for (const w of warnings) {
      if (this.warned.has(w)) continue;
      this.warned.add(w);
      console.warn(w);
    }
    this.config = values;
  }

  applyTheme() {
    const theme = resolveTheme(this.config?.theme ?? 'auto');
    const dark = theme === 'dark';
    if (this.frame.classList.contains('dark') === dark && this.themeShown) return;
    this.themeShown = theme;
    this.frame.classList.toggle('dark', dark);
    this.frame.dataset.theme = theme;
    this.schedule(); // canvas axes take their colours from the theme
  }

  observeSize() {
    if (typeof ResizeObserver !== 'function' || this.resizeObserver) {
      this.resizeObserver?.observe(this);
      return;
    }
    let width = -1;
    this.resizeObserver = new ResizeObserver(() => {
      const w = this.clientWidth;
      if (w === width) return;
      width = w;
      this.schedule();
    });
    this.resizeObserver.observe(this);
  }

  async start() {
    try {
      this.core = await sharedCore(this.constructor.coreKindOf?.(this) ?? this.constructor.coreKind);
      this.status.textContent = '';
      if (!this.pending) this.renderNow(); // the first figure at once; later ones one per frame (schedule)
    } catch (error) {
      const reason = error?.message ?? String(error);
      this.status.textContent = '';
      this.errorLine.textContent = this.S.failed(reason) + (location.protocol === 'file:' ? ` ${this.S.fileHint}` : '');
      console.error(`<${this.localName}>: ${reason}`);
    }
  }

  /** One render per animation frame, only after the core has loaded. */
  schedule() {
    if (!this.core || this.pending) return;
    this.pending = true;
    requestAnimationFrame(() => {
      this.pending = false;
      this.renderNow();
    });
  }

  renderNow() {
    try {
      this.render();
      this.errorLine.textContent = '';
    } catch (error) {
      this.errorLine.textContent = this.S.errorPrefix + (error?.message ?? error);
    }
    this.renderCount++;
    this.dispatchEvent(new CustomEvent('embplay-render', { bubbles: true, composed: true, detail: { count: this.renderCount } }));
  }
}
