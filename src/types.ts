/** The typed result of one analysis, shaped as OUTPUT.md's JSON contract. */

export type Stance = 'cooperative' | 'conflictual' | 'neutral';
export type Posture = 'friendly' | 'hostile' | 'mixed' | 'neutral';
/**
 * `title`: the first paragraph, where it reads as a heading; `deck`: the standfirst under it;
 * `byline`: author, outlet, date or dateline lines; `body`: the article; `boilerplate`: a closing
 * disclaimer, republication note or note on the author. Only title, deck and body sentences are read.
 */
export type ParagraphRole = 'title' | 'deck' | 'byline' | 'body' | 'boilerplate';
/**
 * Which of an actor's names a mention is: `capital` its name, `country` its country or an alias,
 * `demonym` a word for its people, `institution`, `leader` (a leader or official, or their
 * surname), `pronoun` ("it", "they", "them", "he" standing for an actor just named), `contextual`
 * (a phrase that counts only in context: "the North" where the article is about Korea).
 */
export type MentionForm =
  | 'capital'
  | 'country'
  | 'demonym'
  | 'institution'
  | 'leader'
  | 'pronoun'
  | 'contextual';

/** A half-open range of string indices into the decoded input. */
export interface Span {
  start: number;
  end: number;
}

export interface Paragraph extends Span {
  index: number;
  role: ParagraphRole;
}

export interface Mention extends Span {
  actor: string;
  surface: string;
  form: MentionForm;
  /** A leader named outside their years in office at the article's date (or --as-of): still a mention of the state. */
  former?: true;
}

export interface Cue extends Span {
  text: string;
  /** After negation: the opposite of the entry's where negated, the entry's where cancelled (weight 0). */
  polarity: Exclude<Stance, 'neutral'>;
  /** Reached by a negator or reverser, or standing in an alternative the sentence turns down ("rather than ..."), not both. */
  negated: boolean;
  /**
   * Goldstein-style strength on a scale from 1 (faint) to 10 (alliance or war): the lexicon
   * entry's own (1 to 9 today), half of it where negated, 0 where the negation only cancels the
   * cue ("not all", "neither ... nor", "former enemies"). So 0 to 10, in steps of 0.5.
   */
  weight: number;
  /**
   * The lexicon entry that matched, for tracing a figure back to the data: a word or lemma
   * ("toughen"), a word in one part of speech ("value:VERB"), a phrase, a prefix ("anti-") or a
   * pattern ("fly to ACTOR", "expect ACTOR to").
   */
  entry: string;
}

export interface Sentence extends Span {
  index: number;
  paragraph: number;
  text: string;
  /**
   * The stance most of the sentence's actors take in `stances`; a tie goes to the tone of its cues
   * where that is one of the tied stances, else to the tied stance whose actors' confidence adds up
   * higher (on equal sums, the stance of the actor named first). With no actor, its cues' tone.
   */
  tone: Stance;
  mentions: Mention[];
  stances: Record<string, Stance>;
  /** How likely each stance is right, 0 to 1 (empty when the rules alone decided). */
  confidence: Record<string, number>;
  /**
   * Only with the `explain` option, on sentences the learned reader read: per actor, the features
   * that weighed most for its stance. The CLI's JSON never has it (`--explain` is text output).
   */
  because?: Record<string, { feature: string; weight: number }[]>;
  cues: Cue[];
  /**
   * The receiver (never the sender) of the message section this body sentence is in; null before
   * the first section, outside the body, and when there is no sender.
   */
  messageTo: string | null;
}

export interface Tally {
  cooperative: number;
  conflictual: number;
  neutral: number;
}

/** A sentence quoted in a message's summary: its index into `sentences`, its text and span. */
export interface SummarySentence {
  sentence: number;
  text: string;
  start: number;
  end: number;
}

export interface Message {
  from: string;
  /** The sentences whose `messageTo` is the receiver. */
  sentences: number[];
  /** At most `top` (default 3) of them, those saying most of the receiver, in text order. */
  summary: SummarySentence[];
  /** The receiver's stances in the section's sentences: what the verdict counts. */
  tally: Tally;
  posture: Posture;
  /** How likely the posture is right (see ActorReport.postureConfidence). */
  postureConfidence: number | null;
  verdict: string;
  /** How many of the receiver's stances in the section have a confidence below 0.5. */
  uncertain: number;
}

