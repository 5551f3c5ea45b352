/**
 * Structure: the part each actor mention plays in its clause, read from
 * wink-nlp's tokens and part-of-speech tags: agent, target, place, topic;
 * whether it speaks or is spoken of, is quoted, stands in a list.
 */
import type { Clause } from './clauses.js';
import { isVerb } from './clauses.js';
import { BACKGROUND_OPENERS, RELATIVE_OPENERS } from './data/clauses.js';
import type { PosTag } from './data/pos.js';
import {
  CLAUSE_SUBJECT_OPENERS,
  CLAUSE_VERBS,
  CONDITIONAL_WORDS,
  HEAD_PHRASE_POS,
  NEGATION_WORDS,
  NOUN_PHRASE_POS,
  OWNER_PRONOUN_WORDS,
  PASSIVE_AUXILIARIES,
  PASSIVE_BEFORE_TO,
  PLACE_NOUN_PREPOSITIONS,
  PLACE_NOUNS,
  PLACE_PREPOSITIONS,
  POSSESSIVE_ENDINGS,
  QUOTE_MARKS,
  SOURCE_NOUNS_BEFORE_FROM,
  SPEECH_VERBS,
  TARGET_PREPOSITIONS,
  TOPIC_NOUNS_BEFORE_ON,
  TOPIC_PREPOSITIONS,
  VERB_PARTICLE_WORDS,
  VERBS_BY_TARGET,
} from './data/structure.js';
import { listAround } from './syntax.js';
import { firstEndingAfter } from './spans.js';
import type { Token } from './nlp.js';
import type { Mention } from './types.js';

export type ActorRole = 'agent' | 'target' | 'place' | 'topic' | 'of' | 'noverb';

export interface MentionReading {
  mention: Mention;
  /** The first token of the mention. */
  token: number;
  /** Index into the sentence's clauses. */
  clause: number;
  role: ActorRole;
  /** The preposition right before the mention, if any. */
  preposition: string | null;
  /** "Moscow's opening": the mention owns a noun. */
  possessive: boolean;
  /** The subject of a verb of saying. */
  speaker: boolean;
  /** Inside what a verb of saying reports. */
  reported: boolean;
  /** Inside quotation marks. */
  quoted: boolean;
  /** In a list of actors ("Seoul and Tokyo"). */
  listed: boolean;
  /** The clause's verb group is passive ("was rebuffed by"). */
  passive: boolean;
  /** Token distance from the clause's head verb (negative: before it); null when the clause has none. */
  fromVerb: number | null;
  /** The clause's head verb lemma. */
  verb: string | null;
}

export interface SentenceShape {
  question: boolean;
  conditional: boolean;
  negated: boolean;
}

const PLACE = new Set(PLACE_PREPOSITIONS);
const PLACE_NOUN = new Set(PLACE_NOUNS);
const PLACE_NOUN_PREPOSITION = new Set(PLACE_NOUN_PREPOSITIONS);
const TOPIC = new Set(TOPIC_PREPOSITIONS);
const TARGET = new Set(TARGET_PREPOSITIONS);
const SOURCE_NOUNS = new Set(SOURCE_NOUNS_BEFORE_FROM);
const PASSIVE_TO = new Set(PASSIVE_BEFORE_TO);
const CLAUSE_VERB = new Set(CLAUSE_VERBS);
const RELATIVE = new Set(RELATIVE_OPENERS);
const ASIDE = new Set(BACKGROUND_OPENERS.filter((opener) => !opener.includes(' ')));
const TOPIC_NOUNS = new Set(TOPIC_NOUNS_BEFORE_ON);
const SPEECH = new Set(SPEECH_VERBS);
const CONDITIONAL = new Set(CONDITIONAL_WORDS);
const NEGATION = new Set(NEGATION_WORDS);
const QUOTES = new Set(QUOTE_MARKS);
const PASSIVE_AUX = new Set(PASSIVE_AUXILIARIES);
const POSSESSIVE = new Set(POSSESSIVE_ENDINGS);
const OWNER_PRONOUNS = new Set(OWNER_PRONOUN_WORDS);
const SUBJECT_OPENERS = new Set(CLAUSE_SUBJECT_OPENERS);
const BY_AS_TARGET = new Set(VERBS_BY_TARGET);
const VERB_PARTICLES = new Set(VERB_PARTICLE_WORDS);
const HEAD_PHRASE = new Set<PosTag>(HEAD_PHRASE_POS);

