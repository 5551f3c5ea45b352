/**
 * `nkmsg analyze`: inputs in, one result per input out, in input order.
 * Results go to stdout (or --output FILE); warnings, errors and progress to
 * stderr. A failing input is reported and the run goes on; the exit code is
 * then 1.
 */
import { open, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Readable } from 'node:stream';
import type { ColorSupportLevel } from 'chalk';
import { DEFAULT_ACTORS } from '../data/actors.js';
import { framingOf, type Format } from '../format/framing.js';
import type { ActorDefinition } from '../types.js';
import { actorNamed, loadActorFile } from './actor-file.js';
import { colorLevel } from './color.js';
import { errorReport, fileError, InputError, namingLine, outputError, showPath, UsageError, warningLine } from './errors.js';
import { ARTICLE_EXTENSIONS, expandInputs, NDJSON_EXTENSIONS, openStream, readAll, readRecords, type Source } from './inputs.js';
import type { CliIO, FileIdentity } from './io.js';
import { appendSink, fileSink, isDescriptor, streamSink, whyNoDescriptor, whyNoFileAt, whyNotWritable, type Sink } from './output.js';
import { BATCH_SIZE, inProcess, workerPool, type Runner } from './pool.js';
import { heapKeeper, KEEP } from './memory.js';
import { Progress } from './progress.js';
import { cutUnfinished, dropReplaced, inputKey, loadResume, skipDone, type ResumeState, type Skipped } from './resume.js';
import { inOrder } from './schedule.js';
import { refuseWhileResumed } from './resume-lock.js';
import { ownOutput } from '../input.js';
import { loadPalette, paletteFor, type Rendered, type RenderSettings } from './render.js';
import type { AnalysisSettings, Job } from './task.js';


export interface AnalyzeCommandOptions {
  format: Format;
  actors?: string;
  sender?: string;
  asOf?: string;
  top: number;
  explain: boolean;
  jobs: number;
  output?: string;
  /** Go on from the records already in --output (NDJSON): see resume.ts. */
  resume?: boolean;
  color?: boolean;
  quiet: boolean;
  inputFormat: 'text' | 'ndjson';
  maxBytes: number;
}

export const SHORT_HELP = `nkmsg analyze: no input given.

Usage: nkmsg analyze [options] <file|folder|->...
  nkmsg analyze article.txt
  nkmsg analyze articles/ --format ndjson > results.ndjson
  cat article.txt | nkmsg analyze

Run "nkmsg analyze --help" for every option.
`;

/** Refuses an --output that can hold no file: a folder, a name ending in "/", a path through a file or a missing folder. */
export async function refuseNoFile(output: string): Promise<void> {
  const descriptor = await whyNoDescriptor(output);
  if (descriptor !== null) throw new UsageError(`--output ${showPath(output)}: ${descriptor}`);
  if ((await stat(output).catch(() => null))?.isDirectory()) throw new UsageError(`--output ${showPath(output)}: is a folder; give a file name`);
  const noPlace = await whyNoFileAt(output);
  if (noPlace !== null) throw new UsageError(`--output ${showPath(output)}: ${noPlace}`);
}

/** Whether the file at `path` is empty or starts as nkmsg's own output does. */
async function holdsOwnOutput(path: string): Promise<boolean> {
  const file = await open(path, 'r').catch(() => null);
  if (file === null) return false;
  try {
    const { buffer, bytesRead } = await file.read(Buffer.alloc(4096), 0, 4096, 0);
    return bytesRead === 0 || ownOutput(buffer.subarray(0, bytesRead).toString('utf8')) !== null;
  } finally {
    await file.close();
  }
}

/**
 * Whether a file found in a folder is the run's own output: the --output FILE
 * (from an earlier run) or the file standard output is redirected to, which
 * the walk would otherwise read back as an article; each is warned about.
 * Only a file that is empty or holds nkmsg's output is the run's own: an
 * article that --output names is refused later, never skipped and replaced.
 */
