// The one small JS API over the WASM module: plain JS in, plain JS out.
// It wraps the raw embind bindings (wasm-bindings/*.cpp), copies typed arrays out of
// WASM memory and deletes every C++ object it creates. Works in a page, a worker and Node.

/** Loads the module. `factory` is the Emscripten ES-module factory; `wasmBinary` optional bytes. */
export async function loadEmbplay(factory, { wasmBinary, locateFile } = {}) {
  const options = {};
  if (wasmBinary) options.wasmBinary = wasmBinary;
  if (locateFile) options.locateFile = locateFile;
  const module = await factory(options);
  return new Embplay(module);
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Text as UTF-8 bytes; Uint8Array / ArrayBuffer pass through untouched (invalid UTF-8 included). */
export function toBytes(input) {
  if (typeof input === 'string') return encoder.encode(input);
  if (input instanceof Uint8Array) return input;
  if (input instanceof ArrayBuffer) return new Uint8Array(input);
  throw new Error('text must be a string or bytes');
}

function withDeleted(objects, fn) {
  try {
    return fn();
  } finally {
    for (const o of objects) if (o && !o.isDeleted()) o.delete();
  }
}

export class Embplay {
  constructor(module) {
    this.module = module;
  }

  /**
   * Tokenises `input` and builds the vocabulary and embedding rows the page shows.
   * options: mode ('word'|'char'|'bpe'), lowercase, whitespace, merges, minCount, maxVocab,
   *          dModel, seed, maxTokens (tokens returned with texts), maxRows (embedding rows returned),
   *          maxVocabRows (vocabulary entries returned).
   */
  analyze(input, options = {}) {
    const o = {
      mode: 'word', lowercase: false, whitespace: false, merges: 200, minCount: 1, maxVocab: 50000,
      dModel: 16, seed: 1, maxTokens: 2000, maxRows: 32, maxVocabRows: 500, ...options,
    };
    const bytes = toBytes(input);
    const M = this.module;
    const tokenizer = M.createTokenizer(o.mode, !!o.lowercase, !!o.whitespace, o.merges | 0, bytes);
    const live = [tokenizer];
    return withDeleted(live, () => {
      const seq = tokenizer.encode(bytes);
      live.push(seq);
      const vocab = M.buildVocabulary(seq, o.minCount, o.maxVocab);
      live.push(vocab);
      const count = seq.size();
      const shown = Math.min(count, o.maxTokens);
      const ids = vocab.encode(seq);
      const tokens = new Array(shown);
      const starts = seq.starts();
      const ends = seq.ends();
      const continues = seq.continues();
      for (let i = 0; i < shown; i++) {
        tokens[i] = { text: seq.displayText(i), start: starts[i], end: ends[i], id: ids[i], continues: continues[i] === 1 };
      }
      const vocabSize = vocab.size();
      const counts = vocab.counts();
      const vocabulary = [];
      for (let id = 0; id < Math.min(vocabSize, o.maxVocabRows); id++) {
        vocabulary.push({ id, token: vocab.token(id), count: counts[id] });
      }
      const table = M.createEmbeddingTable(vocabSize, o.dModel, o.seed);
      live.push(table);
      const rowIds = ids.slice(0, Math.min(count, o.maxRows));
      const rows = table.lookup(rowIds);
      // The source bytes up to the last token returned (all of them when every token is returned),
      // so a caller can show the text between tokens without encoding the whole input itself.
      const headEnd = shown === count ? bytes.length : (shown > 0 ? ends[shown - 1] : 0);
      return {
        byteLength: bytes.length, tokenCount: count, invalidUtf8: seq.invalidUtf8(), tokens, head: bytes.slice(0, headEnd),
        vocabSize, vocabulary, merges: tokenizer.merges(), dModel: o.dModel, rowIds, rows,
      };
    });
  }

  /** Tokens only, as typed arrays (for large inputs): { count, starts, ends, continues, invalidUtf8, merges }. */
  tokenize(input, { mode = 'word', lowercase = false, whitespace = false, merges = 200 } = {}) {
    const bytes = toBytes(input);
    const tokenizer = this.module.createTokenizer(mode, !!lowercase, !!whitespace, merges | 0, bytes);
    const live = [tokenizer];
    return withDeleted(live, () => {
      const seq = tokenizer.encode(bytes);
      live.push(seq);
      const texts = [];
      for (let i = 0; i < seq.size(); i++) texts.push(seq.displayText(i));
      return { count: seq.size(), texts, starts: seq.starts(), ends: seq.ends(), continues: seq.continues(),
        invalidUtf8: seq.invalidUtf8(), merges: tokenizer.merges() };
    });
  }

  /** Rows of a seeded embedding table for `ids`: Float32Array of ids.length * dModel. */
  embeddingRows(vocabSize, dModel, seed, ids) {
    const table = this.module.createEmbeddingTable(vocabSize, dModel, seed);
    return withDeleted([table], () => table.lookup(Int32Array.from(ids)));
  }

  /** Nearest rows to row `id` of a seeded table: [{ id, score }]. */
  nearestRows(vocabSize, dModel, seed, id, k = 10, metric = 'cosine') {
    const table = this.module.createEmbeddingTable(vocabSize, dModel, seed);
    return withDeleted([table], () => table.nearest(id, k, metric));
  }
}

/** The source text of byte span [start, end) of `bytes`. */
export function spanText(bytes, start, end) {
  return decoder.decode(bytes.subarray(start, end));
}
