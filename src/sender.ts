/**
 * The learned sender chooser: every actor of the set, and "none", is a
 * candidate with named features; a conditional logistic regression trained on
 * the corpus's train split (scripts/train-sender.mjs, model/sender.json) scores
 * them, and the best one is the sender.
 */
import { committedJson } from './model-file.js';
import { BRIEFING_WORDS, FIRST_PERSON, OPINION_WORDS, QUESTION_LINE, REPORTING, SIGNAL_WORDS } from './data/messages.js';
import { LEADING_DATELINE } from './data/layout.js';
import { openingSubject } from './syntax.js';
import { wordCount } from './words.js';
import type { Paragraph, Sentence } from './types.js';

/** One candidate for the sender (null: none) and its feature values. */
export interface SenderCandidate {
  actor: string | null;
  features: Record<string, number>;
}

/** What the chooser reads besides the sentences. */
export interface SenderContext {
  actors: string[];
  paragraphs: Paragraph[];
  /** Message cues that name each actor as sender: strong ("X's message") and weak ("X warns"). */
  cues: Map<string, { strong: number; weak: number }>;
  /** Receiver cues that name each actor ("the message to Tokyo"). */
  receivers: Map<string, number>;
  /** The actor whose state media published the article. */
  voice: string | null;
  /** Actors the publisher's name names ("Ministry of Foreign Affairs, Republic of Korea"). */
  publisherActors: string[];
  /** Actors the byline names, as place or office ("Seoul, December 29, 2015", "Washington, DC"). */
  bylineActors: string[];
  /** Actors the datelines opening body paragraphs name ("BEIJING, Feb. 13 —"). */
  datelineActors: string[];
}

/** Under this many words, a text is a short item (a news brief), whose title names its actor. */
const SHORT_WORDS = 250;

const SIGNAL_WORD = new RegExp(`\\b(?:${SIGNAL_WORDS.join('|')})\\b`, 'i');
const REPORTING_WORD = new RegExp(`\\b(?:${REPORTING.join('|')})\\b`);

/** Per actor: how often it is mentioned, opens a sentence as subject, speaks. */
interface Counts {
  mentions: Map<string, number>;
  subjects: Map<string, number>;
  speakers: Map<string, number>;
  totalMentions: number;
  totalSubjects: number;
}

const add = (m: Map<string, number>, key: string, n = 1): void => {
  m.set(key, (m.get(key) ?? 0) + n);
};

/** The actor named last before the first word of reporting ("Seoul's ministry said"), if any. */
function speakerOf(sentence: Sentence): string | null {
  const said = REPORTING_WORD.exec(sentence.text);
  if (!said) return null;
  const before = sentence.mentions.filter((m) => m.end - sentence.start <= said.index && m.form !== 'pronoun');
  return before.at(-1)?.actor ?? null;
}

function countMentions(input: string, sentences: Sentence[]): Counts {
  const counts: Counts = { mentions: new Map(), subjects: new Map(), speakers: new Map(), totalMentions: 0, totalSubjects: 0 };
  for (const s of sentences) {
    for (const m of s.mentions) add(counts.mentions, m.actor);
    counts.totalMentions += s.mentions.length;
    const subject = openingSubject(input, s);
    if (subject) {
      add(counts.subjects, subject.actor);
      counts.totalSubjects++;
    }
    const speaker = speakerOf(s);
    if (speaker) add(counts.speakers, speaker);
  }
  return counts;
}

/** Added to a count's total before a share is taken: one subject of one is no clear lead. */
const SHARE_SMOOTHING = 2;

/** An actor's share of `m`, and by how much it leads (or trails) the best other actor. */
function shareAndGap(m: Map<string, number>, total: number, actor: string): [number, number] {
  const of = total + SHARE_SMOOTHING;
  const own = (m.get(actor) ?? 0) / of;
  let other = 0;
  for (const [a, n] of m) if (a !== actor) other = Math.max(other, n / of);
  return [own, own - other];
}

/** How far the most counted actor leads the next, as a share of all counts (smoothed): 0 without a count. */
function lead(m: Map<string, number>): number {
  const counts = [...m.values()].sort((a, b) => b - a);
  const total = counts.reduce((a, b) => a + b, 0);
  return ((counts[0] ?? 0) - (counts[1] ?? 0)) / (total + SHARE_SMOOTHING);
}

const topShare = (m: Map<string, number>, total: number): number => (total === 0 ? 0 : Math.max(0, ...m.values()) / total);

/** Text of the paragraphs in `roles`, joined. */
const textOf = (input: string, paragraphs: Paragraph[], roles: string[]): string =>
  paragraphs.filter((p) => roles.includes(p.role)).map((p) => input.slice(p.start, p.end)).join('\n');

