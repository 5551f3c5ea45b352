/**
 * Folding digests into the collection report. Articles arrive one at a time
 * (a run over ten thousand keeps only their small digests' counts); the
 * period is chosen at the end, from the span of dates, unless it was given.
 */
import { addTally, emptyTally, postureOf } from '../posture.js';
import type { Stance, Tally } from '../types.js';
import { VERSION } from '../version.js';
import { articleRef, DEFAULT_EVIDENCE_CAP } from './digest.js';
import { periodFor, periodOf } from './periods.js';
import type {
  ActorTrend,
  ArticleDigest,
  DyadCell,
  Evidence,
  FailedArticle,
  GroupFigures,
  Period,
  ReportAggregate,
  ReportFilters,
  UndatedArticle,
} from './types.js';

export interface ReportSettings {
  /** The time axis' period; chosen from the span of dates when absent. */
  period?: Period;
  filters?: Partial<ReportFilters>;
  /** Evidence sentences quoted per dyad cell. */
  evidenceCap?: number;
  /** Undated and failed articles listed by name (the rest are counted). */
  listCap?: number;
}

export { DEFAULT_EVIDENCE_CAP };
export const DEFAULT_LIST_CAP = 200;


/** Net tone: (cooperative − conflictual) / all, from −1 (all conflictual) to 1; 0 for no sentences. */
export function netTone(tally: Tally): number {
  const all = tally.cooperative + tally.conflictual + tally.neutral;
  return all === 0 ? 0 : Math.round(((tally.cooperative - tally.conflictual) / all) * 1000) / 1000;
}

interface Counted {
  date: string | null;
  actors: { id: string; tally: Tally }[];
}

interface CellState {
  source: string;
  target: string;
  tally: Tally;
  articles: number;
  /** Evidence kept per stance up to the cap, each with its place in the order of arrival. */
  byStance: Record<Stance, { seq: number; evidence: Evidence }[]>;
}

interface GroupState {
  articles: number;
  actors: Map<string, Tally>;
}

export class ReportBuilder {
  private readonly filters: ReportFilters;
  private readonly evidenceCap: number;
  private readonly listCap: number;
  private readonly counted: Counted[] = [];
  private readonly names = new Map<string, string>();
  private readonly cells = new Map<string, CellState>();
  private readonly sources = new Map<string | null, GroupState>();
  private readonly senders = new Map<string | null, GroupState>();
  private readonly undated: UndatedArticle[] = [];
  private readonly failures: FailedArticle[] = [];
  private undatedCount = 0;
  /** Every article added, kept by the filters or not: its sources and dates. */
  private readonly met = { sources: new Map<string, number>(), from: null as string | null, to: null as string | null, undated: 0 };
  private failedCount = 0;
  private analysed = 0;
  private excluded = 0;
  private arrived = 0;

  constructor(private readonly settings: ReportSettings = {}) {
    const f = settings.filters ?? {};
    this.filters = { actors: f.actors ?? null, from: f.from ?? null, to: f.to ?? null, sources: f.sources ?? null };
    this.evidenceCap = settings.evidenceCap ?? DEFAULT_EVIDENCE_CAP;
    this.listCap = settings.listCap ?? DEFAULT_LIST_CAP;
  }

  /**
   * Adds an actor id to the actor filter: the actor a filter names may have
   * another id in another actor set (results merged from several). Digests
   * added from then on are kept and shown for it too. No filter, no change.
   */
  showActor(id: string): void {
    if (this.filters.actors !== null && !this.filters.actors.includes(id)) this.filters.actors = [...this.filters.actors, id];
  }

  /** Whether the filters keep an article. Undated articles cannot be placed within --from/--to. */
  private keeps(digest: ArticleDigest): boolean {
    const { actors, from, to, sources } = this.filters;
    if ((from !== null || to !== null) && digest.date === null) return false;
    if (from !== null && digest.date! < from) return false;
    if (to !== null && digest.date! > to) return false;
    if (sources !== null && !sources.some((s) => s.toLowerCase() === (digest.source ?? '').toLowerCase())) return false;
    if (actors !== null && !digest.actors.some((a) => actors.includes(a.id))) return false;
    return true;
  }

  private shown(id: string): boolean {
    return this.filters.actors === null || this.filters.actors.includes(id);
  }

  add(digest: ArticleDigest): void {
    this.analysed++;
    for (const a of digest.actors) if (!this.names.has(a.id)) this.names.set(a.id, a.name);
    this.meet(digest);
    if (!this.keeps(digest)) {
      this.excluded++;
      return;
    }
    const actors = digest.actors.filter((a) => this.shown(a.id)).map((a) => ({ id: a.id, tally: a.tally }));
    this.counted.push({ date: digest.date, actors });
    if (digest.date === null) {
      this.undatedCount++;
      if (this.undated.length < this.listCap) {
        this.undated.push({ ...articleRef(digest), title: digest.title });
      }
    }
    addToGroup(this.sources, digest.source, actors);
    addToGroup(this.senders, digest.sender, actors);
    for (const dyad of digest.dyads) {
      if (!this.shown(dyad.source) && !this.shown(dyad.target)) continue;
      const key = `${dyad.source}>${dyad.target}`;
      let cell = this.cells.get(key);
      if (!cell) {
        cell = { source: dyad.source, target: dyad.target, tally: emptyTally(), articles: 0, byStance: { cooperative: [], conflictual: [], neutral: [] } };
        this.cells.set(key, cell);
      }
      addTally(cell.tally, dyad.tally);
      cell.articles++;
      for (const e of dyad.evidence) {
        const list = cell.byStance[e.stance];
        if (list.length < this.evidenceCap) list.push({ seq: this.arrived++, evidence: e });
      }
    }
  }

