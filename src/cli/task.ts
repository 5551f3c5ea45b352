/**
 * One unit of work: read an input (the one piece of I/O), then analyse it
 * with the library's analyzeInput(). The same function runs in process or
 * in a pool worker, and never throws: a failure becomes the input's error
 * record.
 */
import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import { open } from 'node:fs/promises';
import { compileActorSet, defaultActorSet, type ActorSet } from '../actors.js';
import type { Outcome } from '../format/json.js';
import { analyzeInput, errorRecord, tooLargeMessage, type InputContent, type InputOrigin } from '../input.js';
import type { ActorDefinition } from '../types.js';
import { fileError, InputError } from './errors.js';
import { heapKeeper, KEEP } from './memory.js';
import { loadPalette, render, type RenderSettings, type Rendered } from './render.js';

export interface AnalysisSettings {
  /** The actor file's definitions; null for the default set. */
  actors: ActorDefinition[] | null;
  sender?: string;
  asOf?: string;
  top?: number;
  maxBytes: number;
  debug?: boolean;
  /** Keep, per stance, the features that weighed most (for --explain). */
  explain?: boolean;
}

interface Where {
  /** The file the input came from, or "-" for stdin. */
  path: string;
  /** The NDJSON record's id and line, for inputs read from JSON lines. */
  id?: string | number;
  line?: number;
  /** The NDJSON record's own date and source. */
  date?: string;
  source?: string;
}

export type Task = Where &
  (
    | { kind: 'file' }
    /** `sha256` when the bytes were already hashed (to tell whether --resume can skip them). */
    | { kind: 'bytes'; bytes: Uint8Array; sha256?: string }
    | { kind: 'text'; text: string; warnings?: string[] }
    | { kind: 'failed'; code: string; message: string }
  ) & { settings: AnalysisSettings };

/** A task with how its outcome is to be rendered: what the analyze command hands its runner. */
export type Job = Task & { render: RenderSettings };


const tooLarge = (size: number | null, maxBytes: number): InputError => new InputError('too-large', tooLargeMessage(size, maxBytes));

/** The chunks of one read of at most `maxBytes`, gathered as they come. */
class BoundedBytes {
  private readonly chunks: Buffer[] = [];
  private total = 0;
  constructor(
    private readonly maxBytes: number,
    /** A file's size and a byte more (to see it has not grown); a MiB where the size is unknown. */
    private readonly expected: number,
  ) {}

  /**
   * The next buffer to read into: what the expected size leaves, or a MiB once that is read (a
   * pipe; a file that grew or says it has size 0, as /proc's do); never past the limit.
   */
  next(): Buffer {
    const left = this.expected - this.total;
    return Buffer.allocUnsafe(Math.min(1 << 20, this.maxBytes + 1 - this.total, left > 0 ? left : 1 << 20));
  }

  /** Keeps what a read put into `chunk`, refusing more than the limit; false at the end (nothing read). */
  keep(chunk: Buffer, bytesRead: number): boolean {
    if (bytesRead === 0) return false;
    this.chunks.push(chunk.subarray(0, bytesRead));
    this.total += bytesRead;
    if (this.total > this.maxBytes) throw tooLarge(null, this.maxBytes);
    return true;
  }

  whole(): Buffer {
    return Buffer.concat(this.chunks, this.total);
  }
}

/** Reads at most `maxBytes` of a file (or FIFO), refusing folders and anything larger. */
export async function readBounded(path: string, maxBytes: number): Promise<Uint8Array> {
  const file = readRegularFile(path, maxBytes);
  if (file !== null) return file;
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    throw fileError(error, path);
  }
  try {
    const stat = await handle.stat();
    if (stat.isDirectory()) throw new InputError('is-folder', 'is a folder, not a file; give a file inside it');
    if (stat.isFile() && stat.size > maxBytes) throw tooLarge(stat.size, maxBytes);
    const bytes = new BoundedBytes(maxBytes, stat.isFile() ? stat.size + 1 : 1 << 20);
    for (;;) {
      const chunk = bytes.next();
      if (!bytes.keep(chunk, (await handle.read(chunk, 0, chunk.length, null)).bytesRead)) return bytes.whole();
    }
  } catch (error) {
    throw error instanceof InputError ? error : fileError(error, path);
  } finally {
    await handle.close();
  }
}

