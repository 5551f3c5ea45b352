/**
 * Stance: the cues of a sentence, the clauses they sit in, and from both the
 * light in which the sentence shows each actor it mentions.
 */
import {
  ADJUNCT_OPENERS,
  BACKGROUND_OPENERS,
  CLAUSE_SEPARATORS,
  CONTRAST_OPENERS,
  NEGATION_WINDOW,
  RELATIVE_OPENERS,
  WEIGHTS,
} from './data/clauses.js';
import { CONFLICTUAL, COOPERATIVE, NEGATORS, NOT_CUES_AFTER, PHRASES, PREFIXES, REVERSERS } from './data/lexicon.js';
import type { Token } from './nlp.js';
import type { Cue, Mention, Stance } from './types.js';

type ClauseRole = 'main' | 'background' | 'before-contrast' | 'relative' | 'adjunct';

interface Clause {
  from: number;
  to: number;
  role: ClauseRole;
  /** For a relative clause: the mention it is about. */
  antecedent: Mention | null;
}

export interface SentenceStance {
  cues: Cue[];
  stances: Record<string, Stance>;
  tone: Stance;
}

const NEGATOR_SET = new Set(NEGATORS);
const REVERSER_SET = new Set(REVERSERS);
const SEPARATOR_SET = new Set(CLAUSE_SEPARATORS);
const RELATIVE_SET = new Set(RELATIVE_OPENERS);
const ADJUNCT_SET = new Set(ADJUNCT_OPENERS);
const split = (phrases: string[]): string[][] => phrases.map((p) => p.split(' ')).sort((a, b) => b.length - a.length);
const BACKGROUND_WORDS = split(BACKGROUND_OPENERS);
const CONTRAST_WORDS = split(CONTRAST_OPENERS);
const PHRASE_WORDS = PHRASES.map((p) => ({ ...p, words: p.phrase.split(' ') })).sort((a, b) => b.words.length - a.words.length);
const PHRASES_BY_FIRST = new Map<string, typeof PHRASE_WORDS>();
for (const p of PHRASE_WORDS) {
  const list = PHRASES_BY_FIRST.get(p.words[0]!) ?? [];
  list.push(p);
  PHRASES_BY_FIRST.set(p.words[0]!, list);
}

/** Length in tokens of the first of `candidates` that starts at token `i`, or 0. */
function openerAt(tokens: Token[], i: number, candidates: string[][]): number {
  for (const words of candidates) {
    if (words.every((w, k) => tokens[i + k]?.lower === w)) return words.length;
  }
  return 0;
}

const isVerb = (t: Token): boolean => t.pos === 'VERB' || t.pos === 'AUX';

/** Splits a sentence's tokens into clauses with the role each plays. */
export function splitClauses(tokens: Token[], mentions: Mention[]): Clause[] {
  const clauses: Clause[] = [];
  let current: Clause = { from: 0, to: tokens.length, role: 'main', antecedent: null };
  const close = (at: number, next: Omit<Clause, 'from' | 'to'>, nextFrom = at): void => {
    current.to = at;
    if (current.to > current.from) clauses.push(current);
    current = { from: nextFrom, to: tokens.length, ...next };
  };
  // A fronted clause: "Even though ..., X" or "By doing ..., X" runs to its first comma.
  let frontedUntil = -1;
  const background = openerAt(tokens, 0, BACKGROUND_WORDS);
  const firstComma = tokens.findIndex((t) => t.text === ',');
  if (firstComma > 0) {
    if (background > 0) {
      current.role = 'background';
      frontedUntil = firstComma;
    } else if (ADJUNCT_SET.has(tokens[0]?.lower ?? '') && tokens.slice(1, firstComma).some(isVerb)) {
      current.role = 'adjunct';
      frontedUntil = firstComma;
    }
  } else if (background > 0) {
    current.role = 'background';
  }
  for (let i = 1; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (i === frontedUntil) {
      close(i, { role: 'main', antecedent: null }, i + 1);
      continue;
    }
    if (SEPARATOR_SET.has(token.text)) {
      close(i, { role: 'main', antecedent: null }, i + 1);
      continue;
    }
    if (tokens[i - 1]?.text === ',' && RELATIVE_SET.has(token.lower)) {
      const antecedent = [...mentions].reverse().find((m) => m.end <= token.start) ?? null;
      close(i, { role: 'relative', antecedent });
      continue;
    }
    if (openerAt(tokens, i, CONTRAST_WORDS) > 0 && (token.lower === 'but' || tokens[i - 1]?.text === ',')) {
      if (current.role === 'main' || current.role === 'relative') current.role = 'before-contrast';
      close(i, { role: 'main', antecedent: null });
      continue;
    }
    if (openerAt(tokens, i, BACKGROUND_WORDS) > 0 && i !== frontedUntil + 1) {
      close(i, { role: 'background', antecedent: null });
    }
  }
  close(tokens.length, { role: 'main', antecedent: null });
  return clauses;
}

interface CueAt extends Cue {
  token: number;
}

function lookup(token: Token): { entry: string; polarity: Cue['polarity']; weight: number } | null {
  for (const key of [token.lower, token.lemma, `${token.lemma}:${token.pos}`]) {
    const co = COOPERATIVE[key];
    if (co !== undefined) return { entry: key, polarity: 'cooperative', weight: co };
    const con = CONFLICTUAL[key];
    if (con !== undefined) return { entry: key, polarity: 'conflictual', weight: con };
  }
  return null;
}

