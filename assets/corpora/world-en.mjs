// The English small world for the built-in corpus (see generate.mjs for how it is used).
// Each section lists its words with their features and the cue words that stand for each
// feature; a sentence puts one word among cues of its features, in one of a few templates.

// ---------- people: gender x rank x age (king - man + woman -> queen) ----------
const people = [
  // word, gender, rank, age
  ['king', 'm', 'royal', 'adult'], ['queen', 'f', 'royal', 'adult'],
  ['prince', 'm', 'royal', 'young'], ['princess', 'f', 'royal', 'young'],
  ['man', 'm', 'common', 'adult'], ['woman', 'f', 'common', 'adult'],
  ['boy', 'm', 'common', 'young'], ['girl', 'f', 'common', 'young'],
  ['father', 'm', 'family', 'adult'], ['mother', 'f', 'family', 'adult'],
  ['son', 'm', 'family', 'young'], ['daughter', 'f', 'family', 'young'],
];
const pronoun = { m: 'he', f: 'she' };
const possessive = { m: 'his', f: 'her' };
const rankVerb = {
  royal: ['rules', 'governs', 'reigns over', 'commands'],
  common: ['works in', 'sells at', 'walks through', 'farms near'],
  family: ['cooks for', 'cares for', 'visits', 'cleans'],
};
const rankPlace = {
  royal: ['the kingdom', 'the palace', 'the castle', 'the throne room', 'the royal court'],
  common: ['the market', 'the village', 'the farm', 'the town square', 'the field'],
  family: ['the home', 'the household', 'the kitchen', 'the garden', 'the family'],
};
const rankThing = {
  royal: ['crown', 'throne', 'scepter', 'royal robe', 'palace guard'],
  common: ['cart', 'plough', 'basket', 'wages', 'tools'],
  family: ['children', 'parents', 'relatives', 'dinner table', 'house keys'],
};
const ageWord = {
  adult: ['old', 'wise', 'grown', 'elderly', 'experienced', 'married'],
  young: ['young', 'little', 'small', 'childish', 'playful', 'tiny'],
};
const peopleTemplates = [
  'the {p} {verb} {place} and {pron} is {age}',
  'the {p} {verb} {place} although {pron} is {age}',
  'the {age} {p} keeps {poss} {thing} in {place}',
  'everyone says the {p} is {age} and {pron} loves {poss} {thing}',
  '{pron} is the {age} {p} of {place}',
];
function drawPerson(random) {
  const [p, g, rank, age] = random.pick(people);
  return {
    template: random.pick(peopleTemplates),
    slots: { p, pron: pronoun[g], poss: possessive[g], verb: rankVerb[rank], place: rankPlace[rank], thing: rankThing[rank], age: ageWord[age] },
  };
}

// ---------- animals and things: number (plural direction) ----------
const nouns = [
  // singular, plural, what it eats or holds, where it is found
  ['dog', 'dogs', ['bones', 'meat'], ['kennel', 'yard']],
  ['cat', 'cats', ['fish', 'milk'], ['sofa', 'roof']],
  ['horse', 'horses', ['hay', 'oats'], ['stable', 'meadow']],
  ['bird', 'birds', ['seeds', 'worms'], ['nest', 'sky']],
  ['cow', 'cows', ['grass', 'clover'], ['barn', 'pasture']],
  ['rabbit', 'rabbits', ['carrots', 'lettuce'], ['burrow', 'hutch']],
  ['mouse', 'mice', ['cheese', 'crumbs'], ['hole', 'cellar']],
  ['duck', 'ducks', ['bread', 'weeds'], ['pond', 'lake']],
  ['pig', 'pigs', ['slop', 'acorns'], ['sty', 'mud']],
  ['goat', 'goats', ['shrubs', 'thistles'], ['hill', 'rocks']],
  ['bee', 'bees', ['nectar', 'pollen'], ['hive', 'flowers']],
  ['fox', 'foxes', ['hens', 'berries'], ['den', 'forest']],
  ['wolf', 'wolves', ['deer', 'prey'], ['woods', 'mountains']],
  ['frog', 'frogs', ['flies', 'insects'], ['swamp', 'reeds']],
  ['bear', 'bears', ['honey', 'salmon'], ['cave', 'wilderness']],
];
const numberCue = {
  one: { det: ['a', 'one', 'this', 'that', 'a single', 'a lone'], be: ['is', 'was'], eat: ['eats', 'likes', 'wants'] },
  many: { det: ['many', 'two', 'three', 'these', 'those', 'several', 'some'], be: ['are', 'were'], eat: ['eat', 'like', 'want'] },
};
const nounTemplates = [
  '{det} {n} {be} in the {home} and {eat} {food}',
  '{det} {n} {eat} {food} near the {home}',
  'in the {home} {det} {n} {be} eating {food}',
  '{det} hungry {n} {eat} the {food}',
];
function drawNoun(random) {
  const [sg, pl, food, home] = random.pick(nouns);
  const number = random.next() < 0.5 ? 'one' : 'many';
  const cue = numberCue[number];
  return { template: random.pick(nounTemplates), slots: { n: number === 'one' ? sg : pl, det: cue.det, be: cue.be, eat: cue.eat, food, home } };
}

