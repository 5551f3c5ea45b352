/**
 * The collection report: many articles' results folded into trends per
 * actor, a dyad matrix with its evidence, and figures per source. Every
 * number can be traced to articles and sentence indices.
 */
import type { Posture, Stance, Tally } from '../types.js';

export const PERIODS = ['day', 'week', 'month', 'quarter', 'year'] as const;
export type Period = (typeof PERIODS)[number];

/** What `nkmsg report` writes. */
export const REPORT_FORMATS = ['html', 'json', 'markdown'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** Where an article came from: its file, and its NDJSON record's id and line. */
export interface ArticleRef {
  path: string;
  id?: string | number;
  line?: number;
}

/** One sentence behind a dyad cell. */
export interface Evidence extends ArticleRef {
  title: string | null;
  date: string | null;
  /** The sentence's index in that article's result. */
  sentence: number;
  stance: Stance;
  text: string;
}

/** What the report keeps of one analysed article: small enough to pass between threads. */
export interface ArticleDigest extends ArticleRef {
  /** The input's `sha256`: with its path, id and line, which article this is. */
  sha256?: string;
  title: string | null;
  /** The record's own date, else the article's dateline date. */
  date: string | null;
  /** The record's own source, else the publisher. */
  source: string | null;
  sender: string | null;
  /** Actors of the set with their names, in the set's order. */
  actors: { id: string; name: string; tally: Tally }[];
  dyads: { source: string; target: string; tally: Tally; evidence: Evidence[] }[];
}

export interface ReportFilters {
  /** Actor ids: an article counts when it names one of them, and figures are shown for them. */
  actors: string[] | null;
  from: string | null;
  to: string | null;
  /** Sources, compared without regard to case. */
  sources: string[] | null;
}

export interface ActorPoint extends Tally {
  period: string;
  /** First day of the period (YYYY-MM-DD). */
  start: string;
  /** Articles of the period that name the actor. */
  articles: number;
  net: number;
  posture: Posture;
}

export interface ActorTrend {
  id: string;
  name: string;
  articles: number;
  tally: Tally;
  net: number;
  posture: Posture;
  /** Periods with at least one dated article naming the actor, in time order. */
  series: ActorPoint[];
}

export interface DyadCell extends Tally {
  source: string;
  target: string;
  sourceName: string;
  targetName: string;
  /** Articles with at least one sentence naming both. */
  articles: number;
  net: number;
  evidence: Evidence[];
  /** Sentences of the cell not quoted as evidence (over the cap). */
  omitted: number;
}

export interface GroupFigures {
  /** The source's name, or the sender's id (null: articles with no source, or no sender). */
  name: string | null;
  articles: number;
  actors: { id: string; tally: Tally; net: number; posture: Posture }[];
}

export interface UndatedArticle extends ArticleRef {
  title: string | null;
}

export interface FailedArticle extends ArticleRef {
  code: string;
  message: string;
}

export interface ReportAggregate {
  schemaVersion: 1;
  kind: 'nkmsg-report';
  tool: { name: 'nkmsg'; version: string };
  period: Period;
  filters: ReportFilters;
  /** First and last article date counted. */
  span: { from: string | null; to: string | null };
  counts: {
    /** Inputs read, failed ones included. */
    inputs: number;
    analysed: number;
    failed: number;
    /** Analysed but left out by --actor, --source, --from or --to. */
    excluded: number;
    /** Counted in the figures below. */
    included: number;
    dated: number;
    undated: number;
  };
  evidenceCap: number;
  periods: { period: string; start: string; articles: number }[];
  actors: ActorTrend[];
  dyads: DyadCell[];
  sources: GroupFigures[];
  senders: GroupFigures[];
  undated: UndatedArticle[];
  failures: FailedArticle[];
  /** Entries of `undated` and `failures` over the list cap. */
  omitted: { undated: number; failures: number };
}
