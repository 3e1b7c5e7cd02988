// A model's own embedding matrices from its safetensors file (issue 13), read in the browser
// without holding the file: the 8-byte header length, the header, then only the token table's
// and the position table's byte ranges, SLICE_BYTES at a time with Blob.slice (a File is a
// Blob), with determinate progress. The C++ core validates the header completely before any
// data is read (src/formats/), converts F16/BF16 exactly, and answers the questions
// (src/vectors/pretrained_embeddings.h). Run it in a worker: converting a 155 MB table takes
// longer than a frame. Pasted text and the file never leave the browser.
//
//   const w = await PretrainedWeights.open(embplay, file, { vocab, onProgress });
//   w.kind; w.tensors; w.lookup('Hello king'); w.neighbors('Ġking', 10); w.positions(); w.close();
//   const run = w.tsne(['Ġking', 'Ġqueen', ...], { seed: 1, onFrame }); await run.done;  // in slices
import { toBytes } from './embplay.js';
import { TsneRun } from './tsne-run.js';

/** Bytes per range read: 8 MB keeps each conversion step short and the peak memory low. */
export const SLICE_BYTES = 8 << 20;
/** At most this many tokens on a map (PCA or t-SNE): exact t-SNE costs n² per iteration, and the plot draws 500 points well. */
export const MAX_MAP_TOKENS = 500;

async function readRange(blob, begin, end) {
  return new Uint8Array(await blob.slice(begin, end).arrayBuffer());
}

async function vocabBytes(vocab) {
  if (vocab == null) return null;
  if (typeof vocab.arrayBuffer === 'function') return new Uint8Array(await vocab.arrayBuffer());
  return toBytes(vocab);
}

/** Reads and validates the header of `file`; returns the core's header handle (delete() it). */
export async function readSafetensorsHeader(module, file) {
  const prefix = await readRange(file, 0, Math.min(8, file.size));
  const n = module.safetensorsHeaderLength(prefix, file.size);
  return module.parseSafetensorsHeader(await readRange(file, 8, 8 + n), file.size);
}

/** The file's tensors, metadata and detected layout, reading only its header. */
export async function describeSafetensors(embplay, file) {
  const m = embplay.module;
  const header = await readSafetensorsHeader(m, file);
  try {
    return { tensors: m.safetensorsTensors(header), metadata: m.safetensorsMetadata(header), layout: m.detectPretrainedLayout(header) };
  } finally {
    header.delete();
  }
}

function matrixList(tensors) {
  const list = tensors.filter((t) => t.shape.length === 2).map((t) => `${t.name} [${t.shape.join(', ')}]`);
  return list.length ? list.join(', ') : 'none';
}

export class PretrainedWeights {
  /**
   * Opens `file` (a Blob or File). Options: vocab (BERT's vocab.txt as Blob, string or bytes),
   * cased (true/false; default: as the vocabulary suggests), tokenTable / positionTable (names,
   * for layouts other than GPT-2 and BERT), sliceBytes, onProgress({fraction, bytesRead,
   * bytesTotal}), signal (AbortSignal). GPT-2 weights need embplay.loadGpt2(ranks) first.
   * Throws an Error with one clear message; nothing stays half-loaded.
   */
  static async open(embplay, file, options = {}) {
    const m = embplay.module;
    const live = [];
    try {
      const header = await readSafetensorsHeader(m, file);
      live.push(header);
      const tensors = m.safetensorsTensors(header);
      const metadata = m.safetensorsMetadata(header);
      const detected = m.detectPretrainedLayout(header);
      const layout = options.tokenTable
        ? { kind: 'other', tokenTable: options.tokenTable, positionTable: options.positionTable ?? '' }
        : detected;
      if (!layout.tokenTable) {
        throw new Error(`no GPT-2 or BERT embedding table in the file: choose one (2-D tensors: ${matrixList(tensors)})`);
      }
      const loader = m.createPretrainedLoader(header, layout.tokenTable, layout.positionTable);
      live.push(loader);
      const tokenizer = await PretrainedWeights.#tokenizer(embplay, header, layout, options);
      if (tokenizer.wordpiece) live.push(tokenizer.wordpiece);
      await PretrainedWeights.#read(file, loader, options);
      const e = tokenizer.wordpiece ? m.pretrainedFromWordPiece(loader, tokenizer.wordpiece)
        : tokenizer.gpt2 ? m.pretrainedFromGpt2(loader, embplay.gpt2) : m.pretrainedNumbered(loader);
      if (tokenizer.wordpiece) live.splice(live.indexOf(tokenizer.wordpiece), 1);  // kept by the result
      return new PretrainedWeights(embplay, e, { tensors, metadata, layout, tokenizer });
    } catch (error) {
      for (const o of live) if (!o.isDeleted()) o.delete();
      live.length = 0;
      throw error;
    } finally {
      for (const o of live) if (!o.isDeleted()) o.delete();  // header and loader
    }
  }

