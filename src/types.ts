/** The typed result of one analysis, shaped as OUTPUT.md's JSON contract. */

export type Stance = 'cooperative' | 'conflictual' | 'neutral';
export type Posture = 'friendly' | 'hostile' | 'mixed' | 'neutral';
export type ParagraphRole = 'title' | 'deck' | 'byline' | 'body' | 'boilerplate';
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
  polarity: Exclude<Stance, 'neutral'>;
  negated: boolean;
  /** Goldstein-style strength of the lexicon entry, 1 (faint) to 10 (strong). */
  weight: number;
  /** The lexicon entry that matched, for tracing a figure back to the data. */
  entry: string;
}

export interface Sentence extends Span {
  index: number;
  paragraph: number;
  text: string;
  tone: Stance;
  mentions: Mention[];
  stances: Record<string, Stance>;
  /** How likely each stance is right, 0 to 1 (empty when the rules alone decided). */
  confidence: Record<string, number>;
  /** With `explain`: per actor, the features that weighed most for its stance. */
  because?: Record<string, { feature: string; weight: number }[]>;
  cues: Cue[];
  messageTo: string | null;
}

export interface Tally {
  cooperative: number;
  conflictual: number;
  neutral: number;
}

export interface SummarySentence {
  sentence: number;
  text: string;
  start: number;
  end: number;
}

export interface Message {
  from: string;
  sentences: number[];
  summary: SummarySentence[];
  /** The receiver's stances in the section's sentences: what the verdict counts. */
  tally: Tally;
  posture: Posture;
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
  message: Message | null;
}

export interface Dyad extends Tally {
  source: string;
  target: string;
}

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
  /** The three actors with the most votes (cues count 10 or 3, an opening subject 1). */
  votes: { actor: string; votes: number }[];
  /** Votes of the sender over the runner-up. */
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
  /** Words of which the article must contain at least one for the phrase to count. */
  requires: string[];
}

/** One state in the actor set, as the actor file describes it. */
export interface ActorDefinition {
  id: string;
  name: string;
  country: string;
  /** Other names of the state: short forms, official names, acronyms, and any demonyms not listed apart. */
  aliases: string[];
  leaders: string[];
  institutions: string[];
  /** Years in office of leaders (by any of their listed names): [from, to], `to` null while in office. */
  terms?: Record<string, [number, number | null]>;
  /** Adjectives and nouns for the state's people ("Russian", "North Koreans"). */
  demonyms?: string[];
  contextual?: ContextualName[];
}