/** Index of the token at `offset`, or of the first after it. */
const tokenAt = (tokens: Token[], offset: number): number => firstEndingAfter(tokens, offset);

/** The clause's head verb: its first main verb, or its first auxiliary where it has none. */
function headVerb(tokens: Token[], clause: Clause): number {
  let aux = -1;
  for (let i = clause.from; i < clause.to; i++) {
    const t = tokens[i]!;
    if (t.pos === 'VERB') return i;
    if (t.pos === 'AUX' && aux < 0) aux = i;
  }
  return aux;
}

function isPassive(tokens: Token[], verb: number): boolean {
  if (verb < 0 || tokens[verb]!.pos !== 'VERB' || tokens[verb]!.lower.endsWith('ing')) return false;
  // "Kim is expected to travel", "is poised to formally announce": the subject does what follows
  // ("was asked to pay" and "was invited to the talks" stay passive).
  if (tokens[verb + 1]?.lower === 'to' && !PASSIVE_TO.has(tokens[verb]!.lemma)) {
    let then = verb + 2;
    while (tokens[then]?.pos === 'ADV') then++;
    if (tokens[then] !== undefined && isVerb(tokens[then]!)) return false;
  }
  for (let i = verb - 1; i >= Math.max(0, verb - 3); i--) {
    const t = tokens[i]!;
    // wink gives "being" the lemma "being": "is being told".
    if (t.pos === 'AUX') return PASSIVE_AUX.has(t.lemma) || t.lower === 'being';
    if (t.pos !== 'ADV' && t.pos !== 'PART') return false;
  }
  return false;
}

/** The preposition before token `at`, past an article or adjective ("against the United States"). */
function prepositionBefore(tokens: Token[], at: number): { word: string; index: number } | null {
  for (let i = at - 1; i >= Math.max(0, at - 3); i--) {
    const t = tokens[i]!;
    if (t.pos === 'ADP' || t.lower === 'to') return { word: t.lower, index: i };
    if (t.pos !== 'DET' && t.pos !== 'ADJ') return null;
  }
  return null;
}

const NOUN_PHRASE = new Set<PosTag>(NOUN_PHRASE_POS);

/** The sentence's mentions by the token each starts at and by the token right after each. */
interface MentionTokens {
  startingAt: Map<number, Mention>;
  endingBefore: Map<number, Mention>;
}

/**
 * Whether the noun phrase the mention ends at token `after` is the subject of
 * a verb of its own: "said Beijing was pleased", "hope the Russian government
 * will allow", "the British moves amount to". Where a clause may open at the
 * mention (after "and", "but", a comma, "that" or a verb such as "said"), the
 * scan reads past an adverb ("and Moscow quickly retaliated") and along a list
 * of actors ("said Japan and South Korea would"); elsewhere only along a list
 * of demonyms ("South Korean and Japanese fans are"). `at` is the mention's
 * first token; the scan stops at `limit`, the end of the mention's clause.
 */
function subjectOfOwnVerb(tokens: Token[], at: number, after: number, limit: number, named: MentionTokens): number {
  const opensClause = clauseMayOpenAt(tokens, at);
  for (let i = after; i < Math.min(limit, after + 12); i++) {
    const t = tokens[i]!;
    if (t.pos === 'VERB' || t.pos === 'AUX') return mainVerbFrom(tokens, i, limit);
    if (QUOTES.has(t.text)) continue;
    // "Washington's lead": what a possessive owns is a noun, whatever wink tags it.
    if (POSSESSIVE.has(t.text) && tokens[i + 1] !== undefined) {
      i++;
      continue;
    }
    if (opensClause) {
      if (t.pos === 'ADV') continue;
      // "that Beijing's support for the North is unchanged": the subject's own modifiers.
      if ((t.pos === 'ADP' && t.lower !== 'to') || t.pos === 'DET' || OWNER_PRONOUNS.has(t.lower)) continue;
      // "in which North Korea halts its tests", "and Japanese officials fear a backlash": wink tags the verb a noun; a noun
      // right before an article or an owner's pronoun is a verb there.
      if (t.pos === 'NOUN' && isDeterminer(tokens[i + 1])) return i;
    }
    if (t.pos === 'CCONJ' || t.text === ',') {
      // "that South Korea, with China as its largest market, would": an aside between commas, then the verb.
      const resumed = t.text === ',' && opensClause ? verbAfterAside(tokens, i + 1, limit) : -1;
      if (resumed >= 0) return mainVerbFrom(tokens, resumed, limit);
      // A bare comma joins a list only where "and" / "or" closes it before any verb: "Tokyo, Seoul announced" is no list.
      if (t.text === ',' && tokens[i + 1]?.pos !== 'CCONJ' && !listClosesAfter(tokens, i + 1, limit)) return -1;
      let next = t.text === ',' && tokens[i + 1]?.pos === 'CCONJ' ? i + 2 : i + 1;
      while (tokens[next]?.pos === 'DET') next++;
      const before = named.endingBefore.get(i);
      const following = named.startingAt.get(next);
      if (before && following && (opensClause || (before.form === 'demonym' && following.form === 'demonym'))) {
        i = next - 1;
        continue;
      }
      return -1;
    }
    if (!NOUN_PHRASE.has(t.pos) || t.lower === 'to') return -1;
  }
  return -1;
}

