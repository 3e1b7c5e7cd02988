// UI strings of the embeddable elements, English and Korean side by side. The strings of the
// views the page shows too (tokens, positional encodings, attention) come from
// web/app/i18n/figure-strings.js, the page's own copy; the elements ship only those and these few
// instead of the page's whole dictionaries (about 10 KB gzipped), which matters for the widget's
// size budget.

import * as figures from '../app/i18n/figure-strings.js';

const en = {
  ...figures.en, // shared with the page (web/app/i18n/figure-strings.js)
  lang: 'en',
  loading: 'Loading the interactive figure…',
  failed: (reason) => `The interactive figure could not start: ${reason}`,
  fileHint: 'Browsers do not run module scripts from file:// pages: open this page through a web server (or use the iframe route).',
  errorPrefix: 'Could not draw the figure: ',
  // positional encoding
  peCaption: (d, n, base, layout) => `Sinusoidal positional encoding, d_model ${d}, max_len ${n}, base ${base}, ${layout} layout. Hover a cell for its formula.`,
  peCaptionLearned: (d, n) => `Learned position table before training (random), d_model ${d}, max_len ${n}.`,
  // tokens
  tvText: 'Text to tokenize',
  tvMode: 'Tokenizer mode',
  tvModes: { word: 'word', char: 'char', bpe: 'subword (BPE)', gpt2: 'GPT-2 (byte-level BPE, real ids)' },
  tvLoadingGpt2: "Loading GPT-2's vocabulary (200 KB, once)…",
  tvSummaryGpt2: (n, distinct, bytes) => `${n.toLocaleString('en')} GPT-2 tokens · ${distinct.toLocaleString('en')} distinct ids of 50,257 · ${bytes.toLocaleString('en')} bytes`,
  tvTokens: 'Tokens of the text',
  tvSummary: (n, distinct, bytes) => `${n.toLocaleString('en')} tokens · ${distinct.toLocaleString('en')} distinct · ${bytes.toLocaleString('en')} bytes`,
  tvTruncated: (shown) => ` (first ${shown.toLocaleString('en')} shown)`,
  // CBOW demo
  cbTrain: 'Train',
  cbRetrain: 'Train again',
  cbTrainName: (corpus) => `word vectors of the built-in ${corpus} corpus`,
  cbCorpus: { en: 'English', ko: 'Korean' },
  cbProgress: 'Training progress',
  cbIdle: 'Press Train: word vectors are learned here, in your browser, in about a second.',
  cbLoading: 'Loading the corpus and the trainer…',
  cbStats: (percent, epoch, loss) => `${percent}% · epoch ${epoch} · loss ${loss}`,
  cbDone: (words, seconds, loss) => `Trained on ${words.toLocaleString('en')} words in ${seconds} s · final loss ${loss}`,
  cbOnPage: ' (on the page: no worker can start here)',
  cbPlotLabel: 'The word vectors projected on their first two principal components; the frequent words are labelled',
  cbAnalogyWaiting: (x, minus, plus) => `${x} − ${minus} + ${plus} ≈ ? (train first)`,
  cbAnalogy: (x, minus, plus, word, score) => `${x} − ${minus} + ${plus} ≈ ${word} (${score})`,
  cbTopLabel: 'The three words nearest to the sum, by cosine similarity',
  cbAnalogyFailed: (reason) => `The analogy could not be computed: ${reason}`,
  cbPlaneLabel: (x, minus, plus, answer) => `The analogy in its own plane: the arrow from ${minus} to ${x}, moved to start at ${plus}, ends at ${x} − ${minus} + ${plus}; ${answer} lies nearest`,
  cbPlaneCaption: (x, minus, plus, answer) => `In the plane of ${minus}, ${x} and ${plus}: the arrow ${minus} → ${x}, moved to start at ${plus}, ends at the open circle, ${x} − ${minus} + ${plus}; the nearest word is ${answer}.`,
  cbCaption: (corpus, size, epochs) => `CBOW (word2vec) on a small built-in ${corpus} corpus: ${size} dimensions, ${epochs} epochs, trained in your browser; nothing is sent anywhere.`,
  // attention (shared view code: web/app/attention-*.js)
  avCaption: (d, heads, proj) => `Self-attention of the sentence's word tokens (d_model ${d}, ${heads} head${heads > 1 ? 's' : ''}, ${proj} projections), computed in your browser. Hover a cell for its numbers.`,
  avShuffleExplain: 'Shuffle the words: without positions the weights only move with their words (difference 0); with positions they change.',
  cbFamily: (arch, subwords) => `Architecture: ${arch === 'skipgram' ? 'skip-gram' : 'CBOW'}${subwords ? ', with fastText subwords (character n-grams of 3 to 6)' : ''}.`,
};

