/**
 * Turning the command line's inputs into a list of sources: files as given,
 * folders expanded to their articles (recursively, sorted by name, hidden
 * entries skipped, symbolic links to folders not followed), "-" for stdin.
 */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { fileError, InputError } from './errors.js';
import { formatBytes } from './task.js';

export type Source =
  | { kind: 'file'; path: string }
  | { kind: 'stdin' }
  | { kind: 'failed'; path: string; code: string; message: string };

export const ARTICLE_EXTENSIONS = ['.txt', '.md'];
export const NDJSON_EXTENSIONS = ['.ndjson', '.jsonl'];

const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** A folder of the walk that could not be read. */
interface Unreadable {
  unreadable: string;
  error: unknown;
}

/** Files under `folder` ending in one of `extensions`, and folders that could not be read, depth first in name order. */
async function walk(folder: string, extensions: string[], found: (string | Unreadable)[]): Promise<void> {
  let entries;
  try {
    entries = await readdir(folder, { withFileTypes: true });
  } catch (error) {
    found.push({ unreadable: folder, error });
    return;
  }
  entries.sort((a, b) => byCodeUnits(a.name, b.name));
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const path = join(folder, entry.name);
    let isDirectory = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      isDirectory = false; // never followed: a link loop cannot hang the walk
      isFile = await stat(path).then((s) => s.isFile(), () => false);
    }
    if (isDirectory) await walk(path, extensions, found);
    else if (isFile && extensions.some((ext) => entry.name.toLowerCase().endsWith(ext))) found.push(path);
  }
}

/** The files under `folder` whose names end in one of `extensions`, depth first in name order; throws if any folder cannot be read. */
export async function listFolder(folder: string, extensions: string[]): Promise<string[]> {
  const found: (string | Unreadable)[] = [];
  await walk(folder, extensions, found);
  const failure = found.find((x): x is Unreadable => typeof x !== 'string');
  if (failure) throw failure.error;
  return found as string[];
}

/** A folder that cannot be read: advice about folders, not files. */
function folderError(error: unknown): InputError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EACCES' || code === 'EPERM') return new InputError('permission-denied', 'is a folder that cannot be read; make it readable and searchable (chmod +rx) or run as its owner');
  return fileError(error, '');
}

export async function expandInputs(args: string[], extensions: string[]): Promise<Source[]> {
  const sources: Source[] = [];
  for (const arg of args) {
    if (arg === '-') {
      sources.push({ kind: 'stdin' });
      continue;
    }
    const info = await stat(arg).catch(() => null);
    if (!info?.isDirectory()) {
      sources.push({ kind: 'file', path: arg });
      continue;
    }
    try {
      await readdir(arg);
      const found: (string | Unreadable)[] = [];
      await walk(arg, extensions, found);
      if (found.length === 0) {
        sources.push({
          kind: 'failed',
          path: arg,
          code: 'empty-folder',
          message: `has no ${extensions.map((e) => `*${e}`).join(' or ')} files; give a folder of articles or the files themselves`,
        });
      }
      // A subfolder that cannot be read is one error record in its place; every readable article is analysed.
      for (const item of found) {
        if (typeof item === 'string') {
          sources.push({ kind: 'file', path: item });
        } else {
          const failure = folderError(item.error);
          sources.push({ kind: 'failed', path: item.unreadable, code: failure.code, message: failure.message });
        }
      }
    } catch (error) {
      const failure = fileError(error, arg);
      sources.push({ kind: 'failed', path: arg, code: failure.code, message: failure.message });
    }
  }
  return sources;
}

/** Reads a whole stream, refusing more than `maxBytes`. */
export async function readAll(stream: Readable, maxBytes: number): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    total += buffer.length;
    if (total > maxBytes) {
      stream.destroy();
      throw new InputError('too-large', `is more than ${formatBytes(maxBytes)}, the --max-bytes limit; raise --max-bytes or split the input`);
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks, total);
}

export type NdjsonRecord =
  | { line: number; ok: true; text: string; id: string | number }
  /** A refused record keeps its id when it has a usable one, so that its error record can be matched to it. */
  | { line: number; ok: false; code: string; message: string; id?: string | number };

const RECORD_HINT = 'each line must be one JSON object like {"id": "a1", "text": "..."}';

/** Parses one NDJSON line; the id defaults to the line number. */
export function parseRecord(json: string, line: number, maxBytes: number): NdjsonRecord {
  if (Buffer.byteLength(json, 'utf8') > maxBytes) {
    return { line, ok: false, code: 'too-large', message: `line ${line} is over the --max-bytes limit of ${formatBytes(maxBytes)}; raise --max-bytes` };
  }
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return { line, ok: false, code: 'bad-record', message: `line ${line} is not valid JSON (${why}); ${RECORD_HINT}` };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { line, ok: false, code: 'bad-record', message: `line ${line} is not a JSON object; ${RECORD_HINT}` };
  }
  const record = value as Record<string, unknown>;
  const id = record['id'];
  if (typeof record['text'] !== 'string') {
    return { line, ok: false, code: 'bad-record', message: `line ${line} has no "text" string; ${RECORD_HINT}`, ...(typeof id === 'string' || typeof id === 'number' ? { id } : {}) };
  }
  if (id !== undefined && typeof id !== 'string' && typeof id !== 'number') {
    return { line, ok: false, code: 'bad-record', message: `line ${line}: "id" must be a string or a number; ${RECORD_HINT}` };
  }
  return { line, ok: true, text: record['text'], id: id ?? line };
}

/** The records of an NDJSON stream, as they arrive; blank lines are skipped. */
export async function* readRecords(stream: Readable, maxBytes: number): AsyncGenerator<NdjsonRecord> {
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  let line = 0;
  try {
    for await (const text of lines) {
      line++;
      if (text.trim() === '') continue;
      yield parseRecord(line === 1 ? text.replace(/^\uFEFF/, '') : text, line, maxBytes);
    }
  } finally {
    lines.close();
  }
}