/** The main verb of the verb group that starts at token `from` ("had not been consulted": "consulted"), or `from` where it has none. */
function mainVerbFrom(tokens: Token[], from: number, limit: number): number {
  for (let i = from; i < Math.min(limit, from + 5); i++) {
    const t = tokens[i]!;
    if (t.pos === 'VERB') return i;
    if (t.pos !== 'AUX' && t.pos !== 'ADV' && t.pos !== 'PART') return from;
  }
  return from;
}

const isDeterminer = (t: Token | undefined): boolean => t !== undefined && (t.pos === 'DET' || OWNER_PRONOUNS.has(t.lower));

/** Where an aside without a verb runs from token `from` to a comma and a verb (past adverbs) comes right after it, that verb; otherwise -1. */
function verbAfterAside(tokens: Token[], from: number, limit: number): number {
  for (let i = from; i < Math.min(limit, from + 10); i++) {
    const t = tokens[i]!;
    if (isVerb(t) || t.pos === 'AUX' || t.pos === 'CCONJ' || RELATIVE.has(t.lower)) return -1;
    if (t.text === ',') {
      let next = i + 1;
      while (tokens[next]?.pos === 'ADV') next++;
      return next < limit && (tokens[next]!.pos === 'VERB' || tokens[next]!.pos === 'AUX') ? next : -1;
    }
  }
  return -1;
}

/** Whether "and" or "or" comes at or after token `from`, before any verb and before `limit`. */
function listClosesAfter(tokens: Token[], from: number, limit: number): boolean {
  for (let i = from; i < limit; i++) {
    if (isVerb(tokens[i]!)) return false;
    if (tokens[i]!.pos === 'CCONJ') return true;
  }
  return false;
}

/** Whether a clause may open at the noun phrase of token `at` (read back past its article, adjectives and titles): after "and", "but", a comma, "that", "as" or a verb that takes a clause. */
function clauseMayOpenAt(tokens: Token[], at: number): boolean {
  let i = at - 1;
  while (i >= 0 && (tokens[i]!.pos === 'DET' || tokens[i]!.pos === 'ADJ' || tokens[i]!.pos === 'PROPN')) i--;
  const t = tokens[i];
  if (t === undefined) return false;
  return t.pos === 'CCONJ' || t.pos === 'SCONJ' || t.text === ',' || t.lower === 'that' || t.lower === 'as' || SUBJECT_OPENERS.has(t.lower) || (isVerb(t) && CLAUSE_VERB.has(t.lemma));
}

/**
 * Whether the noun phrase the mention ends at token `after` is followed by a
 * relative clause or an aside between commas ("China, whose relations ...,
 * sent"; "Japan, while backing the plan, insisted"), so that the mention is
 * the subject of the verb after them. Consulted for a mention whose own
 * clause (the noun phrase alone) has no verb.
 */
function subjectBeforeAside(tokens: Token[], after: number): boolean {
  for (let i = after; i < Math.min(tokens.length, after + 6); i++) {
    const t = tokens[i]!;
    if (t.text === ',') return RELATIVE.has(tokens[i + 1]?.lower ?? '') || ASIDE.has(tokens[i + 1]?.lower ?? '');
    // "Abe and his clan, who ...": a subject of two nouns.
    if (!NOUN_PHRASE.has(t.pos) && t.text !== '-' && t.pos !== 'CCONJ' && !OWNER_PRONOUNS.has(t.lower)) return false;
  }
  return false;
}