  static async #tokenizer(embplay, header, layout, options) {
    const m = embplay.module;
    const vocab = await vocabBytes(options.vocab);
    if (vocab) {
      const wordpiece = m.createWordPieceTokenizer(vocab, options.cased == null ? -1 : options.cased ? 1 : 0);
      try {
        m.checkTokenRows(header, layout.tokenTable, wordpiece.vocabSize(), 'vocab.txt');
      } catch (error) {
        wordpiece.delete();
        throw error;
      }
      return { wordpiece };
    }
    if (layout.kind === 'gpt2') {
      if (!embplay.hasGpt2()) throw new Error('the GPT-2 vocabulary is not loaded yet');
      m.checkTokenRows(header, layout.tokenTable, embplay.gpt2.vocabSize(), "GPT-2's tokenizer");
      return { gpt2: true };
    }
    if (layout.kind === 'bert') throw new Error("BERT weights need the model's vocab.txt: open it too");
    return {};
  }

  static async #read(file, loader, { sliceBytes = SLICE_BYTES, onProgress, signal } = {}) {
    const total = loader.bytesTotal();
    onProgress?.({ fraction: 0, bytesRead: 0, bytesTotal: total });
    for (let r; (r = loader.nextRange(sliceBytes));) {
      signal?.throwIfAborted();
      loader.append(await readRange(file, r.begin, r.end));
      onProgress?.({ fraction: loader.fraction(), bytesRead: Math.round(loader.fraction() * total), bytesTotal: total });
    }
  }

  constructor(embplay, embeddings, { tensors, metadata, layout, tokenizer }) {
    this.embplay = embplay;
    this.embeddings = embeddings;
    this.tensors = tensors;
    this.metadata = metadata;
    this.layout = layout;
    this.kind = layout.kind;
    this.wordpiece = tokenizer.wordpiece ?? null;
    this.gpt2 = !!tokenizer.gpt2;
    this.vocabSize = embeddings.vocabSize();
    this.width = embeddings.width();
  }

  /** True when text can be tokenised (GPT-2, or a vocab.txt was given). */
  hasTokenizer() {
    return this.gpt2 || !!this.wordpiece;
  }

  /** Text -> {ids, starts, ends, texts} with the model's own tokenizer. */
  tokenize(input) {
    const bytes = toBytes(input);
    if (this.wordpiece) return this.wordpiece.encode(bytes);
    if (!this.gpt2) throw new Error('no tokenizer for this table: open its vocab.txt too');
    const enc = this.embplay.gpt2.encode(bytes);
    return { ...enc, texts: Array.from(enc.ids, (id) => this.embplay.gpt2.tokenText(id)) };
  }

  /** Text -> one entry per token: {text, id, start, end, norm, row (Float32Array of width)}. */
  lookup(input) {
    const t = this.tokenize(input);
    const rows = this.rows(t.ids);
    const norms = this.embeddings.rowNorms(t.ids);
    return Array.from(t.ids, (id, i) => ({
      text: t.texts[i], id, start: t.starts[i], end: t.ends[i], norm: norms[i],
      row: rows.subarray(i * this.width, (i + 1) * this.width),
    }));
  }

  /** Rows of `ids` (row-major Float32Array, ids.length x width). */
  rows(ids) {
    return this.embeddings.rows(Int32Array.from(ids));
  }

  /** The token written as the vocabulary writes it ("Ġking"), or its id -> the k nearest rows by cosine. */
  neighbors(token, k = 10) {
    const id = typeof token === 'number' ? token : this.idOf(token);
    return this.#named(this.embeddings.neighbors(id, k));
  }

  /** a is to b as c is to ? (b - a + c, 3CosAdd) among all rows -> [{id, token, score}]. */
  analogy(a, b, c, k = 5) {
    for (const t of [a, b, c]) this.idOf(t);  // the clear message for a token the model lacks
    return this.#named(this.embeddings.analogy(a, b, c, k));
  }

  /** Tokens along the direction from each pair's first token to its second: {highest, lowest}, k each. */
  alongDirection(pairs, k = 10) {
    for (const [a, b] of pairs) { this.idOf(a); this.idOf(b); }
    return { highest: this.#named(this.embeddings.alongDirection(pairs, k, true)), lowest: this.#named(this.embeddings.alongDirection(pairs, k, false)) };
  }

  /** The chosen tokens' rows on their first two principal axes: {tokens, coords (n x 2), explained}. */
  project(tokens) {
    const ids = this.mapIds(tokens);
    const p = this.embeddings.project(Int32Array.from(ids));
    return { tokens, coords: p.coords, explained: Array.from(p.explained) };
  }

  /**
   * t-SNE of the chosen tokens' rows (cosine neighbourhoods), run in slices: a TsneRun
   * (web/core/tsne-run.js) whose `done` gives the last frame {coords (n x 2), iteration, ...}.
   * Options: perplexity (30, at most (n - 1) / 3), seed (1), iterations (500), slice, onFrame.
   */
  tsne(tokens, options = {}) {
    const ids = this.mapIds(tokens);
    return new TsneRun(this.embplay.module, this.rows(ids), ids.length, this.width, options);
  }

  /** The ids of the tokens of a map (PCA or t-SNE): known tokens, at most MAX_MAP_TOKENS. */
  mapIds(tokens) {
    if (tokens.length > MAX_MAP_TOKENS) throw new Error(`at most ${MAX_MAP_TOKENS} tokens on a map: ${tokens.length} given`);
    return tokens.map((t) => this.idOf(t));
  }

  /**
   * The `k` most frequent tokens of `text` by the model's own tokenizer, as the vocabulary writes
   * them: [{token, count}], most frequent first, ties in order of first appearance.
   */
  frequentTokens(text, k) {
    const counts = new Map();
    for (const id of this.tokenize(text).ids) counts.set(id, (counts.get(id) ?? 0) + 1);
    return [...counts].map(([id, count]) => ({ token: this.token(id), count }))
      .sort((a, b) => b.count - a.count)  // stable: ties keep their first appearance
      .slice(0, k);
  }

  #named(n) {
    return Array.from(n.ids, (id, i) => ({ id, token: this.embeddings.token(id), score: n.scores[i] }));
  }

  idOf(token) {
    const id = this.embeddings.idOf(token);
    if (id < 0) {
      const hint = this.gpt2 ? " (GPT-2 writes a leading space as 'Ġ': 'Ġking')" : '';
      throw new Error(`'${token}' is not a token of this model${hint}`);
    }
    return id;
  }

  token(id) {
    return this.embeddings.token(id);
  }

  /** The learned position table: {rows, cols, data: Float32Array}, rows 0 without one. */
  positions() {
    return { rows: this.embeddings.positionRows(), cols: this.width, data: this.embeddings.positions() };
  }

  /**
   * The first `rows` learned positions beside the sinusoids of the same shape, and both tables'
   * position x position cosine similarities: {rows, cols, learned, learnedSimilarity, sinusoid, sinusoidSimilarity}.
   */
  positionView(rows = 64) {
    return this.embeddings.positionView(rows);
  }

  /** token + position = input for `ids` (at most as many as the position table has rows). */
  modelInput(ids) {
    return this.embeddings.modelInput(Int32Array.from(ids));
  }

  close() {
    if (this.wordpiece && !this.wordpiece.isDeleted()) this.wordpiece.delete();
    if (!this.embeddings.isDeleted()) this.embeddings.delete();
  }
}
