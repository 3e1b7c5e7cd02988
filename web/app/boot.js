// The first script of the playground page (issue 15): web/build-site.mjs inlines it into
// dist/index.html's <head> as a classic script, so the WASM module starts downloading and
// compiling while the HTML is still being parsed, before app.js arrives. app.js gets the same
// compile and worker through web/core/page-module.js's per-page registry. The module files sit next to the
// page (the build defines import.meta.url as the document's base URL).
// The tokenizer worker starts here too, so its script and the module's loader download alongside,
// and so does the fetch of the sample text in the reader's language (web/app/sample-text.js).
import { compilePageModule, startCoreWorker } from '../core/page-module.js';
import { pickLanguage } from './language.js';
import { fetchSample } from './sample-text.js';

compilePageModule(import.meta.url).catch(() => {}); // app.js reports a failure
startCoreWorker(import.meta.url);
fetchSample(pickLanguage()).catch(() => {}); // app.js asks again, and reports a failure
