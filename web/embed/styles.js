// The widgets' stylesheet, scoped by Shadow DOM. :host rules carry !important because, for
// important declarations, the shadow tree's own rules win over the page's (CSS Cascade 4,
// "context"): a blog's `* { font-size: 30px !important }` reaches the host element but not past
// these. Selectors inside the shadow root are never matched by the page's CSS, and these never
// leak out. The .pe-heatmap and .line-chart rules follow web/styles.css for the same view code.

export const WIDGET_CSS = `
:host { display: block !important; box-sizing: border-box !important; max-width: 100% !important; min-width: 0 !important;
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans KR", "Apple SD Gothic Neo", sans-serif !important;
  text-align: left !important; letter-spacing: normal !important; text-transform: none !important; margin: 1.2em 0; }
:host([hidden]) { display: none !important; }
*, *::before, *::after { box-sizing: border-box; }
[hidden] { display: none !important; }
.frame { --card: #ffffff; --bg: #f7f7f5; --fg: #1d1d1f; --muted: #5f6368; --border: #d9d9d6; --accent: #2f6fde; --error: #b3261e;
  background: var(--card); color: var(--fg); border: 1px solid var(--border); border-radius: 10px; padding: 12px;
  overflow: hidden; min-height: 120px; font-size: 14px; }
.frame.dark { --card: #1c1d1f; --bg: #121314; --fg: #ececec; --muted: #a4a7ab; --border: #34363a; --accent: #8ab4f8; --error: #f2b8b5; }
.status { color: var(--muted); font-size: 13px; margin: 0; min-height: 1.2em; }
.status:empty { display: none; }
.error { color: var(--error); font-size: 13px; margin: 6px 0 0; overflow-wrap: anywhere; }
.error:empty { display: none; }
.caption { color: var(--muted); font-size: 12px; margin: 6px 0 0; }
.controls { display: flex; flex-wrap: wrap; gap: 8px 16px; margin: 0 0 10px; align-items: end; }
.controls label { display: flex; flex-direction: column; gap: 2px; font-size: 12px; color: var(--muted); min-width: 0; flex: 1 1 120px; }
.controls .value { color: var(--fg); font-variant-numeric: tabular-nums; }
input, select, textarea { font: inherit; font-size: 14px; color: var(--fg); background: var(--bg); border: 1px solid var(--border); border-radius: 6px; }
input[type=range] { width: 100%; margin: 0; padding: 0; accent-color: var(--accent); background: transparent; border: 0; }
select { padding: 3px 6px; }
textarea { display: block; width: 100%; min-height: 3.2em; padding: 6px 8px; resize: vertical; margin: 0 0 8px; }
.pe-heatmap { display: grid; grid-template-columns: auto minmax(0, 1fr); gap: 2px 6px; align-items: stretch; }
.pe-heatmap .left { display: flex; gap: 4px; align-items: stretch; font-size: 11px; color: var(--muted); }
.pe-heatmap .y-name { writing-mode: vertical-rl; transform: rotate(180deg); text-align: center; }
@supports (writing-mode: sideways-lr) { .pe-heatmap .y-name { writing-mode: sideways-lr; transform: none; } }
.pe-heatmap .y-ticks { position: relative; min-width: 2.6em; }
.pe-heatmap .y-ticks span { position: absolute; right: 0; transform: translateY(-50%); white-space: nowrap; }
.pe-heatmap .plot { min-width: 0; }
.pe-heatmap canvas { width: 100%; max-width: 100%; image-rendering: pixelated; display: block; cursor: crosshair; }
.pe-heatmap .x-ticks { position: relative; height: 1.2em; font-size: 11px; color: var(--muted); }
.pe-heatmap .x-ticks span { position: absolute; transform: translateX(-50%); }
.pe-heatmap .x-name { font-size: 11px; color: var(--muted); text-align: center; }
.pe-heatmap .legend { display: flex; flex-wrap: wrap; align-items: center; gap: 4px 10px; font-size: 12px; color: var(--muted); margin-top: 2px; min-width: 0; }
.pe-heatmap .legend-bar { position: relative; width: min(220px, 70%); padding-bottom: 1.2em; margin: 0 1em; }
.pe-heatmap .legend-bar canvas { width: 100%; height: 12px; cursor: default; }
.pe-heatmap .legend-ticks span { position: absolute; bottom: 0; transform: translateX(-50%); font-size: 11px; }
.pe-heatmap .readout { grid-column: 1 / span 2; min-height: 2.8em; font-size: 12px; font-family: ui-monospace, Menlo, Consolas, monospace; overflow-wrap: anywhere; }
.line-chart { margin-top: 8px; }
.line-chart canvas { width: 100%; max-width: 100%; display: block; }
.series-legend { list-style: none; display: flex; flex-wrap: wrap; gap: 2px 12px; padding: 0; margin: 4px 0 0; font-size: 12px; }
.series-legend .swatch { display: inline-block; width: 14px; height: 3px; margin-right: 5px; vertical-align: middle; }
.tokens { line-height: 2.1; white-space: pre-wrap; overflow-wrap: anywhere; max-height: 18em; overflow: auto;
  font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, "Noto Sans Mono CJK KR", monospace; font-size: 14px; }
.tok { border-radius: 4px; padding: 1px 2px; margin: 0 1px; color: #1d1d1f; }
.tok.unk { outline: 2px dashed var(--error); }
.summary { color: var(--muted); font-size: 12px; margin: 6px 0 0; }
.train-bar { display: flex; align-items: center; gap: 10px; }
.train-bar button { font: inherit; font-size: 14px; padding: 5px 14px; border-radius: 6px; border: 1px solid var(--accent); background: var(--accent); color: var(--card); cursor: pointer; flex: none; }
.train-bar button:disabled { opacity: .55; cursor: progress; }
.train-bar button:focus-visible { outline: 2px solid var(--fg); outline-offset: 2px; }
.progress { flex: 1 1 auto; min-width: 0; height: 12px; border: 1px solid var(--border); border-radius: 6px; overflow: hidden; background: var(--bg); }
.progress-fill { height: 100%; width: 0; background: var(--accent); }
.stats { color: var(--muted); font-size: 12px; margin: 6px 0; font-variant-numeric: tabular-nums; min-height: 1.45em; overflow-wrap: anywhere; }
.plot-box canvas.plot { display: block; width: 100%; max-width: 100%; border: 1px solid var(--border); border-radius: 6px; background: var(--bg); }
.analogy { font-size: 15px; margin: 8px 0 2px; overflow-wrap: anywhere; }
.analogy-top { margin: 0; padding-left: 1.6em; font-size: 13px; }
.analogy-top .score { color: var(--muted); font-variant-numeric: tabular-nums; }
.plane-box { margin: 8px 0 0; padding: 0; }
.plane-box canvas.plane { display: block; width: 100%; max-width: 100%; border: 1px solid var(--border); border-radius: 6px; }
.plane-box figcaption { color: var(--muted); font-size: 12px; margin: 4px 0 0; }
.attn-heads, .attn-shuffle-maps { display: flex; flex-wrap: wrap; gap: 10px 16px; align-items: start; }
.attn-head { margin: 0; min-width: 0; max-width: 100%; }
.attn-head figcaption { font-size: 12px; font-weight: 600; margin: 0 0 2px; }
.pe-heatmap .row-labels { position: relative; min-width: 4.5em; font-family: ui-monospace, Menlo, Consolas, monospace; }
.pe-heatmap .row-labels span { position: absolute; right: 0; transform: translateY(-50%); white-space: nowrap; max-width: 7em; overflow: hidden; text-overflow: ellipsis; }
.pe-heatmap .x-ticks.labels { height: 5.5em; margin-top: 2px; }
.pe-heatmap .x-ticks.labels span { top: 0; transform: translateX(-100%) rotate(-60deg); transform-origin: 100% 0; white-space: nowrap; max-width: 7em; overflow: hidden; text-overflow: ellipsis; font-size: 10px; font-family: ui-monospace, Menlo, Consolas, monospace; }
.attn-same { font-size: 13px; color: var(--fg); overflow-wrap: anywhere; }
.attn-shuffled-text, .attn-shuffle-result { font-size: 13px; margin: 6px 0; overflow-wrap: anywhere; }
button.shuffle { font: inherit; font-size: 14px; padding: 4px 12px; border-radius: 6px; border: 1px solid var(--accent); background: var(--bg); color: var(--fg); cursor: pointer; flex: none; }
button.shuffle:focus-visible, select:focus-visible, canvas:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
`;
