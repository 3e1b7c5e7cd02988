// Settings and the current view in the URL hash, so a link restores them (issue 4, "Share").
// Only the values of the listed controls that differ from the page's defaults go into the hash:
// never the pasted text, which can be large and private. Unknown keys and values a control
// cannot take are ignored (a hand-edited link never breaks the page).

// Control ids, in the order they are restored (the language first: it re-labels the page and
// picks the training preset, which the later training settings may then override).
export const SHARED_CONTROLS = [
  'lang', 'mode', 'lowercase', 'whitespace', 'show-space', 'merges', 'min-count', 'd-model', 'seed',
  'pe-kind', 'pe-d-model', 'pe-max-len', 'pe-base', 'pe-layout', 'pe-dims', 'pe-sim-measure', 'pe-scale',
  'attn-positions', 'attn-proj', 'attn-heads', 'attn-scale', 'attn-causal',
  'train-source', 'train-size', 'train-window', 'train-negative', 'train-epochs', 'train-alpha',
  'train-min-count', 'train-sample', 'train-seed', 'train-arch', 'train-subwords', 'train-minn', 'train-maxn',
  'train-projection', 'train-rotation',
  'nn-word', 'nn-k', 'nn-metric', 'an-a', 'an-b', 'an-c', 'an-k', 'dir-pairs', 'lookup-word',
  'cmp-word', 'cmp-a', 'cmp-b', 'cmp-c', 'cmp-forms',
];

function read(el) {
  return el.type === 'checkbox' ? (el.checked ? '1' : '0') : el.value;
}

function write(el, value) {
  if (el.type === 'checkbox') {
    if (value !== '0' && value !== '1') return false;
    el.checked = value === '1';
    return true;
  }
  if (el.tagName === 'SELECT' && ![...el.options].some((o) => o.value === value)) return false;
  el.value = value;
  return true;
}

/** The hash for the current values: only the controls that differ from `defaults`. */
export function encodeState(controls, defaults) {
  const params = new URLSearchParams();
  for (const [id, el] of controls) {
    const value = read(el);
    if (value !== defaults.get(id)) params.set(id, value);
  }
  const s = params.toString();
  return s ? `#${s}` : '';
}

/** Keeps the hash in step with the controls and restores them from it (on load and on hashchange). */
export class UrlState {
  constructor(doc = document, win = window) {
    this.doc = doc;
    this.win = win;
    this.controls = new Map();
    for (const id of SHARED_CONTROLS) {
      const el = doc.getElementById(id);
      if (el) this.controls.set(id, el);
    }
    this.defaults = new Map();
    this.restoring = false;
    this.timer = 0;
  }

  /** Records the defaults (call once the page set its own initial values), restores, then follows changes. */
  start() {
    for (const [id, el] of this.controls) this.defaults.set(id, read(el));
    // The language's default follows the browser; a link names it only when it was chosen.
    this.restore(this.win.location.hash);
    // Listened to on the document: a paired slider sets its number box without an event of its own.
    this.doc.addEventListener('change', () => this.schedule());
    this.doc.addEventListener('input', () => this.schedule());
    this.win.addEventListener('hashchange', () => {
      if (this.win.location.hash !== this.lastWritten) this.restore(this.win.location.hash);
    });
  }

  restore(hash) {
    const params = new URLSearchParams(hash.replace(/^#/, ''));
    this.restoring = true;
    try {
      for (const [id, el] of this.controls) {
        if (!params.has(id)) continue;
        const value = params.get(id);
        if (value === read(el) || !write(el, value)) continue;
        el.dispatchEvent(new Event('input', { bubbles: true }));
        el.dispatchEvent(new Event('change', { bubbles: true }));
      }
    } finally {
      this.restoring = false;
    }
  }

  schedule() {
    if (this.restoring) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.update(), 200);
  }

  update() {
    const hash = encodeState(this.controls, this.defaults);
    this.lastWritten = hash;
    const url = `${this.win.location.pathname}${this.win.location.search}${hash}`;
    this.win.history.replaceState(null, '', url);
  }
}