/** Whether a negator or reverser stands within reach before token `i`, with no comma between. */
function isNegated(tokens: Token[], i: number, from: number): boolean {
  for (let k = i - 1; k >= Math.max(from, i - NEGATION_WINDOW); k--) {
    const t = tokens[k]!;
    if (t.text === ',' || t.pos === 'PUNCT') return false;
    if (NEGATOR_SET.has(t.lower) && tokens[k + 1]?.lower !== 'only') return true;
    if (REVERSER_SET.has(t.lower) || REVERSER_SET.has(t.lemma)) return true;
  }
  return false;
}

/** The lexicon's cues among the tokens, each with its span and negation. */
export function findCues(tokens: Token[], clauses: Clause[]): CueAt[] {
  const cues: CueAt[] = [];
  for (const clause of clauses) {
    for (let i = clause.from; i < clause.to; i++) {
      const token = tokens[i]!;
      const phrase = PHRASES_BY_FIRST.get(token.lower)?.find((p) =>
        p.words.every((w, k) => i + k < clause.to && tokens[i + k]!.lower === w),
      );
      let found: { entry: string; polarity: Cue['polarity']; weight: number; start: number; end: number; length: number } | null = null;
      if (phrase) {
        const last = tokens[i + phrase.words.length - 1]!;
        found = { entry: phrase.phrase, polarity: phrase.polarity, weight: phrase.weight, start: token.start, end: last.end, length: phrase.words.length };
      } else {
        const prefix = Object.keys(PREFIXES).find((p) => token.lower.startsWith(p) && token.lower.length > p.length);
        const word = lookup(token);
        const blocked = word && NOT_CUES_AFTER[word.entry]?.includes(tokens[i - 1]?.lower ?? '');
        if (prefix) {
          const p = PREFIXES[prefix]!;
          found = { entry: prefix, polarity: p.polarity, weight: p.weight, start: token.start, end: token.start + prefix.length - 1, length: 1 };
        } else if (word && !blocked) {
          found = { ...word, start: token.start, end: token.end, length: 1 };
        }
      }
      if (!found) continue;
      const negated = isNegated(tokens, i, clause.from);
      cues.push({
        text: '',
        polarity: negated ? (found.polarity === 'cooperative' ? 'conflictual' : 'cooperative') : found.polarity,
        negated,
        weight: negated ? found.weight * WEIGHTS.negated : found.weight,
        entry: found.entry,
        start: found.start,
        end: found.end,
        token: i,
      });
      i += found.length - 1;
    }
  }
  return cues;
}

const signed = (cue: Cue): number => (cue.polarity === 'cooperative' ? cue.weight : -cue.weight);

const stanceOf = (score: number): Stance =>
  score >= WEIGHTS.threshold ? 'cooperative' : score <= -WEIGHTS.threshold ? 'conflictual' : 'neutral';

/**
 * The stance toward each mentioned actor. A cue counts fully for the actor
 * named nearest before and after it in its clause, partly for the clause's
 * other actors, and for everyone when its clause names no actor; clauses
 * that only set the scene count less than the one that carries the point.
 */
export function sentenceStance(input: string, tokens: Token[], mentions: Mention[]): SentenceStance {
  const clauses = splitClauses(tokens, mentions);
  const found = findCues(tokens, clauses);
  const cues: Cue[] = found.map(({ token: _token, ...cue }) => ({ ...cue, text: input.slice(cue.start, cue.end) }));
  const scores = new Map<string, number>(mentions.map((m) => [m.actor, 0]));
  const add = (actor: string, value: number): void => {
    scores.set(actor, (scores.get(actor) ?? 0) + value);
  };

  const clauseOfCue = found.map((cue) => clauses.findIndex((c) => cue.token >= c.from && cue.token < c.to));
  const hasCues = clauses.map((_, k) => clauseOfCue.includes(k));
  const weightOf = clauses.map((clause, k) => {
    if (clause.role === 'background') return WEIGHTS.background;
    // "a friend, but not a follower": the clause before "but" still counts when the one after says nothing.
    if (clause.role === 'before-contrast') return hasCues.slice(k + 1).some(Boolean) ? WEIGHTS.background : 1;
    return 1;
  });

  let toneScore = 0;
  found.forEach((cue, n) => {
    const k = clauseOfCue[n]!;
    const clause = clauses[k]!;
    const value = signed(cue) * weightOf[k]!;
    toneScore += value;
    const from = tokens[clause.from]!.start;
    const to = tokens[clause.to - 1]!.end;
    const inClause = mentions.filter((m) => m.start >= from && m.end <= to);
    if (clause.antecedent) inClause.unshift(clause.antecedent);
    if (inClause.length === 0) {
      for (const actor of scores.keys()) add(actor, value * WEIGHTS.floating);
      return;
    }
    const before = inClause.filter((m) => m.end <= cue.start).at(-1);
    const after = inClause.find((m) => m.start >= cue.end);
    const nearest = new Set([before?.actor, after?.actor].filter((a): a is string => a !== undefined));
    for (const actor of new Set(inClause.map((m) => m.actor))) {
      add(actor, value * (nearest.has(actor) ? 1 : WEIGHTS.bystander));
    }
    // "By reactivating its policy on Pyongyang, Moscow ...": the subject of the next clause did it.
    const next = clauses[k + 1];
    if (clause.role === 'adjunct' && next) {
      const subject = mentions.find((m) => m.start >= tokens[next.from]!.start);
      if (subject && !nearest.has(subject.actor)) add(subject.actor, value);
    }
  });

  const stances: Record<string, Stance> = {};
  for (const [actor, score] of scores) stances[actor] = stanceOf(score);
  return { cues, stances, tone: stanceOf(toneScore) };
}
