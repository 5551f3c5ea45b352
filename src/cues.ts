/**
 * Cues: the lexicon's words and phrases in a sentence, each with its span,
 * the polarity it has after negation, and its weight.
 */
import { CANCELLING_NEGATORS, MODALS, NEGATION_TRANSPARENT, NEGATION_WINDOW, WEIGHTS } from './data/clauses.js';
import {
  CHANGE_WORDS,
  CONFLICTUAL,
  COOPERATIVE,
  DEMAND_VERBS,
  DEMAND_WEIGHT,
  DETERMINER_NEGATORS,
  INFINITIVE_MARKERS,
  MOVEMENT_PREPOSITIONS,
  MOVEMENT_VERBS,
  NEGATION_BREAKERS,
  NEGATION_CONJUNCTIONS,
  NEGATORS,
  NOT_CUES,
  ADJACENT_NEGATORS,
  OPENING_QUOTES,
  PARTNERED_REVERSERS,
  QUOTATION_MARKS,
  REVERSERS_AFTER,
  REVERSERS_WITH,
  PHRASES,
  PREFIXES,
  REVERSERS,
  UNIVERSALS,
  VISIT_WEIGHT,
} from './data/lexicon.js';
import type { PosTag } from './data/pos.js';
import { isVerb, type Clause } from './clauses.js';
import type { Token } from './nlp.js';
import type { Cue, Mention } from './types.js';

const NEGATOR_SET = new Set(NEGATORS);
const ADJACENT_SET = new Set(ADJACENT_NEGATORS);
const REVERSER_SET = new Set(REVERSERS);
const BREAKER_SET = new Set(NEGATION_BREAKERS);
const TRANSPARENT_SET = new Set<PosTag>(NEGATION_TRANSPARENT);
const CANCELLING_SET = new Set(CANCELLING_NEGATORS);
const DEMAND_SET = new Set(DEMAND_VERBS);
const MOVEMENT_SET = new Set(MOVEMENT_VERBS);
const DETERMINER_SET = new Set(DETERMINER_NEGATORS);
const CHANGE_SET = new Set(CHANGE_WORDS);
const UNIVERSAL_SET = new Set(UNIVERSALS);
const CONJUNCTION_SET = new Set(NEGATION_CONJUNCTIONS);
const PARTNERED_SET = new Set(PARTNERED_REVERSERS);
const INFINITIVE_SET = new Set(INFINITIVE_MARKERS);
const TOWARDS_SET = new Set(MOVEMENT_PREPOSITIONS);
const QUOTES = new Set(QUOTATION_MARKS);
const OPENING_QUOTE_SET = new Set(OPENING_QUOTES);
const PHRASE_WORDS = [
  ...PHRASES,
  ...NOT_CUES.map((phrase) => ({ phrase, polarity: null, weight: 0 })),
]
  .map((p) => ({ ...p, words: p.phrase.split(' ') }))
  .sort((a, b) => b.words.length - a.words.length);
const PHRASES_BY_FIRST = new Map<string, typeof PHRASE_WORDS>();
for (const p of PHRASE_WORDS) {
  const list = PHRASES_BY_FIRST.get(p.words[0]!) ?? [];
  list.push(p);
  PHRASES_BY_FIRST.set(p.words[0]!, list);
}


/** A cue and the token it starts at. */
export interface FoundCue {
  cue: Cue;
  token: number;
}

interface LexiconEntry {
  entry: string;
  polarity: Cue['polarity'];
  weight: number;
}

const LEXICON = new Map<string, LexiconEntry>();
for (const [polarity, words] of [['conflictual', CONFLICTUAL], ['cooperative', COOPERATIVE]] as const) {
  for (const [entry, weight] of Object.entries(words)) LEXICON.set(entry, { entry, polarity, weight });
}

/** Words with an entry for one part of speech only ("value:VERB"), so other look-ups skip building the key. */
const POS_KEYED = new Set([...LEXICON.keys()].filter((k) => k.includes(':')).map((k) => k.slice(0, k.indexOf(':'))));

function lookup(token: Token): LexiconEntry | null {
  const direct = LEXICON.get(token.lower);
  if (direct) return direct;
  // Lemmas only for verbs and nouns: "better" is not "good", "closer" is not "close".
  const key = token.pos === 'VERB' || token.pos === 'NOUN' ? token.lemma : token.lower;
  const byLemma = key !== token.lower ? LEXICON.get(key) : undefined;
  if (byLemma) return byLemma;
  return POS_KEYED.has(key) ? (LEXICON.get(`${key}:${token.pos}`) ?? null) : null;
}