export async function ownOutputTest(output: string | undefined, stdoutFile: FileIdentity | null, io: CliIO, quiet: boolean): Promise<(path: string) => Promise<boolean>> {
  const target = output !== undefined && !isDescriptor(output) ? await stat(output).catch(() => null) : null;
  const outputs = [target, stdoutFile].filter((f): f is FileIdentity => f !== null && f !== undefined);
  return async (path) => {
    if (outputs.length === 0) return false;
    const file = await stat(path).catch(() => null);
    if (file === null || !outputs.some((o) => o.ino === file.ino && o.dev === file.dev) || !(await holdsOwnOutput(path))) return false;
    if (!quiet) io.stderr.write(warningLine(path, 'skipped: it is where this run writes its output'));
    return true;
  };
}

/**
 * Refuses an --output that would replace what the run reads (same path or
 * same file, links followed): an input, the --actors file, or the file
 * standard input is redirected from when "-" is an input.
 */
export async function refuseOutput(output: string, sources: Source[], actors: string | undefined, stdinFile: FileIdentity | null): Promise<void> {
  await refuseNoFile(output);
  // A descriptor is written as it is, but the file it is open on (3<>a.txt) must be no input either.
  const target = await stat(output).catch(() => null);
  const descriptor = isDescriptor(output);
  const refusal = descriptor ? null : await whyNotWritable(output);
  if (refusal === 'file') throw new UsageError(`cannot write ${showPath(output)}: permission denied; choose a file you can write`);
  if (refusal === 'folder') throw new UsageError(`cannot write ${showPath(output)}: permission denied (its folder is not writable); choose another folder`);
  const isTarget = (file: FileIdentity): boolean => target !== null && file.ino === target.ino && file.dev === target.dev;
  const sameFile = async (path: string): Promise<boolean> => resolve(path) === resolve(output) || (target !== null && (await stat(path).then(isTarget, () => false)));
  for (const source of sources) {
    if (source.kind === 'file' && (await sameFile(source.path))) {
      throw new UsageError(`--output ${showPath(output)}: is also an input; write the results to another file`);
    }
  }
  if (actors !== undefined && (await sameFile(actors))) {
    throw new UsageError(`--output ${showPath(output)}: is the --actors file; write the results to another file`);
  }
  if (stdinFile !== null && isTarget(stdinFile)) {
    if (sources.some((s) => s.kind === 'stdin')) throw new UsageError(`--output ${showPath(output)}: is also an input (standard input is read from it); write the results to another file`);
    throw new UsageError(`--output ${showPath(output)}: is the file standard input is redirected from; write the results to another file`);
  }
}

export async function* tasksOf(
  sources: Source[],
  options: Pick<AnalyzeCommandOptions, 'inputFormat' | 'maxBytes'>,
  settings: AnalysisSettings,
  render: RenderSettings,
  stdin: () => Readable,
): AsyncGenerator<Job> {
  for (const source of sources) {
    if (source.kind === 'failed') {
      yield { kind: 'failed', path: source.path, code: source.code, message: source.message, settings, render };
      continue;
    }
    const path = source.kind === 'stdin' ? '-' : source.path;
    if (options.inputFormat === 'text') {
      if (source.kind === 'file') {
        yield { kind: 'file', path, settings, render };
        continue;
      }
      try {
        yield { kind: 'bytes', path, bytes: await readAll(stdin(), options.maxBytes), settings, render };
      } catch (error) {
        const failure = error instanceof InputError ? error : fileError(error, path);
        yield { kind: 'failed', path, code: failure.code, message: failure.message, settings, render };
      }
      continue;
    }
    let stream: Readable;
    if (source.kind === 'stdin') {
      stream = stdin();
    } else {
      try {
        stream = await openStream(path);
      } catch (error) {
        const failure = fileError(error, path);
        yield { kind: 'failed', path, code: failure.code, message: failure.message, settings, render };
        continue;
      }
    }
    try {
      for await (const record of readRecords(stream, options.maxBytes)) {
        yield record.ok
          ? { kind: 'text', path, id: record.id, line: record.line, text: record.text, ...(record.date ? { date: record.date } : {}), ...(record.source ? { source: record.source } : {}), ...(record.warnings ? { warnings: record.warnings } : {}), settings, render }
          : { kind: 'failed', path, line: record.line, ...(record.id !== undefined ? { id: record.id } : {}), code: record.code, message: record.message, settings, render };
      }
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      yield { kind: 'failed', path, code: error.code, message: error.message, settings, render };
    }
  }
}

