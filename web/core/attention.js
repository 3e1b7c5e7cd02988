// Self-attention (issue 11): the one JS API over the module's attention bindings
// (wasm-bindings/attention_bindings.cpp; the core is src/transformer/attention*.h). Works with the
// full module (embplay_module) and with the small one the widgets load (embplay_pe_module).
//
// CONTRACT
//   const att = createAttention(module);          // module: the raw Emscripten module
//   const r = att.compute({
//     tokens: Float32Array,      // E, n x d row-major: the token embedding rows (section 5's lookup)
//     tokenScale: 1,             // s in X = s E + P; section 6 uses sqrt(d) when its Scale box is on
//     positions: 'none',         // 'none' | 'sinusoidal' | 'learned': P, built as section 6 builds it
//     base: 10000, layout: 'interleaved',       // sinusoidal
//     positionSeed: seed, stddev: 0.02,         // learned (the page uses its one seed)
//     // or x: Float32Array (X itself, positions already added; tokenScale 1, positions 'none')
//     n, d,                      // tokens (1..512) and d_model (1..1024)
//     heads: 1,                  // 1..64, must divide d: head j reads columns j*dK..(j+1)*dK-1
//     proj: 'identity',          // 'identity' (W = I: Q = K = V = X) | 'random' (seeded U(-1/sqrt d, 1/sqrt d),
//                                //  PyTorch nn.Linear's default; heads are column slices, so changing
//                                //  heads never redraws them)
//     scale: true,               // divide the scores by sqrt(dK)
//     causal: false,             // query t sees keys 0..t; weights above the diagonal are exactly 0
//     seed: 1,                   // random projections (drawn from seed XOR "attn-qkv", never equal
//                                //  to the embedding table of the same seed)
//     output: false,             // also softmax(...) V, n x d (heads concatenated; no W_O)
//     order: undefined,          // a permutation: token t is row order[t] of `tokens` (positions stay)
//     copy: true,                // false: the arrays are VIEWS into WASM memory, valid only until the
//                                //  next call on any object of this module (memory may grow)
//   });
//   r = { n, d, dK, scores: Float32Array heads*n*n, weights: Float32Array heads*n*n,
//         heads: [{ scores: Float32Array n*n, weights: Float32Array n*n }],   // row = query, column = key
//         output: Float32Array n*d | null,
//         work: { drewWeights, projectedTokens, projectedPositions } }      // what this call recomputed
//   Masked scores (causal, above the diagonal) are -Infinity: paint them as "masked", and leave them
//   out of a colour range. Weights are in [0, 1], each row sums to 1 (1e-6).
//
//   att.shuffledOrder(n, seed)             Uint32Array permutation (never the identity for n >= 2)
//   att.shuffleExperiment(options, seed)   { order, original, shuffled, restored, maxDiff: { scores,
//        weights } }: three results shaped like compute()'s (copies unless copy: false): `shuffled` for the
//        shuffled sentence (in shuffled order), `restored` the same put back in the original order
//        (compare it with `original` cell by cell); maxDiff is exactly 0
//        with positions 'none' and no causal mask, > 0 with positions (Infinity for scores when a
//        causal mask moved). Shuffled labels: labels[order[t]].
//   att.sameWord(ids, result)              { found, first, second, maxDiff: [per head] }: the first
//        token id that occurs twice, and how much its two rows of weights differ (0 without positions)
//   att.limits()                           { maxTokens, maxHeads, maxDModel, maxInput, maxTokenScale }
//   att.dispose()                          frees the WASM workspace
//
// Defaults are ATTENTION_DEFAULTS below (positions 'none', tokenScale 1: pass the page's settings
// explicitly; `embplay attention` defaults to sinusoidal positions and s = sqrt(d), like section 6).
//
// Errors: every bad value throws an Error with the core's one-line message, e.g.
//   "heads (3) must divide d_model (16): each head takes d_model / heads columns".
//
// Speed: the workspace caches E W and P W (for the last 4 position settings), so changing heads,
// scale, causal, tokenScale or going back to a seen positions setting costs only the n x n work;
// new text (or d, seed) with random projections costs 3 n d^2 multiply-adds.

