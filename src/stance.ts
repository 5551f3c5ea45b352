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
  // "sending messages to Seoul, Tokyo and Beijing": the addressees of a message are named, not judged.
  const addressed = new Set<Mention>();
  const mayAddress = allMentions.length > 1 && MAY_ADDRESS.test(input.slice(Math.max(0, allMentions[0]!.start - 80), allMentions.at(-1)!.start));
  for (const m of mayAddress ? allMentions : []) {
    if (ADDRESSEE.test(input.slice(Math.max(0, m.start - 24), m.start))) {
      // One addressee is judged by the message's tone ("The message to Tokyo is colder"); a list is not.
      const list = listAround(input, allMentions, m);
      if (new Set(list.map((x) => x.actor)).size > 1) for (const x of list) addressed.add(x);
    }
  }
  const mentions = allMentions.filter((m) => !addressed.has(m));
  const clauses = splitClauses(tokens, mentions);
  const found = findCues(input, tokens, clauses, mentions);
  const cues: Cue[] = found.map((f) => f.cue);
  const point = new Map<string, number>(allMentions.map((m) => [m.actor, 0]));
  const background = new Map<string, number>(mentions.map((m) => [m.actor, 0]));

  const clauseOfCue = found.map((f) => clauses.findIndex((c) => f.token >= c.from && f.token < c.to));
  const hasCues = clauses.map((_, k) => clauseOfCue.includes(k));
  const isBackground = clauses.map(
    (clause, k) =>
      clause.role === 'background' ||
      clause.role === 'rejected' ||
      // "a friend, but not a follower": the clause before "but" still carries the point when the one after says nothing.
      (clause.role === 'before-contrast' && hasCues.slice(k + 1).some(Boolean)),
  );

  let toneScore = 0;
  /** What the point clauses say, for actors named only in background clauses. */
  let pointAtLarge = 0;
  const inPointClause = new Set<string>();
  const inRejectedOnly = new Set<string>(mentions.map((m) => m.actor));
  // Each clause's actors (with the one it is about unnamed first) and where its first verb starts.
  const named = clauses.map((clause) => {
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
  });
  clauses.forEach((clause, k) => {
    const actors = named[k]!.inClause.map((m) => m.actor);
    if (clause.role !== 'rejected') for (const a of actors) inRejectedOnly.delete(a);
    if (!isBackground[k]) for (const a of actors) inPointClause.add(a);
  });
  found.forEach(({ cue }, n) => {
    const k = clauseOfCue[n]!;
    const clause = clauses[k]!;
    const value = signed(cue);
    const scores = isBackground[k] ? background : point;
    const add = (actor: string, v: number): void => {
      scores.set(actor, (scores.get(actor) ?? 0) + v);
    };
    toneScore += value * (isBackground[k] ? WEIGHTS.background : 1);
    if (!isBackground[k]) pointAtLarge += value;
    const { inClause, firstVerb } = named[k]!;
    if (inClause.length === 0) {
      for (const m of mentions) add(m.actor, value * WEIGHTS.floating);
      return;
    }
    const before = inClause.filter((m) => m.end <= cue.start).at(-1);
    const after = inClause.find((m) => m.start >= cue.end);
    const subject = inClause[0]!.end <= firstVerb ? inClause[0] : undefined;
    const full = new Set<string>();
    for (const m of [before, after, subject]) {
      if (m) for (const x of listAround(input, inClause, m)) full.add(x.actor);
    }
    for (const actor of new Set(inClause.map((m) => m.actor))) {
      add(actor, value * (full.has(actor) ? 1 : WEIGHTS.bystander));
    }
    // "By reactivating its policy on Pyongyang, Moscow ...": the subject of the next clause did it.
    const next = clauses.slice(k + 1).find((c) => c.role === 'main');
    if (clause.role === 'adjunct' && next) {
      const nextSubject = mentions.find((m) => m.start >= tokens[next.from]!.start);
      const opensNext = nextSubject && tokens.slice(next.from, next.from + 3).some((t) => t.start === nextSubject.start);
      if (nextSubject && opensNext && !full.has(nextSubject.actor)) add(nextSubject.actor, value);
    }
  });

  const stances: Record<string, Stance> = {};
  const judged = new Set(mentions.map((m) => m.actor));
  for (const [actor, own] of point) {
    if (!judged.has(actor)) {
      stances[actor] = 'neutral';
      continue;
    }
    let score = own;
    if (Math.abs(own) < WEIGHTS.threshold) score = own + (background.get(actor) ?? 0);
    if (Math.abs(score) < WEIGHTS.threshold && !inPointClause.has(actor)) {
      // Named only where the scene is set, with nothing said of it there: the point is about it too.
      // "... leans towards China instead of one that follows the United States": the one turned down loses.
      score += (inRejectedOnly.has(actor) ? -pointAtLarge : pointAtLarge) * WEIGHTS.floating;
    }
    stances[actor] = stanceOf(score);
  }
  return { cues, stances, tone: stanceOf(toneScore), clauses, found, background: isBackground, addressed };
}