/**
 * A regular file, read with blocking calls: the five round trips to libuv's thread pool (open,
 * stat, two reads, close) cost more than reading an article. Anything else (a folder, a FIFO
 * that may wait for its writer) gives null, to be read asynchronously. A FIFO is told by its
 * path and never opened here: opening and closing it would let its writer write into nothing
 * and go, and the second open would wait for a writer that never comes.
 */
function readRegularFile(path: string, maxBytes: number): Buffer | null {
  const kind = statOrNull(path);
  if (kind !== null && !kind.isFile()) return null;
  let fd: number;
  try {
    // Without blocking all the same: a file swapped for a FIFO after the stat must not stall the process.
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    throw fileError(error, path);
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return null;
    if (stat.size > maxBytes) throw tooLarge(stat.size, maxBytes);
    const bytes = new BoundedBytes(maxBytes, stat.size + 1);
    for (;;) {
      const chunk = bytes.next();
      if (!bytes.keep(chunk, readSync(fd, chunk, 0, chunk.length, null))) return bytes.whole();
    }
  } catch (error) {
    throw error instanceof InputError ? error : fileError(error, path);
  } finally {
    closeSync(fd);
  }
}

/** What `path` is, links followed; null when that cannot be told (the open that follows reports why). */
function statOrNull(path: string): Stats | null {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}

let compiled: { key: string; set: ActorSet } | null = null;
function actorSet(actors: ActorDefinition[] | null): ActorSet {
  if (actors === null) return defaultActorSet();
  const key = JSON.stringify(actors);
  if (compiled?.key !== key) compiled = { key, set: compileActorSet(actors) };
  return compiled.set;
}

/** Runs a task and renders its outcome: what a worker hands back. */
export async function runAndRender(job: Job): Promise<Rendered> {
  await loadPalette(job.render.colorLevel);
  return render(await runTask(job), job.render);
}

export async function runTask(task: Task): Promise<Outcome> {
  if (task.kind === 'failed') return errorRecord(task, task.code, task.message);
  const { settings } = task;
  const origin: InputOrigin = {
    path: task.path,
    ...(task.id !== undefined ? { id: task.id } : {}),
    ...(task.line !== undefined ? { line: task.line } : {}),
    ...(task.date !== undefined ? { date: task.date } : {}),
    ...(task.source !== undefined ? { source: task.source } : {}),
  };
  let content: InputContent;
  if (task.kind === 'text') {
    content = { text: task.text, ...(task.warnings ? { warnings: task.warnings } : {}) };
  } else if (task.kind === 'bytes') {
    content = { bytes: task.bytes, ...(task.sha256 !== undefined ? { sha256: task.sha256 } : {}) };
  } else {
    try {
      content = { bytes: await readBounded(task.path, settings.maxBytes) };
    } catch (error) {
      const failure = error instanceof InputError ? error : fileError(error, task.path);
      return errorRecord(task, failure.code, failure.message);
    }
  }
  return analyzeInput(origin, content, {
    actorSet: actorSet(settings.actors),
    maxBytes: settings.maxBytes,
    ...(settings.debug ? { debug: true } : {}),
    ...(settings.sender !== undefined ? { sender: settings.sender } : {}),
    ...(settings.top !== undefined ? { top: settings.top } : {}),
    ...(settings.explain ? { explain: true } : {}),
    ...(settings.asOf !== undefined ? { asOf: settings.asOf } : {}),
    // Only a long input can grow the heap by the keeper's slack; for an ordinary article, reading
    // the heap's size after every paragraph cost more than it could save.
    ...(inputSize(content) >= WATCHED_INPUT ? { onProgress: heapKeeper(KEEP.longInput) } : {}),
  });
}

/** Inputs from this size on (in bytes, or UTF-16 units of text) have their heap watched as they are analysed. */
const WATCHED_INPUT = 1 << 20;

const inputSize = (content: InputContent): number => ('text' in content ? content.text.length : content.bytes.length);