/** Worker threads for a run: --jobs, but no more than there are inputs (unknown in advance for NDJSON). */
export const threadsFor = (jobs: number, sources: Source[], streamed: boolean): number => Math.min(jobs, streamed ? jobs : sources.length);

/** Jobs in flight at once: enough to keep every worker's batches full. */
export const inFlight = (threads: number): number => Math.max(2, threads * BATCH_SIZE * 2);

/** The progress bar, on a terminal's stderr only, and only for more than one input. */
export function progressFor(io: CliIO, quiet: boolean, sources: Source[], streamed: boolean): Progress | null {
  return io.stderrIsTTY && !quiet && (streamed || sources.length > 1) ? new Progress(io.stderr, streamed ? null : sources.length) : null;
}

/** Where an input is, for the progress line: "file:line" for an NDJSON record. */
export const placeOf = (task: { path: string; line?: number }): string => (task.line !== undefined ? `${task.path}:${task.line}` : task.path);

/** A runner made when the first job comes. */
function lazily(make: () => Promise<Runner>): Runner {
  let made: Promise<Runner> | null = null;
  return {
    run: (job) => (made ??= make()).then((runner) => runner.run(job)),
    close: async () => {
      if (made !== null) await (await made).close();
    },
  };
}

/**
 * A run of `nkmsg analyze`, parsed and checked before anything runs: the
 * inputs found, the settings each analysis gets, how the output is framed.
 * Tests build plans in process; executeAnalyze() carries one out.
 */
export interface AnalyzePlan {
  /** The options with --sender resolved to an actor id. */
  options: AnalyzeCommandOptions;
  sources: Source[];
  settings: AnalysisSettings;
  /** One named file (or stdin) with --format json: the object itself, not an array. */
  single: boolean;
  /** NDJSON input: the number of inputs is not known in advance. */
  streamed: boolean;
  threads: number;
  resume: ResumeState | null;
  colorLevel: ColorSupportLevel;
}

export async function runAnalyze(inputs: string[], options: AnalyzeCommandOptions, io: CliIO): Promise<number> {
  const plan = await planAnalyze(inputs, options, io);
  if ('exitCode' in plan) return plan.exitCode;
  try {
    return await executeAnalyze(plan, io);
  } finally {
    await plan.resume?.lock.release();
  }
}

/** The plan, or the exit code when there is nothing to run (no input on a terminal: the short help). */
export async function planAnalyze(inputs: string[], options: AnalyzeCommandOptions, io: CliIO): Promise<AnalyzePlan | { exitCode: number }> {
  const actors: ActorDefinition[] | null = options.actors ? await loadActorFile(options.actors) : null;
  // An id or a name, in any case: "--sender Beijing" and "--sender beijing" are the same actor.
  if (options.sender !== undefined) options = { ...options, sender: actorNamed(actors ?? DEFAULT_ACTORS, options.sender, '--sender').id };
  if (inputs.length === 0) {
    if (io.stdinIsTTY) {
      io.stderr.write(SHORT_HELP);
      return { exitCode: 2 };
    }
    inputs = ['-'];
  }
  checkOptions(inputs, options, io);
  const ownOutput = await ownOutputTest(options.output, io.stdoutFile?.() ?? null, io, options.quiet);
  const sources = await expandInputs(inputs, options.inputFormat === 'ndjson' ? NDJSON_EXTENSIONS : ARTICLE_EXTENSIONS, ownOutput);
  if (options.output !== undefined) await refuseOutput(options.output, sources, options.actors, io.stdinFile?.() ?? null);
  if (options.output !== undefined && !options.resume && !isDescriptor(options.output)) await refuseWhileResumed(options.output);
  const streamed = options.inputFormat === 'ndjson';
  const toFile = options.output !== undefined;
  return {
    options,
    sources,
    settings: {
      actors,
      maxBytes: options.maxBytes,
      debug: io.env['NKMSG_DEBUG'] === '1',
      top: options.top,
      ...(options.sender !== undefined ? { sender: options.sender } : {}),
      ...(options.asOf !== undefined ? { asOf: options.asOf } : {}),
      ...(options.explain && options.format === 'text' ? { explain: true } : {}),
    },
    single: !streamed && inputs.length === 1 && sources.length === 1 && (sources[0]!.kind === 'stdin' || (sources[0]!.kind === 'file' && sources[0]!.path === inputs[0])),
    streamed,
    threads: threadsFor(options.jobs, sources, streamed),
    resume: options.resume ? await loadResume(options.output!) : null,
    colorLevel: toFile
      ? options.color === true
        ? colorLevel({ flag: true, env: io.env, isTTY: false })
        : 0
      : colorLevel({ flag: options.color, env: io.env, isTTY: !!io.stdoutIsTTY }),
  };
}

