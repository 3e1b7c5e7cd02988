// How much work the next time slice gets (training words, file rows): the last slice's amount
// scaled toward `sliceMs` by its measured time — at most doubled, at least halved, so one
// slow or fast slice does not swing it — and kept within [min, max].
export function nextSliceSize(current, ms, sliceMs, min, max) {
  const next = current * Math.min(2, Math.max(0.5, sliceMs / Math.max(ms, 0.1)));
  return Math.round(Math.min(max, Math.max(min, next)));
}
