// The iframe page (dist/embed.html): builds the widget the location hash asks for (route.js),
// rebuilds it when the hash changes, and tells the embedding page its height with postMessage
//   { type: 'embedding-playground:size', height }
// whenever it changes, so the parent can size the iframe (snippet in dist/embed-docs.html).
import { parseRoute } from './route.js';

const MESSAGE = 'embedding-playground:size';

function show() {
  const { tag, attributes, warnings } = parseRoute(location.hash);
  for (const w of warnings) console.warn(w);
  const widget = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) widget.setAttribute(name, value);
  widget.style.margin = '0';
  document.getElementById('widget').replaceChildren(widget);
  if (attributes.lang) document.documentElement.lang = attributes.lang;
}

let lastHeight = -1;
function reportHeight() {
  const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
  if (height === lastHeight || window.parent === window) return;
  lastHeight = height;
  window.parent.postMessage({ type: MESSAGE, height }, '*'); // a height only: nothing private to leak
}

// Styles through CSSOM, not an inline <style>: allowed under a CSP without 'unsafe-inline'.
Object.assign(document.body.style, { margin: '0', padding: '1px 0', background: 'transparent' });
show();
window.addEventListener('hashchange', show);
new ResizeObserver(reportHeight).observe(document.documentElement);
