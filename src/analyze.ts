/**
 * The analysis pipeline: text and options in, a typed result out. No I/O.
 */
import { defaultActorSet, leaderTerms, someIds, type ActorSet } from './actors.js';
import { findNames, learnSurnames, resolvePronouns, type MentionContext } from './mentions.js';
import { FAMILY_NAME_FIRST_ACTORS } from './data/actors.js';
import { LEADING_DATELINE } from './data/layout.js';
import { STATE_OUTLETS } from './data/messages.js';
import { findSender } from './messages.js';
import { assignSections, defaultSectionModel, readSections, type SectionModel, type SectionReadings } from './sections.js';
import { defaultSenderModel, type SenderCandidate, type SenderModel } from './sender.js';
import { reportArticle, type StanceLikelihoods } from './report.js';
import { readWindows, type TextWindow, type Token } from './nlp.js';
import { assignRoles, missedSentenceStarts, paragraphSpans, publisherAsWritten, readMeta, sentenceSpans, titleClues, unreadBylines } from './segment.js';
import { sentenceStance } from './stance.js';
import { ANALYSED_ROLES } from './dyads.js';
import { allFeatures, pairFeatures, type PairFeatures } from './features.js';
import { classifySentence, defaultModel, type StanceModel } from './reader.js';
import { cueAndRule, defaultContextModel, readInContext, type ContextModel, type FirstReading } from './context.js';
import { readStructure, sentenceShape, type MentionReading } from './structure.js';
import type { AnalysisResult, InputInfo, Mention, Meta, Paragraph, SenderEvidence, Sentence, Span, Stance, Term } from './types.js';
import { VERSION } from './version.js';
import { sha256 } from './hash.js';
import { isCalendarDate } from './dates.js';

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
  /**
   * The second stage, which reads each stance in its article's context (src/context.ts): the
   * committed one by default; null: the first stage's stances stand (evaluating a model fitted
   * without its own second stage).
   */
  contextModel?: ContextModel | null;
  /** Record, per stance, the features that weighed most (for `--explain`). */
  explain?: boolean;
  /** Called with every analysed sentence's pair features (training). */
  onFeatures?: (sentence: number, features: Map<string, string[]>) => void;
  /** Called with the part each mention plays in its clause, per analysed sentence with mentions (scoring the structure stage). */
  onStructure?: (sentence: number, readings: readonly MentionReading[]) => void;
  /** Called after each paragraph is read, with the characters read so far and the input's length, and after each later stage. */
  onProgress?: (read: number, length: number) => void;
  /**
   * Characters of text wink-nlp reads at a time, in whole paragraphs (default
   * 128 KB): it bounds the memory a long input takes. The result does not
   * depend on it; tests set it small to check that.
   */
  window?: number;
  /** A sender chooser to use instead of the committed one (training and evaluation); null: the hand-ordered methods. */
  senderModel?: SenderModel | null;
  /** Called with the sender's candidates and their features (training the chooser). */
  onSenderCandidates?: (candidates: SenderCandidate[]) => void;
  /** A section chooser to use instead of the committed one (training and evaluation); null: the rule. */
  sectionModel?: SectionModel | null;
  /** Called with the section chooser's view of the article (training it). */
  onSections?: (view: SectionReadings, sentences: Sentence[]) => void;
}

const FAMILY_FIRST = new Set(FAMILY_NAME_FIRST_ACTORS);


/** A committed model that was wanted but could not be read: the reading falls back, and says so. */
function missingModels(options: AnalyzeOptions): string[] {
  const missing: string[] = [];
  if (options.reader !== 'rules' && options.model === undefined && defaultModel() === null) {
    missing.push('the stance model (model/stance.json) could not be read; stances come from the rules alone');
  }
  const firstStageRead = options.reader !== 'rules' && (options.model === undefined ? defaultModel() !== null : options.model !== null);
  if (firstStageRead && options.contextModel === undefined && defaultContextModel() === null) {
    missing.push('the stance model\'s second stage (model/context.json) could not be read; stances come from its first stage alone');
  }
  if (options.sender === undefined && options.senderModel === undefined && defaultSenderModel() === null) {
    missing.push('the sender chooser (model/sender.json) could not be read; the sender comes from the hand-ordered methods');
  }
  if (options.sectionModel === undefined && defaultSectionModel() === null) {
    missing.push('the section chooser (model/sections.json) could not be read; message sections come from the rule alone');
  }
  return missing;
}

