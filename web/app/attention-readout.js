// Hover text for the attention heatmaps (issue 11): the query and key tokens, the score and the
// weight, and eq. 1 of Vaswani et al. 2017 for that cell with its numbers filled in:
//   score = q·k / √d_k = 12.4 / 8 = 1.55
//   weight = exp(score − max) / Σ_j exp(s_j − max) = exp(1.55 − 2.1) / 3.27 = 0.577 / 3.27 = 0.176
// The score and the weight are the core's (web/core/attention.js); q·k, the row maximum and the
// sum are only re-derived from them to print the formula. Numbers use ASCII digits and '-' so the
// readout can be copied (and parsed by the tests).
import { num } from './pe-readout.js';

/** max and Σ exp(s − max) over the unmasked scores of row `q` of one head (n x n, row-major). */
function rowSoftmaxParts(scores, n, q) {
  let max = -Infinity;
  for (let j = 0; j < n; j++) max = Math.max(max, scores[q * n + j]);
  let sum = 0;
  for (let j = 0; j < n; j++) {
    const s = scores[q * n + j];
    if (s !== -Infinity) sum += Math.exp(s - max);
  }
  return { max, sum };
}

/**
 * The readout of cell (q, k) of head `head`. r: { n, dK } of the result; head: { scores, weights };
 * labels: token texts; scaled: whether scores were divided by √d_k.
 */
export function attentionReadout(S, { labels, r, head, h, heads, q, k, scaled }) {
  const n = r.n;
  const score = head.scores[q * n + k];
  const weight = head.weights[q * n + k];
  const where = S.attnReadoutCell(heads > 1 ? h + 1 : 0, labels[q], q, labels[k], k);
  if (score === -Infinity) return `${where} · ${S.attnReadoutMasked}`;
  const root = Math.sqrt(r.dK);
  const scoreText = scaled
    ? `score = q·k / √${r.dK} = ${num(score * root)} / ${num(root)} = ${num(score)}`
    : `score = q·k = ${num(score)}`;
  const { max, sum } = rowSoftmaxParts(head.scores, n, q);
  const e = Math.exp(score - max);
  const weightText = `weight = exp(${num(score)} - ${num(max)}) / Σ_j exp(s_j - ${num(max)}) = ${num(e)} / ${num(sum)} = ${num(weight, 6)}`;
  return `${where} · ${scoreText} · ${weightText}`;
}

/** Plain readout of one cell of a matrix with token labels on both axes (shuffle experiment). */
export function cellReadout(S, { labels, q, k, value, what }) {
  return `${S.attnReadoutCell(0, labels[q], q, labels[k], k)} · ${what} ${num(value, 6)}`;
}
