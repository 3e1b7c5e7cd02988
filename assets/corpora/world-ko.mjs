// The Korean small world for the built-in corpus (see generate.mjs for how it is used).
// The trainer splits words on spaces only, so particles (조사) are written as separate
// words, as a morphological analyser would split them ("왕 은 왕국 을 다스린다"); otherwise
// 왕은, 왕이, 왕을 would be three unrelated words. Templates write a particle pair such as
// 은/는 and finish() keeps the form that fits the preceding word's final consonant.

// ---------- people: gender x rank x age (왕 - 남자 + 여자 -> 여왕) ----------
const people = [
  ['왕', 'm', 'royal', 'adult'], ['여왕', 'f', 'royal', 'adult'],
  ['왕자', 'm', 'royal', 'young'], ['공주', 'f', 'royal', 'young'],
  ['남자', 'm', 'common', 'adult'], ['여자', 'f', 'common', 'adult'],
  ['소년', 'm', 'common', 'young'], ['소녀', 'f', 'common', 'young'],
  ['아버지', 'm', 'family', 'adult'], ['어머니', 'f', 'family', 'adult'],
  ['아들', 'm', 'family', 'young'], ['딸', 'f', 'family', 'young'],
];
const pronoun = { m: '그', f: '그녀' };
const rankVerb = {
  royal: ['다스린다', '통치한다', '지배한다', '호령한다'],
  common: ['일한다', '물건 을/를 판다', '농사 을/를 짓는다', '장사 을/를 한다'],
  family: ['가족 을/를 돌본다', '살림 을/를 한다', '청소 을/를 한다', '손님 을/를 맞는다'],
};
const rankPlace = {
  royal: ['왕국', '궁전', '성', '왕좌', '궁정'],
  common: ['시장', '마을', '농장', '광장', '들판'],
  family: ['집', '가정', '부엌', '정원', '안방'],
};
const rankThing = {
  royal: ['왕관', '옥좌', '홀', '곤룡포', '호위병'],
  common: ['수레', '쟁기', '바구니', '품삯', '연장'],
  family: ['자녀', '부모', '친척', '식탁', '열쇠'],
};
const ageWord = {
  adult: ['늙은', '현명한', '나이 든', '노련한', '결혼한', '점잖은'],
  young: ['어린', '작은', '앳된', '장난스러운', '귀여운', '꼬마'],
};
const peopleTemplates = [
  '{age} {p} 은/는 {place} 에서 {verb}',
  '{pron} 은/는 {place} 의 {age} {p} 이다',
  '{age} {p} 은/는 {pron} 의 {thing} 을/를 {place} 에 둔다',
  '모두 가 {age} {p} 을/를 안다 {pron} 은/는 {thing} 을/를 아낀다',
  '{place} 에서 {age} {p} 이/가 {verb}',
];
function drawPerson(random) {
  const [p, g, rank, age] = random.pick(people);
  return {
    template: random.pick(peopleTemplates),
    slots: { p, pron: pronoun[g], verb: rankVerb[rank], place: rankPlace[rank], thing: rankThing[rank], age: ageWord[age] },
  };
}

// ---------- animals: number (복수 -들) ----------
const nouns = [
  ['개', '개들', ['뼈', '고기'], ['개집', '마당']],
  ['고양이', '고양이들', ['생선', '우유'], ['소파', '지붕']],
  ['말', '말들', ['건초', '귀리'], ['마구간', '초원']],
  ['새', '새들', ['씨앗', '벌레'], ['둥지', '하늘']],
  ['소', '소들', ['풀', '클로버'], ['외양간', '목장']],
  ['토끼', '토끼들', ['당근', '상추'], ['토끼굴', '토끼장']],
  ['쥐', '쥐들', ['치즈', '부스러기'], ['쥐구멍', '지하실']],
  ['오리', '오리들', ['빵', '수초'], ['연못', '호수']],
  ['돼지', '돼지들', ['사료', '도토리'], ['돼지우리', '진흙']],
  ['염소', '염소들', ['관목', '엉겅퀴'], ['언덕', '바위']],
  ['벌', '벌들', ['꿀', '꽃가루'], ['벌집', '꽃밭']],
  ['여우', '여우들', ['닭', '산딸기'], ['여우굴', '덤불']],
  ['늑대', '늑대들', ['사슴', '먹이'], ['숲', '산']],
  ['개구리', '개구리들', ['파리', '곤충'], ['늪', '갈대']],
  ['곰', '곰들', ['연어', '열매'], ['동굴', '황야']],
];
const numberCue = {
  one: { det: ['한', '어느', '외로운'], cnt: ['한 마리'], together: ['혼자', '홀로'] },
  many: { det: ['많은', '여러', '모든', '몇몇'], cnt: ['두 마리', '세 마리', '여러 마리'], together: ['함께', '다 같이', '무리 지어'] },
};
const nounTemplates = [
  '{det} {n} 이/가 {home} 에서 {food} 을/를 먹는다',
  '{n} {cnt} 이/가 {home} 근처 에 {together} 있다',
  '{home} 에서 {det} {n} 이/가 {together} {food} 을/를 먹고 있다',
  '배고픈 {n} {cnt} 이/가 {food} 을/를 찾는다',
];
function drawNoun(random) {
  const [sg, pl, food, home] = random.pick(nouns);
  const number = random.next() < 0.5 ? 'one' : 'many';
  const cue = numberCue[number];
  return { template: random.pick(nounTemplates), slots: { n: number === 'one' ? sg : pl, ...cue, food, home } };
}