/** Options a caller from plain JavaScript may get wrong, refused with the reason rather than failing later or silently. */
function checkOptions(options: AnalyzeOptions): void {
  const refuse = (problem: string): string => `analyze(text, options): ${problem}`;
  if (typeof options !== 'object' || options === null || Array.isArray(options)) throw new TypeError(refuse('options must be an object (or left out)'));
  const { actorSet, asOf, top, reader, sender, window, explain } = options;
  // The wrong kind of value is a TypeError, a value of the right kind out of range a RangeError.
  const kinds: [string, unknown, string][] = [['asOf', asOf, 'string'], ['top', top, 'number'], ['window', window, 'number'], ['reader', reader, 'string'], ['explain', explain, 'boolean']];
  for (const [name, value, kind] of kinds) {
    if (value !== undefined && typeof value !== kind) throw new TypeError(refuse(`options.${name} must be a ${kind}; got ${value === null ? 'null' : `a ${typeof value}`}`));
  }
  if (actorSet !== undefined && !(actorSet !== null && Array.isArray(actorSet.actors) && actorSet.index instanceof Map)) {
    throw new TypeError(refuse('options.actorSet must be a set made by compileActorSet() or defaultActorSet()'));
  }
  if (sender !== undefined && typeof sender !== 'string') throw new TypeError(refuse('options.sender must be an actor id (a string)'));
  if (asOf !== undefined && !isCalendarDate(asOf)) throw new RangeError(refuse(`options.asOf must be a calendar date written YYYY-MM-DD; got ${String(asOf)}`));
  if (top !== undefined && !(Number.isInteger(top) && top >= 0)) throw new RangeError(refuse(`options.top must be a whole number, 0 or more; got ${String(top)}`));
  if (window !== undefined && !((Number.isInteger(window) || window === Infinity) && window > 0)) {
    throw new RangeError(refuse(`options.window must be a whole number of characters above 0 (or Infinity); got ${String(window)}`));
  }
  if (reader !== undefined && reader !== 'learned' && reader !== 'rules') throw new RangeError(refuse(`options.reader must be "learned" or "rules"; got ${String(reader)}`));
}

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
  checkOptions(options);
  const input = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const set = options.actorSet ?? defaultActorSet();
  const model = options.reader === 'rules' ? null : options.model === undefined ? defaultModel() : options.model;
  const contextModel = model === null ? null : options.contextModel === undefined ? defaultContextModel() : options.contextModel;

  const article = readArticle(input, set);
  const { sentences, others, firstReadings } = readSentences(input, article, set, model, options);
  const stageDone = (): void => options.onProgress?.(input.length, input.length);
  const likelihoods = contextModel ? readStancesInContext(sentences, firstReadings, contextModel, options.explain === true) : stanceLikelihoods(firstReadings);
  for (const s of sentences) settleTone(s);
  stageDone();
  markFormerLeaders(sentences, set, options.asOf ?? article.dateClue);
  const analysed = sentences.filter((s) => ANALYSED_ROLES.has(article.paragraphs[s.paragraph]!.role));
  const senderEvidence = senderOf(input, analysed, article, set, options);
  const sender = senderEvidence.sender;
  stageDone();
  const sectionModel = options.sectionModel === undefined ? defaultSectionModel() : options.sectionModel;
  if (sender !== null && options.onSections) options.onSections(readSections(input, sentences, article.paragraphs, sender), sentences);
  assignSections(input, sentences, article.paragraphs, sender, sectionModel);
  stageDone();
  const { actors, dyads } = reportArticle(set, sentences, analysed, sender, options.top ?? 3, model ? likelihoods : null);

  const warnings: string[] = missingModels(options);
  for (const p of unreadBylines(input, article.paragraphs)) {
    const text = input.slice(p.start, p.end).trim().replace(/\s+/g, ' ');
    warnings.push(`paragraph ${p.index} looks like a byline but was read as body text ("${text.length > 80 ? `${text.slice(0, 79)}…` : text}"): its author, publisher or date may be missing`);
  }
  if (analysed.length === 0) warnings.push('no analysable text: the input has no title, deck or body sentences');
  else if (actors.every((a) => a.mentions === 0)) warnings.push('no actor of the set is mentioned; the result is empty');
  else if (options.sender !== undefined && actors.find((a) => a.id === options.sender)?.mentions === 0) {
    warnings.push(`the sender given, "${options.sender}", is never mentioned in the article`);
  }
  return {
    schemaVersion: 1,
    tool: { name: 'nkmsg', version: VERSION },
    input: inputInfo(text, options.input),
    meta: article.meta,
    sender,
    senderEvidence,
    paragraphs: article.paragraphs,
    sentences,
    actors,
    dyads,
    others: [...others].map(([name, mentions]) => ({ name, mentions })),
    warnings,
  };
}

