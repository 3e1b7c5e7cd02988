// One request of the page's attention section (issue 11), answered in the core worker
// (web/core/worker.js, method 'attention'): the attention of the sentence, and when asked the
// shuffle experiment and the "same word, two positions" rows, all from web/core/attention.js.
// Measured in tests/bench/attention_bench.mjs: at n = 256, d_model = 512, 8 heads the core's work
// for one control change takes 9-34 ms (median, loaded 2-core machine) and a first random
// projection of a text over 100 ms, more than a frame, so it runs here and the page thread only
// paints (3-6 ms).
//
//   request = { options (Attention.compute's, with `tokens`), shuffleSeed (0: no experiment), ids }
//   answer  = { result, experiment | null, same, ms }   (arrays are copies; see transferables())

/** Runs `request` on an Attention object (createAttention(module)). */
export function answerAttention(att, { options, shuffleSeed = 0, ids = [] }) {
  const t0 = performance.now();
  const experiment = shuffleSeed > 0 ? att.shuffleExperiment(options, shuffleSeed) : null;
  const result = experiment ? experiment.original : att.compute(options);
  const same = att.sameWord(ids, result);
  return { result, experiment, same, ms: performance.now() - t0 };
}

/** The distinct ArrayBuffers of an answer's typed arrays, to transfer instead of copying. */
export function transferables(answer) {
  const buffers = new Set();
  const visit = (v) => {
    if (!v || typeof v !== 'object') return;
    if (ArrayBuffer.isView(v)) buffers.add(v.buffer);
    else for (const x of Array.isArray(v) ? v : Object.values(v)) visit(x);
  };
  visit(answer);
  return [...buffers];
}