const ko = {
  ...figures.ko, // shared with the page (web/app/i18n/figure-strings.js)
  lang: 'ko',
  loading: '대화형 그림을 불러오는 중…',
  failed: (reason) => `대화형 그림을 시작하지 못했습니다: ${reason}`,
  fileHint: '브라우저는 file:// 페이지에서 모듈 스크립트를 실행하지 않습니다. 웹 서버를 통해 열거나 iframe 방식을 쓰세요.',
  errorPrefix: '그림을 그리지 못했습니다: ',
  peCaption: (d, n, base, layout) => `사인파 위치 인코딩, d_model ${d}, max_len ${n}, base ${base}, ${layout === 'split' ? '분할' : '교차'} 배치. 칸에 마우스를 올리면 수식이 보입니다.`,
  peCaptionLearned: (d, n) => `학습 전의 학습형 위치 표 (난수), d_model ${d}, max_len ${n}.`,
  tvText: '토큰으로 나눌 텍스트',
  tvMode: '토크나이저 방식',
  tvModes: { word: '단어', char: '문자', bpe: '서브워드 (BPE)', gpt2: 'GPT-2 (바이트 수준 BPE, 실제 ID)' },
  tvLoadingGpt2: 'GPT-2 어휘를 불러오는 중(200 KB, 한 번만)…',
  tvSummaryGpt2: (n, distinct, bytes) => `GPT-2 토큰 ${n.toLocaleString('ko')}개 · 50,257개 중 서로 다른 ID ${distinct.toLocaleString('ko')}개 · ${bytes.toLocaleString('ko')}바이트`,
  tvTokens: '텍스트의 토큰',
  tvSummary: (n, distinct, bytes) => `토큰 ${n.toLocaleString('ko')}개 · 서로 다른 토큰 ${distinct.toLocaleString('ko')}개 · ${bytes.toLocaleString('ko')}바이트`,
  tvTruncated: (shown) => ` (처음 ${shown.toLocaleString('ko')}개만 표시)`,
  cbTrain: '학습',
  cbRetrain: '다시 학습',
  cbTrainName: (corpus) => `내장 ${corpus} 말뭉치의 단어 벡터`,
  cbCorpus: { en: '영어', ko: '한국어' },
  cbProgress: '학습 진행률',
  cbIdle: '학습을 누르세요: 단어 벡터를 이 브라우저에서 1초 남짓 만에 학습합니다.',
  cbLoading: '말뭉치와 학습기를 불러오는 중…',
  cbStats: (percent, epoch, loss) => `${percent}% · 에포크 ${epoch} · 손실 ${loss}`,
  cbDone: (words, seconds, loss) => `${words.toLocaleString('ko')}단어를 ${seconds}초에 학습 · 최종 손실 ${loss}`,
  cbOnPage: ' (페이지에서 학습: 여기서는 워커를 시작할 수 없음)',
  cbPlotLabel: '단어 벡터를 처음 두 주성분에 투영한 그림; 자주 나온 단어에 이름표가 있습니다',
  cbAnalogyWaiting: (x, minus, plus) => `${x} − ${minus} + ${plus} ≈ ? (먼저 학습하세요)`,
  cbAnalogy: (x, minus, plus, word, score) => `${x} − ${minus} + ${plus} ≈ ${word} (${score})`,
  cbTopLabel: '합에 가장 가까운 세 단어 (코사인 유사도)',
  cbAnalogyFailed: (reason) => `유추를 계산하지 못했습니다: ${reason}`,
  cbPlaneLabel: (x, minus, plus, answer) => `유추를 그 자체의 평면에 그린 그림: ${minus}에서 ${x}로 가는 화살표를 ${plus}에서 시작하도록 옮기면 ${x} − ${minus} + ${plus}에 닿고, 가장 가까운 단어는 ${answer}입니다`,
  cbPlaneCaption: (x, minus, plus, answer) => `${minus}, ${x}, ${plus}이(가) 놓인 평면: ${minus} → ${x} 화살표를 ${plus}에서 시작하도록 옮기면 빈 원 ${x} − ${minus} + ${plus}에 닿습니다. 가장 가까운 단어는 ${answer}입니다.`,
  cbCaption: (corpus, size, epochs) => `작은 내장 ${corpus} 말뭉치로 학습한 CBOW(word2vec): ${size}차원, 에포크 ${epochs}회, 브라우저 안에서 학습하며 아무것도 밖으로 보내지 않습니다.`,
  // attention (shared view code: web/app/attention-*.js)
  avCaption: (d, heads, proj) => `문장의 단어 토큰에 대한 셀프 어텐션 (d_model ${d}, 헤드 ${heads}개, ${proj === 'random' ? '난수' : '항등'} 투영), 브라우저 안에서 계산합니다. 칸에 마우스를 올리면 숫자가 보입니다.`,
  avShuffleExplain: '단어를 섞어 보세요: 위치가 없으면 가중치는 단어를 따라 자리만 옮기고 (차이 0), 위치가 있으면 달라집니다.',
  cbFamily: (arch, subwords) => `구조: ${arch === 'skipgram' ? '스킵그램' : 'CBOW'}${subwords ? ', fastText 부분 단어(3~6글자 n-그램) 사용' : ''}.`,
};

/** The strings for a BCP 47 tag: Korean for ko*, English otherwise. */
export function stringsFor(lang) {
  return String(lang || '').toLowerCase().startsWith('ko') ? ko : en;
}