function inputInfo(text: string, given: Partial<InputInfo> | undefined): InputInfo {
  return {
    path: given?.path ?? '-',
    bytes: given?.bytes ?? Buffer.byteLength(text, 'utf8'),
    encoding: given?.encoding ?? 'utf-8',
    sha256: given?.sha256 ?? sha256(text),
    ...(given?.id !== undefined ? { id: given.id } : {}),
    ...(given?.line !== undefined ? { line: given.line } : {}),
    ...(given?.date !== undefined ? { date: given.date } : {}),
    ...(given?.source !== undefined ? { source: given.source } : {}),
  };
}

/** What the sentence stage reads from: the layout, the sentence starts wink misses and where names may be found. */
interface ReadArticle {
  paragraphs: Paragraph[];
  meta: Meta;
  /** The publisher as evidence of the sender reads it: the byline's, else the ministry a briefing's title names. */
  publisherClue: string | null;
  /** The article's date, else the title's: the day at which officials' terms are judged. */
  dateClue: string | null;
  missedStarts: number[];
  context: MentionContext;
}

function readArticle(input: string, set: ActorSet): ReadArticle {
  const paragraphs = assignRoles(input, paragraphSpans(input));
  const meta = readMeta(input, paragraphs, (name) => namesOnly(name, set));
  const missedStarts = missedSentenceStarts(input);
  // "By Choe Min-ho, Washington": a byline place that is a state's name is a dateline, not a publisher.
  if (meta.publisher && namesOnly(meta.publisher, set)) meta.publisher = null;
  const fromTitle = titleClues(input, paragraphs);
  const publisherClue = meta.publisher ?? fromTitle.institution;
  const containsCache = new Map<string, boolean>();
  const context: MentionContext = {
    contains: (word) => {
      if (!containsCache.has(word)) containsCache.set(word, input.includes(word));
      return containsCache.get(word)!;
    },
    excluded: notNames(input, paragraphs, publisherClue && publisherAsWritten(input, paragraphs, publisherClue)),
    surnames: new Map(),
  };
  // Leaders named in full anywhere in the article make their bare surnames count everywhere ("Kim and Putin Meet").
  for (const paragraph of paragraphs) {
    if (ANALYSED_ROLES.has(paragraph.role)) learnSurnames(findNames(input, paragraph, set, { ...context, surnames: undefined }).mentions, context.surnames!, FAMILY_FIRST);
  }
  return { paragraphs, meta, publisherClue, dateClue: meta.date ?? fromTitle.date, missedStarts, context };
}

/** The actors named anywhere in `spans` of `text`, each once. */
function actorsNamed(text: string, spans: Span[], set: ActorSet): string[] {
  const found = spans.flatMap((span) => findNames(text, span, set, { contains: () => true, excluded: [] }).mentions);
  return [...new Set(found.map((m) => m.actor))];
}

/** "BEIJING, Feb. 13 — North Korea agreed ...": datelines that open body paragraphs, naming where the story was filed. */
function bodyDatelines(input: string, paragraphs: Paragraph[]): Span[] {
  const spans: Span[] = [];
  for (const p of paragraphs) {
    if (p.role !== 'body') continue;
    const dateline = LEADING_DATELINE.exec(input.slice(p.start, Math.min(p.end, p.start + 120)));
    if (dateline) spans.push({ start: p.start, end: p.start + dateline[0].length });
  }
  return spans;
}

/** Spans whose names are not mentions: the publisher's name, and body datelines. */
function notNames(input: string, paragraphs: Paragraph[], publisher: string | null): Span[] {
  const excluded: Span[] = [];
  if (publisher && publisher.length > 2) {
    for (let at = input.indexOf(publisher); at >= 0; at = input.indexOf(publisher, at + 1)) {
      excluded.push({ start: at, end: at + publisher.length });
    }
  }
  excluded.push(...bodyDatelines(input, paragraphs));
  return excluded.sort((a, b) => a.start - b.start);
}

