/**
 * Clauses: where a sentence's clauses start and end, and the part each plays
 * (the clause that carries the point, a background or turned-down clause,
 * a relative clause about the actor before it, a fronted adjunct).
 */
import {
  ADDITIVE_AFTER_CONTRAST,
  ADJUNCT_OPENERS,
  BACKGROUND_OPENERS,
  CLAUSE_SEPARATORS,
  CONTRAST_OPENERS,
  CONTRAST_WITHOUT_COMMA,
  REJECTED_ASIDE_OPENERS,
  REJECTED_OPENERS,
  RELATIVE_OPENERS,
  RELATIVE_PAST_WORDS,
  TIME_OPENERS,
  TIME_PHRASE_POS,
} from './data/clauses.js';
import type { PosTag } from './data/pos.js';
import type { Token } from './nlp.js';
import type { Mention } from './types.js';

export type ClauseRole = 'main' | 'background' | 'rejected' | 'before-contrast' | 'relative' | 'adjunct';

export interface Clause {
  from: number;
  to: number;
  role: ClauseRole;
  /** The actor a clause is about without naming it: what a relative clause refers to, or a subject it shares. */
  antecedent: Mention | null;
}

const split = (phrases: string[]): string[][] => phrases.map((p) => p.split(' ')).sort((a, b) => b.length - a.length);
const BACKGROUND_WORDS = split(BACKGROUND_OPENERS);
const REJECTED_WORDS = split(REJECTED_OPENERS);
const CONTRAST_WORDS = split(CONTRAST_OPENERS);
const OPENER_FIRST_WORDS = new Set(
  [...BACKGROUND_WORDS, ...REJECTED_WORDS, ...CONTRAST_WORDS, ...RELATIVE_OPENERS.map((w) => [w])].map((words) => words[0]!),
);
const SEPARATOR_SET = new Set(CLAUSE_SEPARATORS);
const RELATIVE_SET = new Set(RELATIVE_OPENERS);
const ADJUNCT_SET = new Set(ADJUNCT_OPENERS);
const WITHOUT_COMMA = new Set(CONTRAST_WITHOUT_COMMA);
const ADDITIVE = new Set(ADDITIVE_AFTER_CONTRAST);
const RELATIVE_PAST = new Set(RELATIVE_PAST_WORDS);
const REJECTED_ASIDE = new Set(REJECTED_ASIDE_OPENERS);

/** Length in tokens of the first of `candidates` that starts at token `i`, or 0. */
function openerAt(tokens: Token[], i: number, candidates: string[][]): number {
  for (const words of candidates) {
    if (words.every((w, k) => tokens[i + k]?.lower === w)) return words.length;
  }
  return 0;
}

export const isVerb = (t: Token): boolean => t.pos === 'VERB' || t.pos === 'AUX';

const TIME_WORDS = new Set(TIME_OPENERS);
const TIME_PHRASE = new Set<PosTag>(TIME_PHRASE_POS);

/** The actor named last before the first verb of tokens [from, to): "In Seoul, Xi Jinping not only praised ...". */
function subjectOf(tokens: Token[], from: number, to: number, mentions: Mention[]): Mention | null {
  const start = tokens[from]?.start ?? 0;
  const verb = tokens.slice(from, to).find(isVerb);
  const limit = verb?.start ?? tokens[to - 1]?.end ?? start;
  return mentions.filter((m) => m.start >= start && m.end <= limit).at(-1) ?? null;
}

/** "By reactivating ...", "After ...", or a time phrase: "Hours after ...", "A month before ...". */
function opensWithAdjunct(tokens: Token[]): boolean {
  if (ADJUNCT_SET.has(tokens[0]?.lower ?? '')) return true;
  const at = tokens.slice(1, 4).findIndex((t) => TIME_WORDS.has(t.lower)) + 1;
  return at > 0 && tokens.slice(0, at).every((t) => TIME_PHRASE.has(t.pos));
}

