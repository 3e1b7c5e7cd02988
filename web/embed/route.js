// The iframe route (issue 6): dist/embed.html#view=pe&d=128&n=64 shows one widget for hosts that
// strip <script> from posts. The hash names the view and its settings; this file turns it into a
// tag and attributes (pure, tested in tests/node/embed_attributes.test.mjs). The element then
// checks the values as it checks any attribute (bad -> default + console warning).
//   view=pe      d (d-model), n (max-len), base, layout, kind, seed, controls, curves
//   view=tokens  mode, text, lowercase, merges, controls
//   view=cbow    corpus, epochs, size, seed, analogy (trains when the reader presses Train)
//   view=attention  text, positions, proj, heads, causal, shuffle, d (d-model), seed
//   all          theme (light | dark | auto), lang (en | ko)

const VIEWS = {
  pe: { tag: 'pe-heatmap', params: { d: 'd-model', n: 'max-len', base: 'base', layout: 'layout', kind: 'kind', seed: 'seed', controls: 'controls', curves: 'curves' } },
  tokens: { tag: 'token-view', params: { mode: 'mode', text: 'text', lowercase: 'lowercase', merges: 'merges', controls: 'controls' } },
  cbow: { tag: 'cbow-demo', params: { corpus: 'corpus', epochs: 'epochs', size: 'size', seed: 'seed', analogy: 'analogy' } },
  attention: {
    tag: 'attention-view',
    params: { text: 'text', positions: 'positions', proj: 'proj', heads: 'heads', causal: 'causal', shuffle: 'shuffle', d: 'd-model', seed: 'seed' },
  },
};
const COMMON = { theme: 'theme', lang: 'lang' };

/** { tag, attributes: { name: value }, warnings: [...] } for a location hash such as "#view=pe&d=64". */
export function parseRoute(hash) {
  const params = new URLSearchParams(String(hash || '').replace(/^#/, ''));
  const warnings = [];
  let viewName = params.get('view') ?? 'pe';
  if (!VIEWS[viewName]) {
    warnings.push(`embed.html: view must be one of ${Object.keys(VIEWS).join(', ')} (got "${viewName}"); showing pe.`);
    viewName = 'pe';
  }
  const view = VIEWS[viewName];
  const names = { ...view.params, ...COMMON };
  const attributes = {};
  for (const [key, value] of params) {
    if (key === 'view') continue;
    if (names[key]) attributes[names[key]] = value;
    else warnings.push(`embed.html: unknown parameter "${key}" for view=${viewName} (known: ${Object.keys(names).join(', ')}); ignored.`);
  }
  return { view: viewName, tag: view.tag, attributes, warnings };
}
