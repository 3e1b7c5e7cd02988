// UI strings of the views that both the page (web/app/i18n/en.js, ko.js) and the blog widgets
// (web/embed/strings.js) show: tokens, the positional-encoding table and its readout, and
// attention. One copy, so a wording fix reaches both; the widgets import only this file, not the
// page's whole dictionaries, which keeps their bundle small.

export const en = {
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
  gpt2TokenTitle: (t) => `${t.partial ? 'bytes ' + t.text : JSON.stringify(t.text)} · id ${t.id} · vocabulary entry "${t.vocabText}" · bytes ${t.start}–${t.end}`,
  tokenTitle: (t) => `"${t.text}" · id ${t.id} · bytes ${t.start}–${t.end}`,
  noTokens: 'No tokens: the text is empty or holds only spaces and control characters.',
  attnScoresTitle: (h, heads) => (heads > 1 ? `head ${h} of ${heads}: scores` : 'scores'),
  attnWeightsTitle: (h, heads) => (heads > 1 ? `head ${h} of ${heads}: weights` : 'weights'),
  attnAxisQuery: 'query token',
  attnAxisKey: 'key token',
  attnLegendScore: 'score (grey: masked)',
  attnLegendWeight: 'weight',
  attnLegendDiff: 'difference',
  attnReadoutCell: (h, qTok, q, kTok, k) => `${h ? `head ${h} · ` : ''}query "${qTok}" (${q}) → key "${kTok}" (${k})`,
  attnReadoutMasked: 'masked: the key comes after the query; score -∞, weight 0',
  attnUsing: (n, total, d) => `Attention over the first ${n} of ${total} tokens of your text, d_model ${d}.`,
  attnCut: (max) => `Longer texts are cut at ${max} tokens (8 heads of ${max} × ${max} scores and weights are already 16 MB).`,
  attnEmpty: 'Type some text in section 1: attention needs at least one token.',
  attnSameNone: 'No word occurs twice in these tokens: add a repeated word (e.g. "the cat saw the dog") to compare its two rows.',
  attnSame: (word, a, b, diff, zero, positions, causal) => `"${word}" occurs at positions ${a} and ${b}. Their two rows of weights differ by at most ${diff}` +
    (zero ? ': identical — without positions the same word asks the same question wherever it stands.'
      : causal ? ': they differ — the causal mask lets the later one see more tokens.'
        : positions === 'none' ? '.' : ': they differ — its position vector makes each occurrence a different input.'),
  attnShuffleAgain: 'Shuffle again',
  attnRestore: 'Restore',
  attnShuffledSentence: (text) => `Shuffled: ${text}`,
  attnShuffleOriginal: 'original (head 1 weights)',
  attnShuffleRestored: 'shuffled, put back in the original order',
  attnShuffleDifference: 'difference (shuffled − original)',
  attnShuffleResult: (diff, zero, positions, causal) => `Largest absolute difference of the weights: ${diff}` +
    (zero ? ' — exactly zero: without positions attention only re-orders with the words.'
      : causal ? ' — not zero: the causal mask follows places, so words that moved see other words.'
        : positions ? ' — not zero: the position vectors stayed in place while the words moved.' : ''),
  attnPositions: 'Positions added to X',
  attnPositionsSinusoidal: 'sinusoidal',
  attnPositionsLearned: 'learned (random start)',
  attnPositionsNone: 'none',
};

export const ko = {
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
  gpt2TokenTitle: (t) => `${t.partial ? '바이트 ' + t.text : JSON.stringify(t.text)} · ID ${t.id} · 어휘 항목 "${t.vocabText}" · 바이트 ${t.start}–${t.end}`,
  tokenTitle: (t) => `"${t.text}" · ID ${t.id} · 바이트 ${t.start}–${t.end}`,
  noTokens: '토큰이 없습니다: 텍스트가 비어 있거나 공백과 제어 문자뿐입니다.',
  attnScoresTitle: (h, heads) => (heads > 1 ? `헤드 ${h}/${heads}: 점수` : '점수'),
  attnWeightsTitle: (h, heads) => (heads > 1 ? `헤드 ${h}/${heads}: 가중치` : '가중치'),
  attnAxisQuery: '질의 토큰',
  attnAxisKey: '키 토큰',
  attnLegendScore: '점수 (회색: 마스크)',
  attnLegendWeight: '가중치',
  attnLegendDiff: '차이',
  attnReadoutCell: (h, qTok, q, kTok, k) => `${h ? `헤드 ${h} · ` : ''}질의 "${qTok}" (${q}) → 키 "${kTok}" (${k})`,
  attnReadoutMasked: '마스크됨: 키가 질의보다 뒤에 있음; 점수 -∞, 가중치 0',
  attnUsing: (n, total, d) => `텍스트의 토큰 ${total}개 중 처음 ${n}개에 대한 어텐션, d_model ${d}.`,
  attnCut: (max) => `긴 텍스트는 ${max}개 토큰에서 자릅니다 (헤드 8개의 ${max} × ${max} 점수와 가중치만으로도 16 MB입니다).`,
  attnEmpty: '1번에 텍스트를 입력하세요: 어텐션에는 토큰이 하나 이상 필요합니다.',
  attnSameNone: '이 토큰들에는 두 번 나오는 단어가 없습니다. 반복되는 단어를 넣으면 (예: "the cat saw the dog") 두 행을 비교합니다.',
  attnSame: (word, a, b, diff, zero, positions, causal) => `"${word}"이(가) 위치 ${a}와 ${b}에 나옵니다. 두 가중치 행의 차이는 최대 ${diff}` +
    (zero ? ': 똑같습니다 — 위치가 없으면 같은 단어는 어디에 있든 같은 질문을 합니다.'
      : causal ? ': 다릅니다 — 인과 마스크 때문에 뒤의 것이 더 많은 토큰을 봅니다.'
        : positions === 'none' ? '.' : ': 다릅니다 — 위치 벡터 때문에 두 번의 등장이 서로 다른 입력이 됩니다.'),
  attnShuffleAgain: '다시 섞기',
  attnRestore: '되돌리기',
  attnShuffledSentence: (text) => `섞은 문장: ${text}`,
  attnShuffleOriginal: '원래 문장 (헤드 1 가중치)',
  attnShuffleRestored: '섞은 문장, 원래 순서로 되돌림',
  attnShuffleDifference: '차이 (섞은 것 − 원래)',
  attnShuffleResult: (diff, zero, positions, causal) => `가중치의 최대 절댓값 차이: ${diff}` +
    (zero ? ' — 정확히 0: 위치가 없으면 어텐션은 단어와 함께 순서만 바뀝니다.'
      : causal ? ' — 0이 아님: 인과 마스크는 자리를 따르므로 옮겨진 단어는 다른 단어들을 봅니다.'
        : positions ? ' — 0이 아님: 단어는 옮겨졌지만 위치 벡터는 제자리에 남았습니다.' : ''),
  attnPositions: 'X에 더하는 위치',
  attnPositionsSinusoidal: '사인파',
  attnPositionsLearned: '학습형 (난수 시작)',
  attnPositionsNone: '없음',
};
