// A determinate progress bar (<div role="progressbar"> holding one .progress-fill): its width
// and aria-valuenow together. Shared by the training section and the side-by-side comparison.

/** Shows `percent` (0-100) on `bar`. */
export function setProgress(bar, percent) {
  bar.setAttribute('aria-valuenow', String(percent));
  bar.firstElementChild.style.width = `${percent}%`;
}
