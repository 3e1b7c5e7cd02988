// The sample text of section 1 (assets/sample-<lang>.txt next to the page), fetched once per page
// and language: the inlined boot script (web/app/boot.js) asks for it while the HTML is parsed,
// so it is there when app.js starts rather than one round trip later (issue 15); main.js and the
// "Load sample" button take the same fetch. A failed fetch is forgotten, so asking again retries.
const KEY = Symbol.for('embedding-playground.samples');

/** Promise<string>: the sample text in `lang`. */
export function fetchSample(lang) {
  const samples = (globalThis[KEY] ??= {});
  samples[lang] ??= (async () => {
    const response = await fetch(`assets/sample-${lang}.txt`);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return response.text();
  })().catch((error) => {
    delete samples[lang];
    throw error;
  });
  return samples[lang];
}
