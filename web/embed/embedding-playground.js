// The one script a blog includes (dist/embedding-playground.js, issue 6):
//   <script type="module" src=".../embedding-playground.js"></script>
//   <pe-heatmap d-model="128" max-len="64"></pe-heatmap>
//   <token-view mode="bpe">Text to split</token-view>
//   <cbow-demo corpus="en"></cbow-demo>   (word vectors trained on Train, in a worker)
//   <attention-view positions="none" shuffle>The cat sat on the mat.</attention-view>
//   <embedding-playground height="900"></embedding-playground>   (the whole page, in an iframe)
// It defines the custom elements; the WASM core is fetched from next to this script, once per
// page, when the first widget comes near the viewport. Defining twice (the script included under
// two URLs) is a no-op.
import { AttentionViewElement } from './attention-view-element.js';
import { CbowDemoElement } from './cbow-demo-element.js';
import { nearNow } from './lazy.js';
import { preferCore, sharedCore } from './module.js';
import { PeHeatmapElement } from './pe-heatmap-element.js';
import { PlaygroundElement } from './playground-element.js';
import { TokenViewElement } from './token-view-element.js';

const ELEMENTS = [PeHeatmapElement, TokenViewElement, CbowDemoElement, AttentionViewElement, PlaygroundElement];

// A page with <attention-view> (the lite core) and <pe-heatmap> (the PE core, a part of the lite
// one) downloads the lite core alone.
const kindsHere = new Set(ELEMENTS.filter((e) => e.coreKind && document.querySelector(e.tag)).map((e) => e.coreKind));
if (kindsHere.has('pe') && kindsHere.has('lite')) preferCore('pe', 'lite');

// A figure already on screen gets its core's download started before the elements are built
// (defining them builds each one's Shadow DOM first): issue 15, the first figure on a slow phone.
// Same order as the definitions below, so the same cores are chosen.
for (const element of ELEMENTS) {
  const first = element.coreKind && !customElements.get(element.tag) && document.querySelector(element.tag);
  if (first && nearNow(first)) sharedCore(element.coreKindOf?.(first) ?? element.coreKind).catch(() => {}); // the element reports failures
}

for (const element of ELEMENTS) {
  if (!customElements.get(element.tag)) customElements.define(element.tag, element);
}

export { AttentionViewElement, CbowDemoElement, PeHeatmapElement, PlaygroundElement, TokenViewElement };
