// Lazy start, as the Distill template's d-figure does it: one IntersectionObserver for the page
// with a generous margin calls a widget's start shortly before it scrolls into view, so a post
// with five figures fetches nothing until the first one is near and draws each only when needed.

const MARGIN_PX = 600;
const MARGIN = `${MARGIN_PX}px 0px`;
let observer = null;
const waiting = new Map(); // element -> callback

function sharedObserver() {
  observer ??= new IntersectionObserver((entries) => {
    for (const entry of entries) {
      if (!entry.isIntersecting) continue;
      const callback = waiting.get(entry.target);
      whenNearCancel(entry.target);
      callback?.();
    }
  }, { rootMargin: MARGIN });
  return observer;
}

// Already near when connected (a figure at the top of a post): start now, not a frame later when
// the observer first reports (issue 15: on a slow phone that frame delays the module's download).
// An element not defined yet is an empty inline box (no size, but a client rect and a place);
// one inside display: none has no client rect.
export function nearNow(element) {
  const r = element.getBoundingClientRect();
  const rendered = r.width > 0 || r.height > 0 || element.getClientRects().length > 0;
  return rendered && r.bottom >= -MARGIN_PX && r.top <= innerHeight + MARGIN_PX;
}

/** Calls `callback` once, when `element` comes within MARGIN of the viewport. */
export function whenNear(element, callback) {
  if (typeof IntersectionObserver !== 'function') {
    queueMicrotask(callback);
    return;
  }
  waiting.set(element, callback);
  if (element.isConnected && nearNow(element)) {
    queueMicrotask(() => {
      if (waiting.get(element) !== callback) return; // cancelled or replaced meanwhile
      waiting.delete(element);
      callback();
    });
    return;
  }
  sharedObserver().observe(element);
}

export function whenNearCancel(element) {
  if (!waiting.delete(element)) return;
  observer?.unobserve(element);
}
