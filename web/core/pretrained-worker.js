// The Web Worker behind the page's "real model weights" section (issue 13). It holds its own
// WASM module, so a 155 MB token table never sits in the page's core worker, and reads the
// chosen File by ranges (web/core/pretrained-weights.js): the page thread never blocks.
// A first message { type: 'module', module, simd } brings the full module the page already
// compiled (web/core/page-module.js, issue 15); without it the worker fetches its own.
// Messages: { id, method, args } -> { id, progress } ... { id, result } | { id, error }.
//   open(file, vocabFile | null, tokenTable | '') -> summary
//   neighbors(token, k), analogy(a, b, c, k) -> [{id, token, score}]
//   alongDirection([[a, b], ...], k) -> {highest, lowest}; project(tokens) -> {tokens, coords, explained}
//   tsne(tokens, {seed, perplexity}) -> {tokens, coords, iteration, iterations, perplexity}, in slices:
//     { id, progress, frame } after each (the map so far); a newer tsne() or an open() stops it
//     (error 'replaced'), cancelMap() too (error 'cancelled')
//   frequentTokens(text, k) -> [{token, count}]: the text's k most frequent tokens
//   lookup(text, maxTokens) -> {tokens: [{text, id, start, end, norm}], rows, width, input | null}
//   positionView(rows) -> see PretrainedWeights.positionView
//   memory() -> bytes of WASM memory (for the benchmark)
//   cancel() -> stops a running open()
import { loadEmbplay } from './embplay.js';
import { gpt2Loader } from './gpt2-ranks.js';
import { factoryFor, importModuleFactory } from './load.js';
import { PretrainedWeights, describeSafetensors } from './pretrained-weights.js';

const loader = importModuleFactory(self.location.href); // imported at once, while the module arrives
loader.catch(() => {}); // reported by the first call
let ready = null;
async function load(compiled) {
  return loadEmbplay(await factoryFor(self.location.href, loader, compiled), { module: compiled?.module });
}

let weights = null;
const ensureGpt2 = gpt2Loader(self.location.href);
let reading = null; // the AbortController of the open() in progress
let mapRun = null; // the t-SNE in progress (web/core/tsne-run.js)

function stopMap(reason) {
  mapRun?.stop(reason);
  mapRun = null;
}

const methods = {
  async open(api, id, file, vocab, tokenTable) {
    stopMap('replaced');
    weights?.close();
    weights = null;
    const described = await describeSafetensors(api, file);
    if (described.layout.kind === 'gpt2' && !vocab) await ensureGpt2(api);
    const matrices = described.tensors.filter((t) => t.shape.length === 2).map((t) => ({ name: t.name, shape: t.shape }));
    let opened;
    reading = new AbortController();
    try {
      opened = await PretrainedWeights.open(api, file, {
        vocab, tokenTable: tokenTable || undefined, signal: reading.signal,
        onProgress: (p) => self.postMessage({ id, progress: p.fraction }),
      });
    } catch (error) {
      if (reading.signal.aborted) throw new Error('cancelled');
      error.matrices = matrices;
      throw error;
    } finally {
      reading = null;
    }
    weights = opened;
    return {
      kind: weights.kind, vocabSize: weights.vocabSize, width: weights.width, tokenTable: weights.layout.tokenTable,
      positionTable: weights.layout.positionTable, positionRows: weights.positions().rows, tokenizer: weights.hasTokenizer(),
      tensors: described.tensors.length, matrices, wasmMemoryBytes: api.module.HEAP8.length,
    };
  },
  neighbors(api, id, token, k) {
    return need().neighbors(token, k);
  },
  analogy(api, id, a, b, c, k) {
    return need().analogy(a, b, c, k);
  },
  alongDirection(api, id, pairs, k) {
    return need().alongDirection(pairs, k);
  },
  project(api, id, tokens) {
    return need().project(tokens);
  },
  // The map is drawn as it settles: every slice's frame goes out as a progress message.
  async tsne(api, id, tokens, options = {}) {
    stopMap('replaced');
    const run = need().tsne(tokens, {
      perplexity: options.perplexity, seed: options.seed,
      onFrame: (frame) => self.postMessage({ id, progress: frame.iteration / frame.iterations, frame }),
    });
    mapRun = run;
    try {
      return { tokens, ...(await run.done) };
    } finally {
      if (mapRun === run) mapRun = null;
    }
  },
  cancelMap() {
    stopMap('cancelled');
    return true;
  },
  frequentTokens(api, id, text, k) {
    return need().frequentTokens(text, k);
  },
  lookup(api, id, text, maxTokens) {
    const w = need();
    const all = w.lookup(text);
    const tokens = all.slice(0, maxTokens);
    const rows = new Float32Array(tokens.length * w.width);
    tokens.forEach((t, i) => rows.set(t.row, i * w.width));
    const n = Math.min(tokens.length, w.positions().rows);
    const input = n > 0 ? w.modelInput(tokens.slice(0, n).map((t) => t.id)) : null;
    return { tokens: tokens.map(({ row, ...rest }) => rest), total: all.length, rows, width: w.width, input, inputRows: n };
  },
  // Stops the open() in progress between two slices; it then fails with 'cancelled' and keeps nothing.
  cancel() {
    reading?.abort();
    return true;
  },
  memory(api) {
    return api.module.HEAP8.length;
  },
  positionView(api, id, rows) {
    return need().positionView(rows);
  },
};

function need() {
  if (!weights) throw new Error('no model weights are open');
  return weights;
}

self.onmessage = async (event) => {
  if (event.data.type === 'module') {
    ready ??= load(event.data);
    return;
  }
  ready ??= load(null);
  const { id, method, args } = event.data;
  try {
    const api = await ready;
    if (!methods[method]) throw new Error(`unknown method '${method}'`);
    const result = await methods[method](api, id, ...args);
    self.postMessage({ id, result });
  } catch (error) {
    self.postMessage({ id, error: error?.message ?? String(error), matrices: error?.matrices });
  }
};