/**
 * In a clause where wink found no verb, whether the noun phrase the mention
 * ends at token `after` is followed by a word tagged as a noun that stands
 * where a verb would, before an article or a verb's particle: "The Soviet
 * Union shot down a Korean airliner" (wink tags "shot" as a noun). "Chinese
 * ships in the strait" stays without a verb.
 */
function verbTaggedAsNoun(tokens: Token[], after: number, limit: number): boolean {
  for (let i = after; i < Math.min(limit, after + 4); i++) {
    const t = tokens[i]!;
    const next = tokens[i + 1];
    if (t.pos === 'NOUN' && (isDeterminer(next) || VERB_PARTICLES.has(next?.lower ?? ''))) return true;
    if (t.pos !== 'NOUN' && t.pos !== 'PROPN' && t.pos !== 'ADJ') return false;
  }
  return false;
}

/**
 * The head verb of the first main clause after `clause`: where a subject resumes after an aside
 * ("Japan, while backing the plan, was rebuffed"). The clause split runs a relative clause to the
 * sentence's end, so after one there is none (-1), and the subject reads as an agent.
 */
function resumedVerb(tokens: Token[], clauses: Clause[], verbs: number[], clause: number): number {
  for (let k = clause + 1; k < clauses.length; k++) {
    const c = clauses[k]!;
    if (c.role === 'main' && !RELATIVE.has(tokens[c.from]?.lower ?? '')) return verbs[k] ?? -1;
  }
  return -1;
}

/** Where the mention stands in its sentence: its first token, the token after it, its clause's head verb and voice, and the verb it resumes as subject after an aside (or -1). */
interface Place {
  at: number;
  end: number;
  /** The end of the mention's clause. */
  limit: number;
  verb: number;
  passive: boolean;
  resumed: number;
}

/** Whether "by" at token `by` names a doer: after a noun, or after a verb's past participle other than "stand by" and its kind (past adverbs). */
function byMarksDoer(tokens: Token[], by: number): boolean {
  let i = by - 1;
  while (i > 0 && tokens[i]!.pos === 'ADV') i--;
  const before = tokens[i];
  if (before === undefined) return false;
  if (before.pos === 'NOUN') return true;
  return before.pos === 'VERB' && !before.lower.endsWith('ing') && !BY_AS_TARGET.has(before.lemma);
}

/** The first token of the noun phrase right before "of" at token `of` ("the government of", "one of"), or -1 where there is none. */
function headPhraseStart(tokens: Token[], of: number): number {
  let i = of - 1;
  while (i >= 0 && (HEAD_PHRASE.has(tokens[i]!.pos) || POSSESSIVE.has(tokens[i]!.text))) i--;
  return i === of - 1 ? -1 : i + 1;
}

function roleOf(tokens: Token[], place: Place, preposition: { word: string; index: number } | null, ownVerb: number): ActorRole {
  const { at, end, limit, verb, passive, resumed } = place;
  // "washed up on the Japanese coast": a demonym before a place noun names a place.
  if (PLACE_NOUN.has(tokens[end]?.lower ?? '') && (preposition === null || PLACE.has(preposition.word) || PLACE_NOUN_PREPOSITION.has(preposition.word))) return 'place';
  if (preposition) {
    const { word, index } = preposition;
    // "abducted by North Korean agents", "an apology by a Japanese prime minister": the doer of a participle or of an act
    // named by a noun, whatever the clause's own voice.
    if (word === 'by') return passive || byMarksDoer(tokens, index) ? 'agent' : 'target';
    // "a letter from the Kremlin", "pressure from Washington": where an act comes from. Otherwise "from" is read as the
    // other prepositions of TARGET_PREPOSITIONS are ("withdrew from Seoul": target).
    if (word === 'from' && SOURCE_NOUNS.has(tokens[index - 1]?.lower ?? '')) return 'agent';
    // "the government of Japan said", "a quarter of China's trade": a name after "of" plays the part of the phrase it belongs to.
    if (word === 'of') {
      const head = headPhraseStart(tokens, index);
      return head < 0 ? 'of' : roleOf(tokens, { ...place, at: head, end: index }, prepositionBefore(tokens, head), ownVerb);
    }
    if (word === 'on') return TOPIC_NOUNS.has(tokens[index - 1]?.lower ?? '') ? 'topic' : 'target';
    if (word === 'at') return index > 0 && (isVerb(tokens[index - 1]!) || tokens[index - 1]!.pos === 'ADJ') ? 'target' : 'place';
    if (PLACE.has(word)) return 'place';
    if (TOPIC.has(word)) return 'topic';
    if (TARGET.has(word)) return 'target';
  }
  // "said Washington had not been consulted": the subject of a passive of its own is acted on.
  // A verb whose form is its lemma is no participle: wink tags "is firm" as a verb.
  if (ownVerb >= 0) return isPassive(tokens, ownVerb) && tokens[ownVerb]!.lower !== tokens[ownVerb]!.lemma ? 'target' : 'agent';
  if (verb < 0) {
    if (verbTaggedAsNoun(tokens, end, limit)) return 'agent';
    if (!subjectBeforeAside(tokens, end)) return 'noverb';
    // "Japan, while backing the plan, was rebuffed": the resumed verb's voice decides.
    return resumed >= 0 && isPassive(tokens, resumed) ? 'target' : 'agent';
  }
  if (at < verb) return passive ? 'target' : 'agent';
  return 'target';
}

