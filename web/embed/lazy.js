// Lazy start, as the Distill template's d-figure does it: one IntersectionObserver for the page
// with a generous margin calls a widget's start shortly before it scrolls into view, so a post
// with five figures fetches nothing until the first one is near and draws each only when needed.

const MARGIN = '600px 0px';
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

/** Calls `callback` once, when `element` comes within MARGIN of the viewport. */
export function whenNear(element, callback) {
  if (typeof IntersectionObserver !== 'function') {
    queueMicrotask(callback);
    return;
  }
  waiting.set(element, callback);
  sharedObserver().observe(element);
}

export function whenNearCancel(element) {
  if (!waiting.delete(element)) return;
  observer?.unobserve(element);
}
