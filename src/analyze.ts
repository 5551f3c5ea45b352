/**
 * The analysis pipeline: text and options in, a typed result out. No I/O.
 */
import { createHash } from 'node:crypto';
import { defaultActorSet, type ActorSet } from './actors.js';
import { findNames, learnSurnames, resolvePronouns, type MentionContext } from './mentions.js';
import { FAMILY_NAME_FIRST_ACTORS } from './data/actors.js';
import { LEADING_DATELINE } from './data/layout.js';
import { assignSections, findSender, summarize } from './messages.js';
import { readText, type Token } from './nlp.js';
import { assignRoles, missedSentenceStarts, paragraphSpans, readMeta, sentenceSpans } from './segment.js';
import { sentenceStance } from './stance.js';
import { ANALYSED_ROLES, buildDyads } from './dyads.js';
import { postureOf } from './posture.js';
import { allFeatures, pairFeatures, type PairFeatures } from './features.js';
import { classifySentence, defaultModel, type StanceModel } from './reader.js';
import { readStructure, sentenceShape } from './structure.js';
import type {
  ActorDefinition,
  ActorReport,
  AnalysisResult,
  InputInfo,
  Message,
  SenderEvidence,
  Sentence,
  Span,
  Tally,
} from './types.js';
import { VERSION } from './version.js';

export interface AnalyzeOptions {
  actorSet?: ActorSet;
  /** Force the sender instead of finding it. */
  sender?: string;
  /** Summary sentences per receiver. */
  top?: number;
  /** Described in the result's `input`; the analysis itself never reads files. */
  input?: Partial<InputInfo>;
  /** The date (YYYY-MM-DD) at which leaders' terms are judged; else the article's own date. */
  asOf?: string;
  /** Which reader decides stances: the learned model (default, where one is trained) or the rules alone. */
  reader?: 'learned' | 'rules';
  /** A model to use instead of the committed one (training and evaluation). */
  model?: StanceModel | null;
  /** Record, per stance, the features that weighed most (for `--explain`). */
  explain?: boolean;
  /** Called with every analysed sentence's pair features (training). */
  onFeatures?: (sentence: number, features: Map<string, string[]>) => void;
}

const FAMILY_FIRST = new Set(FAMILY_NAME_FIRST_ACTORS);


const emptyTally = (): Tally => ({ cooperative: 0, conflictual: 0, neutral: 0 });

/** Tokens of `all` inside `span`, found from `cursor` on (both are in text order). */
function tokensIn(all: Token[], span: Span, cursor: { at: number }): Token[] {
  while (cursor.at < all.length && all[cursor.at]!.start < span.start) cursor.at++;
  const from = cursor.at;
  let to = from;
  while (to < all.length && all[to]!.end <= span.end) to++;
  return all.slice(from, to);
}

