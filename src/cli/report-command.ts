/**
 * `nkmsg report`: many articles (or saved results) in, one collection report
 * out: JSON, Markdown or a self-contained HTML file. Articles are analysed as
 * by `nkmsg analyze`, in parallel, and each is reduced to a small digest
 * where it was analysed; the report is written once, at the end, atomically.
 */
import { stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { ReportBuilder, type ReportSettings } from '../collection/aggregate.js';
import { articleRef, digestOf } from '../collection/digest.js';
import type { ArticleDigest, ArticleRef, FailedArticle, Period, ReportAggregate, ReportFormat } from '../collection/types.js';
import { DEFAULT_ACTORS } from '../data/actors.js';
import { isCalendarDate } from '../dates.js';
import { formatNamedBy } from '../format/framing.js';
import { formatJsonValue } from '../format/json.js';
import { formatReportHtml } from '../format/report-html.js';
import { formatReportMarkdown } from '../format/report-markdown.js';
import { formatBytes } from '../input.js';
import type { AnalysisResult, ActorDefinition } from '../types.js';
import { loadActorFile, namesActor } from './actor-file.js';
import { inFlight, placeOf, progressFor, refuseNoFile, refuseOutput, tasksOf, threadsFor, ownOutputTest } from './analyze-command.js';
import { errorReport, fileError, InputError, namingLine, outputError, showPath, UsageError, warningLine } from './errors.js';
import { ARTICLE_EXTENSIONS, boundedLines, expandInputs, NDJSON_EXTENSIONS, openStream, type Source } from './inputs.js';
import type { CliIO } from './io.js';
import { fileSink, streamSink, type Sink } from './output.js';
import { inProcess, workerPool, type Runner } from './pool.js';
import type { Progress } from './progress.js';
import type { Rendered } from './render.js';
import { inOrder } from './schedule.js';
import type { AnalysisSettings, Job } from './task.js';


export interface ReportCommandOptions {
  format?: ReportFormat;
  output?: string;
  fromResults: string[];
  period?: Period;
  actor: string[];
  source: string[];
  from?: string;
  to?: string;
  evidence: number;
  actors?: string;
  asOf?: string;
  jobs: number;
  quiet: boolean;
  inputFormat: 'text' | 'ndjson';
  maxBytes: number;
}

export const SHORT_HELP = `nkmsg report: no input given.

Usage: nkmsg report [options] <file|folder|->...
  nkmsg report articles/ -o report.html
  nkmsg report --from-results results.ndjson --format json > report.json

Run "nkmsg report --help" for every option.
`;

/** The formats a report --output name implies; other names imply none. */
const REPORT_FORMAT_BY_EXTENSION: Record<string, ReportFormat> = { '.html': 'html', '.htm': 'html', '.json': 'json', '.md': 'markdown', '.markdown': 'markdown' };

/** The format an --output name implies (markdown for stdout); null for a name that implies none. */
const formatOf = (output: string | undefined): ReportFormat | null => (output === undefined ? 'markdown' : formatNamedBy(output, REPORT_FORMAT_BY_EXTENSION));

/** An actor as a result names it: enough to match an --actor value. */
type NamedActor = { id: string; name: string; country: string };

/**
 * The --actor values (ids or names, any case, commas allowed) and the ids
 * they stand for. Articles analysed in the run are read with one actor set,
 * known before the run; saved results carry the set each was made with, so
 * with --from-results a value is matched against each set as it is met, and
 * one that names no actor of any is refused once the saved results are read.
 */
class ActorFilter {
  readonly terms: string[];
  /** The ids the values stand for, in the order met; null without --actor. */
  readonly ids: string[] | null;
  private readonly matched = new Set<string>();
  /** Every actor met, by id: what an error lists. */
  private readonly met = new Map<string, NamedActor>();

  constructor(wanted: string[]) {
    this.terms = wanted.flatMap((w) => w.split(',')).map((w) => w.trim()).filter(Boolean);
    this.ids = this.terms.length > 0 ? [] : null;
  }

  /** Matches the values against an actor set; returns the ids newly added. */
  meet(set: readonly NamedActor[]): string[] {
    if (this.ids === null) return [];
    const added: string[] = [];
    for (const actor of set) if (!this.met.has(actor.id)) this.met.set(actor.id, actor);
    for (const term of this.terms) {
      const actor = set.find(namesActor(term));
      if (actor === undefined) continue;
      this.matched.add(term);
      if (!this.ids.includes(actor.id)) {
        this.ids.push(actor.id);
        added.push(actor.id);
      }
    }
    return added;
  }

  /** Refuses a value that named no actor of the sets met (`where` says which they were). */
  refuseUnmatched(where: string): void {
    const term = this.terms.find((t) => !this.matched.has(t));
    if (term !== undefined) throw new UsageError(`--actor ${JSON.stringify(term)} is not an actor of ${where}; use an id or a name: ${[...this.met.keys()].join(', ')}`);
  }
}

/** A saved result's actor set, as far as an edited file gives it. */
const namedActors = (result: AnalysisResult): NamedActor[] =>
  result.actors.map((a) => ({ id: a.id, name: typeof a.name === 'string' ? a.name : a.id, country: typeof a.country === 'string' ? a.country : '' }));

const isResult = (value: unknown): value is AnalysisResult =>
  typeof value === 'object' && value !== null && (value as { schemaVersion?: unknown }).schemaVersion === 1 && Array.isArray((value as { sentences?: unknown }).sentences) && Array.isArray((value as { actors?: unknown }).actors) && typeof (value as { input?: { path?: unknown } }).input?.path === 'string';

const isFailure = (value: unknown): value is { input: { path: string; id?: string | number; line?: number }; error: { code: string; message: string } } =>
  typeof value === 'object' && value !== null && typeof (value as { error?: { message?: unknown } }).error?.message === 'string' && typeof (value as { input?: { path?: unknown } }).input?.path === 'string';

const STANCES: ReadonlySet<unknown> = new Set(['cooperative', 'conflictual', 'neutral']);
const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isDate = (value: unknown): boolean => value === undefined || value === null || (typeof value === 'string' && isCalendarDate(value));

/**
 * What in a saved result the report cannot count, or null. A saved file may
 * have been edited by hand or by another tool: such a record is a failure
 * of its own, not the end of the run.
 */
function resultProblem(result: AnalysisResult): string | null {
  if (!isObject(result.meta) || !Array.isArray(result.paragraphs)) return 'it has no meta or paragraphs';
  if (!result.actors.every((a) => isObject(a) && typeof a.id === 'string' && isObject(a.tally))) return 'an actor has no id or tally';
  for (const s of result.sentences as unknown[]) {
    if (!isObject(s) || typeof s['text'] !== 'string' || typeof s['paragraph'] !== 'number' || !Array.isArray(s['mentions']) || !isObject(s['stances'])) {
      return 'a sentence lacks its text, paragraph, mentions or stances';
    }
    const odd = Object.values(s['stances']).find((stance) => !STANCES.has(stance));
    if (odd !== undefined) return `sentence ${String(s['index'])} has the stance ${JSON.stringify(odd)}, not cooperative, conflictual or neutral`;
  }
  if (!isDate(result.input.date) || !isDate(result.meta.date)) return 'its date is not a real calendar date written YYYY-MM-DD';
  return null;
}

/** A saved result's digest with the actor set it was made with, in the set's order; or a failure. */
type Saved = { digest: ArticleDigest; actorSet: NamedActor[] } | { failure: FailedArticle };

async function openSaved(path: string): Promise<Readable> {
  try {
    return await openStream(path);
  } catch (error) {
    throw new UsageError(`--from-results ${showPath(path)}: ${fileError(error, path).message}`);
  }
}

const notResults = (path: string, where: string): UsageError =>
  new UsageError(
    `--from-results ${showPath(path)}: ${where} is not a result record of nkmsg analyze, so it is not a results file; ` +
      'give the output of nkmsg analyze --format ndjson, or give articles without --from-results',
  );

const isRecord = (value: unknown): boolean => isResult(value) || isFailure(value);

/** A saved result's line (or a saved JSON text) may be this many times --max-bytes. */
const SAVED_FACTOR = 16;

/**
 * Results saved by `nkmsg analyze --format ndjson` (or --format json: an
 * array, or one result), as digests and failures. A file whose first record
 * is not a result or an error record is refused whole (exit 2); after that,
 * a line that is not one is a failure of its own.
 */
async function* savedResults(path: string, stdin: () => Readable, maxBytes: number, evidence: number): AsyncGenerator<Saved> {
  const stream = path === '-' ? stdin() : await openSaved(path);
  const asSaved = (value: unknown, where: string, line?: number): Saved => {
    const badResult = (message: string): Saved => ({ failure: { path, ...(line !== undefined ? { line } : {}), code: 'bad-result', message } });
    if (isResult(value)) {
      const problem = resultProblem(value);
      return problem === null ? { digest: digestOf(value, evidence), actorSet: namedActors(value) } : badResult(`${where} is an nkmsg result the report cannot count: ${problem}`);
    }
    if (isFailure(value)) return { failure: { ...value.input, code: value.error.code, message: value.error.message } };
    return badResult(`${where} is not an nkmsg result; give the output of nkmsg analyze --format ndjson`);
  };
  // A saved result is several times its article: lines are allowed SAVED_FACTOR times --max-bytes.
  const limit = maxBytes * SAVED_FACTOR;
  const overLimit = (what: string): string => `over ${formatBytes(limit)}, the limit for ${what} (${SAVED_FACTOR} times --max-bytes)`;
  let line = 0;
  let first = true;
  let whole: Buffer[] | null = null;
  let size = 0;
  for await (const bytes of boundedLines(stream, limit)) {
    line++;
    if (whole !== null) {
      if (bytes === null || (size += bytes.length + 1) > limit) throw new UsageError(`--from-results ${showPath(path)}: is a JSON text ${overLimit('saved results')}; save results with --format ndjson instead, or raise --max-bytes`);
      whole.push(bytes, Buffer.from('\n'));
      continue;
    }
    if (bytes === null) {
      first = false;
      yield { failure: { path, line, code: 'too-large', message: `line ${line} is ${overLimit('a saved result')}; raise --max-bytes` } };
      continue;
    }
    const text = bytes.toString('utf8').replace(/^\uFEFF/, '').trim();
    if (text === '') continue;
    // --format json writes an array, or one result pretty-printed ("{" alone on its first line): read whole.
    if (first && (text.startsWith('[') || text === '{')) {
      whole = [bytes, Buffer.from('\n')];
      size = bytes.length + 1;
      continue;
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      if (first) throw notResults(path, `line ${line}`);
      yield { failure: { path, line, code: 'bad-result', message: `line ${line} is not valid JSON; give the output of nkmsg analyze --format ndjson` } };
      continue;
    }
    if (first && !isRecord(value)) throw notResults(path, `line ${line}`);
    first = false;
    yield asSaved(value, `line ${line}`, line);
  }
  if (whole !== null) {
    let values: unknown;
    try {
      values = JSON.parse(Buffer.concat(whole).toString('utf8').replace(/^\uFEFF/, ''));
    } catch (error) {
      throw new UsageError(`--from-results ${showPath(path)}: is not valid JSON (${error instanceof Error ? error.message : String(error)})`);
    }
    const list = Array.isArray(values) ? values : [values];
    if (list.length > 0 && !isRecord(list[0])) throw notResults(path, Array.isArray(values) ? 'its first item' : 'its JSON value');
    for (const [i, value] of list.entries()) yield asSaved(value, `item ${i + 1}`);
  }
}

/** A run of `nkmsg report`, parsed and checked before anything is read or analysed. */
export interface ReportPlan {
  options: ReportCommandOptions;
  format: ReportFormat;
  actors: ActorDefinition[] | null;
  sources: Source[];
  /** Filters, period and evidence cap, as the builder takes them. */
  builder: ReportSettings;
  /** Sources left out because the same file was given before. */
  repeated: Source[];
  /** --actor, matched so far against the set articles are analysed with. */
  actorFilter: ActorFilter;
}

export async function runReport(inputs: string[], options: ReportCommandOptions, io: CliIO): Promise<number> {
  const plan = await planReport(inputs, options, io);
  return 'exitCode' in plan ? plan.exitCode : executeReport(plan, io);
}

export async function planReport(inputs: string[], options: ReportCommandOptions, io: CliIO): Promise<ReportPlan | { exitCode: number }> {
  const actors = options.actors ? await loadActorFile(options.actors) : null;
  // A name that can hold no file is the first thing to say of it, before its format.
  if (options.output !== undefined) await refuseNoFile(options.output);
  const format = options.format ?? formatOf(options.output);
  if (format === null) throw new UsageError(`--output ${showPath(options.output!)}: say which format to write with --format html, json or markdown (or name the file .html, .json or .md)`);
  if (options.from && options.to && options.from > options.to) throw new UsageError(`--from ${options.from} is after --to ${options.to}`);
  const actorFilter = new ActorFilter(options.actor);
  if (inputs.length > 0 || options.fromResults.length === 0) actorFilter.meet(actors ?? DEFAULT_ACTORS);
  // Without saved results every --actor value must name an actor of the set, checked before anything is analysed.
  if (options.fromResults.length === 0) actorFilter.refuseUnmatched('the set');
  const builder: ReportSettings = {
    ...(options.period ? { period: options.period } : {}),
    evidenceCap: options.evidence,
    filters: { actors: actorFilter.ids === null ? null : [...actorFilter.ids], sources: sourcesOf(options.source), from: options.from ?? null, to: options.to ?? null },
  };
  if (inputs.length === 0 && options.fromResults.length === 0) {
    if (io.stdinIsTTY) {
      io.stderr.write(SHORT_HELP);
      return { exitCode: 2 };
    }
    inputs = ['-'];
  }
  if ([...inputs, ...options.fromResults].filter((i) => i === '-').length > 1) throw new UsageError('"-" (standard input) can be given only once');
  const ownOutput = await ownOutputTest(options.output, io.stdoutFile?.() ?? null, io, options.quiet);
  const { sources, repeated } = onceEach(await expandInputs(inputs, options.inputFormat === 'ndjson' ? NDJSON_EXTENSIONS : ARTICLE_EXTENSIONS, ownOutput));
  if (options.output !== undefined) await refuseReportOutput(options.output, sources, options, io);
  if (inputs.length === 0 && !options.quiet) warnIgnored(options, io);
  return { options, format, actors, sources, builder, repeated, actorFilter };
}

/** The --source values without stray spaces; null without --source. A value that is only spaces is refused. */
function sourcesOf(values: string[]): string[] | null {
  const empty = values.find((v) => v.trim() === '');
  if (empty !== undefined) throw new UsageError(`--source ${JSON.stringify(empty)} names no source; give a source or publisher as the articles name it`);
  return values.length > 0 ? values.map((v) => v.trim()) : null;
}

/** With --from-results alone nothing is analysed: the options that only change an analysis are ignored, with a warning each. */
function warnIgnored(options: ReportCommandOptions, io: CliIO): void {
  if (options.asOf !== undefined) io.stderr.write(warningLine(null, '--as-of applies to articles analysed in the run; it is ignored with --from-results alone'));
  if (options.actors !== undefined) {
    io.stderr.write(warningLine(null, '--actors applies to articles analysed in the run (saved results keep the actors they were made with); it is ignored with --from-results alone'));
  }
}

/** The sources with each file once: a file named again (a folder's article given by name too, ./a.txt and a.txt) is left out. */
function onceEach(all: Source[]): { sources: Source[]; repeated: Source[] } {
  const seen = new Set<string>();
  const sources: Source[] = [];
  const repeated: Source[] = [];
  for (const source of all) {
    const key = source.kind === 'stdin' ? '-' : resolve(source.path);
    if (seen.has(key)) repeated.push(source);
    else sources.push(source);
    seen.add(key);
  }
  return { sources, repeated };
}

/**
 * Which article a digest or a failure is about, for counting each once: the
 * sha256 of its bytes where known (a file analysed, a saved result) with its
 * file name, NDJSON id and line; a saved result's path is relative to the
 * folder its analysis ran in, which may not be this one, so the file name
 * stands for it. A failure has no sha256; it is the same failure when it
 * names the same input (its resolved path, id and line).
 */
function articleKey(ref: ArticleRef & { sha256?: string }, failed: boolean): string {
  const where = ref.path === '-' ? '-' : ref.sha256 !== undefined ? basename(ref.path) : resolve(ref.path);
  return JSON.stringify([failed, where, ref.id ?? null, ref.line ?? null, ref.sha256 ?? null]);
}

/** Counts each article once across the run, and what it left out for one warning at the end. */
class Counted {
  private readonly seen = new Set<string>();
  private skipped = 0;
  private example: string | null = null;

  constructor(repeated: Source[]) {
    for (const source of repeated) this.skip(source.kind === 'stdin' ? '-' : source.path);
  }

  /** True the first time an article is met; false, and counted as skipped, after. */
  once(ref: ArticleRef & { sha256?: string }, failed: boolean): boolean {
    const key = articleKey(ref, failed);
    if (!this.seen.has(key)) {
      this.seen.add(key);
      return true;
    }
    this.skip(ref.line !== undefined ? `${ref.path}:${ref.line}` : ref.path);
    return false;
  }

  private skip(where: string): void {
    this.skipped++;
    this.example ??= where;
  }

  /** The warning line, or null when nothing was given twice. */
  warning(): string | null {
    if (this.skipped === 0) return null;
    const n = this.skipped;
    return warningLine(null, `skipped ${n} duplicate input${n === 1 ? '' : 's'} (${n === 1 ? '' : 'the first: '}${showPath(this.example!)}): a file given again, or a saved result of an input already counted, counts once`);
  }
}

/** Refuses an --output that is an input, the actor file or a --from-results file. */
async function refuseReportOutput(output: string, sources: Source[], options: ReportCommandOptions, io: CliIO): Promise<void> {
  await refuseOutput(output, sources, options.actors, io.stdinFile?.() ?? null);
  for (const saved of options.fromResults) {
    const same = await Promise.all([stat(saved), stat(output)]).then(([a, b]) => a.ino === b.ino && a.dev === b.dev, () => false);
    if (same) throw new UsageError(`--output ${showPath(output)}: is also the --from-results file; write the report to another file`);
  }
}

export async function executeReport(plan: ReportPlan, io: CliIO): Promise<number> {
  const { options } = plan;
  const builder = new ReportBuilder(plan.builder);
  const progress: { bar: Progress | null } = { bar: null };
  const say = (line: string): void => {
    progress.bar?.clear();
    io.stderr.write(line);
  };
  const opened: { stdin: Readable | null } = { stdin: null };
  const stdin = (): Readable => (opened.stdin ??= io.stdin);
  const counted = new Counted(plan.repeated);
  const actorSets = new Map<string, string[]>();
  const usedSet = (ids: string[]): void => void actorSets.set(JSON.stringify(ids), ids);
  const setsMet = new Set<string>();
  for (const path of options.fromResults) {
    for await (const saved of savedResults(path, stdin, options.maxBytes, options.evidence)) {
      if ('digest' in saved) {
        if (!counted.once(saved.digest, false)) continue;
        // --actor may name an actor of this result's set by another id than elsewhere: match it before the result is added.
        const key = JSON.stringify(saved.actorSet);
        if (!setsMet.has(key)) {
          setsMet.add(key);
          for (const id of plan.actorFilter.meet(saved.actorSet)) builder.showActor(id);
        }
        builder.add(saved.digest);
        usedSet(saved.actorSet.map((a) => a.id));
      } else if (counted.once(saved.failure, true)) {
        builder.addFailure(saved.failure);
        say(errorReport(saved.failure.path, namingLine(saved.failure.line, saved.failure.message), false));
      }
    }
  }
  // An --actor value that names no actor of the saved results (nor of the set articles are analysed with) is refused before they are.
  if (options.fromResults.length > 0 && (setsMet.size > 0 || plan.sources.length > 0)) {
    const analysing = plan.sources.length > 0;
    const sets = !analysing ? 'the saved results' : setsMet.size === 0 ? 'the set the articles are analysed with' : 'the saved results or of the set the articles are analysed with';
    plan.actorFilter.refuseUnmatched(sets);
  }
  const analysed = plan.sources.length > 0 ? await analyseInto(builder, plan, io, stdin, say, progress, counted) : 0;
  if (analysed > 0) usedSet((plan.actors ?? DEFAULT_ACTORS).map((a) => a.id));
  if (!options.quiet) {
    const twice = counted.warning();
    if (twice !== null) say(twice);
    if (actorSets.size > 1) say(warningLine(null, mixedSets([...actorSets.values()])));
  }

  const report = builder.finish();
  const { counts } = report;
  // A report of nothing never replaces one: with no article counted (every input failed, the inputs were empty, or the filters left none), FILE is kept.
  if (counts.included === 0) {
    const why =
      counts.analysed > 0 ? `nothing to report: ${filteredOut(counts.analysed, report.filters, builder.held())}` : counts.failed > 0 ? 'no input could be analysed' : 'nothing to report: the inputs hold no article or result';
    const existed = options.output !== undefined && (await stat(options.output).then(() => true, () => false));
    say(`nkmsg: ${why}; ${options.output !== undefined ? `${showPath(options.output)} ${existed ? 'left unchanged' : 'not written'}` : 'no report'}\n`);
    return 1;
  }
  await writeReport(await reportText(report, plan.format, say), options.output, io);
  if (!options.quiet && options.output !== undefined) {
    say(
      `nkmsg: ${showPath(options.output)}: ${counts.included} article${counts.included === 1 ? '' : 's'} (${counts.dated} dated, ${counts.undated} undated)` +
        `${counts.excluded > 0 ? `, ${counts.excluded} left out by filters` : ''}${counts.failed > 0 ? `, ${counts.failed} failed` : ''}${counts.dated > 0 ? `; by ${report.period}` : ''}\n`,
    );
  }
  return counts.failed > 0 ? 1 : 0;
}

/** Says that the filters left out all `n` articles, and what the articles hold that the --source, --from and --to filters look at. */
function filteredOut(n: number, filters: ReportAggregate['filters'], held: ReturnType<ReportBuilder['held']>): string {
  const what: string[] = [];
  const unmatched = filters.sources?.find((s) => !held.sources.some((h) => h.toLowerCase() === s.toLowerCase()));
  if (unmatched !== undefined) {
    const listed = held.sources.length <= 12 ? held.sources.join(', ') : `${held.sources.slice(0, 10).join(', ')} and ${held.sources.length - 10} more`;
    what.push(`no article has the source ${JSON.stringify(unmatched)}; ${held.sources.length === 0 ? 'none names its source' : `the sources are ${listed}`}`);
  }
  if (filters.from !== null || filters.to !== null) {
    const undated = held.undated > 0 ? `${held.undated} ${held.undated === 1 ? 'has' : 'have'} no date` : '';
    what.push(held.span.from === null ? 'none has a date' : `they are dated ${held.span.from} to ${held.span.to}${undated ? `, and ${undated}` : ''}`);
  }
  return `the filters leave out ${n === 1 ? 'the one article' : `all ${n} articles`}${what.length > 0 ? ` (${what.join('; ')})` : ''}`;
}

/** Says that the counted results were made with different actor sets, naming them (a long set by its first ids). */
function mixedSets(sets: string[][]): string {
  const named = (ids: string[]): string => (ids.length <= 6 ? ids.join(', ') : `${ids.slice(0, 5).join(', ')} and ${ids.length - 5} more`);
  const listed = sets.slice(0, 3).map(named).join('; ') + (sets.length > 3 ? `; and ${sets.length - 3} more` : '');
  return (
    `the results counted were made with ${sets.length} different actor sets (${listed}); an actor is counted only in the articles read with a set that has it, ` +
    'so figures across sets do not compare; analyse the articles again with one --actors file to compare them'
  );
}

/** Analyses the plan's inputs as nkmsg analyze does (workers, input order) and adds each digest or failure; returns the digests added. */
async function analyseInto(builder: ReportBuilder, plan: ReportPlan, io: CliIO, stdin: () => Readable, say: (line: string) => void, progress: { bar: Progress | null }, counted: Counted): Promise<number> {
  const { options, sources } = plan;
  const streamed = options.inputFormat === 'ndjson';
  const settings: AnalysisSettings = { actors: plan.actors, maxBytes: options.maxBytes, debug: io.env['NKMSG_DEBUG'] === '1', ...(options.asOf !== undefined ? { asOf: options.asOf } : {}) };
  const threads = threadsFor(options.jobs, sources, streamed);
  const runner: Runner = threads > 1 ? await workerPool(threads) : inProcess();
  progress.bar = progressFor(io, options.quiet, sources, streamed);
  let added = 0;
  const emit = async (outcome: Rendered, task: Job): Promise<void> => {
    const where = placeOf(task);
    if (outcome.error) {
      const failure = { ...articleRef(task), ...outcome.error };
      if (counted.once(failure, true)) {
        builder.addFailure(failure);
        say(errorReport(task.path, namingLine(task.line, outcome.error.message), settings.debug === true));
      }
    } else {
      const digest = JSON.parse(outcome.text) as ArticleDigest;
      if (counted.once(digest, false)) {
        if (!options.quiet) for (const w of outcome.warnings) say(warningLine(task.path, w, task.line));
        builder.add(digest);
        added++;
      }
    }
    progress.bar?.tick(where);
  };
  try {
    const render = { format: 'digest' as const, explain: false, colorLevel: 0 as const, single: false, evidence: options.evidence };
    await inOrder(tasksOf(sources, options, settings, render, stdin), (task) => runner.run(task), emit, {
      window: inFlight(threads),
      stopped: () => false,
    });
  } finally {
    progress.bar?.clear();
    await runner.close();
  }
  return added;
}

async function reportText(report: ReportAggregate, format: ReportFormat, say: (line: string) => void): Promise<string> {
  if (format === 'json') return formatJsonValue(report);
  if (format === 'markdown') return formatReportMarkdown(report);
  const { renderReportCharts } = await import('../format/svg.js');
  return formatReportHtml(report, await renderReportCharts(report, (m) => say(warningLine(null, m))));
}

/** Writes the report at once: to stdout, or to --output atomically (a failed write leaves no half file). */
async function writeReport(text: string, output: string | undefined, io: CliIO): Promise<void> {
  let sink: Sink;
  try {
    sink = output !== undefined ? await fileSink(output) : streamSink(io.stdout);
  } catch (error) {
    throw new UsageError(`--output ${showPath(output!)}: cannot write: ${outputError(error, output!).message}`);
  }
  try {
    await sink.write(text);
    await sink.finish();
  } catch (error) {
    await sink.abort();
    throw error instanceof InputError ? error : outputError(error, output ?? '-');
  }
}