// ---------- countries and capitals ----------
const countries = [
  // country, capital, language, things it is known for
  ['france', 'paris', 'french', ['wine', 'cheese']],
  ['germany', 'berlin', 'german', ['beer', 'sausages']],
  ['italy', 'rome', 'italian', ['pasta', 'pizza']],
  ['spain', 'madrid', 'spanish', ['paella', 'flamenco']],
  ['japan', 'tokyo', 'japanese', ['sushi', 'temples']],
  ['china', 'beijing', 'chinese', ['tea', 'silk']],
  ['egypt', 'cairo', 'egyptian', ['pyramids', 'the nile']],
  ['russia', 'moscow', 'russian', ['snow', 'ballet']],
  ['greece', 'athens', 'greek', ['olives', 'islands']],
  ['korea', 'seoul', 'korean', ['kimchi', 'hanbok']],
];
const placeCue = {
  country: ['country', 'nation', 'land', 'state'],
  capital: ['city', 'capital', 'metropolis', 'town'],
};
const placeTemplates = [
  '{x} is a {kind} where people speak {lang}',
  'the {kind} of {x} is famous for {known}',
  'people in the {kind} of {x} speak {lang} and love {known}',
  'we travelled to {x} the {lang} {kind} known for {known}',
];
function drawPlace(random) {
  const [country, capital, lang, known] = random.pick(countries);
  const kind = random.next() < 0.5 ? 'country' : 'capital';
  return { template: random.pick(placeTemplates), slots: { x: kind === 'country' ? country : capital, kind: placeCue[kind], lang, known } };
}

// ---------- verbs: tense ----------
const verbs = [
  // present, past, objects
  ['walk', 'walked', ['to the park', 'along the river']],
  ['eat', 'ate', ['bread', 'soup']],
  ['see', 'saw', ['the stars', 'a rainbow']],
  ['run', 'ran', ['a race', 'a marathon']],
  ['write', 'wrote', ['a letter', 'a poem']],
  ['sing', 'sang', ['a song', 'a lullaby']],
  ['go', 'went', ['home', 'to school']],
  ['speak', 'spoke', ['loudly', 'softly']],
  ['swim', 'swam', ['in the sea', 'across the pool']],
  ['drink', 'drank', ['coffee', 'juice']],
  ['buy', 'bought', ['shoes', 'a ticket']],
  ['teach', 'taught', ['math', 'history']],
];
const timeCue = { present: ['today', 'now', 'usually', 'often', 'every day'], past: ['yesterday', 'last week', 'long ago', 'earlier', 'once'] };
const verbTemplates = ['{when} we {v} {obj}', 'they {v} {obj} {when}', '{when} i {v} {obj} with friends', 'you {v} {obj} {when}'];
function drawVerb(random) {
  const [present, past, obj] = random.pick(verbs);
  const tense = random.next() < 0.5 ? 'present' : 'past';
  return { template: random.pick(verbTemplates), slots: { v: tense === 'present' ? present : past, when: timeCue[tense], obj } };
}

export default {
  seed: 20240401,
  sentences: 12000,
  sections: [
    { name: 'people', weight: 4, draw: drawPerson },
    { name: 'nouns', weight: 3, draw: drawNoun },
    { name: 'places', weight: 1.5, draw: drawPlace },
    { name: 'verbs', weight: 1.5, draw: drawVerb },
  ],
  // What tests and the page check (tests/browser/training.test.mjs, assets/corpora/check.mjs).
  checks: {
    analogy: ['man', 'king', 'woman', 'queen'],
    pluralTrain: nouns.slice(0, 8).map(([sg, pl]) => [sg, pl]),
    pluralHeldOut: nouns.slice(8).map(([sg, pl]) => [sg, pl]),
  },
};
