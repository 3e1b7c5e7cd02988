// Where keyboard focus goes when the focused button is disabled or hidden (issue 14): to the
// first usable button of its list in `next` (ids), never to <body>, where a keyboard or
// screen-reader user would lose their place. Call it after changing the buttons, with the
// element that had focus before.

/** `focused`: document.activeElement before the change; `next`: { id: [ids to try, in order] }. */
export function keepFocus(focused, next) {
  const usable = (el) => el && !el.disabled && !el.hidden;
  if (!focused || !next[focused.id] || usable(focused)) return;
  next[focused.id].map((id) => document.getElementById(id)).find(usable)?.focus();
}