export function analyze(text: string, options: AnalyzeOptions = {}): AnalysisResult {
  if (typeof text !== 'string') {
    const value = text as unknown;
    const got = value === null ? 'null' : value instanceof Uint8Array ? 'bytes (decode them first with decode())' : typeof value;
    throw new TypeError(`analyze(text): text must be a string; got ${got}`);
  }
  const input = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const set = options.actorSet ?? defaultActorSet();
  const warnings: string[] = [];
  const model = options.reader === 'rules' ? null : options.model === undefined ? defaultModel() : options.model;

  const paragraphs = assignRoles(input, paragraphSpans(input));
  const meta = readMeta(input, paragraphs);
  const doc = readText(input);
  const sentenceStarts = [...new Set([...doc.sentences.map((s) => s.start), ...missedSentenceStarts(input)])].sort((a, b) => a - b);

  const excluded: Span[] = [];
  // "By Choe Min-ho, Washington": a byline place that is a state's name is a dateline, not a publisher.
  if (meta.publisher && namesOnly(meta.publisher, set)) meta.publisher = null;
  if (meta.publisher && meta.publisher.length > 2) {
    for (let at = input.indexOf(meta.publisher); at >= 0; at = input.indexOf(meta.publisher, at + 1)) {
      excluded.push({ start: at, end: at + meta.publisher.length });
    }
  }
  // "BEIJING, Feb. 13 — North Korea agreed ...": the dateline names where the story was filed.
  for (const p of paragraphs) {
    if (p.role !== 'body') continue;
    const dateline = LEADING_DATELINE.exec(input.slice(p.start, Math.min(p.end, p.start + 120)));
    if (dateline) excluded.push({ start: p.start, end: p.start + dateline[0].length });
  }
  excluded.sort((a, b) => a.start - b.start);
  const containsCache = new Map<string, boolean>();
  const context: MentionContext = {
    contains: (word) => {
      if (!containsCache.has(word)) containsCache.set(word, input.includes(word));
      return containsCache.get(word)!;
    },
    excluded,
    surnames: new Map(),
  };

  // Leaders named in full anywhere in the article make their bare surnames count everywhere ("Kim and Putin Meet").
  for (const paragraph of paragraphs) {
    if (ANALYSED_ROLES.has(paragraph.role)) learnSurnames(findNames(input, paragraph, set, { ...context, surnames: undefined }).mentions, context.surnames!, FAMILY_FIRST);
  }

  const sentences: Sentence[] = [];
  const otherCounts = new Map<string, number>();
  const cursor = { at: 0 };
  let previous: Sentence | null = null;
  for (const paragraph of paragraphs) {
    const analysed = ANALYSED_ROLES.has(paragraph.role);
    for (const span of sentenceSpans(input, paragraph, sentenceStarts)) {
      const sentence: Sentence = {
        index: sentences.length,
        paragraph: paragraph.index,
        start: span.start,
        end: span.end,
        text: input.slice(span.start, span.end),
        tone: 'neutral',
        mentions: [],
        stances: {},
        confidence: {},
        cues: [],
        messageTo: null,
      };
      const tokens = tokensIn(doc.tokens, span, cursor);
      if (analysed) {
        const found = findNames(input, span, set, context);
        for (const other of found.others) otherCounts.set(other, (otherCounts.get(other) ?? 0) + 1);
        sentence.mentions = found.mentions;
        const pronouns = resolvePronouns(input, sentence, previous).filter(
          (p) => !sentence.mentions.some((m) => m.start < p.end && m.end > p.start),
        );
        if (pronouns.length > 0) sentence.mentions = [...sentence.mentions, ...pronouns].sort((a, b) => a.start - b.start);
        const stance = sentenceStance(input, tokens, sentence.mentions);
        sentence.cues = stance.cues;
        sentence.stances = stance.stances;
        sentence.tone = stance.tone;
        if (sentence.mentions.length > 0 && (model || options.onFeatures)) {
          const features = pairFeatures({
            tokens,
            clauses: stance.clauses,
            background: stance.background,
            cues: stance.found,
            readings: readStructure(input, tokens, stance.clauses, sentence.mentions),
            addressed: new Set(sentence.mentions.flatMap((m, k) => (stance.addressed.has(m) ? [k] : []))),
            shape: sentenceShape(tokens),
            ruleStances: stance.stances,
            ruleTone: stance.tone,
            role: paragraph.role,
          });
          options.onFeatures?.(sentence.index, allFeatures(features));
          if (model) readStances(sentence, features, model, options.explain === true);
        }
        previous = sentence;
      }
      sentences.push(sentence);
    }
  }

  markFormerLeaders(sentences, set, options.asOf ?? meta.date);
  const analysedSentences = sentences.filter((s) => ANALYSED_ROLES.has(paragraphs[s.paragraph]!.role));
  const known = new Set(set.actors.map((a) => a.id));
  let senderEvidence: SenderEvidence;
  if (options.sender !== undefined) {
    if (!known.has(options.sender)) throw new RangeError(`unknown sender "${options.sender}"`);
    senderEvidence = { sender: options.sender, method: 'given', confidence: 1, sentences: [], votes: [] };
  } else {
    senderEvidence = findSender(input, analysedSentences, stateVoice(meta.publisher, set));
  }
  const sender = senderEvidence.sender;
  assignSections(input, sentences, paragraphs, sender);

  const actors = reportActors(set, sentences, analysedSentences, sender, options.top ?? 3);
  const dyads = buildDyads(analysedSentences, set.actors.map((a) => a.id), sender);
  if (analysedSentences.length === 0) warnings.push('no analysable text: the input has no title, deck or body sentences');
  else if (actors.every((a) => a.mentions === 0)) warnings.push('no actor of the set is mentioned; the result is empty');

  return {
    schemaVersion: 1,
    tool: { name: 'nkmsg', version: VERSION },
    input: {
      path: options.input?.path ?? '-',
      bytes: options.input?.bytes ?? Buffer.byteLength(text, 'utf8'),
      encoding: options.input?.encoding ?? 'utf-8',
      sha256: options.input?.sha256 ?? createHash('sha256').update(text, 'utf8').digest('hex'),
      ...(options.input?.id !== undefined ? { id: options.input.id } : {}),
      ...(options.input?.line !== undefined ? { line: options.input.line } : {}),
      ...(options.input?.date !== undefined ? { date: options.input.date } : {}),
      ...(options.input?.source !== undefined ? { source: options.input.source } : {}),
    },
    meta,
    sender,
    senderEvidence,
    paragraphs,
    sentences,
    actors,
    dyads,
    others: [...otherCounts].map(([name, mentions]) => ({ name, mentions })),
    warnings,
  };
}