const PREFIX_LIST = Object.keys(PREFIXES);

/** Every word that can start a cue: a lexicon word (or its lemma), a phrase's first word, a reverser, a visit or demand verb. */
const MAY_START_CUE = new Set<string>([
  ...[...LEXICON.keys()].map((k) => k.split(':')[0]!),
  ...PHRASES_BY_FIRST.keys(),
  ...REVERSER_SET,
  ...MOVEMENT_SET,
  ...DEMAND_SET,
]);

/**
 * The negator or reverser that reaches token `i`: at most NEGATION_WINDOW
 * content words back, no punctuation between, not yet used by an earlier cue.
 * Returns its token index, or -1.
 */
function negatorOf(tokens: Token[], i: number, from: number, used: Set<number>, inherited: Map<number, number>): number {
  let content = 0;
  for (let k = i - 1; k >= from && content < NEGATION_WINDOW; k--) {
    const t = tokens[k]!;
    // "did not, however, cancel the talks": the commas around an aside adverb are no boundary.
    if (t.text === ',' && (tokens[k - 1]?.pos === 'ADV' || tokens[k + 1]?.pos === 'ADV')) continue;
    if (endsNegationReach(tokens, k)) return -1;
    // "never offered Kim Jong-un a summit": a negated cue passes its negation on to the next of its kind.
    const passed = inherited.get(k);
    if (passed !== undefined) return passed;
    // "Former President Obama praised Japan": "former" reaches its own next word only.
    if (ADJACENT_SET.has(t.lower) && k < i - 2) {
      if (isContentWord(t)) content++;
      continue;
    }
    if (NEGATOR_SET.has(t.lower)) return used.has(k) || !negatorReaches(tokens, k, i) ? -1 : k;
    if (reversesAt(tokens, k)) {
      // "did not rule out talks": a negated reverser leaves the cue as it is.
      const doubled = [k - 1, k - 2, k - 3].find((j) => j >= from && isNegator(tokens[j]));
      if (doubled !== undefined) {
        used.add(doubled);
        return -1;
      }
      return used.has(k) ? -1 : k;
    }
    // Names are the arguments of a negated verb, not words that end its reach.
    if (isContentWord(t)) content++;
  }
  return -1;
}

const isNegator = (t: Token | undefined): boolean => t !== undefined && NEGATOR_SET.has(t.lower);

/** Words that use up the negation window: not names, nor the parts of speech it reaches past. */
const isContentWord = (t: Token): boolean => !TRANSPARENT_SET.has(t.pos) && t.pos !== 'PROPN';

/** Whether token `k` ends a negation's reach: punctuation (but a quotation mark) or a conjunction. */
function endsNegationReach(tokens: Token[], k: number): boolean {
  const t = tokens[k]!;
  // "never threatened the North ... and has resisted ...": a comma or a conjunction ends the reach.
  // ... except the "and" of a list of names ("Whether Berlin and Athens will court it").
  const joinsNames = t.pos === 'CCONJ' && tokens[k - 1]?.pos === 'PROPN' && tokens[k + 1]?.pos === 'PROPN';
  return (t.pos === 'PUNCT' && !QUOTES.has(t.text)) || (t.pos === 'CCONJ' && !CONJUNCTION_SET.has(t.lower) && !joinsNames);
}

/** Whether the negator at token `k` negates the cue at token `i`. */
function negatorReaches(tokens: Token[], k: number, i: number): boolean {
  const t = tokens[k]!;
  const next = tokens[k + 1]?.lower ?? '';
  const after = tokens[k + 2]?.lower ?? '';
  if (BREAKER_SET.has(next) || BREAKER_SET.has(after)) return false;
  // "no American president has treated ...": "no" negates its own noun only,
  // unless that noun is the subject of what follows ("no troops would be withdrawn").
  if (DETERMINER_SET.has(t.lower) && !CHANGE_SET.has(next)) {
    const noun = tokens.findIndex((x, j) => j > k && j < i && x.pos === 'NOUN');
    const afterNoun = tokens[noun + 1];
    const passive = afterNoun?.pos === 'AUX' && (MODAL_SET.has(afterNoun.lower) || tokens[noun + 2]?.pos === 'AUX');
    if (noun > 0 && !passive) return false;
  }
  return true;
}