/** Every sentence of every paragraph; those of the title, deck and body with mentions and stances. */
const WHITE_SPACE = /\s/;

function readSentences(input: string, article: ReadArticle, set: ActorSet, model: StanceModel | null, options: AnalyzeOptions): { sentences: Sentence[]; others: Map<string, number>; firstReadings: FirstReading[] } {
  const sentences: Sentence[] = [];
  const others = new Map<string, number>();
  const firstReadings: FirstReading[] = [];
  // wink's reading, a window of whole paragraphs at a time: only the current window's tokens are kept.
  const windows = readWindows(input, { paragraphs: article.paragraphs, window: options.window });
  let window: TextWindow = { start: 0, end: 0, tokens: [], sentences: [] };
  let starts: number[] = [];
  const missed = { at: 0 };
  let cursor = { at: 0 };
  let previous: Sentence | null = null;
  for (const paragraph of article.paragraphs) {
    while (paragraph.start >= window.end) {
      const next = windows.next();
      if (next.done) break;
      window = next.value;
      starts = sentenceStarts(input, window, article.missedStarts, missed);
      cursor = { at: 0 };
    }
    const analysed = ANALYSED_ROLES.has(paragraph.role);
    for (const span of sentenceSpans(input, paragraph, starts)) {
      const sentence = emptySentence(input, sentences.length, paragraph.index, span);
      const tokens = tokensIn(window.tokens, span, cursor);
      if (analysed) {
        const found = findNames(input, span, set, article.context);
        for (const other of found.others) others.set(other, (others.get(other) ?? 0) + 1);
        sentence.mentions = withPronouns(input, sentence, found.mentions, previous);
        firstReadings.push(...readSentence(input, sentence, tokens, paragraph.role, model, options));
        previous = sentence;
      }
      sentences.push(sentence);
    }
    options.onProgress?.(paragraph.end, input.length);
  }
  return { sentences, others, firstReadings };
}

/**
 * Sentence starts in `window`: wink's and the ones it missed (in text order, read on from `cursor`), in order.
 * A sentence starts after white space: wink's start inside "Japan-U.S." is dropped.
 */
function sentenceStarts(input: string, window: TextWindow, missed: number[], cursor: { at: number }): number[] {
  const starts = window.sentences.map((s) => s.start).filter((at) => at === 0 || WHITE_SPACE.test(input[at - 1]!));
  while (cursor.at < missed.length && missed[cursor.at]! < window.start) cursor.at++;
  for (; cursor.at < missed.length && missed[cursor.at]! < window.end; cursor.at++) starts.push(missed[cursor.at]!);
  return [...new Set(starts)].sort((a, b) => a - b);
}

const emptySentence = (input: string, index: number, paragraph: number, span: Span): Sentence => ({
  index,
  paragraph,
  start: span.start,
  end: span.end,
  text: input.slice(span.start, span.end),
  tone: 'neutral',
  mentions: [],
  stances: {},
  confidence: {},
  cues: [],
  messageTo: null,
});

/** The sentence's mentions with the pronouns that refer back to an actor, in text order. */
function withPronouns(input: string, sentence: Sentence, mentions: Mention[], previous: Sentence | null): Mention[] {
  const pronouns = resolvePronouns(input, { ...sentence, mentions }, previous).filter((p) => !mentions.some((m) => m.start < p.end && m.end > p.start));
  return pronouns.length > 0 ? [...mentions, ...pronouns].sort((a, b) => a.start - b.start) : mentions;
}

/**
 * The rules' cues and stances, then (where there is a model) the learned reader's stances over the
 * pair features; returns the learned reader's readings, for the second stage.
 */