export const ATTENTION_DEFAULTS = Object.freeze({
  tokenScale: 1, positions: 'none', base: 10000, layout: 'interleaved', stddev: 0.02,
  heads: 1, proj: 'identity', scale: true, causal: false, seed: 1, output: false, copy: true,
});

export function createAttention(module) {
  return new Attention(module);
}

function floats(values, name) {
  if (values instanceof Float32Array) return values;
  if (Array.isArray(values) || ArrayBuffer.isView(values)) return Float32Array.from(values);
  throw new Error(`${name} must be a Float32Array of n x d values`);
}

export class Attention {
  constructor(module) {
    this.module = module;
    this.ws = new module.AttentionWorkspace();
  }

  limits() {
    return this.module.attentionLimits();
  }

  compute(options) {
    const o = this.request(options);
    this.ws.compute(o.rows, o.wasm);
    return this.collect(o, () => this.ws.scores(), () => this.ws.weights(), o.output ? this.ws.output() : null);
  }

  shuffledOrder(n, seed) {
    return this.module.attentionShuffledOrder(n, seed);
  }

  shuffleExperiment(options, shuffleSeed = 1) {
    const o = this.request({ ...options, order: undefined, output: false });
    const order = this.shuffledOrder(o.n, shuffleSeed);
    const maxDiff = this.ws.shuffle(o.rows, { ...o.wasm, order });  // { scores, weights }
    const ws = this.ws;  // three results in separate WASM buffers: with copy false, six views valid together
    return {
      order,
      original: this.collect(o, () => ws.originalScores(), () => ws.originalWeights(), null),
      shuffled: this.collect(o, () => ws.scores(), () => ws.weights(), null),
      restored: this.collect(o, () => ws.restoredScores(), () => ws.restoredWeights(), null),
      maxDiff,
    };
  }

  request(options) {
    if (!this.ws) throw new Error('this attention object was disposed');
    const o = { ...ATTENTION_DEFAULTS, ...options };
    const direct = o.x !== undefined;
    if (direct && (o.tokens !== undefined || o.positions !== 'none' || o.tokenScale !== 1)) {
      throw new Error('give either x (the model input, positions already added) or tokens with tokenScale and positions, not both');
    }
    o.rows = floats(direct ? o.x : o.tokens, direct ? 'x' : 'tokens');
    o.wasm = {
      n: o.n, d: o.d, heads: o.heads, proj: String(o.proj), scale: !!o.scale, causal: !!o.causal, seed: o.seed,
      tokenScale: direct ? 1 : o.tokenScale, positions: direct ? 'none' : String(o.positions), base: o.base,
      layout: String(o.layout), positionSeed: o.positionSeed ?? o.seed, stddev: o.stddev,
      order: o.order ?? null, output: !!o.output,
    };
    return o;
  }

  // Views taken one at a time (a view is only read before the next call into the module).
  collect(o, scoresView, weightsView, outputView) {
    const take = (view) => (o.copy ? view.slice() : view);
    const scores = take(scoresView());
    const weights = take(weightsView());
    const output = outputView ? take(outputView) : null;
    const n = o.n;
    const heads = [];
    for (let h = 0; h < o.heads; h++) {
      heads.push({ scores: scores.subarray(h * n * n, (h + 1) * n * n), weights: weights.subarray(h * n * n, (h + 1) * n * n) });
    }
    return { n, d: o.d, dK: o.d / o.heads, scores, weights, heads, output, work: this.ws.work() };
  }

  sameWord(ids, result) {
    const found = this.module.attentionRepeatedToken(Int32Array.from(ids.slice(0, result.n)));
    const maxDiff = found.found
      ? result.heads.map((h) => this.module.attentionRowDifference(h.weights, result.n, found.first, found.second))
      : [];
    return { ...found, maxDiff };
  }

  dispose() {
    if (this.ws && !this.ws.isDeleted()) this.ws.delete();
    this.ws = null;
  }
}
