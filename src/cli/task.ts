/**
 * One unit of work: read an input, decode it, analyse it. The same function
 * runs in process or in a pool worker, and never throws: a failure becomes
 * the input's error record.
 */
import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';
import { compileActorSet, defaultActorSet, type ActorSet } from '../actors.js';
import { analyze } from '../analyze.js';
import { decode, NotTextError } from '../decode.js';
import type { ErrorRecord, Outcome } from '../format/json.js';
import type { ActorDefinition } from '../types.js';
import { fileError, InputError } from './errors.js';
import { render, type RenderSettings, type Rendered } from './render.js';

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

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} bytes`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1).replace(/\.0$/, '')} KiB`;
  return `${(n / 1024 / 1024).toFixed(1).replace(/\.0$/, '')} MiB`;
}

export const tooLarge = (size: string, maxBytes: number): InputError =>
  new InputError('too-large', `is ${size}, over the --max-bytes limit of ${formatBytes(maxBytes)}; raise --max-bytes or split the input`);

/** Reads at most `maxBytes` of a file (or FIFO), refusing folders and anything larger. */
export async function readBounded(path: string, maxBytes: number): Promise<Uint8Array> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    throw fileError(error, path);
  }
  try {
    const stat = await handle.stat();
    if (stat.isDirectory()) throw new InputError('is-folder', 'is a folder, not a file; give a file inside it');
    if (stat.isFile() && stat.size > maxBytes) throw tooLarge(formatBytes(stat.size), maxBytes);
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(1 << 20, maxBytes + 1 - total));
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      chunks.push(chunk.subarray(0, bytesRead));
      total += bytesRead;
      if (total > maxBytes) throw tooLarge(`more than ${formatBytes(maxBytes)}`, maxBytes);
    }
    return Buffer.concat(chunks, total);
  } catch (error) {
    throw error instanceof InputError ? error : fileError(error, path);
  } finally {
    await handle.close();
  }
}

let compiled: { key: string; set: ActorSet } | null = null;
function actorSet(actors: ActorDefinition[] | null): ActorSet {
  if (actors === null) return defaultActorSet();
  const key = JSON.stringify(actors);
  if (compiled?.key !== key) compiled = { key, set: compileActorSet(actors) };
  return compiled.set;
}

function errorRecord(task: Task, code: string, message: string): ErrorRecord {
  const input: ErrorRecord['input'] = { path: task.path };
  if (task.id !== undefined) input.id = task.id;
  if (task.line !== undefined) input.line = task.line;
  return { schemaVersion: 1, input, error: { code, message } };
}

/** Runs a task and renders its outcome: what a worker hands back. */
export async function runAndRender(job: Job): Promise<Rendered> {
  return render(await runTask(job), job.render);
}

export async function runTask(task: Task): Promise<Outcome> {
  if (task.kind === 'failed') return errorRecord(task, task.code, task.message);
  const { settings } = task;
  try {
    let text: string;
    let bytes: number;
    let encoding: string;
    let sha256: string;
    const warnings: string[] = [];
    if (task.kind === 'text') {
      text = task.text;
      bytes = Buffer.byteLength(text, 'utf8');
      if (bytes > settings.maxBytes) throw tooLarge(formatBytes(bytes), settings.maxBytes);
      encoding = 'utf-8';
      sha256 = createHash('sha256').update(text, 'utf8').digest('hex');
      warnings.push(...(task.warnings ?? []));
    } else {
      const raw = task.kind === 'bytes' ? task.bytes : await readBounded(task.path, settings.maxBytes);
      if (raw.length > settings.maxBytes) throw tooLarge(formatBytes(raw.length), settings.maxBytes);
      const decoded = decode(raw);
      text = decoded.text;
      bytes = raw.length;
      encoding = decoded.encoding;
      sha256 = (task.kind === 'bytes' ? task.sha256 : undefined) ?? createHash('sha256').update(raw).digest('hex');
      warnings.push(...decoded.warnings);
    }
    const result = analyze(text, {
      actorSet: actorSet(settings.actors),
      ...(settings.sender !== undefined ? { sender: settings.sender } : {}),
      ...(settings.top !== undefined ? { top: settings.top } : {}),
      ...(settings.explain ? { explain: true } : {}),
      ...(settings.asOf !== undefined ? { asOf: settings.asOf } : {}),
      input: { path: task.path, bytes, encoding, sha256, ...(task.id !== undefined ? { id: task.id } : {}), ...(task.line !== undefined ? { line: task.line } : {}), ...(task.date !== undefined ? { date: task.date } : {}), ...(task.source !== undefined ? { source: task.source } : {}) },
    });
    if (warnings.length > 0) result.warnings = [...warnings, ...result.warnings];
    return result;
  } catch (error) {
    if (error instanceof InputError) return errorRecord(task, error.code, error.message);
    if (error instanceof NotTextError) return errorRecord(task, error.code, `${error.message}; give a plain-text article (UTF-8, UTF-16 with a byte-order mark, or Windows-1252)`);
    const message = error instanceof Error ? error.message : String(error);
    const detail = settings.debug && error instanceof Error && error.stack ? `\n${error.stack}` : '';
    return errorRecord(task, 'analysis-failed', `the analysis failed (${message}); please report this with the input${detail}`);
  }
}