/** Options that contradict each other: usage errors, or a warning where one is only ignored. */
function checkOptions(inputs: string[], options: AnalyzeCommandOptions, io: CliIO): void {
  if (inputs.filter((i) => i === '-').length > 1) throw new UsageError('"-" (standard input) can be given only once');
  if (options.resume && options.output === undefined) {
    throw new UsageError('--resume needs --output FILE: it skips the inputs whose results are already in FILE and appends the others; add -o results.ndjson');
  }
  if (options.resume && options.format !== 'ndjson') {
    throw new UsageError(`--resume works with --format ndjson only (one record a line can be appended to a file; ${options.format} cannot); add --format ndjson`);
  }
  if (options.explain && options.format !== 'text' && !options.quiet) {
    io.stderr.write(warningLine(null, `--explain adds to text output only; it is ignored with --format ${options.format}`));
  }
}

/** Where the results go: stdout, a file replaced atomically at the end, or (resuming) the file appended to. */
async function openOutput(plan: AnalyzePlan, io: CliIO): Promise<{ sink: Sink; existed: boolean }> {
  const { output, quiet } = plan.options;
  const existed = output !== undefined && (await stat(output).then(() => true, () => false));
  try {
    if (plan.resume !== null) {
      if (plan.resume.cutAt !== null && !quiet) io.stderr.write(warningLine(output!, 'its last line has no line end, as a run stopped while writing it leaves it; it is cut away and that input analysed again'));
      await cutUnfinished(plan.resume);
      return { sink: await appendSink(plan.resume.path), existed };
    }
    return { sink: output !== undefined ? await fileSink(output) : streamSink(io.stdout), existed };
  } catch (error) {
    throw new UsageError(`--output ${showPath(output!)}: cannot write: ${outputError(error, output!).message}`);
  }
}

/** A run's counts. */
interface Counts {
  written: number;
  analysed: number;
  failed: number;
  skipped: number;
}