// ---------- countries and capitals ----------
const countries = [
  ['프랑스', '파리', '프랑스어', ['와인', '치즈']],
  ['독일', '베를린', '독일어', ['맥주', '소시지']],
  ['이탈리아', '로마', '이탈리아어', ['파스타', '피자']],
  ['스페인', '마드리드', '스페인어', ['파에야', '플라멩코']],
  ['일본', '도쿄', '일본어', ['초밥', '온천']],
  ['중국', '베이징', '중국어', ['만리장성', '비단']],
  ['이집트', '카이로', '아랍어', ['피라미드', '나일강']],
  ['러시아', '모스크바', '러시아어', ['발레', '보드카']],
  ['그리스', '아테네', '그리스어', ['올리브', '신전']],
  ['영국', '런던', '영어', ['홍차', '안개']],
];
const placeCue = { country: ['나라', '국가', '영토'], capital: ['도시', '수도', '대도시'] };
const placeTemplates = [
  '{x} 은/는 사람들 이/가 {lang} 을/를 쓰는 {kind} 이다',
  '{x} 은/는 {known} 으로/로 유명한 {kind} 이다',
  '{kind} {x} 의 사람들 은/는 {lang} 을/를 말하고 {known} 을/를 좋아한다',
  '우리 는 {known} 의 {kind} {x} 을/를 여행했다',
];
function drawPlace(random) {
  const [country, capital, lang, known] = random.pick(countries);
  const kind = random.next() < 0.5 ? 'country' : 'capital';
  return { template: random.pick(placeTemplates), slots: { x: kind === 'country' ? country : capital, kind: placeCue[kind], lang, known } };
}

// ---------- verbs: tense ----------
const verbs = [
  ['걷는다', '걸었다', ['공원 에서', '강가 을/를 따라']],
  ['마신다', '마셨다', ['커피 을/를', '주스 을/를']],
  ['본다', '봤다', ['별 을/를', '무지개 을/를']],
  ['달린다', '달렸다', ['경주 에서', '마라톤 에서']],
  ['쓴다', '썼다', ['편지 을/를', '시 을/를']],
  ['부른다', '불렀다', ['노래 을/를', '자장가 을/를']],
  ['읽는다', '읽었다', ['책 을/를', '신문 을/를']],
  ['말한다', '말했다', ['크게', '조용히']],
  ['헤엄친다', '헤엄쳤다', ['바다 에서', '수영장 에서']],
  ['산다', '샀다', ['신발 을/를', '표 을/를']],
  ['가르친다', '가르쳤다', ['수학 을/를', '역사 을/를']],
  ['만든다', '만들었다', ['의자 을/를', '케이크 을/를']],
];
const timeCue = { present: ['오늘', '지금', '요즘', '매일', '늘'], past: ['어제', '지난주', '오래전', '아까', '예전에'] };
const verbTemplates = ['{when} 우리 는 {obj} {v}', '그들 은 {when} {obj} {v}', '{when} 나 는 친구 와 {obj} {v}', '너 는 {when} {obj} {v}'];
function drawVerb(random) {
  const [present, past, obj] = random.pick(verbs);
  const tense = random.next() < 0.5 ? 'present' : 'past';
  return { template: random.pick(verbTemplates), slots: { v: tense === 'present' ? present : past, when: timeCue[tense], obj } };
}

// ---------- particles ----------
// A Hangul syllable has a final consonant (받침) when (code - 0xAC00) % 28 != 0; 으로/로
// also takes 로 after a final ㄹ (index 8).
function finalConsonant(word) {
  const code = word.codePointAt(word.length - 1) - 0xac00;
  if (code < 0 || code > 11171) return 0;
  return code % 28;
}
function finish(line) {
  const words = line.split(' ');
  for (let i = 1; i < words.length; i++) {
    const m = /^(\S+)\/(\S+)$/.exec(words[i]);
    if (!m) continue;
    const jong = finalConsonant(words[i - 1]);
    const withConsonant = m[1] === '으로' ? jong !== 0 && jong !== 8 : jong !== 0;
    words[i] = withConsonant ? m[1] : m[2];
  }
  return words.join(' ');
}

// The same sentences as normal Korean writing has them, particles attached to the word
// before (왕은, 왕을, 왕이): the corpus variant corpus-ko-attached.txt (issue 12), where
// whole-word training sees three unrelated words and subword training sees one stem.
const PARTICLES = new Set(['은', '는', '이', '가', '을', '를', '의', '에', '에서', '와', '과', '도', '로', '으로', '이다']);
export function attachParticles(line) {
  const out = [];
  for (const word of line.split(' ')) {
    if (out.length > 0 && PARTICLES.has(word)) out[out.length - 1] += word;
    else out.push(word);
  }
  return out.join(' ');
}

export default {
  seed: 20240402,
  sentences: 12000,
  finish,
  sections: [
    { name: 'people', weight: 4, draw: drawPerson },
    { name: 'nouns', weight: 3, draw: drawNoun },
    { name: 'places', weight: 1.5, draw: drawPlace },
    { name: 'verbs', weight: 1.5, draw: drawVerb },
  ],
  checks: {
    analogy: ['남자', '왕', '여자', '여왕'],
    pluralTrain: nouns.slice(0, 8).map(([sg, pl]) => [sg, pl]),
    pluralHeldOut: nouns.slice(8).map(([sg, pl]) => [sg, pl]),
  },
};
