// The first script of the playground page (issue 15): web/build-site.mjs inlines it into
// dist/index.html's <head> as a classic script, so the work of the first tokens starts while the
// HTML is still being parsed, before app.js arrives: the tokenizer worker starts, and fetches and
// compiles the first view's WASM module itself (web/core/page-module.js), and the sample text in
// the reader's language is fetched (web/app/sample-text.js). app.js gets the same worker, compile
// and sample through per-page registries. The module files sit next to the page (the build
// defines import.meta.url as the document's base URL).
import { startCoreWorker } from '../core/page-module.js';
import { pickLanguage } from './language.js';
import { fetchSample } from './sample-text.js';

startCoreWorker(import.meta.url);
fetchSample(pickLanguage()).catch(() => {}); // app.js asks again, and reports a failure
