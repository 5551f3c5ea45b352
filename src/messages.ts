/**
 * Messages: who the sender is, and what a sentence says of a section's start
 * (a receiver cue, a briefing's question, a paragraph's topic); sections.ts
 * assigns the sections and report.ts summarises each.
 */
import {
  ABOUT_A_MESSAGE,
  ADDRESSEE_LIST,
  AUDIENCE_AFTER,
  AUDIENCE_BEFORE,
  CUE_ADVERBS,
  CHOOSER_MIN_WORDS,
  CUE_GRAMMAR_WORDS,
  CUE_UNDONE_BEFORE,
  MAY_NAME_AUDIENCE,
  MESSAGE_FOR_BEFORE,
  MESSAGE_FROM_TO_BEFORE,
  PARAGRAPH_LEAD,
  PEOPLE_IN,
  PLACE_LEAD,
  RECEIVER_PEOPLE_BEFORE,
  SPEAKER_LABEL,
  RECEIVER_CUES,
  RECEIVER_CUES_WITH_MESSAGE,
  RELAYED_SHARE,
  REPORTING,
  SENDER_CUES,
  SIGNAL_WORDS,
  WEAK_SENDER_CUES,
} from './data/messages.js';
import { listAround, openingSubject } from './syntax.js';
import { wordCount } from './words.js';
import { choose, senderCandidates, type Choice, type SenderCandidate, type SenderContext, type SenderModel } from './sender.js';
import type { Mention, SenderEvidence, Sentence } from './types.js';

interface CuePattern {
  before: string;
  after: string;
  /** Written with a capital: must open the sentence. */
  atStart: boolean;
}

const compile = (cues: string[], slot: string): CuePattern[] =>
  cues.map((cue) => {
    const [before = '', after = ''] = cue.split(slot);
    return { before: before.toLowerCase(), after: after.toLowerCase(), atStart: /^\p{Lu}/u.test(before) };
  });

const SENDER_PATTERNS = compile(SENDER_CUES, 'SENDER');
const WEAK_SENDER_PATTERNS = compile(WEAK_SENDER_CUES, 'SENDER');
const RECEIVER_PATTERNS = compile(RECEIVER_CUES, 'RECEIVER');
const MESSAGE_RECEIVER_PATTERNS = compile(RECEIVER_CUES_WITH_MESSAGE, 'RECEIVER');

/**
 * A quick test a sentence must pass before its mentions are matched against
 * the cues: the longest word of some cue, or a cue's opening words.
 */
const GRAMMAR_WORDS = new Set(CUE_GRAMMAR_WORDS);