export interface ActorReport {
  id: string;
  name: string;
  country: string;
  mentions: number;
  sentences: number;
  tally: Tally;
  /** How many of the stances behind the tally have a confidence below 0.5: the ones to check by hand. */
  uncertain: number;
  posture: Posture;
  /**
   * How likely the posture is right: the probability that the stances' true labels, each taken
   * with its reader's calibrated probabilities, make a tally of this posture. Null without a
   * learned reader (`reader: 'rules'`) and for an actor with no stance.
   */
  postureConfidence: number | null;
  message: Message | null;
}

/**
 * A pair of actors named in one title, deck or body sentence: the target's stance in those
 * sentences, once a sentence. The source is the sender where it is one of the two, else the one
 * earlier in the actor set.
 */
export interface Dyad extends Tally {
  source: string;
  target: string;
}

/** A state outside the actor set (from a built-in list) named in the title, deck or body, and how often. */
export interface OtherActor {
  name: string;
  mentions: number;
}

export interface Meta {
  title: string | null;
  deck: string | null;
  publisher: string | null;
  author: string | null;
  date: string | null;
}

export interface InputInfo {
  path: string;
  bytes: number;
  encoding: string;
  sha256: string;
  /** Present when the input came from an NDJSON record with an id. */
  id?: string | number;
  /** The line of the NDJSON input the record came from. */
  line?: number;
  /** The NDJSON record's own "date" (YYYY-MM-DD), when it gives one; `nkmsg report` prefers it to the dateline. */
  date?: string;
  /** The NDJSON record's own "source" (an outlet or feed), when it gives one. */
  source?: string;
}

/** Why the sender is who it is (or why there is none). */
export interface SenderEvidence {
  sender: string | null;
  /**
   * `cue`: message cues name it ("Moscow is sending messages to ..."); `voice`: the publisher is
   * its state media (KCNA, Xinhua, TASS); `subjects`: it opens
   * the most sentences as subject; `relayed`: none, the article relays several actors' words
   * with no word of messages or signals; `spread`: none, no one actor's signalling stands ahead
   * of the others'; `none`: no actor at all; `given`: set with --sender.
   */
  method: 'cue' | 'voice' | 'subjects' | 'relayed' | 'spread' | 'none' | 'given';
  /** How often a sender chosen this way is right, 0 to 1. */
  confidence: number;
  /** Sentences holding a message cue that named a sender. */
  sentences: number[];
  /**
   * The three actors with the most votes: a message cue naming it as the sender 10, a weaker one 3,
   * a sentence it opens as subject 1 (unless cues gave some actor 10 or more), a mention 0.01.
   */
  votes: { actor: string; votes: number }[];
  /**
   * The sender's votes minus the most any other actor has; present whenever there is a sender,
   * except one given. Negative where the chooser or state media picked an actor the votes did
   * not put first.
   */
  margin?: number;
  /**
   * Where the learned chooser decided: its probability for the choice (the confidence), the
   * candidate it ranked second (null: none) and the features that put the choice ahead.
   */
  chooser?: { probability: number; runnerUp: string | null; because: string[] };
}

export interface AnalysisResult {
  schemaVersion: 1;
  tool: { name: 'nkmsg'; version: string };
  input: InputInfo;
  meta: Meta;
  sender: string | null;
  senderEvidence: SenderEvidence;
  paragraphs: Paragraph[];
  sentences: Sentence[];
  actors: ActorReport[];
  dyads: Dyad[];
  others: OtherActor[];
  warnings: string[];
}

/** A name that counts only where the article's context allows it ("the North" where Korea is discussed). */
export interface ContextualName {
  phrase: string;
  /** Words of which the article must contain at least one (as written, anywhere) for the phrase to count. */
  requires: string[];
}

/** Years in office: [from, to], `to` null while in office. */
export type Term = [number, number | null];

/** One state in the actor set, as the actor file describes it. */
export interface ActorDefinition {
  id: string;
  name: string;
  country: string;
  /** Other names of the state: short forms, official names, acronyms, and any demonyms not listed apart. */
  aliases: string[];
  leaders: string[];
  institutions: string[];
  /** Years in office of leaders (by any of their listed names): [from, to], `to` null while in office; a list of them for someone who held office more than once. */
  terms?: Record<string, Term | Term[]>;
  /** Adjectives and nouns for the state's people ("Russian", "North Koreans"): mentions of form `demonym`. */
  demonyms?: string[];
  /** Phrases that are mentions (form `contextual`) only where the article contains a word they require. */
  contextual?: ContextualName[];
}