/** Whether token `k` is a reverser that counts where it stands ("out" only in "out of" or "rule out"). */
function reversesAt(tokens: Token[], k: number): boolean {
  const t = tokens[k]!;
  // Most words are no reverser: the set decides before the partner tables are read.
  if (!REVERSER_SET.has(t.lower) && !REVERSER_SET.has(t.lemma)) return false;
  const needs = REVERSERS_WITH[t.lower];
  return (
    needs === undefined ||
    tokens[k + 1]?.lower === needs ||
    tokens[k - 1]?.lemma === REVERSERS_AFTER[t.lower] ||
    (!PARTNERED_SET.has(t.lower) && isVerb(t))
  );
}

/** Whether a lexicon cue stands within the negation window after token `i`. */
function cueFollows(tokens: Token[], i: number, to: number): boolean {
  let content = 0;
  for (let k = i + 1; k < to && content < NEGATION_WINDOW; k++) {
    const t = tokens[k]!;
    if (t.pos === 'PUNCT' && !OPENING_QUOTE_SET.has(t.text)) return false;
    if (lookup(t) || phraseAt(tokens, k, to)) return true;
    if (isContentWord(t)) content++;
  }
  return false;
}

/** The longest lexicon phrase (or non-cue phrase) that starts at token `i` and ends before `to`. */
function phraseAt(tokens: Token[], i: number, to: number): (typeof PHRASE_WORDS)[number] | undefined {
  const token = tokens[i]!;
  return (PHRASES_BY_FIRST.get(token.lower) ?? PHRASES_BY_FIRST.get(token.lemma))?.find((p) =>
    p.words.every((w, k) => i + k < to && matchesWord(tokens[i + k], w)),
  );
}

const MODAL_SET = new Set(MODALS);

const matchesWord = (token: Token | undefined, word: string): boolean => token !== undefined && (token.lower === word || token.lemma === word);

/** A lexicon entry matched at a token, before negation: its span and how many tokens it covers. */
interface CueMatch {
  entry: string;
  polarity: Cue['polarity'];
  weight: number;
  start: number;
  end: number;
  length: number;
}

/** The lexicon's cues among the tokens, each with its span and negation. */
export function findCues(input: string, tokens: Token[], clauses: Clause[], mentions: Mention[]): FoundCue[] {
  const cues: FoundCue[] = [];
  const usedNegators = new Set<number>();
  const negatedCues = new Map<Cue['polarity'], Map<number, number>>([
    ['cooperative', new Map()],
    ['conflictual', new Map()],
  ]);
  for (const clause of clauses) {
    for (let i = clause.from; i < clause.to; i++) {
      const token = tokens[i]!;
      // Most words start no cue: two look-ups decide before any rule is tried.
      if (!MAY_START_CUE.has(token.lower) && !MAY_START_CUE.has(token.lemma) && !token.lower.includes('-')) continue;
      // A word of a name is no cue: "Roh Tae-woo" does not woo.
      if (mentions.some((m) => token.start >= m.start && token.end <= m.end && m.form !== 'pronoun')) continue;
      const phrase = phraseAt(tokens, i, clause.to);
      if (phrase && phrase.polarity === null) {
        i += phrase.words.length - 1;
        continue;
      }
      let found: CueMatch | null;
      if (phrase && phrase.polarity !== null) {
        const last = tokens[i + phrase.words.length - 1]!;
        found = { entry: phrase.phrase, polarity: phrase.polarity, weight: phrase.weight, start: token.start, end: last.end, length: phrase.words.length };
      } else {
        found = wordCueAt(tokens, i, clause.to, mentions);
      }
      if (!found) continue;
      const inherited = negatedCues.get(found.polarity)!;
      const negator = negatorOf(tokens, i, clause.from, usedNegators, inherited);
      if (negator >= 0) {
        usedNegators.add(negator);
        inherited.set(i + found.length - 1, negator);
      }
      cues.push({ cue: cueAfterNegation(input, tokens, i, found, negator, clause.role === 'rejected'), token: i });
      i += found.length - 1;
    }
  }
  return cues;
}