/** Article-wide cues of its kind, shared by all candidates. */
interface Kind {
  opinion: number;
  briefing: number;
  questions: number;
  wire: number;
  firstPerson: number;
  relayed: number;
  signals: number;
  /** 1 for a text of a few paragraphs (under 250 words), else 0. */
  short: number;
}

function articleKind(input: string, sentences: Sentence[], paragraphs: Paragraph[]): Kind {
  const heading = textOf(input, paragraphs, ['title', 'deck', 'byline']);
  const body = paragraphs.filter((p) => p.role === 'body').map((p) => input.slice(p.start, p.end));
  const n = sentences.length || 1;
  return {
    opinion: OPINION_WORDS.test(heading) ? 1 : 0,
    briefing: BRIEFING_WORDS.test(heading) ? 1 : 0,
    questions: body.some((p) => QUESTION_LINE.test(p)) ? 1 : 0,
    wire: body.slice(0, 2).some((p) => LEADING_DATELINE.test(p.slice(0, 120))) ? 1 : 0,
    firstPerson: sentences.filter((s) => FIRST_PERSON.test(s.text)).length / n,
    relayed: sentences.filter((s) => REPORTING_WORD.test(s.text)).length / n,
    signals: Math.min(1, sentences.filter((s) => SIGNAL_WORD.test(s.text)).length / 3),
    short: sentences.reduce((n, s) => n + wordCount(s.text), 0) < SHORT_WORDS ? 1 : 0,
  };
}

/** The features of "none": the article's kind, and how evenly its actors share it. */
function noneFeatures(input: string, sentences: Sentence[], kind: Kind, counts: Counts, context: SenderContext): Record<string, number> {
  const mentionShare = topShare(counts.mentions, counts.totalMentions);
  const shares = [...counts.mentions.values()].map((n) => n / (counts.totalMentions || 1)).sort((a, b) => b - a);
  const title = sentences.filter((s) => context.paragraphs[s.paragraph]?.role === 'title');
  return {
    'none:title-subject': title.some((s) => openingSubject(input, s) !== null) ? 1 : 0,
    'none:subject-lead': lead(counts.subjects),
    'none:bias': 1,
    'none:opinion': kind.opinion,
    'none:briefing': kind.briefing,
    'none:questions': kind.questions,
    'none:wire': kind.wire,
    'none:first-person': kind.firstPerson,
    'none:relayed': kind.relayed,
    'none:signals': kind.signals,
    'none:voice': context.voice === null ? 0 : 1,
    'none:publisher-state': context.publisherActors.length > 0 ? 1 : 0,
    'none:top-mention-share': mentionShare,
    'none:top-subject-share': topShare(counts.subjects, counts.totalSubjects),
    'none:mention-lead': (shares[0] ?? 0) - (shares[1] ?? 0),
    'none:actors-over-fifth': shares.filter((s) => s >= 0.2).length / 3,
    'none:short': kind.short,
    'none:receiver-cues': Math.min(1, [...context.receivers.values()].reduce((a, b) => a + b, 0) / 2),
  };
}

/** Where an actor stands in the title, deck and first body paragraph. */
function prominence(input: string, sentences: Sentence[], paragraphs: Paragraph[], actor: string): Record<string, number> {
  const inRole = (role: string): Sentence[] => sentences.filter((s) => paragraphs[s.paragraph]?.role === role);
  const title = inRole('title');
  const firstBody = sentences.find((s) => paragraphs[s.paragraph]?.role === 'body');
  const lead = firstBody ? sentences.filter((s) => s.paragraph === firstBody.paragraph) : [];
  const named = (list: Sentence[]): number => (list.some((s) => s.mentions.some((m) => m.actor === actor)) ? 1 : 0);
  const subjectOf = (list: Sentence[]): number => (list.some((s) => openingSubject(input, s)?.actor === actor) ? 1 : 0);
  return {
    'title-named': named(title),
    'title-first': title.some((s) => s.mentions[0]?.actor === actor) ? 1 : 0,
    'title-subject': subjectOf(title),
    'deck-named': named(inRole('deck')),
    'lead-named': named(lead),
    'lead-subject': subjectOf(lead.slice(0, 1)),
  };
}