  private meet({ source, date }: ArticleDigest): void {
    const met = this.met;
    if (source !== null) met.sources.set(source, (met.sources.get(source) ?? 0) + 1);
    if (date === null) met.undated++;
    else {
      if (met.from === null || date < met.from) met.from = date;
      if (met.to === null || date > met.to) met.to = date;
    }
  }

  /**
   * What the articles added hold, whether the filters kept them or not: their
   * sources (most articles first), span of dates and the number without a
   * date. Says what there is when the filters leave no article.
   */
  held(): { sources: string[]; span: { from: string | null; to: string | null }; undated: number } {
    const sources = [...this.met.sources].sort(([a, m], [b, n]) => n - m || a.localeCompare(b)).map(([name]) => name);
    return { sources, span: { from: this.met.from, to: this.met.to }, undated: this.met.undated };
  }

  addFailure(failure: FailedArticle): void {
    this.failedCount++;
    if (this.failures.length < this.listCap) this.failures.push(failure);
  }

  finish(): ReportAggregate {
    const dates = this.counted.flatMap((c) => (c.date === null ? [] : [c.date])).sort();
    const span = { from: dates[0] ?? null, to: dates.at(-1) ?? null };
    const period = this.settings.period ?? periodFor(span.from, span.to);
    const { periods, actors } = this.trends(period);
    return {
      schemaVersion: 1,
      kind: 'nkmsg-report',
      tool: { name: 'nkmsg', version: VERSION },
      period,
      filters: this.filters,
      span,
      counts: {
        inputs: this.analysed + this.failedCount,
        analysed: this.analysed,
        failed: this.failedCount,
        excluded: this.excluded,
        included: this.counted.length,
        dated: dates.length,
        undated: this.undatedCount,
      },
      evidenceCap: this.evidenceCap,
      periods,
      actors,
      dyads: [...this.cells.values()].map((cell) => this.cellOf(cell)),
      sources: groupFigures(this.sources),
      senders: groupFigures(this.senders),
      undated: this.undated,
      failures: this.failures,
      omitted: { undated: this.undatedCount - this.undated.length, failures: this.failedCount - this.failures.length },
    };
  }

  /** Articles per period, and each actor's totals and points per period. */
  private trends(period: Period): { periods: ReportAggregate['periods']; actors: ActorTrend[] } {
    const periods = new Map<string, { period: string; start: string; articles: number }>();
    const series = new Map<string, Map<string, { start: string; articles: number; tally: Tally }>>();
    const totals = new Map<string, { articles: number; tally: Tally }>();
    for (const c of this.counted) {
      const at = c.date === null ? null : periodOf(c.date, period);
      if (at) {
        const p = periods.get(at.period) ?? { ...at, articles: 0 };
        p.articles++;
        periods.set(at.period, p);
      }
      for (const a of c.actors) {
        const total = totals.get(a.id) ?? { articles: 0, tally: emptyTally() };
        total.articles++;
        addTally(total.tally, a.tally);
        totals.set(a.id, total);
        if (!at) continue;
        const points = series.get(a.id) ?? new Map();
        const point = points.get(at.period) ?? { start: at.start, articles: 0, tally: emptyTally() };
        point.articles++;
        addTally(point.tally, a.tally);
        points.set(at.period, point);
        series.set(a.id, points);
      }
    }
    const actors: ActorTrend[] = [...totals].map(([id, total]) => ({
      id,
      name: this.names.get(id) ?? id,
      articles: total.articles,
      tally: total.tally,
      net: netTone(total.tally),
      posture: postureOf(total.tally),
      series: [...(series.get(id) ?? new Map<string, { start: string; articles: number; tally: Tally }>())]
        .map(([label, p]) => ({ period: label, start: p.start, articles: p.articles, ...p.tally, net: netTone(p.tally), posture: postureOf(p.tally) }))
        .sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0)),
    }));
    return { periods: [...periods.values()].sort((a, b) => (a.start < b.start ? -1 : 1)), actors };
  }

  /** A cell's quoted evidence: sentences with a tone first, in the order they arrived, then neutral ones. */
  private cellOf(cell: CellState): DyadCell {
    const toned = [...cell.byStance.conflictual, ...cell.byStance.cooperative].sort((a, b) => a.seq - b.seq);
    const evidence = [...toned, ...cell.byStance.neutral].slice(0, this.evidenceCap).map((e) => e.evidence);
    const all = cell.tally.cooperative + cell.tally.conflictual + cell.tally.neutral;
    return { source: cell.source, target: cell.target, sourceName: this.names.get(cell.source) ?? cell.source, targetName: this.names.get(cell.target) ?? cell.target, articles: cell.articles, ...cell.tally, net: netTone(cell.tally), evidence, omitted: all - evidence.length };
  }
}

function addToGroup(groups: Map<string | null, GroupState>, name: string | null, actors: { id: string; tally: Tally }[]): void {
  const group = groups.get(name) ?? { articles: 0, actors: new Map<string, Tally>() };
  group.articles++;
  for (const a of actors) {
    const tally = group.actors.get(a.id) ?? emptyTally();
    addTally(tally, a.tally);
    group.actors.set(a.id, tally);
  }
  groups.set(name, group);
}

function groupFigures(groups: Map<string | null, GroupState>): GroupFigures[] {
  return [...groups]
    .map(([name, g]) => ({ name, articles: g.articles, actors: [...g.actors].map(([id, tally]) => ({ id, tally, net: netTone(tally), posture: postureOf(tally) })) }))
    .sort((a, b) => b.articles - a.articles || (a.name ?? '\uffff').localeCompare(b.name ?? '\uffff'));
}