/** The one-word cue at token `i` of a clause ending before `to`: a visit, a demand, a prefix or a lexicon word. */
function wordCueAt(tokens: Token[], i: number, to: number, mentions: Mention[]): CueMatch | null {
  const token = tokens[i]!;
  const prefix = token.lower.includes('-') ? PREFIX_LIST.find((p) => token.lower.startsWith(p) && token.lower.length > p.length) : undefined;
  // "declined to condemn the Kremlin", "suspend the war games": a reverser with a cue after it
  // undoes that cue instead of being one; alone ("suspended the talks" aside) it is a cue.
  const undoesNext = REVERSER_SET.has(token.lower) && (INFINITIVE_SET.has(tokens[i + 1]?.lower ?? '') || cueFollows(tokens, i, to));
  const word = undoesNext ? null : lookup(token);
  if (MOVEMENT_SET.has(token.lemma) && isVerb(token) && travelsTo(tokens, i, mentions)) {
    return { entry: `${token.lemma} to ACTOR`, polarity: 'cooperative', weight: VISIT_WEIGHT, start: token.start, end: token.end, length: 1 };
  }
  if (DEMAND_SET.has(token.lemma) && isVerb(token) && demandsOf(tokens, i, to, mentions)) {
    return { entry: `${token.lemma} ACTOR to`, polarity: 'conflictual', weight: DEMAND_WEIGHT, start: token.start, end: token.end, length: 1 };
  }
  if (prefix) {
    const p = PREFIXES[prefix]!;
    return { entry: prefix, polarity: p.polarity, weight: p.weight, start: token.start, end: token.start + prefix.length - 1, length: 1 };
  }
  // Fields spelt out: a profile put a third of the cue search on spreading `word` here.
  if (word) return { entry: word.entry, polarity: word.polarity, weight: word.weight, start: token.start, end: token.end, length: 1 };
  return null;
}

/**
 * The cue a match at token `i` makes, given its negator (-1 for none) and whether its
 * clause is the alternative a sentence turns down.
 */
function cueAfterNegation(input: string, tokens: Token[], i: number, found: CueMatch, negator: number, rejected: boolean): Cue {
  const token = tokens[i]!;
  // "rather than spoil the visit": the alternative turned down counts as its opposite.
  const negated = (negator >= 0) !== rejected;
  // "not hostile", "no longer a partner" flip; "not under sanctions", "neither praised nor
  // condemned" and the alternative a sentence turns down ("rather than warm") only cancel.
  const notAll = negator >= 0 && UNIVERSAL_SET.has(tokens[negator + 1]?.lower ?? '');
  const byReverser = negator >= 0 && !NEGATOR_SET.has(tokens[negator]!.lower);
  // "no longer an adversary" tells of a change for the better, not only an absence.
  const noLonger = negator >= 0 && CHANGE_SET.has(tokens[negator + 1]?.lower ?? '');
  const cancelled =
    notAll ||
    // "businesslike rather than warm" only sets aside; "rather than spoil the visit" chooses the opposite.
    (rejected && negator < 0 && !isVerb(token)) ||
    (negator >= 0 && CANCELLING_SET.has(tokens[negator]!.lower)) ||
    // "toned down its insults" undoes them; "not under sanctions" only says they are absent.
    (negated && !byReverser && !noLonger && found.polarity === 'conflictual' && token.pos === 'NOUN' && found.length === 1);
  return {
    text: input.slice(found.start, found.end),
    polarity: negated && !cancelled ? (found.polarity === 'cooperative' ? 'conflictual' : 'cooperative') : found.polarity,
    negated,
    weight: cancelled ? 0 : negated ? found.weight * WEIGHTS.negated : found.weight,
    entry: found.entry,
    start: found.start,
    end: found.end,
  };
}

/** Whether the verb at `i` goes to an actor's capital or country: "Xi Jinping flew to Seoul", "goes to Japan". */
function travelsTo(tokens: Token[], i: number, mentions: Mention[]): boolean {
  const preposition = tokens[i + 1];
  const place = tokens[i + 2];
  if (!preposition || !place || !TOWARDS_SET.has(preposition.lower)) return false;
  // Someone goes: an actor or pronoun just before the verb ("he flew to Seoul"), not "messages go to ...".
  const traveller = tokens[i - 1] ?? tokens[i - 2];
  const someone = traveller && mentions.some((m) => m.end === traveller.end || m.end === tokens[i - 2]?.end);
  return Boolean(someone) && mentions.some((m) => m.start === place.start && (m.form === 'capital' || m.form === 'country'));
}

/** Whether the verb at `i` is followed by an actor and "to": "Moscow expects Seoul to stay away". */
function demandsOf(tokens: Token[], i: number, to: number, mentions: Mention[]): boolean {
  for (let k = i + 1; k < Math.min(to, i + 8); k++) {
    const t = tokens[k]!;
    if (INFINITIVE_SET.has(t.lower)) {
      const before = tokens[k - 1]!;
      return mentions.some((m) => m.end === before.end && m.start > tokens[i]!.end);
    }
    if (t.pos === 'PUNCT' || isVerb(t)) return false;
  }
  return false;
}

