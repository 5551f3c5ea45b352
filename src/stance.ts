/**
 * Stance: from a sentence's clauses and cues, the light in which it shows
 * each actor it mentions, and its overall tone.
 */
import { isVerb, splitClauses, type Clause } from './clauses.js';
import { findCues, type FoundCue } from './cues.js';
import { listAround } from './syntax.js';
import { WEIGHTS } from './data/clauses.js';
import { ADDRESSEE, MAY_ADDRESS } from './data/messages.js';
import type { Token } from './nlp.js';
import type { Cue, Mention, Stance } from './types.js';

export interface SentenceStance {
  cues: Cue[];
  stances: Record<string, Stance>;
  tone: Stance;
  /** What the rules read on the way, for the learned reader. */
  clauses: Clause[];
  found: FoundCue[];
  /** Per clause: whether it sets the scene rather than carrying the point. */
  background: boolean[];
  /** Mentions named only as the addressees of a message. */
  addressed: Set<Mention>;
}

const signed = (cue: Cue): number => (cue.polarity === 'cooperative' ? cue.weight : -cue.weight);

const stanceOf = (score: number): Stance =>
  score >= WEIGHTS.threshold ? 'cooperative' : score <= -WEIGHTS.threshold ? 'conflictual' : 'neutral';

/**
 * The stance toward each mentioned actor. A cue counts fully for the actors
 * named nearest before and after it in its clause (with any list they stand
 * in) and for the clause's subject, partly for the clause's other actors, and
 * for everyone when its clause names no actor. The clauses that carry the
 * sentence's point decide; background clauses ("even though ...", "rather
 * than ...", the clause before "but") decide only where those say nothing.
 */
export function sentenceStance(input: string, tokens: Token[], allMentions: Mention[]): SentenceStance {
  const addressed = addresseesOf(input, allMentions);
  const mentions = allMentions.filter((m) => !addressed.has(m));
  const clauses = splitClauses(tokens, mentions);
  const found = findCues(input, tokens, clauses, mentions);
  const cues: Cue[] = found.map((f) => f.cue);
  const clauseOfCue = found.map((f) => clauses.findIndex((c) => f.token >= c.from && f.token < c.to));
  const isBackground = backgroundClauses(clauses, clauseOfCue);
  const named = clauses.map((clause) => actorsOfClause(tokens, clause, mentions));
  const reading: Reading = { input, tokens, mentions, clauses, named, isBackground };
  const scores = scoreCues(reading, allMentions, found, clauseOfCue);
  const stances = stancesOf(reading, scores);
  return { cues, stances, tone: stanceOf(scores.tone), clauses, found, background: isBackground, addressed };
}

/** "sending messages to Seoul, Tokyo and Beijing": the addressees of a message are named, not judged. */
function addresseesOf(input: string, allMentions: Mention[]): Set<Mention> {
  const addressed = new Set<Mention>();
  const mayAddress = allMentions.length > 1 && MAY_ADDRESS.test(input.slice(Math.max(0, allMentions[0]!.start - 80), allMentions.at(-1)!.start));
  for (const m of mayAddress ? allMentions : []) {
    if (ADDRESSEE.test(input.slice(Math.max(0, m.start - 24), m.start))) {
      // One addressee is judged by the message's tone ("The message to Tokyo is colder"); a list is not.
      const list = listAround(input, allMentions, m);
      if (new Set(list.map((x) => x.actor)).size > 1) for (const x of list) addressed.add(x);
    }
  }
  return addressed;
}

/** Per clause: whether it sets the scene rather than carrying the point. */
function backgroundClauses(clauses: Clause[], clauseOfCue: number[]): boolean[] {
  const hasCues = clauses.map((_, k) => clauseOfCue.includes(k));
  return clauses.map(
    (clause, k) =>
      clause.role === 'background' ||
      clause.role === 'rejected' ||
      // "a friend, but not a follower": the clause before "but" still carries the point when the one after says nothing.
      (clause.role === 'before-contrast' && hasCues.slice(k + 1).some(Boolean)),
  );
}

/** A clause's actors (with the one it is about unnamed first) and where its first verb starts. */
interface ClauseActors {
  inClause: Mention[];
  firstVerb: number;
}

function actorsOfClause(tokens: Token[], clause: Clause, mentions: Mention[]): ClauseActors {
  const from = tokens[clause.from]!.start;
  const to = tokens[clause.to - 1]!.end;
  const inClause = mentions.filter((m) => m.start >= from && m.end <= to);
  if (clause.antecedent) inClause.unshift(clause.antecedent);
  let firstVerb = 0;
  for (let i = clause.from; i < clause.to; i++) {
    if (isVerb(tokens[i]!)) {
      firstVerb = tokens[i]!.start;
      break;
    }
  }
  return { inClause, firstVerb };
}

/** A sentence as the scoring reads it: the mentions it judges, its clauses, their actors and which set the scene. */
interface Reading {
  input: string;
  tokens: Token[];
  mentions: Mention[];
  clauses: Clause[];
  named: ClauseActors[];
  isBackground: boolean[];
}