/** The features of one actor as the sender. */
function actorFeatures(input: string, sentences: Sentence[], kind: Kind, counts: Counts, context: SenderContext, actor: string): Record<string, number> {
  const [mentionShare, mentionGap] = shareAndGap(counts.mentions, counts.totalMentions, actor);
  const [subjectShare, subjectGap] = shareAndGap(counts.subjects, counts.totalSubjects, actor);
  const speakers = [...counts.speakers.values()].reduce((a, b) => a + b, 0);
  const [speakerShare] = shareAndGap(counts.speakers, speakers, actor);
  const cue = context.cues.get(actor) ?? { strong: 0, weak: 0 };
  const place = prominence(input, sentences, context.paragraphs, actor);
  const publisher = context.publisherActors.includes(actor) ? 1 : 0;
  const voice = context.voice === actor ? 1 : 0;
  const features: Record<string, number> = {
    'actor:cue-strong': Math.log1p(cue.strong),
    'actor:cue-weak': Math.log1p(cue.weak),
    'actor:receiver-cue': Math.log1p(context.receivers.get(actor) ?? 0),
    'actor:voice': voice,
    'actor:publisher': publisher,
    'actor:mention-share': mentionShare,
    'actor:mention-gap': mentionGap,
    'actor:subject-share': subjectShare,
    'actor:subject-gap': subjectGap,
    'actor:speaker-share': speakerShare,
    'actor:briefing-publisher': kind.briefing * Math.max(publisher, place['title-named']!),
    'actor:questions-lead': kind.questions * place['lead-named']!,
    'actor:opinion-voice': kind.opinion * Math.max(voice, publisher),
    'actor:byline': context.bylineActors.includes(actor) ? 1 : 0,
    'actor:byline-briefing': Math.max(kind.briefing, kind.questions) * (context.bylineActors.includes(actor) ? 1 : 0),
    'actor:dateline': context.datelineActors.includes(actor) ? 1 : 0,
    'actor:title-subject-short': kind.short * place['title-subject']!,
    'actor:title-subject-wire': kind.wire * place['title-subject']!,
    'actor:title-and-lead-subject': place['title-subject']! * place['lead-subject']!,
    'actor:title-subject-opinion': kind.opinion * place['title-subject']!,
  };
  for (const [name, value] of Object.entries(place)) features[`actor:${name}`] = value;
  return features;
}

/** Every candidate (each actor of the set, then none) with its features. */
export function senderCandidates(input: string, sentences: Sentence[], context: SenderContext): SenderCandidate[] {
  const counts = countMentions(input, sentences);
  const kind = articleKind(input, sentences, context.paragraphs);
  // An actor the article never names, and whose state did not publish it, is no candidate.
  const present = context.actors.filter((a) => counts.mentions.has(a) || a === context.voice || context.publisherActors.includes(a) || context.bylineActors.includes(a));
  const candidates: SenderCandidate[] = present.map((actor) => ({ actor, features: actorFeatures(input, sentences, kind, counts, context, actor) }));
  candidates.push({ actor: null, features: noneFeatures(input, sentences, kind, counts, context) });
  return candidates;
}

/** The chooser's weights, as model/sender.json stores them. */
export interface SenderModel {
  weights: Record<string, number>;
  temperature: number;
  provenance: Record<string, unknown>;
}

/** The committed chooser, or null where there is none (the hand-ordered methods decide then). */
export const defaultSenderModel = committedJson<SenderModel>('sender.json');

/** A candidate's score: its features' values times their weights. */
export function candidateScore(model: SenderModel, candidate: SenderCandidate): number {
  let z = 0;
  for (const [name, value] of Object.entries(candidate.features)) z += (model.weights[name] ?? 0) * value;
  return z;
}

/** One candidate's chance and the features that weighed most for it over the runner-up. */
export interface Choice {
  actor: string | null;
  probability: number;
  runnerUp: string | null;
  because: string[];
}

/** The best candidate, its calibrated probability and the three features that put it ahead. */
export function choose(model: SenderModel, candidates: SenderCandidate[]): Choice {
  const scores = candidates.map((c) => candidateScore(model, c) / model.temperature);
  const max = Math.max(...scores);
  const exp = scores.map((z) => Math.exp(z - max));
  const sum = exp.reduce((a, b) => a + b, 0);
  const order = scores.map((_, i) => i).sort((a, b) => scores[b]! - scores[a]! || a - b);
  const best = candidates[order[0]!]!;
  const second = candidates[order[1] ?? order[0]!]!;
  const contribution = (c: SenderCandidate, name: string): number => (model.weights[name] ?? 0) * (c.features[name] ?? 0);
  const names = new Set([...Object.keys(best.features), ...Object.keys(second.features)]);
  const because = [...names]
    .map((name) => ({ name, lead: contribution(best, name) - contribution(second, name) }))
    .filter((x) => x.lead > 0)
    .sort((a, b) => b.lead - a.lead || (a.name < b.name ? -1 : 1))
    .slice(0, 3)
    .map((x) => x.name);
  return { actor: best.actor, probability: exp[order[0]!]! / sum, runnerUp: second.actor, because };
}
