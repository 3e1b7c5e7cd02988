// <pe-heatmap d-model="128" max-len="64" base="10000" layout="interleaved" kind="sinusoidal"
//   controls curves theme="auto">: the positional-encoding table of Vaswani et al. 2017
// ("Attention Is All You Need", section 3.5) as a heatmap with the formula on hover, sliders the
// reader can drag, and a few columns drawn as waves. The drawing is the playground's own
// (web/app/pe-heatmap.js, line-chart.js, pe-readout.js); values come from the shared WASM core.
import { LineChart } from '../app/line-chart.js';
import { LEARNED_LIMIT, LEARNED_STDDEV, waveColumns, waveSeries } from '../app/pe-curves.js';
import { PeHeatmap } from '../app/pe-heatmap.js';
import { learnedReadout, num, sinusoidalReadout } from '../app/pe-readout.js';
import { EmbedWidget, THEME_RULE } from './widget.js';

function slider(name, min, max, step) {
  const label = document.createElement('label');
  const title = document.createElement('span');
  const value = document.createElement('span');
  value.className = 'value';
  title.append(`${name} = `, value);
  const input = document.createElement('input');
  Object.assign(input, { type: 'range', min: String(min), max: String(max), step: String(step) });
  label.append(title, input);
  return { label, input, value };
}

export class PeHeatmapElement extends EmbedWidget {
  static tag = 'pe-heatmap';

  static coreKind = 'pe'; // the small positional-encoding module when the build has it

  static rules = {
    'd-model': { key: 'dModel', type: 'int', min: 1, max: 1024, default: 128 },
    'max-len': { key: 'maxLen', type: 'int', min: 1, max: 2048, default: 64 },
    base: { key: 'base', type: 'number', min: 1, exclusiveMin: true, max: 1e12, default: 10000 },
    layout: { key: 'layout', type: 'enum', values: ['interleaved', 'split'], default: 'interleaved' },
    kind: { key: 'kind', type: 'enum', values: ['sinusoidal', 'learned'], default: 'sinusoidal' },
    seed: { key: 'seed', type: 'int', min: 0, max: 4294967295, default: 1 },
    controls: { key: 'controls', type: 'bool', default: true },
    curves: { key: 'curves', type: 'bool', default: true },
    theme: THEME_RULE,
  };

  build(frame) {
    this.controlsBox = document.createElement('div');
    this.controlsBox.className = 'controls';
    this.sliders = {
      dModel: slider('d_model', 1, 1024, 1),
      maxLen: slider('max_len', 1, 2048, 1),
      base: slider('base', 0.5, 6, 0.05),
    };
    const attr = { dModel: 'd-model', maxLen: 'max-len', base: 'base' };
    for (const [key, s] of Object.entries(this.sliders)) {
      this.controlsBox.append(s.label);
      s.input.addEventListener('input', () => {
        const v = Number(s.input.value);
        this.setAttribute(attr[key], key === 'base' ? String(Number((10 ** v).toPrecision(4))) : String(v));
      });
    }
    const figure = document.createElement('div');
    this.table = new PeHeatmap(figure);
    const curves = document.createElement('div');
    this.curves = new LineChart(curves, { height: 150 });
    this.caption = document.createElement('p');
    this.caption.className = 'caption';
    frame.append(this.controlsBox, figure, curves, this.caption);
  }

  applyStrings(S) {
    this.table.setNames({ label: S.peTableLabel, xName: S.peAxisDim, yName: S.peAxisPos, legendName: S.peLegend });
    this.curves.setLabel(S.peCurvesLabel);
    this.sliders.dModel.input.setAttribute('aria-label', S.peDModelSlider);
    this.sliders.maxLen.input.setAttribute('aria-label', S.peMaxLenSlider);
    this.sliders.base.input.setAttribute('aria-label', S.peBaseSlider);
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    this.ws?.delete();
    this.ws = null;
  }

  spec() {
    const c = this.config;
    return { kind: c.kind, dModel: c.dModel, maxLen: c.maxLen, base: c.base, layout: c.layout, seed: c.seed, stddev: LEARNED_STDDEV };
  }

  render() {
    const spec = this.spec();
    this.syncControls(spec);
    this.ws ??= this.core.api.pe.workspace();
    const values = this.ws.fillTable(spec);
    const learned = spec.kind === 'learned';
    this.table.render({
      values, rows: spec.maxLen, cols: spec.dModel, limit: learned ? LEARNED_LIMIT : 1,
      height: Math.min(360, Math.max(spec.maxLen * 4, 120)),
      readout: (pos, col) => this.readout(spec, pos, col),
    });
    this.curves.container.hidden = !this.config.curves;
    if (this.config.curves) this.renderCurves(spec, values); // reads `values` before any other module call
    this.caption.textContent = learned ? this.S.peCaptionLearned(spec.dModel, spec.maxLen)
      : this.S.peCaption(spec.dModel, spec.maxLen, num(spec.base), spec.layout);
  }

  syncControls(spec) {
    this.controlsBox.hidden = !this.config.controls;
    const s = this.sliders;
    s.dModel.input.value = String(spec.dModel);
    s.dModel.value.textContent = String(spec.dModel);
    s.maxLen.input.value = String(spec.maxLen);
    s.maxLen.value.textContent = String(spec.maxLen);
    s.base.input.value = String(Math.log10(spec.base));
    s.base.value.textContent = num(spec.base);
    s.base.label.hidden = spec.kind === 'learned';
  }

  readout(spec, pos, col) {
    const value = this.ws.buffers.table.view()[pos * spec.dModel + col]; // a fresh view: memory may have grown
    if (spec.kind === 'learned') return learnedReadout(this.S, { pos, col, value });
    const dim = this.core.api.pe.dimension(spec, col);
    return sinusoidalReadout(this.S, { pos, col, dModel: spec.dModel, base: spec.base, dim, value });
  }

  renderCurves(spec, values) {
    this.curves.render(waveSeries(this.core.api.pe, this.S, spec, values, waveColumns(spec)));
  }
}