function prefilter(cues: string[], slot: string): RegExp {
  const escape = (w: string): string => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const opensSentence = (cue: string): boolean => /^\p{Lu}/u.test(cue.slice(0, cue.indexOf(slot)));
  const opening = cues.filter(opensSentence).map((c) => escape(c.slice(0, c.indexOf(slot)).trim()));
  const words = cues
    .filter((c) => !opensSentence(c))
    .map((c) => c.replace(slot, ' ').split(/[\s,]+|'s\b/).filter((w) => w !== '' && !GRAMMAR_WORDS.has(w)).sort((a, b) => b.length - a.length)[0])
    .filter((w): w is string => w !== undefined)
    .map(escape);
  return new RegExp(`${opening.length ? `^\\s*(?:${opening.join('|')})\\b|` : ''}\\b(?:${[...new Set(words)].join('|')})\\b`, 'gi');
}

/** Where in the sentence a cue's keyword stands (offsets into its text), or null if nowhere. */
function keywordsIn(sentence: Sentence, prefilterRe: RegExp): number[] | null {
  prefilterRe.lastIndex = 0;
  const at: number[] = [];
  for (let m = prefilterRe.exec(sentence.text); m !== null; m = prefilterRe.exec(sentence.text)) {
    at.push(m.index);
    if (m[0].length === 0) prefilterRe.lastIndex++;
  }
  return at.length > 0 ? at : null;
}

/** Whether a keyword stands within the reach of a cue around the mention. */
const nearKeyword = (sentence: Sentence, mention: Mention, keywords: number[]): boolean =>
  keywords.some((k) => k >= mention.start - sentence.start - REACH && k <= mention.end - sentence.start + REACH);

const MAY_NAME_SENDER = prefilter([...SENDER_CUES, ...WEAK_SENDER_CUES], 'SENDER');
const MAY_NAME_RECEIVER = prefilter([...RECEIVER_CUES, ...RECEIVER_CUES_WITH_MESSAGE], 'RECEIVER');

const plain = (text: string): string => text.replace(/[’‘]/g, "'").replace(/[\s\u00a0]+/g, ' ').toLowerCase();
const ADVERBS = new RegExp(`\\b(?:${CUE_ADVERBS.join('|')}) `, 'g');
/** Plain text without the adverbs a cue may carry. */
const bare = (text: string): string => plain(text).replace(ADVERBS, '');

/** The plain text around a mention, read once for all patterns. */
interface Surroundings {
  before: string;
  after: string;
  /** Whether `before` reaches back to the start of the sentence. */
  whole: boolean;
}

const REACH = 48;

function surroundings(sentence: Sentence, mention: Mention): Surroundings {
  const from = mention.start - sentence.start;
  const to = mention.end - sentence.start;
  return {
    before: bare(sentence.text.slice(Math.max(0, from - REACH), from)),
    after: bare(sentence.text.slice(to, to + REACH)),
    whole: from <= REACH,
  };
}

/** The surroundings read past an article before the mention ("our message to the ROK side" is a message to the ROK), and past the people who stand for it ("to the leaders in Beijing"). */
const pastArticle = (around: Surroundings): Surroundings => ({ ...around, before: around.before.replace(RECEIVER_PEOPLE_BEFORE, '').replace(/\bthe $/, '') });

const WORD_CHAR = /[\p{L}\p{N}]/u;

function cueMatches(around: Surroundings, pattern: CuePattern): boolean {
  const { before, after } = around;
  if (pattern.atStart) {
    if (!around.whole || before.trimStart() !== pattern.before) return false;
  } else {
    if (!before.endsWith(pattern.before)) return false;
    // "the message to Seoul", not "the message top Seoul": the cue starts at a word.
    if (pattern.before !== '' && WORD_CHAR.test(before[before.length - pattern.before.length - 1] ?? '')) return false;
  }
  if (!after.startsWith(pattern.after)) return false;
  return pattern.after === '' || !WORD_CHAR.test(pattern.after.at(-1)!) || !WORD_CHAR.test(after[pattern.after.length] ?? '');
}

const SIGNAL_WORD = new RegExp(`\\b(?:${SIGNAL_WORDS.join('|')})\\b`, 'i');
const RELAYING = new RegExp(`\\b(?:${REPORTING.join('|')})\\b`);

/**
 * A report that relays what several actors said, with no word of messages or
 * signals anywhere: an agency story, whose sender is none (ANALYSIS.md §4).
 */
function relaysOthers(sentences: Sentence[]): boolean {
  if (sentences.some((s) => SIGNAL_WORD.test(s.text))) return false;
  const relayed = sentences.filter((s) => RELAYING.test(s.text)).length;
  return sentences.length > 0 && relayed / sentences.length >= RELAYED_SHARE;
}

/**
 * How the sender was chosen, and how often that way is right: the share of
 * the corpus's train articles where a choice made this way matched the gold
 * (scripts/sender-methods.mjs; (right + 1) / (articles + 2), so that a way
 * never wrong on 32 articles is not taken for certain).
 */
export const SENDER_METHOD_ACCURACY: Record<SenderEvidence['method'], number> = {
  cue: 0.89,
  voice: 0.97,
  relayed: 0.88,
  subjects: 0.75,
  spread: 0.76,
  none: 1,
  given: 1,
};

/** Message cues per actor named as their sender, and the sentences that hold them. */
function senderCues(sentences: Sentence[]): { cues: Map<string, { strong: number; weak: number }>; cueSentences: Set<number> } {
  const cues = new Map<string, { strong: number; weak: number }>();
  const cueSentences = new Set<number>();
  for (const s of sentences) {
    const keywords = keywordsIn(s, MAY_NAME_SENDER);
    if (!keywords) continue;
    for (const m of s.mentions) {
      if (m.form === 'pronoun' || !nearKeyword(s, m, keywords)) continue;
      const around = surroundings(s, m);
      const strong = SENDER_PATTERNS.some((p) => cueMatches(around, p));
      if (!strong && !WEAK_SENDER_PATTERNS.some((p) => cueMatches(around, p))) continue;
      const c = cues.get(m.actor) ?? { strong: 0, weak: 0 };
      if (strong) c.strong++;
      else c.weak++;
      cues.set(m.actor, c);
      cueSentences.add(s.index);
    }
  }
  return { cues, cueSentences };
}

/** What the sender is chosen from besides the sentences. */
export interface SenderInputs {
  /** The actor whose state media published the article. */
  voiceOf: string | null;
  /** The learned chooser's inputs; without them (or without a chooser) the hand-ordered methods decide. */
  chooser?: Omit<SenderContext, 'cues' | 'receivers' | 'voice'> & { model: SenderModel | null; onCandidates?: (candidates: SenderCandidate[]) => void };
}

/**
 * The sender and its evidence. With a chooser: the candidate (an actor or
 * none) it scores highest. Without: the actor the message cues name most
 * (`cue`); none for a report that only relays others' words (`relayed`); else
 * the actor most often the subject that opens a sentence (`subjects`).
 */
export function findSender(input: string, sentences: Sentence[], given: SenderInputs | string | null = null): SenderEvidence {
  const inputs: SenderInputs = typeof given === 'object' && given !== null ? given : { voiceOf: given };
  const { cues, cueSentences } = senderCues(sentences);
  const votes = new Map<string, number>();
  for (const [actor, c] of cues) votes.set(actor, c.strong * 10 + c.weak * 3);
  const strong = [...votes.values()].some((n) => n >= 10);
  /** The sender's votes over the most any other actor has. */
  const marginOf = (sender: string): number => {
    const others = [...votes].filter(([actor]) => actor !== sender).map(([, n]) => n);
    return Math.round(((votes.get(sender) ?? 0) - Math.max(0, ...others)) * 100) / 100;
  };
  const evidence = (sender: string | null, method: SenderEvidence['method']): SenderEvidence => {
    const ranked = [...votes].map(([actor, n]) => ({ actor, votes: Math.round(n * 100) / 100 })).sort((a, b) => b.votes - a.votes || (a.actor < b.actor ? -1 : 1));
    return {
      method,
      confidence: SENDER_METHOD_ACCURACY[method],
      sentences: [...cueSentences].sort((a, b) => a - b),
      votes: ranked.slice(0, 3),
      ...(sender === null ? {} : { margin: marginOf(sender) }),
      sender,
    };
  };
  const chooser = inputs.chooser;
  if (chooser) {
    const candidates = senderCandidates(input, sentences, { ...chooser, cues, receivers: receiverCues(input, sentences), voice: inputs.voiceOf });
    chooser.onCandidates?.(candidates);
    if (chooser.model && wordsIn(sentences) >= CHOOSER_MIN_WORDS) {
      voteSubjects(input, sentences, votes, strong);
      const noneMentioned = sentences.every((s) => s.mentions.length === 0);
      return chosen(choose(chooser.model, candidates), cues, inputs.voiceOf, noneMentioned ? 'none' : relaysOthers(sentences) ? 'relayed' : 'spread', evidence);
    }
  }
  // State media speak for their state: a KCNA commentary is Pyongyang's signal unless a cue names another.
  if (!strong && inputs.voiceOf !== null) return evidence(inputs.voiceOf, 'voice');
  if (sentences.every((s) => s.mentions.length === 0)) return evidence(null, 'none');
  if (!strong && relaysOthers(sentences)) return evidence(null, 'relayed');
  // Without a message cue, the actor the article is about: the most frequent subject.
  voteSubjects(input, sentences, votes, strong);
  let best: string | null = null;
  let bestVotes = 0;
  for (const [actor, n] of votes) {
    if (n > bestVotes) {
      best = actor;
      bestVotes = n;
    }
  }
  return evidence(best, best === null ? 'none' : strong ? 'cue' : 'subjects');
}

/** How often a receiver cue names each actor ("the message to Tokyo", "To Seoul, ..."): a receiver is rarely the sender. */
function receiverCues(input: string, sentences: Sentence[]): Map<string, number> {
  const receivers = new Map<string, number>();
  for (const s of sentences) {
    const receiver = sectionCue(input, s, null);
    if (receiver !== null) receivers.set(receiver, (receivers.get(receiver) ?? 0) + 1);
  }
  return receivers;
}

const wordsIn = (sentences: Sentence[]): number => sentences.reduce((n, s) => n + wordCount(s.text), 0);

/** Adds a vote per sentence that opens with an actor as subject (unless `strong` cues decided), and a hundredth per mention. */
function voteSubjects(input: string, sentences: Sentence[], votes: Map<string, number>, strong = false): void {
  for (const s of sentences) {
    const subject = openingSubject(input, s);
    if (subject && !strong) votes.set(subject.actor, (votes.get(subject.actor) ?? 0) + 1);
    for (const m of s.mentions) votes.set(m.actor, (votes.get(m.actor) ?? 0) + 0.01);
  }
}

/**
 * The chooser's pick as evidence: the method names the evidence that backs it
 * (a message cue, the state's voice, subjects; for none, relaying or an even
 * spread), the confidence is the chooser's calibrated probability.
 */
function chosen(
  choice: Choice,
  cues: Map<string, { strong: number; weak: number }>,
  voiceOf: string | null,
  /** Why none, if none is chosen: no actor mentioned, others' words relayed, or no one ahead. */
  whyNone: 'none' | 'relayed' | 'spread',
  evidence: (sender: string | null, method: SenderEvidence['method']) => SenderEvidence,
): SenderEvidence {
  const actor = choice.actor;
  const method: SenderEvidence['method'] =
    actor === null ? whyNone : (cues.get(actor)?.strong ?? 0) > 0 ? 'cue' : actor === voiceOf ? 'voice' : 'subjects';
  const round = (v: number): number => Math.round(v * 100) / 100;
  return {
    ...evidence(actor, method),
    confidence: round(choice.probability),
    chooser: { probability: round(choice.probability), runnerUp: choice.runnerUp, because: choice.because },
  };
}

/** The receiver a sentence opens a section for, if it does. */
export function sectionCue(input: string, sentence: Sentence, sender: string | null): string | null {
  return receiversCued(input, sentence).find((actor) => actor !== sender) ?? null;
}

/** Each sentence's cued receivers, worked out once: the sender is chosen from them, then sections start at them. */
const cuedIn = new WeakMap<Sentence, string[]>();

/** The actors of the sentence's mentions that a receiver cue names, in order (the sender's own among them). */
function receiversCued(input: string, sentence: Sentence): string[] {
  let cued = cuedIn.get(sentence);
  if (cued !== undefined) return cued;
  cued = [];
  cuedIn.set(sentence, cued);
  const keywords = keywordsIn(sentence, MAY_NAME_RECEIVER);
  const mayNameAudience = MAY_NAME_AUDIENCE.test(sentence.text);
  if (!keywords && !mayNameAudience) return cued;
  for (const m of sentence.mentions) {
    if (m.form === 'pronoun') continue;
    const pattern = keywords && nearKeyword(sentence, m, keywords) ? cuePattern(sentence, m) : undefined;
    const audience = mayNameAudience && namedAudience(sentence, m);
    if (!pattern && !audience) continue;
    // "To Tokyo, Beijing's tone ..." ends its cue with the comma; "messages to Seoul, Tokyo and Beijing" and "to Seoul, to Tokyo" are lists.
    const listed = [...new Set(listAround(input, sentence.mentions, m).map((x) => x.actor))];
    const alone = (listed.length === 1 || (listed.length === 2 && listed[0] === m.actor)) && !addressesMore(input, sentence.mentions, m);
    if (pattern?.after.endsWith(',') || alone) cued.push(m.actor);
  }
  return cued;
}

/** Whether the receiver is the first of several each given "to": "a message to Washington, to Tokyo and to Seoul". */
function addressesMore(input: string, mentions: Mention[], mention: Mention): boolean {
  const next = mentions[mentions.indexOf(mention) + 1];
  return next !== undefined && next.actor !== mention.actor && ADDRESSEE_LIST.test(input.slice(mention.end, next.start));
}

/** The receiver cue that names a mention, if one does. */
function cuePattern(sentence: Sentence, mention: Mention): CuePattern | undefined {
  const around = pastArticle(surroundings(sentence, mention));
  const pattern =
    RECEIVER_PATTERNS.find((p) => cueMatches(around, p)) ??
    (ABOUT_A_MESSAGE.test(sentence.text) ? MESSAGE_RECEIVER_PATTERNS.find((p) => cueMatches(around, p)) : undefined);
  return pattern && !undone(around, pattern) ? pattern : undefined;
}

/** Whether what stands before a cue undoes it: "not addressed to Seoul", "send a strong message to Seoul". */
const undone = (around: Surroundings, pattern: CuePattern): boolean =>
  CUE_UNDONE_BEFORE.test(around.before.slice(0, around.before.length - pattern.before.length));

/** Whether the sentence names the mention as a message's audience: "The first addressee is Seoul". */
const namedAudience = (sentence: Sentence, mention: Mention): boolean => {
  const before = plain(sentence.text.slice(0, mention.start - sentence.start));
  const after = plain(sentence.text.slice(mention.end - sentence.start, mention.end - sentence.start + 60));
  return AUDIENCE_BEFORE.test(before) || MESSAGE_FOR_BEFORE.test(before) || MESSAGE_FROM_TO_BEFORE.test(before) || AUDIENCE_AFTER.test(after);
};

/**
 * A briefing's question is about its first actor other than the sender
 * ("Q: Has the Russian government said anything to Tokyo?" is about Moscow):
 * the answer that follows is the message to it.
 */
export function questionTopic(sentences: Sentence[], at: number, sender: string): string | null {
  const paragraph = sentences[at]!.paragraph;
  for (let k = at; k < sentences.length && sentences[k]!.paragraph === paragraph; k++) {
    const topic = sentences[k]!.mentions.find((m) => m.actor !== sender && m.form !== 'pronoun');
    if (topic) return topic.actor;
  }
  return null;
}

/**
 * The actor a paragraph is about, read from its first sentence (ANALYSIS.md
 * §4): the subject after a speaker's label ("Spokesperson: North Korea
 * launched ...") and after opening connectives ("Yet", "First,"), or the
 * place a reaction is reported from ("In Washington, the State Department
 * said ...", "Some voices in Tokyo ..."). Null when the sender or no actor is
 * the subject.
 */
export function paragraphTopic(input: string, sentence: Sentence, sender: string): string | null {
  const start = sentence.start + leadLength(sentence.text);
  const rest = sentence.mentions.filter((m) => m.start >= start);
  const topic = reactionPlace(input, start, rest) ?? openingSubject(input, { ...sentence, start, mentions: rest });
  return topic && topic.actor !== sender && topic.form !== 'pronoun' ? topic.actor : null;
}

/** The actor named as the place a sentence's report comes from or its subject stands in: "In Washington, ...", "Some in Tokyo ...". */
function reactionPlace(input: string, start: number, mentions: Mention[]): Mention | null {
  const first = mentions[0];
  if (!first) return null;
  const before = input.slice(start, first.start);
  if (PEOPLE_IN.test(before)) return first;
  return PLACE_LEAD.test(before) && input.startsWith(',', first.end) ? first : null;
}

/**
 * How many characters open a sentence before its grammar starts: a speaker's
 * label, then connectives.
 */
function leadLength(text: string): number {
  // The label's own actor ("Seoul: Pyongyang must ...") is the speaker, not the subject.
  const label = SPEAKER_LABEL.exec(text)?.[0].length ?? 0;
  return label + (PARAGRAPH_LEAD.exec(text.slice(label))?.[0].length ?? 0);
}
