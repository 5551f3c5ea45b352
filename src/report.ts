/**
 * The report stage: from the read sentences, each actor's tally, posture and
 * message section (summary and verdict), and the dyads.
 */
import type { ActorSet } from './actors.js';
import { buildDyads } from './dyads.js';
import { emptyTally, postureLikelihood, postureOf } from './posture.js';
import type { ActorDefinition, ActorReport, Dyad, Message, Posture, Sentence, Stance, SummarySentence, Tally } from './types.js';

/** The learned reader's probability of each label (cooperative, conflictual, neutral) for an actor in a sentence (by index). */
export type StanceLikelihoods = (sentence: number, actor: string) => ArrayLike<number> | undefined;

const CERTAIN: Record<Stance, ArrayLike<number>> = { cooperative: [1, 0, 0], conflictual: [0, 1, 0], neutral: [0, 0, 1] };

/** The label probabilities of the actor's stance in a sentence: the reader's, or certainty in the stance shown where it gave none. */
const likelihoodOf = (likelihoods: StanceLikelihoods, s: Sentence, actor: string): ArrayLike<number> => likelihoods(s.index, actor) ?? CERTAIN[s.stances[actor] ?? 'neutral'];

/** How likely the posture is right, to three places; null without a learned reader, and for an actor with no stance to read. */
const postureConfidence = (likelihoods: StanceLikelihoods | null, stances: ArrayLike<number>[], posture: Posture): number | null =>
  likelihoods === null || stances.length === 0 ? null : Math.round(postureLikelihood(stances, posture) * 1000) / 1000;

const sameTally = (a: Tally, b: Tally): boolean => a.cooperative === b.cooperative && a.conflictual === b.conflictual && a.neutral === b.neutral;
const counts = (t: Tally): string => `${t.cooperative} cooperative, ${t.conflictual} conflictual, ${t.neutral} neutral`;

/** The actors' reports and the dyads of an article whose sentences are read and assigned to sections. */
export function reportArticle(set: ActorSet, sentences: Sentence[], analysed: Sentence[], sender: string | null, top: number, likelihoods: StanceLikelihoods | null): { actors: ActorReport[]; dyads: Dyad[] } {
  return {
    actors: reportActors(set, sentences, analysed, sender, top, likelihoods),
    dyads: buildDyads(analysed, set.actors.map((a) => a.id), sender),
  };
}

/** Per actor: mentions, tally and posture over the analysed sentences, and its message section with a summary. */
function reportActors(set: ActorSet, sentences: Sentence[], analysed: Sentence[], sender: string | null, top: number, likelihoods: StanceLikelihoods | null): ActorReport[] {
  const tallies = new Map(set.actors.map((a) => [a.id, { mentions: 0, sentences: 0, uncertain: 0, tally: emptyTally(), stances: [] as ArrayLike<number>[] }]));
  for (const s of analysed) {
    const counted = new Set<string>();
    for (const m of s.mentions) {
      const entry = tallies.get(m.actor);
      if (!entry) continue;
      entry.mentions++;
      if (counted.has(m.actor)) continue;
      counted.add(m.actor);
      entry.sentences++;
      entry.tally[s.stances[m.actor] ?? 'neutral']++;
      if ((s.confidence[m.actor] ?? 1) < 0.5) entry.uncertain++;
      if (likelihoods) entry.stances.push(likelihoodOf(likelihoods, s, m.actor));
    }
  }
  const sections = new Map<string, Sentence[]>();
  for (const s of sentences) {
    if (s.messageTo === null) continue;
    const section = sections.get(s.messageTo) ?? [];
    section.push(s);
    sections.set(s.messageTo, section);
  }
  const senderName = set.actors.find((x) => x.id === sender)?.name ?? sender;
  return set.actors.map((a) => {
    const { mentions, sentences: mentioning, uncertain, tally, stances } = tallies.get(a.id)!;
    const posture = postureOf(tally);
    const section = sections.get(a.id) ?? [];
    const message = a.id === sender || section.length === 0 || sender === null ? null : messageTo(a, senderName!, sender, section, tally, top, likelihoods);
    return { id: a.id, name: a.name, country: a.country, mentions, sentences: mentioning, tally, uncertain, posture, postureConfidence: postureConfidence(likelihoods, stances, posture), message };
  });
}

/**
 * The message to one receiver: its section, a summary, and a verdict from the
 * receiver's stances in the section (the message as sent), with the
 * whole-article tally beside it where that differs.
 */
function messageTo(receiver: ActorDefinition, senderName: string, sender: string, section: Sentence[], whole: Tally, top: number, likelihoods: StanceLikelihoods | null): Message {
  const tally = emptyTally();
  let uncertain = 0;
  const stances: ArrayLike<number>[] = [];
  for (const s of section) {
    if (!s.mentions.some((m) => m.actor === receiver.id)) continue;
    tally[s.stances[receiver.id] ?? 'neutral']++;
    if ((s.confidence[receiver.id] ?? 1) < 0.5) uncertain++;
    if (likelihoods) stances.push(likelihoodOf(likelihoods, s, receiver.id));
  }
  const posture = postureOf(tally);
  const beside = sameTally(tally, whole) ? '' : `; whole article: ${postureOf(whole)} (${counts(whole)})`;
  return {
    from: sender,
    sentences: section.map((s) => s.index),
    summary: summarize(section, receiver.id, top),
    tally,
    posture,
    postureConfidence: postureConfidence(likelihoods, stances, posture),
    verdict: `${senderName} -> ${receiver.name}: ${posture} (${counts(tally)})${beside}`,
    uncertain,
  };
}

/** How much a sentence of Y's section says about Y. */
function summaryScore(sentence: Sentence, receiver: string, positionInSection: number): number {
  const aboutReceiver = sentence.mentions.filter((m) => m.actor === receiver).length;
  const stance = sentence.stances[receiver];
  let score = Math.min(aboutReceiver, 3) * 2 + Math.min(sentence.cues.length, 4);
  if (stance && stance !== 'neutral') score += 2;
  if (positionInSection === 0) score += 1.5;
  if (aboutReceiver === 0 && sentence.mentions.length === 0) score -= 2;
  return score;
}

/** The top `top` sentences of a section, ranked, then quoted in text order. */
export function summarize(section: Sentence[], receiver: string, top: number): SummarySentence[] {
  return section
    .map((s, i) => ({ s, score: summaryScore(s, receiver, i) }))
    .sort((a, b) => b.score - a.score || a.s.index - b.s.index)
    .slice(0, Math.max(0, top))
    .sort((a, b) => a.s.index - b.s.index)
    .map(({ s }) => ({ sentence: s.index, text: s.text, start: s.start, end: s.end }));
}