/** Each mention's part in its clause. */
export function readStructure(input: string, tokens: Token[], clauses: Clause[], mentions: Mention[]): MentionReading[] {
  const verbs = clauses.map((c) => headVerb(tokens, c));
  const passives = verbs.map((v) => isPassive(tokens, v));
  const speech = clauses.map((c) => {
    for (let i = c.from; i < c.to; i++) if (isVerb(tokens[i]!) && SPEECH.has(tokens[i]!.lemma)) return i;
    return -1;
  });
  const lastSpeech = speech.reduce((last, s) => (s >= 0 ? s : last), -1);
  // "..., a foreign ministry spokesman said.": an attribution at the end reports all before it.
  const trailing = lastSpeech >= 0 && tokens.length - lastSpeech <= 4 ? tokens.slice(0, lastSpeech).map((t) => t.text).lastIndexOf(',') : -1;
  const named: MentionTokens = {
    startingAt: new Map(mentions.map((m) => [tokenAt(tokens, m.start), m])),
    endingBefore: new Map(mentions.map((m) => [tokenAt(tokens, m.end), m])),
  };
  return mentions.map((mention) => {
    const token = Math.min(tokenAt(tokens, mention.start), tokens.length - 1);
    let clause = clauses.findIndex((c) => token >= c.from && token < c.to);
    if (clause < 0) clause = 0;
    const verb = verbs[clause] ?? -1;
    const passive = passives[clause] ?? false;
    const end = tokenAt(tokens, mention.end);
    const inClause = mentions.filter((m) => {
      const t = tokenAt(tokens, m.start);
      return t >= clauses[clause]!.from && t < clauses[clause]!.to;
    });
    const list = listAround(input, inClause, mention);
    const ownVerb = subjectOfOwnVerb(tokens, token, end, clauses[clause]!.to, named);
    // A name later in a list takes the part its first name's preposition gives: "rejected by Beijing and Moscow".
    const preposition = prepositionBefore(tokens, token) ?? (list[0] !== mention && ownVerb < 0 ? prepositionBefore(tokens, tokenAt(tokens, list[0]!.start)) : null);
    const resumed = verb < 0 ? resumedVerb(tokens, clauses, verbs, clause) : -1;
    const role = roleOf(tokens, { at: token, end, limit: clauses[clause]!.to, verb, passive, resumed }, preposition, ownVerb);
    const after = input.slice(mention.end, mention.end + 2);
    const s = speech[clause] ?? -1;
    let quotes = 0;
    for (let i = 0; i < token; i++) if (QUOTES.has(tokens[i]!.text)) quotes++;
    return {
      mention,
      token,
      clause,
      role,
      preposition: preposition?.word ?? null,
      possessive: POSSESSIVE.has(after),
      speaker: (s >= 0 && token < s && role === 'agent') || (trailing >= 0 && token > trailing && token < lastSpeech),
      reported: (s >= 0 && token > s) || (trailing >= 0 && token < trailing),
      quoted: quotes % 2 === 1,
      listed: new Set(list.map((m) => m.actor)).size > 1,
      passive,
      fromVerb: verb >= 0 ? token - verb : null,
      verb: verb >= 0 ? tokens[verb]!.lemma : null,
    };
  });
}

/** What holds for the whole sentence: a question, a condition, a negation. */
export function sentenceShape(tokens: Token[]): SentenceShape {
  return {
    question: tokens.at(-1)?.text === '?',
    conditional: tokens.some((t) => CONDITIONAL.has(t.lower)),
    negated: tokens.some((t) => NEGATION.has(t.lower)),
  };
}