/** Splits a sentence's tokens into clauses with the role each plays. */
export function splitClauses(tokens: Token[], mentions: Mention[]): Clause[] {
  const clauses: Clause[] = [];
  const fronted = frontedClause(tokens);
  let current: Clause = { from: 0, to: tokens.length, role: fronted.role, antecedent: null };
  const close = (at: number, next: Omit<Clause, 'from' | 'to'>, nextFrom = at): void => {
    current.to = at;
    if (current.to > current.from) clauses.push(current);
    current = { from: nextFrom, to: tokens.length, role: next.role, antecedent: next.antecedent };
  };
  let frontedUntil = fronted.until;
  let resumeSubject: Mention | null = null;
  for (let i = 1; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (i === frontedUntil) {
      // After an aside (", while painful for its own firms,") the clause before it resumes.
      close(i, { role: 'main', antecedent: resumeSubject }, i + 1);
      resumeSubject = null;
      continue;
    }
    if (SEPARATOR_SET.has(token.text)) {
      close(i, { role: 'main', antecedent: null }, i + 1);
      continue;
    }
    // Most words open nothing: one look-up decides before any opener is tried.
    if (!OPENER_FIRST_WORDS.has(token.lower)) continue;
    if (tokens[i - 1]?.text === ',' && RELATIVE_SET.has(token.lower)) {
      close(i, relativeClauseAt(tokens, i, mentions));
      continue;
    }
    if (opensContrast(tokens, i)) {
      // "not only praised Seoul but also condemned Tokyo" adds; it does not contrast.
      const additive = ADDITIVE.has(tokens[i + 1]?.lower ?? '');
      if (!additive && (current.role === 'main' || current.role === 'relative')) current.role = 'before-contrast';
      close(i, { role: 'main', antecedent: sharedSubject(tokens, current.from, i, additive, mentions) });
      continue;
    }
    const role = i >= fronted.opener ? backgroundRoleAt(tokens, i) : null;
    if (role) {
      const subject = firstActorBeforeVerb(tokens, current.from, i, mentions);
      close(i, { role, antecedent: null });
      // ", while painful for its own firms, was welcomed": an aside between commas.
      const comma = tokens[i - 1]?.text === ',' ? nextComma(tokens, i) : -1;
      if (comma > 0) {
        frontedUntil = comma;
        resumeSubject = subject;
      }
    }
  }
  close(tokens.length, { role: 'main', antecedent: null });
  return clauses;
}

/** The role of a clause opening at token `i` with a turned-down or background opener ("rather than", "even though"), or null. */
function backgroundRoleAt(tokens: Token[], i: number): ClauseRole | null {
  return openerAt(tokens, i, REJECTED_WORDS) > 0 ? 'rejected' : openerAt(tokens, i, BACKGROUND_WORDS) > 0 ? 'background' : null;
}

/** The index of the first comma after token `i`, or -1. */
const nextComma = (tokens: Token[], i: number): number => tokens.findIndex((t, k) => k > i && t.text === ',');

/**
 * How a sentence opens: the first clause's role, the token that ends it when it is
 * fronted (-1 if not) and the length of its background opener (0 if none).
 */
function frontedClause(tokens: Token[]): { role: ClauseRole; until: number; opener: number } {
  // A fronted clause: "Even though ..., X" or "By doing ..., X" runs to its first comma.
  const fronted = backgroundRoleAt(tokens, 0);
  const opener = fronted ? Math.max(openerAt(tokens, 0, REJECTED_WORDS), openerAt(tokens, 0, BACKGROUND_WORDS)) : 0;
  const firstComma = tokens.findIndex((t) => t.text === ',');
  if (firstComma <= 0) return { role: fronted ?? 'main', until: -1, opener };
  if (fronted) {
    // "Rather than balancing China, as Abe had hoped, Moscow ...": the aside belongs to what is turned down.
    if (fronted === 'rejected' && REJECTED_ASIDE.has(tokens[firstComma + 1]?.lower ?? '')) {
      const next = nextComma(tokens, firstComma + 1);
      if (next > 0) return { role: fronted, until: next, opener };
    }
    return { role: fronted, until: firstComma, opener };
  }
  if (opensWithAdjunct(tokens) && tokens.slice(1, firstComma).some(isVerb)) return { role: 'adjunct', until: firstComma, opener };
  return { role: 'main', until: -1, opener };
}

/** The relative clause opening at token `i` (after a comma), about the actor named last before it. */
function relativeClauseAt(tokens: Token[], i: number, mentions: Mention[]): Omit<Clause, 'from' | 'to'> {
  const antecedent = [...mentions].reverse().find((m) => m.end <= tokens[i]!.start) ?? null;
  // "Chinese officials, who once called Abe a revisionist, now ...": what was once so sets the scene.
  return { role: RELATIVE_PAST.has(tokens[i + 1]?.lower ?? '') ? 'background' : 'relative', antecedent };
}

/** Whether a contrast ("but", "however" ...) opens a clause at token `i`: after a comma, or "but" without one. */
function opensContrast(tokens: Token[], i: number): boolean {
  return openerAt(tokens, i, CONTRAST_WORDS) > 0 && (WITHOUT_COMMA.has(tokens[i]!.lower) || tokens[i - 1]?.text === ',');
}

/**
 * "Obama did not apologise, but laid a wreath": a clause that opens on its verb after the
 * contrast at token `i` shares the subject of the clause before it (from token `from`).
 */
function sharedSubject(tokens: Token[], from: number, i: number, additive: boolean, mentions: Mention[]): Mention | null {
  const next = tokens[i + 1 + (additive ? 1 : 0)];
  return next && isVerb(next) ? subjectOf(tokens, from, i, mentions) : null;
}

/** The first actor named in tokens [from, i) before the first verb among them (before token `i` if there is none). */
function firstActorBeforeVerb(tokens: Token[], from: number, i: number, mentions: Mention[]): Mention | null {
  const clauseStart = tokens[from]!.start;
  const firstVerb = tokens.slice(from, i).find(isVerb);
  return mentions.find((m) => m.start >= clauseStart && m.end <= (firstVerb?.start ?? tokens[i]!.start)) ?? null;
}