/** What the cues say of each actor, in the clauses that carry the point and in the background. */
interface Scores {
  point: Map<string, number>;
  background: Map<string, number>;
  tone: number;
  /** What the point clauses say, for actors named only in background clauses. */
  pointAtLarge: number;
}

function scoreCues(reading: Reading, allMentions: Mention[], found: FoundCue[], clauseOfCue: number[]): Scores {
  const scores: Scores = {
    point: new Map<string, number>(allMentions.map((m) => [m.actor, 0])),
    background: new Map<string, number>(reading.mentions.map((m) => [m.actor, 0])),
    tone: 0,
    pointAtLarge: 0,
  };
  found.forEach(({ cue }, n) => scoreCue(reading, scores, cue, clauseOfCue[n]!));
  return scores;
}

/** Adds what one cue, in clause `k`, says to the scores of the actors it concerns (see sentenceStance). */
function scoreCue(reading: Reading, scores: Scores, cue: Cue, k: number): void {
  const { input, tokens, mentions, clauses } = reading;
  const value = signed(cue);
  const isBackground = reading.isBackground[k];
  const target = isBackground ? scores.background : scores.point;
  const add = (actor: string, v: number): void => {
    target.set(actor, (target.get(actor) ?? 0) + v);
  };
  scores.tone += value * (isBackground ? WEIGHTS.background : 1);
  if (!isBackground) scores.pointAtLarge += value;
  const { inClause, firstVerb } = reading.named[k]!;
  if (inClause.length === 0) {
    for (const m of mentions) add(m.actor, value * WEIGHTS.floating);
    return;
  }
  const full = fullyConcerned(input, inClause, firstVerb, cue);
  for (const actor of new Set(inClause.map((m) => m.actor))) {
    add(actor, value * (full.has(actor) ? 1 : WEIGHTS.bystander));
  }
  const doer = subjectAfterAdjunct(tokens, clauses, k, mentions);
  if (doer && !full.has(doer.actor)) add(doer.actor, value);
}

/** The actors a cue counts fully for: those named nearest before and after it, with any list they stand in, and the clause's subject. */
function fullyConcerned(input: string, inClause: Mention[], firstVerb: number, cue: Cue): Set<string> {
  const before = inClause.filter((m) => m.end <= cue.start).at(-1);
  const after = inClause.find((m) => m.start >= cue.end);
  const subject = inClause[0]!.end <= firstVerb ? inClause[0] : undefined;
  const full = new Set<string>();
  for (const m of [before, after, subject]) {
    if (m) for (const x of listAround(input, inClause, m)) full.add(x.actor);
  }
  return full;
}

/** "By reactivating its policy on Pyongyang, Moscow ...": after an adjunct clause, the actor opening the next main clause did it. */
function subjectAfterAdjunct(tokens: Token[], clauses: Clause[], k: number, mentions: Mention[]): Mention | undefined {
  const next = clauses.slice(k + 1).find((c) => c.role === 'main');
  if (clauses[k]!.role !== 'adjunct' || !next) return undefined;
  const nextSubject = mentions.find((m) => m.start >= tokens[next.from]!.start);
  const opensNext = nextSubject && tokens.slice(next.from, next.from + 3).some((t) => t.start === nextSubject.start);
  return opensNext ? nextSubject : undefined;
}

/** Each actor's stance: its score in the point clauses, else with the background's, else what the point says at large. */
function stancesOf(reading: Reading, scores: Scores): Record<string, Stance> {
  const { inPointClause, inRejectedOnly } = whereNamed(reading);
  const stances: Record<string, Stance> = {};
  const judged = new Set(reading.mentions.map((m) => m.actor));
  for (const [actor, own] of scores.point) {
    if (!judged.has(actor)) {
      stances[actor] = 'neutral';
      continue;
    }
    let score = own;
    if (Math.abs(own) < WEIGHTS.threshold) score = own + (scores.background.get(actor) ?? 0);
    if (Math.abs(score) < WEIGHTS.threshold && !inPointClause.has(actor)) {
      // Named only where the scene is set, with nothing said of it there: the point is about it too.
      // "... leans towards China instead of one that follows the United States": the one turned down loses.
      score += (inRejectedOnly.has(actor) ? -scores.pointAtLarge : scores.pointAtLarge) * WEIGHTS.floating;
    }
    stances[actor] = stanceOf(score);
  }
  return stances;
}

/** The actors named in a clause that carries the point, and those named only in turned-down clauses. */
function whereNamed(reading: Reading): { inPointClause: Set<string>; inRejectedOnly: Set<string> } {
  const inPointClause = new Set<string>();
  const inRejectedOnly = new Set<string>(reading.mentions.map((m) => m.actor));
  reading.clauses.forEach((clause, k) => {
    const actors = reading.named[k]!.inClause.map((m) => m.actor);
    if (clause.role !== 'rejected') for (const a of actors) inRejectedOnly.delete(a);
    if (!reading.isBackground[k]) for (const a of actors) inPointClause.add(a);
  });
  return { inPointClause, inRejectedOnly };
}
