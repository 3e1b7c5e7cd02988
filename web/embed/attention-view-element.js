// <attention-view text="..." positions="sinusoidal" proj="identity" heads="1" causal shuffle
//   d-model="16" seed="1" theme="auto">: self-attention (Vaswani et al. 2017, eq. 1) over the word
// tokens of a sentence, as in the playground's attention section: the softmax weights of each
// head as heatmaps with the tokens on both axes and the formula on hover, the "same word, two
// positions" line, and with `shuffle` the shuffle experiment (the weights of the shuffled
// sentence put back in the original order, and the difference: exactly 0 without positions).
// The text is the `text` attribute, else the element's content, else a sample sentence.
// Numbers come from the shared WASM core: the lite module (the playground's first view), which
// has the attention bindings and a word tokenizer (sentence_bindings.cpp), so a post with this
// element stays under its size budget (tests/bench/embed_size.mjs); the view code is the page's.
import { createAttention } from '../core/attention.js';
import { answerAttention } from '../core/attention-request.js';
import { AttentionHeads } from '../app/attention-figure.js';
import { ShuffleFigure } from '../app/attention-shuffle.js';
import { num } from '../app/pe-readout.js';
import { EmbedWidget, THEME_RULE } from './widget.js';

const MAX_TOKENS = 512; // the core's limit (src/transformer/attention_config.h)
const SAMPLE = 'The cat sat on the mat because the cat was tired.';
const encoder = new TextEncoder();

export class AttentionViewElement extends EmbedWidget {
  static tag = 'attention-view';

  static coreKind = 'lite'; // the lite module has attention and the word tokenizer

  static rules = {
    text: { key: 'text', type: 'string', default: null },
    positions: { key: 'positions', type: 'enum', values: ['sinusoidal', 'learned', 'none'], default: 'sinusoidal' },
    proj: { key: 'proj', type: 'enum', values: ['identity', 'random'], default: 'identity' },
    heads: { key: 'heads', type: 'int', min: 1, max: 64, default: 1 },
    causal: { key: 'causal', type: 'bool', default: false },
    shuffle: { key: 'shuffle', type: 'bool', default: false },
    'd-model': { key: 'dModel', type: 'int', min: 1, max: 1024, default: 16 },
    seed: { key: 'seed', type: 'int', min: 0, max: 4294967295, default: 1 },
    theme: THEME_RULE,
  };

  build(frame) {
    this.controlsBox = document.createElement('div');
    this.controlsBox.className = 'controls';
    const label = document.createElement('label');
    this.positionsName = document.createElement('span');
    this.positionsSelect = document.createElement('select');
    for (const p of AttentionViewElement.rules.positions.values) this.positionsSelect.append(new Option(p, p));
    this.positionsSelect.addEventListener('change', () => this.setAttribute('positions', this.positionsSelect.value));
    label.append(this.positionsName, this.positionsSelect);
    this.shuffleButton = document.createElement('button');
    this.shuffleButton.type = 'button';
    this.shuffleButton.className = 'shuffle';
    this.shuffleRound = 1;
    this.shuffleButton.addEventListener('click', () => {
      this.shuffleRound++;
      this.schedule();
    });
    this.controlsBox.append(label, this.shuffleButton);
    const maps = document.createElement('div');
    this.weights = null;
    this.mapsBox = maps;
    this.same = document.createElement('p');
    this.same.className = 'summary attn-same';
    this.same.setAttribute('aria-live', 'polite');
    this.shuffleBox = document.createElement('div');
    this.shuffleExplain = document.createElement('p');
    this.shuffleExplain.className = 'caption';
    this.shuffleFigure = null;
    this.caption = document.createElement('p');
    this.caption.className = 'caption';
    frame.append(this.controlsBox, maps, this.same, this.shuffleExplain, this.shuffleBox, this.caption);
  }

  applyStrings(S) {
    this.positionsName.textContent = S.attnPositions;
    this.positionsSelect.setAttribute('aria-label', S.attnPositions);
    const names = { sinusoidal: S.attnPositionsSinusoidal, learned: S.attnPositionsLearned, none: S.attnPositionsNone };
    for (const option of this.positionsSelect.options) option.textContent = names[option.value];
    this.shuffleButton.textContent = S.attnShuffleAgain;
    this.shuffleExplain.textContent = S.avShuffleExplain;
    this.weights?.setStrings(S);
    this.shuffleFigure?.setStrings(S);
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    this.att?.dispose();
    this.att = null;
  }

  /** The text attribute, else the element's own text, else the sample sentence. */
  currentText() {
    if (this.config.text !== null) return this.config.text;
    const own = this.textContent.trim();
    return own || SAMPLE;
  }

  /** Word tokens and embedding rows of the text (cached while text, d_model and seed stay). */
  sentence(M) {
    const c = this.config;
    const text = this.currentText();
    const key = `${c.dModel}\u0001${c.seed}\u0001${text}`;
    if (this.sentenceKey !== key) {
      const s = M.wordSentenceRows(encoder.encode(text), false, c.dModel, c.seed, MAX_TOKENS);
      this.cached = { labels: s.labels, ids: s.ids, rows: s.rows, n: s.ids.length, total: s.total, d: c.dModel };
      this.sentenceKey = key;
    }
    return this.cached;
  }

  render() {
    const c = this.config;
    const S = this.S;
    const M = this.core.api.module;
    this.att ??= createAttention(M);
    this.weights ??= new AttentionHeads(this.mapsBox, S, 'weights');
    this.positionsSelect.value = c.positions;
    this.shuffleButton.hidden = !c.shuffle;
    this.shuffleExplain.hidden = !c.shuffle;
    const s = this.sentence(M);
    if (s.n === 0) {
      this.same.textContent = S.attnEmpty;
      this.mapsBox.hidden = true;
      this.shuffleBox.hidden = true;
      return;
    }
    this.mapsBox.hidden = false;
    const options = {
      tokens: s.rows, n: s.n, d: s.d, heads: c.heads, proj: c.proj, scale: true, causal: c.causal, seed: c.seed,
      tokenScale: Math.sqrt(s.d), positions: c.positions, positionSeed: c.seed,
    };
    const width = this.frame.clientWidth - 26 || 320;
    const { result, experiment, same } = answerAttention(this.att, { options, shuffleSeed: c.shuffle ? this.shuffleRound : 0, ids: s.ids });
    this.weights.render(result, s.labels, { scaled: true, width });
    if (same.found) {
      const max = Math.max(...same.maxDiff);
      this.same.dataset.maxDiff = String(max);
      this.same.textContent = S.attnSame(s.labels[same.first], same.first, same.second, num(max, 6), max === 0, c.positions, c.causal);
    } else {
      delete this.same.dataset.maxDiff;
      this.same.textContent = S.attnSameNone;
    }
    this.shuffleBox.hidden = !experiment;
    if (experiment) {
      this.shuffleFigure ??= new ShuffleFigure(this.shuffleBox, S);
      this.shuffleFigure.render(experiment, s.labels, { width, positions: c.positions !== 'none', causal: c.causal });
    }
    this.caption.textContent = S.avCaption(s.d, c.heads, c.proj) + (s.total > s.n ? ' ' + S.attnUsing(s.n, s.total, s.d) + ' ' + S.attnCut(MAX_TOKENS) : '');
  }
}
