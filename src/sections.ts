/**
 * The learned section chooser: at each body sentence, keeping the current
 * receiver, closing the section (none), and each actor the sentence names are
 * candidates with named features (the rule's own readings among them: a
 * receiver cue, the paragraph's topic, a briefing's question); a conditional
 * logistic regression trained on the corpus's train split
 * (scripts/train-sections.mjs, model/sections.json) scores them, and the best
 * one is the sentence's receiver.
 */
import { committedJson } from './model-file.js';
import { QUESTION_LINE } from './data/messages.js';
import { paragraphTopic, questionTopic, sectionCue } from './messages.js';
import { candidateScore, type SenderModel } from './sender.js';
import { openingSubject } from './syntax.js';
import type { Paragraph, Sentence } from './types.js';

/** One candidate receiver for a sentence (null: no section) and its feature values. */
export interface SectionCandidate {
  actor: string | null;
  /** Whether the candidate keeps the section the previous sentence was in. */
  keep: boolean;
  features: Record<string, number>;
}

/** Where the reading stands when a sentence is reached: its section and the receivers addressed so far. */
export interface SectionState {
  current: string | null;
  addressed: ReadonlySet<string>;
  /** Sentences since the current section (or the body) started. */
  since: number;
}

/** What the rule reads of one body sentence. */
interface Reading {
  opens: boolean;
  /** The first body paragraph. */
  lead: boolean;
  cue: string | null;
  /** The receiver the rule would start here: a cue, a question's topic or the paragraph's topic. */
  rule: string | null;
  ruleKind: 'cue' | 'question' | 'topic' | null;
  /** Where the sentence stands in the body, 0 to 1. */
  position: number;
  subject: string | null;
  /** Mentions per actor in the sentence (the sender's left out), and in its paragraph. */
  named: Map<string, number>;
  inParagraph: Map<string, number>;
  first: string | null;
}

const count = (sentences: Sentence[], sender: string): Map<string, number> => {
  const n = new Map<string, number>();
  for (const s of sentences) for (const m of s.mentions) if (m.actor !== sender) n.set(m.actor, (n.get(m.actor) ?? 0) + 1);
  return n;
};

/** The chooser's view of an article: where its receiver cues stand, its receivers' counts, and each body sentence as the rule reads it. */
export interface SectionReadings {
  /** What the rule reads of sentence k; null outside the body. */
  reading: (k: number) => Reading | null;
  /** Sentence indexes of the receiver cues per actor. */
  cuedAt: Map<string, number[]>;
  firstCue: number;
  shares: Map<string, number>;
  top: string | null;
}

