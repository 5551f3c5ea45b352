/**
 * `--resume`: a run that goes on where an earlier one writing the same
 * `--output FILE` (NDJSON results) stopped.
 *
 * - FILE's records say what is done: a file input by its path and the sha256
 *   of its bytes (an edited file is analysed again), an NDJSON record by its
 *   path and id. Error records are not done: their inputs are tried again.
 * - A killed run can leave an unfinished last line; it is cut away, never
 *   read as a record. Any other line that is not a result record makes FILE
 *   someone else's file: the run is refused and FILE left as it is.
 * - New records are appended. When a record replaces an older one for the
 *   same input (an error tried again, an edited file), the older one is
 *   dropped at the end of the run by an atomic rewrite, so FILE ends with
 *   the records an uninterrupted run writes.
 */
import { createReadStream } from 'node:fs';
import { stat, truncate } from 'node:fs/promises';
import { normalize } from 'node:path';
import { sha256 as sha256Of } from '../hash.js';
import { fileError, InputError, showPath, UsageError } from './errors.js';
import { fileSink, followLinks, isDescriptor } from './output.js';
import { lockForResume, type ResumeLock } from './resume-lock.js';
import { readBounded, type Job } from './task.js';

/** An input found done in FILE: not analysed again, only counted. */
export interface Skipped {
  kind: 'skipped';
  path: string;
  line?: number;
}

/** What a result record says about its input. */
interface RecordKey {
  /** Which input: the same for a record and the record that replaces it. */
  key: string;
  failed: boolean;
  /** A file input's bytes (none for error records and NDJSON records). */
  sha256?: string;
  /** An NDJSON record (its id is part of the key). */
  record: boolean;
}

const samePath = (path: string): string => (path === '-' ? path : normalize(path));

/** Which input an output record or a task is about: an NDJSON record by path and id (by line without an id), anything else by path. */
export function inputKey(path: string, id: string | number | undefined, line: number | undefined): string {
  if (id !== undefined) return `r\0${samePath(path)}\0${JSON.stringify(id)}`;
  if (line !== undefined) return `l\0${samePath(path)}\0${line}`;
  return `f\0${samePath(path)}`;
}

/** The key of one line of FILE, or null when the line is not a result record of `nkmsg analyze --format ndjson`. */
function recordKey(line: string): RecordKey | null {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return null;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return null;
  const record = value as { schemaVersion?: unknown; input?: unknown; error?: unknown };
  if (typeof record.schemaVersion !== 'number' || record.input === null || typeof record.input !== 'object') return null;
  const input = record.input as { path?: unknown; id?: unknown; line?: unknown; sha256?: unknown };
  if (typeof input.path !== 'string') return null;
  const id = typeof input.id === 'string' || typeof input.id === 'number' ? input.id : undefined;
  const at = typeof input.line === 'number' ? input.line : undefined;
  const failed = record.error !== undefined;
  if (!failed && typeof input.sha256 !== 'string') return null;
  return { key: inputKey(input.path, id, at), failed, record: id !== undefined, ...(!failed ? { sha256: input.sha256 as string } : {}) };
}

/** How every result line begins: what an unfinished last line must start with to be one. */
const RECORD_START = '{"schemaVersion":';

/** The lines of a file as they are read, each with the byte offset where it starts; `tail` is an unfinished last line. */
async function* linesOf(path: string): AsyncGenerator<{ text: string; start: number; tail: boolean }> {
  let parts: Buffer[] = [];
  let size = 0;
  let start = 0;
  for await (const chunk of createReadStream(path)) {
    let data = chunk as Buffer;
    for (let end = data.indexOf(10); end >= 0; end = data.indexOf(10)) {
      parts.push(data.subarray(0, end));
      yield { text: Buffer.concat(parts, size + end).toString('utf8'), start, tail: false };
      start += size + end + 1;
      parts = [];
      size = 0;
      data = data.subarray(end + 1);
    }
    parts.push(data);
    size += data.length;
  }
  if (size > 0) yield { text: Buffer.concat(parts, size).toString('utf8'), start, tail: true };
}

export class ResumeState {
  /** File inputs done, as key -> the sha256 of each version done. */
  private readonly files = new Map<string, Set<string>>();
  /** NDJSON records done. */
  private readonly records = new Set<string>();
  /** Every input FILE has a record of. */
  private readonly known = new Set<string>();
  /** Where an unfinished last line starts, to be cut away; null when FILE ends with a whole line. */
  cutAt: number | null = null;
  /** True when FILE holds a record an older run should have dropped (it was killed before the rewrite). */
  stale = false;
  /** True when this run wrote a record for an input FILE already had one of: older ones may go. */
  replaced = false;

  constructor(
    readonly path: string,
    /** This run's claim on FILE: released when the run ends. */
    readonly lock: ResumeLock = { release: async () => undefined },
  ) {}

  add(line: RecordKey): void {
    // A second record of an input may replace the first (see dropReplaced); two results of one NDJSON id are two inputs.
    if (this.known.has(line.key) && !(line.record && !line.failed && this.records.has(line.key))) this.stale = true;
    this.known.add(line.key);
    if (line.failed) return;
    if (line.record) this.records.add(line.key);
    else this.files.set(line.key, (this.files.get(line.key) ?? new Set<string>()).add(line.sha256!));
  }

  /** Whether a file input at this path has a result in FILE, so that its bytes must be hashed to tell whether it is done. */
  hasFile(path: string): boolean {
    return this.files.has(inputKey(path, undefined, undefined));
  }

  fileDone(path: string, sha256: string): boolean {
    return this.files.get(inputKey(path, undefined, undefined))?.has(sha256) ?? false;
  }