export async function executeAnalyze(plan: AnalyzePlan, io: CliIO): Promise<number> {
  const { options, resume } = plan;
  await loadPalette(plan.colorLevel);
  const { sink, existed } = await openOutput(plan, io);
  // The pool starts with the first input to analyse: a resumed run with nothing left to do starts none.
  const runner: Runner = plan.threads > 1 ? lazily(() => workerPool(plan.threads)) : inProcess();
  const progress = progressFor(io, options.quiet, plan.sources, plan.streamed);
  const say = (line: string): void => {
    progress?.clear();
    io.stderr.write(line);
  };
  const counts: Counts = { written: 0, analysed: 0, failed: 0, skipped: 0 };
  const emit = emitter(plan, sink, counts, progress, say, io);
  let kept = '';
  const opened: { stdin: Readable | null } = { stdin: null };
  const stdin = (): Readable => (opened.stdin ??= io.stdin);
  try {
    const render: RenderSettings = { format: options.format, explain: options.explain, colorLevel: plan.colorLevel, single: plan.single };
    const tasks = tasksOf(plan.sources, options, plan.settings, render, stdin);
    const run = (task: Job | Skipped): Promise<Rendered | null> => (task.kind === 'skipped' ? Promise.resolve(null) : runner.run(task));
    await inOrder(resume !== null ? skipDone(tasks, resume) : tasks, run, emit.piece, {
      window: inFlight(plan.threads),
      stopped: () => sink.closed,
    });
    if (sink.closed) opened.stdin?.destroy();
    else await emit.end();
    progress?.clear();
    // An existing file is only replaced by a result with something in it: when every input failed, it is kept.
    if (sink.atomic && counts.failed > 0 && counts.analysed === 0) {
      await sink.abort();
      kept = `nkmsg: ${showPath(options.output!)} ${existed ? 'left unchanged' : 'not written'}: no input could be analysed\n`;
    } else {
      await sink.finish();
    }
    if (resume !== null && (resume.stale || resume.replaced)) await dropReplaced(resume);
  } catch (error) {
    progress?.clear();
    await sink.abort();
    throw error;
  } finally {
    await runner.close();
  }
  for (const line of closingLines(plan, counts)) say(line);
  if (kept !== '') say(kept);
  return counts.failed > 0 ? 1 : 0;
}

/** Places each input's rendered piece in the output, in input order, and reports its errors and warnings. */
function emitter(plan: AnalyzePlan, sink: Sink, counts: Counts, progress: Progress | null, say: (line: string) => void, io: CliIO) {
  // With workers this thread only reads and writes, and what it is handed would pile up until V8 collects.
  const keepWriting = plan.threads > 1 ? heapKeeper(KEEP.writer) : () => undefined;
  // A long input's output comes in pieces, made here (in process) while its whole result is alive.
  const keepPieces = heapKeeper(KEEP.longInput);
  const { options, resume } = plan;
  const framing = framingOf(options.format, { single: plan.single, rule: paletteFor(plan.colorLevel).gray('─'.repeat(60)) });
  // On a terminal that also shows stdout, the bar is cleared before results are written, so they never share its line.
  const put = (text: string): Promise<void> => {
    if (options.output === undefined && io.stdoutIsTTY) progress?.clear();
    return sink.write(text);
  };
  const piece = async (outcome: Rendered | null, task: Job | Skipped): Promise<void> => {
    const where = placeOf(task);
    if (outcome === null || task.kind === 'skipped') {
      counts.skipped++;
      progress?.tick(where);
      return;
    }
    resume?.wrote(inputKey(task.path, task.id, task.line));
    const first = counts.written === 0;
    counts.written++;
    if (outcome.error) {
      counts.failed++;
      say(errorReport(task.path, namingLine(task.line, outcome.error.message), plan.settings.debug === true));
    } else {
      counts.analysed++;
      if (!options.quiet) for (const w of outcome.warnings) say(warningLine(task.path, w, task.line));
    }
    const text = framing.piece(outcome.text, { first, failed: outcome.error !== null, analysed: counts.analysed });
    if (text !== '') await put(text);
    for (const rest of outcome.more ?? []) {
      await put(rest);
      keepPieces();
    }
    keepWriting();
    progress?.tick(where);
  };
  const end = async (): Promise<void> => {
    const text = framing.end(counts.written);
    if (text !== '') await put(text);
  };
  return { piece, end };
}

/** What the run says at its end on stderr. */
function closingLines(plan: AnalyzePlan, { written, analysed, failed, skipped }: Counts): string[] {
  if (plan.resume !== null) {
    if (plan.options.quiet && failed === 0) return [];
    return [`nkmsg: ${showPath(plan.options.output!)}: ${skipped} of ${skipped + written} inputs already done, skipped; ${analysed} analysed, ${failed} failed\n`];
  }
  return failed > 0 && written > 1 ? [`nkmsg: ${analysed} of ${written} inputs analysed, ${failed} failed\n`] : [];
}
