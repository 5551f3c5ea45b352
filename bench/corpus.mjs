/**
 * The benchmark corpus: pure functions that turn the fixture articles into
 * many different articles. Nothing here touches the file system.
 *
 * Every article is a fixture with its body paragraphs shuffled and the names
 * of the default six actors permuted consistently (all of Moscow, Russia,
 * Russian, Russians, Putin, Kremlin become, say, Beijing, China, Chinese,
 * Chinese, Xi Jinping, Zhongnanhai). A seeded generator makes the corpus the
 * same on every run; a set of the texts made so far guarantees that no two
 * articles are equal, so no cache keyed on the text can help either side.
 */

/** mulberry32: a small, fast, seeded 32-bit generator returning [0, 1). */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fisher-Yates on a copy. */
export function shuffled(items, random) {
  const out = items.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

export const ACTORS = ['moscow', 'seoul', 'tokyo', 'washington', 'beijing', 'pyongyang'];

/** What each actor is called in each slot. */
const FORMS = {
  moscow: { city: 'Moscow', country: 'Russia', theCountry: 'Russia', TheCountry: 'Russia', adj: 'Russian', plural: 'Russians', leaderFull: 'Vladimir Putin', leader: 'Putin', seat: 'Kremlin' },
  seoul: { city: 'Seoul', country: 'South Korea', theCountry: 'South Korea', TheCountry: 'South Korea', adj: 'South Korean', plural: 'South Koreans', leaderFull: 'Moon Jae-in', leader: 'Moon Jae-in', seat: 'Blue House' },
  tokyo: { city: 'Tokyo', country: 'Japan', theCountry: 'Japan', TheCountry: 'Japan', adj: 'Japanese', plural: 'Japanese', leaderFull: 'Shinzo Abe', leader: 'Abe', seat: 'Kantei' },
  washington: { city: 'Washington', country: 'America', theCountry: 'the United States', TheCountry: 'The United States', adj: 'American', plural: 'Americans', leaderFull: 'Barack Obama', leader: 'Obama', seat: 'White House' },
  beijing: { city: 'Beijing', country: 'China', theCountry: 'China', TheCountry: 'China', adj: 'Chinese', plural: 'Chinese', leaderFull: 'Xi Jinping', leader: 'Xi Jinping', seat: 'Zhongnanhai' },
  pyongyang: { city: 'Pyongyang', country: 'North Korea', theCountry: 'North Korea', TheCountry: 'North Korea', adj: 'North Korean', plural: 'North Koreans', leaderFull: 'Kim Jong-un', leader: 'Kim Jong-un', seat: "Workers' Party" },
};

/** The names found in the fixtures, each with the actor and slot it stands for. */
const SOURCES = [
  ['Moscow', 'moscow', 'city'], ['Russia', 'moscow', 'country'], ['Russians', 'moscow', 'plural'], ['Russian', 'moscow', 'adj'],
  ['Vladimir Putin', 'moscow', 'leaderFull'], ['Putin', 'moscow', 'leader'], ['Kremlin', 'moscow', 'seat'],
  ['Seoul', 'seoul', 'city'], ['South Korea', 'seoul', 'country'], ['South Koreans', 'seoul', 'plural'], ['South Korean', 'seoul', 'adj'],
  ['Park Geun-hye', 'seoul', 'leaderFull'], ['Moon Jae-in', 'seoul', 'leaderFull'], ['Blue House', 'seoul', 'seat'],
  ['Tokyo', 'tokyo', 'city'], ['Japan', 'tokyo', 'country'], ['Japanese', 'tokyo', 'adj'],
  ['Shinzo Abe', 'tokyo', 'leaderFull'], ['Abe', 'tokyo', 'leader'], ['Kantei', 'tokyo', 'seat'],
  ['Washington', 'washington', 'city'], ['the United States', 'washington', 'theCountry'], ['The United States', 'washington', 'TheCountry'],
  ['America', 'washington', 'country'], ['Americans', 'washington', 'plural'], ['American', 'washington', 'adj'],
  ['Barack Obama', 'washington', 'leaderFull'], ['Obama', 'washington', 'leader'], ['White House', 'washington', 'seat'],
  ['Beijing', 'beijing', 'city'], ['China', 'beijing', 'country'], ['Chinese', 'beijing', 'adj'],
  ['Xi Jinping', 'beijing', 'leaderFull'], ['Zhongnanhai', 'beijing', 'seat'],
  ['Pyongyang', 'pyongyang', 'city'], ['North Korea', 'pyongyang', 'country'], ['North Koreans', 'pyongyang', 'plural'], ['North Korean', 'pyongyang', 'adj'],
  ['Kim Jong-un', 'pyongyang', 'leaderFull'],
];
/** Matched so that they are left alone. */
const KEEP = ['George Washington', 'Washington Post'];

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const SOURCE_OF = new Map(SOURCES.map(([text, actor, slot]) => [text, { actor, slot }]));
const NAME_PATTERN = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:${[...KEEP, ...SOURCES.map((s) => s[0])]
    .sort((a, b) => b.length - a.length)
    .map(escape)
    .join('|')})(?![\\p{L}\\p{N}])`,
  'gu',
);

/** Renames the default actors: `mapping` takes each actor id to the id whose names it gets. */
export function swapNames(text, mapping) {
  return text.replace(NAME_PATTERN, (name) => {
    const source = SOURCE_OF.get(name);
    if (!source) return name;
    return FORMS[mapping[source.actor]][source.slot];
  });
}

/** A random permutation of the six actors, as a mapping. */
export function randomMapping(random) {
  const order = shuffled(ACTORS, random);
  return Object.fromEntries(ACTORS.map((id, i) => [id, order[i]]));
}

const BOILERPLATE = /does not take|views expressed|originally appeared/i;

/**
 * A fixture split into paragraphs, with which of them are body paragraphs
 * (after the title, deck and byline; long; not a closing disclaimer).
 */
export function splitArticle(text) {
  const newline = text.includes('\r\n') ? '\r\n' : '\n';
  const paragraphs = text.split(/\r?\n(?:[ \t]*\r?\n)+/).filter((p) => p.trim() !== '');
  const body = paragraphs.map((p, i) => i >= 3 && p.trim().length >= 150 && !BOILERPLATE.test(p));
  return { newline, paragraphs, body };
}

/** One variant of a split fixture: body paragraphs shuffled among their places, names swapped. */
export function variant(article, random) {
  const bodyIndexes = article.body.flatMap((isBody, i) => (isBody ? [i] : []));
  const order = shuffled(bodyIndexes, random);
  const paragraphs = article.paragraphs.slice();
  bodyIndexes.forEach((at, k) => (paragraphs[at] = article.paragraphs[order[k]]));
  return swapNames(paragraphs.join(article.newline + article.newline) + article.newline, randomMapping(random));
}

/**
 * `count` different articles made from `fixtures` (an array of texts), the
 * fixtures taken in turn. Returns [{ name, text }].
 */
export function buildCorpus(fixtures, count, seed = 20240601) {
  const random = prng(seed);
  const articles = fixtures.map(splitArticle);
  const seen = new Set();
  const out = [];
  for (let i = 0; i < count; i++) {
    const article = articles[i % articles.length];
    let text;
    let tries = 0;
    do {
      text = variant(article, random);
      if (++tries > 1000) throw new Error(`could not make a new variant of fixture ${i % articles.length}`);
    } while (seen.has(text));
    seen.add(text);
    out.push({ name: `article-${String(i).padStart(4, '0')}.txt`, text });
  }
  return out;
}

/**
 * One long article of at least `bytes` UTF-8 bytes: a title, then body
 * paragraphs of the fixtures in random order with names swapped, until the
 * size is reached.
 */
export function buildLongArticle(fixtures, bytes, seed = 7) {
  const random = prng(seed);
  const pool = fixtures.flatMap((text) => {
    const article = splitArticle(text);
    return article.paragraphs.filter((_, i) => article.body[i]).map((p) => p.replace(/^\ufeff/, '').replace(/\r\n/g, '\n'));
  });
  const parts = ['Messages Across the Region: A Very Long Read\n\n'];
  let size = Buffer.byteLength(parts[0]);
  while (size < bytes) {
    const paragraph = swapNames(pool[Math.floor(random() * pool.length)], randomMapping(random)) + '\n\n';
    parts.push(paragraph);
    size += Buffer.byteLength(paragraph);
  }
  return parts.join('');
}
