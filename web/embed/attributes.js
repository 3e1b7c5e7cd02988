// Attribute parsing for the embeddable elements (issue 6): every attribute has a default and a
// check; a bad value yields the default plus a warning naming the element, the attribute and the
// value, so a typo in a blog post shows a working figure and one console line, never a blank box.
// Pure functions (no DOM), tested in tests/node/embed_attributes.test.mjs.

/**
 * Reads `raw` (an attribute value, or null when absent) by `rule`:
 *   { type: 'int', min, max, default } | { type: 'number', min, max, exclusiveMin, default }
 *   { type: 'enum', values: [...], default } | { type: 'bool', default } | { type: 'string', default }
 * Returns { value, warning } where warning is null or a sentence for console.warn.
 */
export function readAttribute(tag, name, raw, rule) {
  if (raw === null || raw === undefined) return { value: rule.default, warning: null };
  const text = String(raw).trim();
  const problem = check(text, rule);
  if (problem === null) return { value: convert(text, rule), warning: null };
  return { value: rule.default, warning: `<${tag}>: ${name} ${problem} (got "${raw}"); using ${JSON.stringify(rule.default)}.` };
}

function convert(text, rule) {
  if (rule.type === 'int' || rule.type === 'number') return Number(text);
  if (rule.type === 'enum') return text.toLowerCase();
  if (rule.type === 'bool') return text === '' || /^(true|on|yes|1)$/i.test(text);
  return text;
}

/** null when `text` is acceptable, otherwise what it must be. */
function check(text, rule) {
  switch (rule.type) {
    case 'int': {
      const v = Number(text);
      if (text === '' || !Number.isInteger(v) || v < rule.min || v > rule.max) return `must be a whole number from ${rule.min} to ${rule.max}`;
      return null;
    }
    case 'number': {
      const v = Number(text);
      const low = rule.exclusiveMin ? v <= rule.min : v < rule.min;
      if (text === '' || !Number.isFinite(v) || low || v > rule.max) {
        return `must be a number ${rule.exclusiveMin ? 'greater than' : 'from'} ${rule.min}${rule.exclusiveMin ? ' and at most' : ' to'} ${rule.max}`;
      }
      return null;
    }
    case 'enum':
      return rule.values.includes(text.toLowerCase()) ? null : `must be one of ${rule.values.join(', ')}`;
    case 'bool':
      return /^(|true|false|on|off|yes|no|1|0)$/i.test(text) ? null : 'must be true or false';
    default:
      return null;
  }
}

/**
 * Reads every attribute of `rules` ({ attributeName: { key, ...rule } }) through `get(name)`;
 * returns { values: { key: value }, warnings: [...] }.
 */
export function readAttributes(tag, rules, get) {
  const values = {};
  const warnings = [];
  for (const [name, rule] of Object.entries(rules)) {
    const { value, warning } = readAttribute(tag, name, get(name), rule);
    values[rule.key] = value;
    if (warning) warnings.push(warning);
  }
  return { values, warnings };
}