  recordDone(path: string, id: string | number): boolean {
    return this.records.has(inputKey(path, id, undefined));
  }

  /** Notes that this run wrote a record about this input. */
  wrote(key: string): void {
    if (this.known.has(key)) this.replaced = true;
  }
}

const notResults = (path: string, where: string): UsageError =>
  new UsageError(
    `--resume: ${showPath(path)} ${where} is not a result record of nkmsg analyze --format ndjson, so it is not a file --resume can add to; ` +
      'choose another --output file, or leave out --resume to replace it',
  );

/**
 * Reads what FILE already holds, under a lock on FILE that the run releases when it ends
 * (`state.lock`); a missing FILE is a fresh start. Refuses (exit 2) a FILE that is not NDJSON
 * results, and a FILE another run holds.
 */
export async function loadResume(output: string): Promise<ResumeState> {
  if (isDescriptor(output)) throw new UsageError(`--resume: ${showPath(output)} is not a regular file; --resume reads the results in --output FILE and appends to it`);
  const lock = await lockForResume(output);
  try {
    return await readResume(output, lock);
  } catch (error) {
    await lock.release();
    throw error;
  }
}

async function readResume(output: string, lock: ResumeLock): Promise<ResumeState> {
  const path = await followLinks(output);
  const state = new ResumeState(path, lock);
  const info = await stat(path).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw new UsageError(`--resume: cannot read ${showPath(output)}: ${fileError(error, output).message}`);
  });
  if (info === null) return state;
  if (!info.isFile()) throw new UsageError(`--resume: ${showPath(output)} is not a regular file; --resume reads the results in --output FILE and appends to it`);
  let number = 0;
  try {
    for await (const line of linesOf(path)) {
      number++;
      if (line.tail) {
        const text = line.text.trimStart();
        // Only a record that was being written is cut: the start of one, or blank.
        if (text !== '' && !text.startsWith(RECORD_START) && !RECORD_START.startsWith(text)) throw notResults(output, `line ${number} (the last, unfinished)`);
        state.cutAt = line.start;
        break;
      }
      if (line.text.trim() === '') continue;
      const key = recordKey(line.text);
      if (key === null) throw notResults(output, `line ${number}`);
      state.add(key);
    }
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`--resume: cannot read ${showPath(output)}: ${fileError(error, output).message}`);
  }
  return state;
}

/** Cuts an unfinished last line away (what a killed run left), so that appended records start on a line of their own. */
export async function cutUnfinished(state: ResumeState): Promise<void> {
  if (state.cutAt !== null) await truncate(state.path, state.cutAt);
}

/**
 * The inputs of a run with those FILE has done taken out. A file input FILE
 * has a result for is read here, once: its bytes are hashed and, when not
 * done, handed on to be analysed without reading it again.
 */
export async function* skipDone(jobs: AsyncIterable<Job>, state: ResumeState): AsyncGenerator<Job | Skipped> {
  for await (const job of jobs) {
    if (job.kind === 'text' && job.id !== undefined && state.recordDone(job.path, job.id)) {
      yield { kind: 'skipped', path: job.path, ...(job.line !== undefined ? { line: job.line } : {}) };
    } else if ((job.kind === 'file' && state.hasFile(job.path)) || (job.kind === 'bytes' && state.hasFile(job.path))) {
      let bytes: Uint8Array;
      try {
        bytes = job.kind === 'bytes' ? job.bytes : await readBounded(job.path, job.settings.maxBytes);
      } catch (error) {
        const failure = error instanceof InputError ? error : fileError(error, job.path);
        yield { kind: 'failed', path: job.path, code: failure.code, message: failure.message, settings: job.settings, render: job.render };
        continue;
      }
      const sha256 = sha256Of(bytes);
      if (state.fileDone(job.path, sha256)) yield { kind: 'skipped', path: job.path };
      else yield { kind: 'bytes', path: job.path, bytes, sha256, settings: job.settings, render: job.render };
    } else {
      yield job;
    }
  }
}

/**
 * Drops the records a later record of FILE replaces: an error record followed
 * by another record of its input, and a file's result followed by a record of
 * a different version of it (or an error). Results of NDJSON records are kept
 * (an id used twice is two inputs). FILE is rewritten atomically, keeping its
 * mode; nothing is done when no record must go.
 */
export async function dropReplaced(state: ResumeState): Promise<number> {
  const keys: (RecordKey | null)[] = [];
  for await (const line of linesOf(state.path)) keys.push(line.text.trim() === '' || line.tail ? null : recordKey(line.text));
  const drop = new Set<number>();
  // Per input, what the lines after the one being looked at hold: whether one is an error, and the versions done.
  const later = new Map<string, { failed: boolean; shas: Set<string> }>();
  for (let i = keys.length - 1; i >= 0; i--) {
    const key = keys[i];
    if (!key) continue;
    const after = later.get(key.key);
    const otherVersion = after !== undefined && (after.failed || [...after.shas].some((sha) => sha !== key.sha256));
    if (after !== undefined && (key.failed || (!key.record && otherVersion))) drop.add(i);
    const next = after ?? { failed: false, shas: new Set<string>() };
    if (key.failed) next.failed = true;
    else next.shas.add(key.sha256!);
    later.set(key.key, next);
  }
  if (drop.size === 0) return 0;
  const sink = await fileSink(state.path);
  try {
    let i = 0;
    for await (const line of linesOf(state.path)) {
      if (!drop.has(i++)) await sink.write(`${line.text}${line.tail ? '' : '\n'}`);
    }
    await sink.finish();
  } catch (error) {
    await sink.abort();
    throw error;
  }
  return drop.size;
}
