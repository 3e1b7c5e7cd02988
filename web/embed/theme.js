// Light or dark for the embeddable elements: the element's `theme` attribute (light | dark | auto)
// wins; with auto, the blog's own switch is read from <html> (Jekyll Chirpy's data-mode,
// data-theme, Bootstrap's data-bs-theme, GitHub's data-color-mode, a "dark"/"light" class) and
// otherwise the reader's prefers-color-scheme. One observer per page serves every widget.

const SWITCHES = ['data-mode', 'data-theme', 'data-bs-theme', 'data-color-mode'];

/** 'light' | 'dark' | null from the attributes and classes of `root` (the <html> element). */
export function pageTheme(root) {
  if (!root) return null;
  for (const name of SWITCHES) {
    const v = (root.getAttribute(name) || '').toLowerCase();
    if (v === 'dark' || v === 'light') return v;
  }
  const list = root.classList;
  if (list?.contains('dark') || list?.contains('dark-mode') || list?.contains('theme-dark')) return 'dark';
  if (list?.contains('light') || list?.contains('light-mode') || list?.contains('theme-light')) return 'light';
  return null;
}

function systemTheme() {
  return typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

/** The theme a widget shows for its `theme` value ('light' | 'dark' | 'auto'). */
export function resolveTheme(setting) {
  if (setting === 'light' || setting === 'dark') return setting;
  return pageTheme(document.documentElement) ?? pageTheme(document.body) ?? systemTheme();
}

const listeners = new Set();
let watching = false;

function watch() {
  if (watching) return;
  watching = true;
  const notify = () => { for (const fn of listeners) fn(); };
  const observer = new MutationObserver(notify);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: [...SWITCHES, 'class'] });
  const observeBody = () => document.body && observer.observe(document.body, { attributes: true, attributeFilter: [...SWITCHES, 'class'] });
  if (document.body) observeBody();
  else document.addEventListener('DOMContentLoaded', observeBody, { once: true });
  if (typeof matchMedia === 'function') matchMedia('(prefers-color-scheme: dark)').addEventListener?.('change', notify);
}

/** Calls `fn` whenever the page's theme may have changed; returns an unsubscribe function. */
export function onThemeChange(fn) {
  watch();
  listeners.add(fn);
  return () => listeners.delete(fn);
}
