// The one small JS API over the WASM module: plain JS in, plain JS out.
// It wraps the raw embind bindings (wasm-bindings/*.cpp), copies typed arrays out of
// WASM memory and deletes every C++ object it creates. Works in a page, a worker and Node.

/**
 * Loads the module. `factory` is the Emscripten ES-module factory; optional: `wasmBinary` bytes,
 * or `module`, a compiled WebAssembly.Module (web/core/page-module.js) instantiated through the
 * factory's instantiateWasm hook, so nothing is fetched or compiled again.
 */
export async function loadEmbplay(factory, options = {}) {
  return new Embplay(await createModule(factory, options));
}

/** The raw Emscripten module (for workers that call the bindings directly); options as loadEmbplay's. */
export async function createModule(factory, { wasmBinary, locateFile, module: compiled } = {}) {
  const options = {};
  if (wasmBinary) options.wasmBinary = wasmBinary;
  if (locateFile) options.locateFile = locateFile;
  let failed = null;
  if (compiled) {
    failed = new Promise((_, reject) => {
      options.instantiateWasm = (imports, receive) => {
        WebAssembly.instantiate(compiled, imports).then((instance) => receive(instance, compiled), reject);
        return {}; // exports arrive asynchronously, through receive
      };
    });
  }
  return failed ? Promise.race([factory(options), failed]) : factory(options);
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
    /** Positional encodings (issue 5): see PositionalEncodings below. */
    this.pe = new PositionalEncodings(module);
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

  /** Loads GPT-2's tokenizer from the bytes of gpt2-ranks.bin (fetched on demand by the caller). */
  loadGpt2(ranksBytes) {
    if (this.gpt2) return;
    this.gpt2 = this.module.createGpt2Bpe(toBytes(ranksBytes));
  }

  /** True once loadGpt2 succeeded. */
  hasGpt2() {
    return !!this.gpt2;
  }

  /**
   * GPT-2 byte-level BPE (r50k_base) with its real ids, in the shape `analyze` returns. A token
   * whose bytes are not whole UTF-8 characters (a Hangul syllable split across tokens) gets
   * `partial: true` and `bytes` (hex) so the page can show it. The vocabulary lists the ids that
   * occur, with counts, by count; the embedding rows come from a seeded 50,257 × dModel table.
   */
  analyzeGpt2(input, options = {}) {
    if (!this.gpt2) throw new Error('the GPT-2 vocabulary is not loaded yet');
    const o = { dModel: 16, seed: 1, maxTokens: 2000, maxRows: 32, maxVocabRows: 500, ...options };
    const bytes = toBytes(input);
    const enc = this.gpt2.encode(bytes);
    const count = enc.ids.length;
    const shown = Math.min(count, o.maxTokens);
    const strict = new TextDecoder('utf-8', { fatal: true });
    const tokens = new Array(shown);
    for (let i = 0; i < shown; i++) {
      const id = enc.ids[i];
      const own = this.gpt2.tokenBytes(id);
      let text;
      let partial = false;
      try {
        text = strict.decode(own);
      } catch {
        partial = true;
        text = Array.from(own, (b) => b.toString(16).toUpperCase().padStart(2, '0')).join(' ');
      }
      tokens[i] = { text, start: enc.starts[i], end: enc.ends[i], id, partial, vocabText: this.gpt2.tokenText(id) };
    }
    const counts = new Map();
    for (const id of enc.ids) counts.set(id, (counts.get(id) ?? 0) + 1);
    const firstSeen = [...counts.keys()];
    const order = firstSeen.map((id, i) => [id, counts.get(id), i]).sort((a, b) => b[1] - a[1] || a[2] - b[2]);
    const vocabulary = order.slice(0, o.maxVocabRows).map(([id, n]) => ({ id, token: this.gpt2.tokenText(id), count: n }));
    const vocabSize = this.gpt2.vocabSize();
    const rowIds = Array.from(enc.ids.subarray(0, Math.min(count, o.maxRows)));
    const rows = this.embeddingRows(vocabSize, o.dModel, o.seed, rowIds);
    const headEnd = shown === count ? bytes.length : (shown > 0 ? enc.ends[shown - 1] : 0);
    return {
      byteLength: bytes.length, tokenCount: count, invalidUtf8: enc.invalidUtf8, tokens, head: bytes.slice(0, headEnd),
      vocabSize, distinctIds: counts.size, vocabulary, merges: [], dModel: o.dModel, rowIds, rows, gpt2: true,
    };
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

// ---------- positional encodings (issue 5; bindings in wasm-bindings/pe_bindings.cpp) ----------
//
// A spec is { dModel, maxLen, base = 10000, layout = 'interleaved' | 'split' } for the sinusoidal
// table, plus kind: 'sinusoidal' | 'learned' and seed (learned) where a table is filled. Sizes are
// checked in the core against the page's limits (d_model <= 1024, max_len <= 2048); a bad value
// throws an Error whose message names it, e.g. "d_model must be an integer between 1 and 1024, got 0".

const PE_DEFAULTS = { base: 10000, layout: 'interleaved', kind: 'sinusoidal', seed: 1, stddev: 0.02 };

function peSpec(spec) {
  return { ...PE_DEFAULTS, ...spec };
}

/** One-shot calls that return copies (safe to keep); `workspace()` for redrawing while a slider drags. */
export class PositionalEncodings {
  constructor(module) {
    this.module = module;
  }

  /** { page: { maxDModel, maxLen, maxCells }, core: {...}, defaultBase, defaultLearnedStddev }. */
  limits() {
    return this.module.positionLimits();
  }

  /** The maxLen x dModel table (row-major Float32Array copy), sinusoidal or learned by `kind`. */
  table(spec) {
    const s = peSpec(spec);
    if (s.kind === 'learned') return this.module.learnedPositionTable(s.dModel, s.maxLen, s.seed, s.stddev);
    if (s.kind !== 'sinusoidal') throw new Error(`unknown position table kind '${s.kind}' (expected sinusoidal or learned)`);
    return this.module.sinusoidalEncoding(s.dModel, s.maxLen, s.base, s.layout);
  }

  /** PE(pos) as a Float32Array of dModel; `pos` may be any finite number (not only < maxLen). */
  encodePosition(spec, pos) {
    const s = peSpec(spec);
    return this.module.peEncodePosition(s.dModel, s.base, s.layout, pos);
  }

  /** One value straight from the formula, in double. */
  value(spec, pos, column) {
    const s = peSpec(spec);
    return this.module.peValue(s.dModel, s.base, s.layout, pos, column);
  }

  /** What column `column` holds: { pair, isSine, exponent (2i/d), frequency (rad/position), wavelength }. */
  dimension(spec, column) {
    const s = peSpec(spec);
    return this.module.peDimension(s.dModel, s.base, s.layout, column);
  }

  /** Per column (Float64Array of dModel): radians per position, and positions per full turn. */
  frequencies(spec) {
    const s = peSpec(spec);
    return this.module.peFrequencies(s.dModel, s.base, s.layout);
  }

  wavelengths(spec) {
    const s = peSpec(spec);
    return this.module.peWavelengths(s.dModel, s.base, s.layout);
  }

  /** M_k (dModel x dModel, row-major): PE(pos + k) = M_k PE(pos), one rotation per frequency pair. */
  shiftMatrix(spec, k) {
    const s = peSpec(spec);
    return this.module.peShiftMatrix(s.dModel, s.base, s.layout, k);
  }

  /** M_k row, without building the matrix. */
  applyShift(spec, k, row) {
    const s = peSpec(spec);
    return this.module.peApplyShift(s.dModel, s.base, s.layout, k, Float32Array.from(row));
  }

  /** max |M_k PE(pos) - PE(pos + k)| in double: ~1e-16 for even dModel. */
  shiftResidual(spec, pos, k) {
    const s = peSpec(spec);
    return this.module.peShiftResidual(s.dModel, s.base, s.layout, pos, k);
  }

  /** True when the shift is exactly linear on every column (even dModel). */
  shiftIsExact(dModel) {
    return this.module.peShiftIsExact(dModel);
  }

  /** maxLen x maxLen similarity ('cosine' | 'dot') of the positions of `spec` (a copy). */
  similarity(spec, measure = 'cosine') {
    const ws = this.workspace();
    try {
      return Float32Array.from(ws.fillSimilarity(spec, measure));
    } finally {
      ws.delete();
    }
  }

  /** scale * tokenRows + the first rows of the position table of `spec` (tokens x dModel copy). */
  modelInput(tokenRows, spec, scale = 1) {
    const ws = this.workspace();
    try {
      return Float32Array.from(ws.fillModelInput(tokenRows, spec, scale).input);
    } finally {
      ws.delete();
    }
  }

  /** Reusable WASM buffers for repainting while a slider drags; `delete()` it when done. */
  workspace() {
    return new PeWorkspace(this.module);
  }
}

/**
 * Buffers in WASM memory, refilled in place (no allocation once they are large enough). Every fill
 * returns a zero-copy Float32Array view. A view dies (length 0) when WASM memory grows, which any
 * later fill may cause: use a view before the next call, or take fresh ones with `views()`.
 */
export class PeWorkspace {
  constructor(module) {
    this.module = module;
    this.buffers = {
      table: new module.PositionBuffer(),
      similarity: new module.PositionBuffer(),
      positions: new module.PositionBuffer(),
      input: new module.PositionBuffer(),
    };
  }

  /** Fills the maxLen x dModel table of `spec` (sinusoidal or learned); returns its view. */
  fillTable(spec) {
    const s = peSpec(spec);
    this.fillInto(this.buffers.table, s);
    return this.buffers.table.view();
  }

  /**
   * The similarity of the first `rows` positions (default maxLen): the closed form for the
   * sinusoidal table; for a learned one, the Gram matrix of its rows (O(rows^2 x dModel): cap rows).
   * Leaves the learned table in the table buffer. Returns the rows x rows view.
   */
  fillSimilarity(spec, measure = 'cosine', rows = spec.maxLen) {
    const s = peSpec(spec);
    const M = this.module;
    if (s.kind === 'sinusoidal') {
      M.peFillSinusoidalSimilarity(this.buffers.similarity, s.dModel, rows, s.base, s.layout, measure);
    } else {
      this.fillInto(this.buffers.table, { ...s, maxLen: rows });
      M.peFillSimilarity(this.buffers.similarity, this.buffers.table, rows, s.dModel, measure);
    }
    return this.buffers.similarity.view();
  }

  /**
   * Model input for token rows (Float32Array, tokens x spec.dModel): positions are the first
   * `tokens` rows of the table of `spec`. Returns views { positions, input }.
   */
  fillModelInput(tokenRows, spec, scale = 1) {
    const s = peSpec(spec);
    const tokens = Math.floor(tokenRows.length / s.dModel);
    if (tokens > s.maxLen) {
      throw new Error(`the text has ${tokens} tokens but the position table has only ${s.maxLen} positions (max_len)`);
    }
    this.fillInto(this.buffers.positions, { ...s, maxLen: Math.max(tokens, 1) });
    this.module.peFillModelInput(this.buffers.input, tokenRows, this.buffers.positions, s.dModel, scale);
    return { positions: this.buffers.positions.view().subarray(0, tokens * s.dModel), input: this.buffers.input.view() };
  }

  /** Fresh views of the last fills (after WASM memory may have grown). */
  views() {
    const out = {};
    for (const [name, buffer] of Object.entries(this.buffers)) out[name] = buffer.view();
    return out;
  }

  delete() {
    for (const buffer of Object.values(this.buffers)) if (!buffer.isDeleted()) buffer.delete();
  }

  fillInto(buffer, s) {
    if (s.kind === 'learned') this.module.peFillLearned(buffer, s.dModel, s.maxLen, s.seed, s.stddev);
    else if (s.kind === 'sinusoidal') this.module.peFillSinusoidal(buffer, s.dModel, s.maxLen, s.base, s.layout);
    else throw new Error(`unknown position table kind '${s.kind}' (expected sinusoidal or learned)`);
  }
}