/** Finds the article's receiver cues and counts its receivers; reads a sentence when asked (a long input keeps no reading of every sentence). */
export function readSections(input: string, sentences: Sentence[], paragraphs: Paragraph[], sender: string): SectionReadings {
  const body = sentences.filter((s) => paragraphs[s.paragraph]?.role === 'body');
  const place = new Map(body.map((s, n) => [s.index, n]));
  const cuedAt = new Map<string, number[]>();
  let firstCue = Infinity;
  // Each body sentence's receiver cue, read once: the article's cues are counted here, and each sentence's reading reuses its own.
  const cues = body.map((s) => sectionCue(input, s, sender));
  for (const [n, s] of body.entries()) {
    const cue = cues[n]!;
    if (cue === null) continue;
    const at = cuedAt.get(cue);
    if (at) at.push(s.index);
    else cuedAt.set(cue, [s.index]);
    firstCue = Math.min(firstCue, s.index);
  }
  const all = count(body, sender);
  const total = [...all.values()].reduce((a, b) => a + b, 0) || 1;
  const leadParagraph = body[0]?.paragraph ?? -1;
  let paragraphCounts: { paragraph: number; counts: Map<string, number> } | null = null;
  const inParagraph = (paragraph: number, n: number): Map<string, number> => {
    if (paragraphCounts?.paragraph !== paragraph) {
      let from = n;
      while (from > 0 && body[from - 1]!.paragraph === paragraph) from--;
      let to = n;
      while (to + 1 < body.length && body[to + 1]!.paragraph === paragraph) to++;
      paragraphCounts = { paragraph, counts: count(body.slice(from, to + 1), sender) };
    }
    return paragraphCounts.counts;
  };
  const reading = (k: number): Reading | null => {
    const n = place.get(k);
    if (n === undefined) return null;
    const s = body[n]!;
    const opens = n === 0 || body[n - 1]!.paragraph !== s.paragraph;
    const cue = cues[n]!;
    const question = opens && QUESTION_LINE.test(s.text);
    const rule = cue ?? (opens ? (question ? questionTopic(sentences, k, sender) : paragraphTopic(input, s, sender)) : null);
    const subject = openingSubject(input, s)?.actor ?? null;
    return {
      opens,
      lead: s.paragraph === leadParagraph,
      cue,
      rule,
      ruleKind: rule === null ? null : cue ? 'cue' : question ? 'question' : 'topic',
      position: body.length > 1 ? n / (body.length - 1) : 0,
      subject: subject === sender ? null : subject,
      named: count([s], sender),
      inParagraph: inParagraph(s.paragraph, n),
      first: s.mentions.find((m) => m.actor !== sender && m.form !== 'pronoun')?.actor ?? null,
    };
  };
  return {
    reading,
    cuedAt,
    firstCue,
    shares: new Map([...all].map(([a, n]) => [a, n / total])),
    top: [...all].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0] ?? null,
  };
}

const log1p = Math.log1p;

/** The candidates for body sentence `k` given the state the reading is in; null for a sentence outside the body. */
export function sectionCandidates(view: SectionReadings, k: number, state: SectionState): SectionCandidate[] | null {
  const r = view.reading(k);
  if (!r) return null;
  const opens = r.opens ? 1 : 0;
  const cueLater = k < view.firstCue ? 1 : 0;
  const { current } = state;
  const keep: Record<string, number> = {
    'keep:bias': 1,
    'keep:opens': opens,
    'keep:null': current === null ? 1 : 0,
    'keep:null-before-cue': current === null ? cueLater : 0,
    'keep:null-lead': current === null && r.lead ? 1 : 0,
    'keep:since': log1p(state.since),
    'keep:other-cue': r.cue !== null && r.cue !== current ? 1 : 0,
    'keep:other-rule': r.rule !== null && r.rule !== current ? opens : 0,
    'keep:position': r.position,
  };
  if (current !== null) {
    keep['keep:named'] = log1p(r.named.get(current) ?? 0);
    keep['keep:named-paragraph'] = log1p(r.inParagraph.get(current) ?? 0);
    keep['keep:subject'] = r.subject === current ? 1 : 0;
    keep['keep:first'] = r.first === current ? 1 : 0;
    keep['keep:nothing-named'] = r.named.size === 0 ? 1 : 0;
    keep['keep:cued-later'] = (view.cuedAt.get(current) ?? []).some((i) => i > k) ? 1 : 0;
    keep['keep:share'] = view.shares.get(current) ?? 0;
  }
  const candidates: SectionCandidate[] = [{ actor: current, keep: true, features: keep }];
  if (current !== null) {
    candidates.push({
      actor: null,
      keep: false,
      features: { 'none:bias': 1, 'none:opens': opens, 'none:nothing-named': r.named.size === 0 ? 1 : 0, 'none:since': log1p(state.since) },
    });
  }
  const actors = new Set([...r.named.keys(), ...(r.rule ? [r.rule] : [])]);
  for (const actor of [...actors].sort()) {
    if (actor === current) continue;
    const cued = view.cuedAt.get(actor) ?? [];
    const f: Record<string, number> = {
      'actor:bias': 1,
      'actor:opens': opens,
      'actor:cue': r.cue === actor ? 1 : 0,
      'actor:rule': r.rule === actor ? 1 : 0,
      'actor:rule-mid': r.rule === actor && !r.opens ? 1 : 0,
      'actor:subject': r.subject === actor ? 1 : 0,
      'actor:subject-opens': r.subject === actor ? opens : 0,
      'actor:first': r.first === actor ? 1 : 0,
      'actor:named': log1p(r.named.get(actor) ?? 0),
      'actor:paragraph': log1p(r.inParagraph.get(actor) ?? 0),
      'actor:addressed': state.addressed.has(actor) ? 1 : 0,
      'actor:cued-later': cued.some((i) => i > k) ? 1 : 0,
      'actor:cued-earlier': cued.some((i) => i < k) ? 1 : 0,
      'actor:share': view.shares.get(actor) ?? 0,
      'actor:top': view.top === actor ? 1 : 0,
      'actor:before-cue': cueLater,
      'actor:lead': r.lead ? 1 : 0,
      'actor:from-null': current === null ? 1 : 0,
      'actor:rule-question': r.rule === actor && r.ruleKind === 'question' ? 1 : 0,
      'actor:rule-topic': r.rule === actor && r.ruleKind === 'topic' ? 1 : 0,
      'actor:rule-from-null': r.rule === actor && current === null ? 1 : 0,
      'actor:rule-addressed': r.rule === actor && state.addressed.has(actor) ? 1 : 0,
      'actor:rule-before-cue': r.rule === actor ? cueLater : 0,
      'actor:more-than-current': (r.inParagraph.get(actor) ?? 0) > (current === null ? 0 : r.inParagraph.get(current) ?? 0) ? 1 : 0,
      'actor:position': r.position,
    };
    candidates.push({ actor, keep: false, features: f });
  }
  return candidates;
}