function readSentence(input: string, sentence: Sentence, tokens: Token[], role: Paragraph['role'], model: StanceModel | null, options: AnalyzeOptions): FirstReading[] {
  const stance = sentenceStance(input, tokens, sentence.mentions);
  sentence.cues = stance.cues;
  sentence.stances = stance.stances;
  sentence.tone = stance.tone;
  if (sentence.mentions.length === 0 || (!model && !options.onFeatures && !options.onStructure)) return [];
  const readings = readStructure(input, tokens, stance.clauses, sentence.mentions);
  options.onStructure?.(sentence.index, readings);
  const features = pairFeatures({
    tokens,
    clauses: stance.clauses,
    background: stance.background,
    cues: stance.found,
    readings,
    addressed: new Set(sentence.mentions.flatMap((m, k) => (stance.addressed.has(m) ? [k] : []))),
    shape: sentenceShape(tokens),
    ruleStances: stance.stances,
    ruleTone: stance.tone,
    role,
  });
  options.onFeatures?.(sentence.index, allFeatures(features));
  return model ? readStances(sentence, features, model, options.explain === true) : [];
}

function senderOf(input: string, analysed: Sentence[], article: ReadArticle, set: ActorSet, options: AnalyzeOptions): SenderEvidence {
  const given = options.sender;
  const publisher = article.publisherClue && publisherAsWritten(input, article.paragraphs, article.publisherClue);
  if (given === undefined) {
    return findSender(input, analysed, {
      voiceOf: stateVoice(article.publisherClue, set),
      chooser: {
        actors: set.actors.map((a) => a.id),
        paragraphs: article.paragraphs,
        publisherActors: publisher ? actorsNamed(publisher, [{ start: 0, end: publisher.length }], set) : [],
        bylineActors: actorsNamed(input, article.paragraphs.filter((p) => p.role === 'byline'), set),
        datelineActors: actorsNamed(input, bodyDatelines(input, article.paragraphs), set),
        model: options.senderModel === undefined ? defaultSenderModel() : options.senderModel,
        onCandidates: options.onSenderCandidates,
      },
    });
  }
  if (!set.actors.some((a) => a.id === given)) throw new RangeError(`unknown sender "${given}": options.sender is an actor id (${someIds(set.actors.map((a) => a.id))})`);
  return { sender: given, method: 'given', confidence: 1, sentences: [], votes: [] };
}

/** Stances, their confidence and (for --explain) their reasons, from the learned reader; its readings, for the second stage. */
function readStances(sentence: Sentence, features: PairFeatures, model: StanceModel, explain: boolean): FirstReading[] {
  const because: NonNullable<Sentence['because']> = {};
  const readings: FirstReading[] = [];
  for (const [actor, reading] of classifySentence(model, features, explain ? 3 : 0)) {
    readings.push({ sentence: sentence.index, paragraph: sentence.paragraph, actor, probabilities: reading.probabilities, ...cueAndRule(features.own.get(actor)!) });
    sentence.stances[actor] = reading.stance;
    sentence.confidence[actor] = reading.confidence;
    if (explain) because[actor] = reading.because;
  }
  if (explain) sentence.because = because;
  return readings;
}

/**
 * The second stage: every learned stance and its confidence, read again in the article's context.
 * With `explain`, the context's strongest reasons come first, then the first stage's where the two agree.
 */
function readStancesInContext(sentences: Sentence[], firstReadings: FirstReading[], model: ContextModel, explain: boolean): StanceLikelihoods {
  const probabilities = new Float32Array(firstReadings.length * 3);
  readInContext(model, firstReadings, explain ? 2 : 0).forEach((reading, n) => {
    const { sentence: index, actor } = firstReadings[n]!;
    const sentence = sentences[index]!;
    if (explain) {
      const agreed = sentence.stances[actor] === reading.stance ? (sentence.because?.[actor] ?? []) : [];
      sentence.because = { ...sentence.because, [actor]: [...reading.because, ...agreed] };
    }
    sentence.stances[actor] = reading.stance;
    sentence.confidence[actor] = reading.confidence;
    probabilities.set(reading.probabilities, n * 3);
  });
  return likelihoodsAt(firstReadings, (n) => probabilities.subarray(n * 3, n * 3 + 3));
}

/** The first stage's label probabilities, where there is no second stage. */
const stanceLikelihoods = (readings: FirstReading[]): StanceLikelihoods => likelihoodsAt(readings, (n) => readings[n]!.probabilities);

/**
 * A look-up of the probabilities of pair `n` of `readings` (which hold each sentence's pairs
 * together, in text order) by sentence and actor; a 10 MB article has 260,000 pairs, so
 * nothing is kept per pair but what `probabilitiesOf` reads.
 */
