// Web Worker of the Chromium CBOW benchmark (tests/bench/cbow_bench_browser.mjs): loads the
// page's WASM module (the SIMD build in build-wasm/, which web/build-site.mjs copies into
// dist/) and the corpus over HTTP, trains in chunks as the page's worker would, and posts the
// timings, the WASM memory size and the vectors (a word2vec file; with subwords fastText's .vec)
// back to the page.
import factory from '/build-wasm/wasm-bindings/embplay_module.mjs';

const CHUNK = 200000;  // words per train() call, like the playground's worker

// With subwords: the .vec text fastText writes (and `embplay train --vec`): "words dim", then each
// word's vector (its row and n-grams) as print-word-vectors prints it, so it can equal the native file.
function fastTextVec(trainer) {
  const model = trainer.subwordModel();
  const lines = [`${model.size()} ${model.dim()}\n`];
  for (let i = 0; i < model.size(); i++) lines.push(model.vectorLine(model.word(i)));
  model.delete();
  return new TextEncoder().encode(lines.join(''));
}

self.onmessage = async ({ data: { corpusUrl, options, binary } }) => {
  try {
    const mod = await factory();
    const text = await (await fetch(corpusUrl)).text();
    const t0 = performance.now();
    const trainer = mod.createWord2vecTrainer(text, options);
    const t1 = performance.now();
    let p;
    do p = trainer.train(CHUNK); while (!p.finished);
    const t2 = performance.now();
    const bytes = options.subwords ? fastTextVec(trainer) : trainer.wordVectors().toWord2Vec(binary);
    self.postMessage({
      setupSeconds: (t1 - t0) / 1000,
      loopSeconds: (t2 - t1) / 1000,
      trainSeconds: p.seconds,
      wordsDone: p.wordsDone,
      wordsPerSecond: p.wordsPerSecond,
      loss: p.loss,
      vocab: trainer.vocabSize(),
      wasmMemoryBytes: mod.HEAPU8.buffer.byteLength,
      vectors: bytes,
    }, [bytes.buffer]);
  } catch (error) {
    self.postMessage({ error: error?.message ?? String(error) });
  }
};