/** The section chooser's weights, as model/sections.json stores them: the sender chooser's format. */
export type SectionModel = SenderModel;

/** The committed section chooser, or null where there is none (the rule decides then). */
export const defaultSectionModel = committedJson<SectionModel>('sections.json');

/**
 * Sets `messageTo` on body sentences, left to right: by the chooser where there is one, else by
 * the rule (ANALYSIS.md §4: a section starts at a cue naming its receiver, a briefing's question
 * or a paragraph whose topic is the receiver, and runs until the next starts or the body ends).
 */
export function assignSections(input: string, sentences: Sentence[], paragraphs: Paragraph[], sender: string | null, model: SectionModel | null): void {
  // A report with no sender has no messages, so no sections.
  if (sender === null) {
    for (const s of sentences) s.messageTo = null;
    return;
  }
  const view = readSections(input, sentences, paragraphs, sender);
  const addressed = new Set<string>();
  let state: SectionState = { current: null, addressed, since: 0 };
  for (const [k, s] of sentences.entries()) {
    const next = model === null ? ruleChoice(view, k, state) : bestOf(model, sectionCandidates(view, k, state));
    if (next === null) {
      s.messageTo = null;
      continue;
    }
    s.messageTo = next.actor;
    if (next.actor !== null) addressed.add(next.actor);
    state = { current: next.actor, addressed, since: next.keep ? state.since + 1 : 0 };
  }
}

type Choice = Pick<SectionCandidate, 'actor' | 'keep'>;

/** The rule's choice for sentence k: the receiver a cue, a question or the paragraph's topic names, else the current section; null outside the body. */
function ruleChoice(view: SectionReadings, k: number, state: SectionState): Choice | null {
  const rule = view.reading(k)?.rule;
  if (rule === undefined) return null;
  return rule === null || rule === state.current ? { actor: state.current, keep: true } : { actor: rule, keep: false };
}

/** The best-scored candidate (the first of equals); no probability or reasons are kept, so none are worked out. */
function bestOf(model: SectionModel, candidates: SectionCandidate[] | null): Choice | null {
  if (candidates === null) return null;
  let best = candidates[0]!;
  let bestScore = candidateScore(model, best);
  for (const c of candidates.slice(1)) {
    const score = candidateScore(model, c);
    if (score > bestScore) {
      best = c;
      bestScore = score;
    }
  }
  return best;
}
