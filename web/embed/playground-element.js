// <embedding-playground height="900" lang="en|ko">: the whole playground (dist/index.html) in a
// box. The page is a full application (text box, worker, training, eight sections), so it runs in
// an iframe: complete isolation from the blog in both directions, and its own module instance.
// The iframe is created only when the box comes near the viewport (lazy.js); the blog sees one
// fixed-height box that scrolls inside. Bad attributes fall back with a warning, as elsewhere.
import { readAttributes } from './attributes.js';
import { whenNear, whenNearCancel } from './lazy.js';
import { adoptStyles } from './widget.js';

const RULES = { height: { key: 'height', type: 'int', min: 300, max: 4000, default: 900 } };
const CSS = `:host { display: block !important; box-sizing: border-box !important; max-width: 100% !important; margin: 1.2em 0; }
:host([hidden]) { display: none !important; }
iframe { display: block; box-sizing: border-box; width: 100%; border: 1px solid #d9d9d6; border-radius: 10px; background: transparent; }`;

export class PlaygroundElement extends HTMLElement {
  static tag = 'embedding-playground';

  static get observedAttributes() {
    return ['height'];
  }

  connectedCallback() {
    if (!this.shadowRoot) {
      const root = this.attachShadow({ mode: 'open' });
      adoptStyles(root, CSS);
      this.box = document.createElement('div');
      root.append(this.box);
      this.warned = new Set();
    }
    this.sizeBox();
    if (!this.frame) whenNear(this, () => this.open());
  }

  disconnectedCallback() {
    whenNearCancel(this);
  }

  attributeChangedCallback() {
    if (this.box) this.sizeBox();
  }

  sizeBox() {
    const { values, warnings } = readAttributes(this.localName, RULES, (n) => this.getAttribute(n));
    for (const w of warnings) if (!this.warned.has(w)) { this.warned.add(w); console.warn(w); }
    this.box.style.height = `${values.height}px`;
    if (this.frame) this.frame.style.height = `${values.height}px`;
  }

  open() {
    this.frame = document.createElement('iframe');
    this.frame.src = new URL('index.html', import.meta.url).href;
    this.frame.title = this.getAttribute('title') || 'Embedding Playground';
    this.frame.style.height = this.box.style.height;
    this.box.replaceWith(this.frame);
  }
}