const sameTally = (a: Tally, b: Tally): boolean => a.cooperative === b.cooperative && a.conflictual === b.conflictual && a.neutral === b.neutral;
const counts = (t: Tally): string => `${t.cooperative} cooperative, ${t.conflictual} conflictual, ${t.neutral} neutral`;

/**
 * The message to one receiver: its section, a summary, and a verdict from the
 * receiver's stances in the section (the message as sent), with the
 * whole-article tally beside it where that differs.
 */
function messageTo(receiver: ActorDefinition, senderName: string, sender: string, section: Sentence[], whole: Tally, top: number): Message {
  const tally = emptyTally();
  let uncertain = 0;
  for (const s of section) {
    if (!s.mentions.some((m) => m.actor === receiver.id)) continue;
    tally[s.stances[receiver.id] ?? 'neutral']++;
    if ((s.confidence[receiver.id] ?? 1) < 0.5) uncertain++;
  }
  const posture = postureOf(tally);
  const beside = sameTally(tally, whole) ? '' : `; whole article: ${postureOf(whole)} (${counts(whole)})`;
  return {
    from: sender,
    sentences: section.map((s) => s.index),
    summary: summarize(section, receiver.id, top),
    tally,
    posture,
    verdict: `${senderName} -> ${receiver.name}: ${posture} (${counts(tally)})${beside}`,
    uncertain,
  };
}

/** Stances, their confidence and (for --explain) their reasons, from the learned reader. */
function readStances(sentence: Sentence, features: PairFeatures, model: StanceModel, explain: boolean): void {
  const because: NonNullable<Sentence['because']> = {};
  for (const [actor, reading] of classifySentence(model, features.shared, features.own, explain ? 3 : 0)) {
    sentence.stances[actor] = reading.stance;
    sentence.confidence[actor] = reading.confidence;
    if (explain) because[actor] = reading.because;
  }
  if (explain) sentence.because = because;
}

/** Flags leaders named outside their years in office at `date` ("former President Carter" in 1994). */
function markFormerLeaders(sentences: Sentence[], set: ActorSet, date: string | null): void {
  const year = date ? Number(date.slice(0, 4)) : NaN;
  if (!Number.isInteger(year)) return;
  const terms = new Map(set.actors.map((a) => [a.id, a.terms ?? {}]));
  for (const s of sentences) {
    for (const m of s.mentions) {
      if (m.form !== 'leader') continue;
      const term = terms.get(m.actor)?.[m.surface.replace(/\s+/g, ' ')];
      if (term && (year < term[0] || (term[1] !== null && year > term[1]))) m.former = true;
    }
  }
}

/** The actor whose state media published the article ("KCNA", "Xinhua"), if the publisher is one. */
function stateVoice(publisher: string | null, set: ActorSet): string | null {
  if (!publisher) return null;
  const found = findNames(publisher, { start: 0, end: publisher.length }, set, { contains: () => true, excluded: [] });
  const whole = found.mentions.find((m) => m.start === 0 && m.end === publisher.length && m.form === 'institution');
  return whole?.actor ?? null;
}

/** Whether `text` is wholly one actor's or another state's name. */
function namesOnly(text: string, set: ActorSet): boolean {
  const found = findNames(text, { start: 0, end: text.length }, set, { contains: () => true, excluded: [] });
  // State media ("KCNA", "TASS") publish; only a place name in the publisher's slot is a dateline.
  return found.mentions.some((m) => m.start === 0 && m.end === text.length && m.form !== 'institution') || (found.others.length === 1 && !/\s/.test(text));
}

/** Per actor: mentions, tally and posture over the analysed sentences, and its message section with a summary. */
function reportActors(set: ActorSet, sentences: Sentence[], analysed: Sentence[], sender: string | null, top: number): ActorReport[] {
  const tallies = new Map(set.actors.map((a) => [a.id, { mentions: 0, sentences: 0, uncertain: 0, tally: emptyTally() }]));
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
    const { mentions, sentences: mentioning, uncertain, tally } = tallies.get(a.id)!;
    const posture = postureOf(tally);
    const section = sections.get(a.id) ?? [];
    const message = a.id === sender || section.length === 0 || sender === null ? null : messageTo(a, senderName!, sender, section, tally, top);
    return { id: a.id, name: a.name, country: a.country, mentions, sentences: mentioning, tally, uncertain, posture, message };
  });
}
