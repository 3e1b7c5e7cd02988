// UI strings of the embeddable elements, English and Korean side by side. The keys the shared
// view code reads (web/app/pe-readout.js: peReadout, peReadoutLearned) match web/app/i18n/*.js,
// whose wording they copy; the elements ship only these few strings instead of the page's whole
// dictionaries (about 10 KB gzipped), which matters for the widget's size budget.

const en = {
  lang: 'en',
  loading: 'Loading the interactive figure…',
  failed: (reason) => `The interactive figure could not start: ${reason}`,
  fileHint: 'Browsers do not run module scripts from file:// pages: open this page through a web server (or use the iframe route).',
  errorPrefix: 'Could not draw the figure: ',
  // positional encoding
  peTableLabel: 'Positional encoding table: positions (rows) × dimensions (columns)',
  peAxisPos: 'position',
  peAxisDim: 'dimension (column)',
  peLegend: 'PE value',
  peCurvesLabel: 'Chosen columns of the position table as curves across positions',
  peCurveName: (col, fn, i, wavelength) => `column ${col}: ${fn}, i = ${i}, wavelength ${wavelength}`,
  peCurveLearned: (col) => `column ${col}`,
  peReadout: (pos, i, col, fn, formula) => `pos ${pos} · i ${i} · column ${col} (${fn}) · ${formula}`,
  peReadoutLearned: (pos, col, value) => `pos ${pos} · column ${col} · learned value ${value} (random, no formula)`,
  peDModelSlider: 'd_model slider',
  peMaxLenSlider: 'max_len slider',
  peBaseSlider: 'base slider (logarithmic)',
  peCaption: (d, n, base, layout) => `Sinusoidal positional encoding, d_model ${d}, max_len ${n}, base ${base}, ${layout} layout. Hover a cell for its formula.`,
  peCaptionLearned: (d, n) => `Learned position table before training (random), d_model ${d}, max_len ${n}.`,
  // tokens
  tvText: 'Text to tokenize',
  tvMode: 'Tokenizer mode',
  tvModes: { word: 'word', char: 'char', bpe: 'subword (BPE)', gpt2: 'GPT-2 (byte-level BPE, real ids)' },
  tvLoadingGpt2: "Loading GPT-2's vocabulary (200 KB, once)…",
  tvSummaryGpt2: (n, distinct, bytes) => `${n.toLocaleString('en')} GPT-2 tokens · ${distinct.toLocaleString('en')} distinct ids of 50,257 · ${bytes.toLocaleString('en')} bytes`,
  gpt2TokenTitle: (t) => `${t.partial ? 'bytes ' + t.text : JSON.stringify(t.text)} · id ${t.id} · vocabulary entry "${t.vocabText}" · bytes ${t.start}–${t.end}`,
  tvTokens: 'Tokens of the text',
  tvSummary: (n, distinct, bytes) => `${n.toLocaleString('en')} tokens · ${distinct.toLocaleString('en')} distinct · ${bytes.toLocaleString('en')} bytes`,
  tvTruncated: (shown) => ` (first ${shown.toLocaleString('en')} shown)`,
  tokenTitle: (t) => `"${t.text}" · id ${t.id} · bytes ${t.start}–${t.end}`,
  noTokens: 'No tokens: the text is empty or holds only spaces and control characters.',
};

const ko = {
  lang: 'ko',
  loading: '대화형 그림을 불러오는 중…',
  failed: (reason) => `대화형 그림을 시작하지 못했습니다: ${reason}`,
  fileHint: '브라우저는 file:// 페이지에서 모듈 스크립트를 실행하지 않습니다. 웹 서버를 통해 열거나 iframe 방식을 쓰세요.',
  errorPrefix: '그림을 그리지 못했습니다: ',
  peTableLabel: '위치 인코딩 표: 위치(행) × 차원(열)',
  peAxisPos: '위치',
  peAxisDim: '차원 (열)',
  peLegend: 'PE 값',
  peCurvesLabel: '위치 표에서 고른 열을 위치에 따른 곡선으로 표시',
  peCurveName: (col, fn, i, wavelength) => `${col}열: ${fn}, i = ${i}, 파장 ${wavelength}`,
  peCurveLearned: (col) => `${col}열`,
  peReadout: (pos, i, col, fn, formula) => `pos ${pos} · i ${i} · ${col}열 (${fn}) · ${formula}`,
  peReadoutLearned: (pos, col, value) => `pos ${pos} · ${col}열 · 학습형 값 ${value} (난수, 수식 없음)`,
  peDModelSlider: 'd_model 슬라이더',
  peMaxLenSlider: 'max_len 슬라이더',
  peBaseSlider: 'base 슬라이더 (로그 눈금)',
  peCaption: (d, n, base, layout) => `사인파 위치 인코딩, d_model ${d}, max_len ${n}, base ${base}, ${layout === 'split' ? '분할' : '교차'} 배치. 칸에 마우스를 올리면 수식이 보입니다.`,
  peCaptionLearned: (d, n) => `학습 전의 학습형 위치 표 (난수), d_model ${d}, max_len ${n}.`,
  tvText: '토큰으로 나눌 텍스트',
  tvMode: '토크나이저 방식',
  tvModes: { word: '단어', char: '문자', bpe: '서브워드 (BPE)', gpt2: 'GPT-2 (바이트 수준 BPE, 실제 ID)' },
  tvLoadingGpt2: 'GPT-2 어휘를 불러오는 중(200 KB, 한 번만)…',
  tvSummaryGpt2: (n, distinct, bytes) => `GPT-2 토큰 ${n.toLocaleString('ko')}개 · 50,257개 중 서로 다른 ID ${distinct.toLocaleString('ko')}개 · ${bytes.toLocaleString('ko')}바이트`,
  gpt2TokenTitle: (t) => `${t.partial ? '바이트 ' + t.text : JSON.stringify(t.text)} · ID ${t.id} · 어휘 항목 "${t.vocabText}" · 바이트 ${t.start}–${t.end}`,
  tvTokens: '텍스트의 토큰',
  tvSummary: (n, distinct, bytes) => `토큰 ${n.toLocaleString('ko')}개 · 서로 다른 토큰 ${distinct.toLocaleString('ko')}개 · ${bytes.toLocaleString('ko')}바이트`,
  tvTruncated: (shown) => ` (처음 ${shown.toLocaleString('ko')}개만 표시)`,
  tokenTitle: (t) => `"${t.text}" · ID ${t.id} · 바이트 ${t.start}–${t.end}`,
  noTokens: '토큰이 없습니다: 텍스트가 비어 있거나 공백과 제어 문자뿐입니다.',
};

/** The strings for a BCP 47 tag: Korean for ko*, English otherwise. */
export function stringsFor(lang) {
  return String(lang || '').toLowerCase().startsWith('ko') ? ko : en;
}
