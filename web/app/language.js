// The page's language (English or Korean UI strings, web/app/i18n): the reader's saved choice,
// else Korean for a browser that prefers it, else English. Shared by the inlined boot script,
// which fetches the sample text of that language early (issue 15), and main.js.

/** 'en' | 'ko' (or another key of `available` the reader saved). */
export function pickLanguage(available = ['en', 'ko']) {
  let saved = null;
  try {
    saved = localStorage.getItem('embplay.lang');
  } catch {
    // storage refused (a privacy setting): the browser's languages decide
  }
  if (saved && available.includes(saved)) return saved;
  return (navigator.languages || [navigator.language]).some((l) => String(l).toLowerCase().startsWith('ko')) ? 'ko' : 'en';
}