function likelihoodsAt(readings: FirstReading[], probabilitiesOf: (n: number) => ArrayLike<number>): StanceLikelihoods {
  const firstOf = new Map<number, number>();
  readings.forEach((r, n) => {
    if (!firstOf.has(r.sentence)) firstOf.set(r.sentence, n);
  });
  return (sentence, actor) => {
    for (let n = firstOf.get(sentence) ?? readings.length; n < readings.length && readings[n]!.sentence === sentence; n++) {
      if (readings[n]!.actor === actor) return probabilitiesOf(n);
    }
    return undefined;
  };
}

/**
 * A sentence's tone agrees with its stances: the stance most of its actors take. A tie goes to
 * the tone of its cues where that is one of the tied stances, else to the tied stance its actors
 * hold with more confidence. A sentence that names no actor keeps the tone of its cues.
 */
function settleTone(sentence: Sentence): void {
  const votes = new Map<Stance, { actors: number; confidence: number }>();
  for (const [actor, stance] of Object.entries(sentence.stances)) {
    const vote = votes.get(stance) ?? votes.set(stance, { actors: 0, confidence: 0 }).get(stance)!;
    vote.actors++;
    vote.confidence += sentence.confidence[actor] ?? 0;
  }
  if (votes.size === 0) return;
  const most = Math.max(...[...votes.values()].map((v) => v.actors));
  const tied = [...votes].filter(([, v]) => v.actors === most);
  if (tied.some(([stance]) => stance === sentence.tone)) return;
  sentence.tone = tied.reduce((best, next) => (next[1].confidence > best[1].confidence ? next : best))[0];
}

/** Flags leaders named outside their years in office at `date` ("former President Carter" in 1994). */
function markFormerLeaders(sentences: Sentence[], set: ActorSet, date: string | null): void {
  const year = date ? Number(date.slice(0, 4)) : NaN;
  if (!Number.isInteger(year)) return;
  const terms = new Map(set.actors.map((a) => [a.id, leaderTerms(a)]));
  for (const s of sentences) {
    for (const m of s.mentions) {
      if (m.form !== 'leader') continue;
      const held = termsOf(m.surface.replace(/\s+/g, ' '), terms.get(m.actor) ?? {});
      if (held.length > 0 && held.every(([from, to]) => year < from || (to !== null && year > to))) m.former = true;
    }
  }
}

/**
 * The terms of a leader named `name`: its own, else those of every official
 * of whose full name it is the first or last word ("Erdogan" for an actor
 * file's "Recep Tayyip Erdogan"; both Bushes for "Bush").
 */
function termsOf(name: string, terms: Record<string, Term[]>): Term[] {
  const own = terms[name];
  if (own) return own;
  if (/\s/.test(name)) return [];
  return Object.entries(terms)
    .filter(([full]) => / /.test(full) && (full.startsWith(`${name} `) || full.endsWith(` ${name}`)))
    .flatMap(([, held]) => held);
}

/** The actor whose state media published the article ("KCNA", "Xinhua"), if the publisher is one. */
function stateVoice(publisher: string | null, set: ActorSet): string | null {
  if (!publisher) return null;
  const found = findNames(publisher, { start: 0, end: publisher.length }, set, { contains: () => true, excluded: [] });
  const whole = found.mentions.find((m) => m.start === 0 && m.end === publisher.length && m.form === 'institution');
  if (whole) return whole.actor;
  const outlet = publisher.toLowerCase();
  const state = Object.entries(STATE_OUTLETS).find(([id, names]) => set.actors.some((a) => a.id === id) && names.some((n) => n.toLowerCase() === outlet));
  return state?.[0] ?? null;
}

/** Whether `text` is wholly a place: an actor's capital or country, or another state's one-word name. */
function namesOnly(text: string, set: ActorSet): boolean {
  const found = findNames(text, { start: 0, end: text.length }, set, { contains: () => true, excluded: [] });
  // State media ("KCNA", "TASS", an actor file's alias "Xinhua") publish; only a place name in the publisher's slot is a dateline.
  const isActorPlace = (): boolean => set.actors.some((a) => a.name === text || a.country === text);
  return found.mentions.some((m) => m.start === 0 && m.end === text.length && (m.form === 'capital' || isActorPlace())) || (found.others.length === 1 && !/\s/.test(text));
}

