/**
 * Turning the command line's inputs into a list of sources: files as given,
 * folders expanded to their articles (recursively, sorted by name, hidden
 * entries skipped, symbolic links to folders not followed, a link to an article
 * that points nowhere reported), "-" for stdin.
 */
import { open, readdir, stat } from 'node:fs/promises';
import { isCalendarDate } from '../dates.js';
import { checkText, utf16Order } from '../decode.js';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { fileError, InputError } from './errors.js';
import { formatBytes, tooLargeMessage } from '../input.js';

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

/** A symbolic link with an article's name whose target does not exist. */
interface Dangling {
  dangling: string;
}

type Found = string | Unreadable | Dangling;

/**
 * Files under `folder` ending in one of `extensions`, folders that could not be read and links
 * to articles that are gone, depth first in name order.
 */
async function walk(folder: string, extensions: string[], found: Found[]): Promise<void> {
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
    const named = extensions.some((ext) => entry.name.toLowerCase().endsWith(ext));
    let isDirectory = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      isDirectory = false; // never followed: a link loop cannot hang the walk
      const target = await stat(path).catch((error: NodeJS.ErrnoException) => error.code ?? 'error');
      // An article's link is never dropped in silence, the article was meant to be read: one that
      // points nowhere is reported as such; one that cannot be followed to a file (a loop, a
      // folder it may not enter, a folder) is read, and fails with its reason.
      if (target === 'ENOENT' && named) found.push({ dangling: path });
      else isFile = named || (typeof target !== 'string' && target.isFile());
    }
    if (isDirectory) await walk(path, extensions, found);
    else if (isFile && named) found.push(path);
  }
}

const DANGLING = 'is a symbolic link to a file that does not exist; fix or remove the link';

/** The files under `folder` whose names end in one of `extensions`, depth first in name order; throws if any folder cannot be read. */
export async function listFolder(folder: string, extensions: string[]): Promise<string[]> {
  const found: Found[] = [];
  await walk(folder, extensions, found);
  const failure = found.find((x): x is Unreadable => typeof x !== 'string' && 'unreadable' in x);
  if (failure) throw failure.error;
  return found.filter((x): x is string => typeof x === 'string');
}

/** A folder that cannot be read: advice about folders, not files. */
function folderError(error: unknown): InputError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EACCES' || code === 'EPERM') return new InputError('permission-denied', 'is a folder that cannot be read; make it readable and searchable (chmod +rx) or run as its owner');
  return fileError(error, '');
}

/**
 * The sources the arguments name: "-", files, and the articles found in folders (less those
 * `skip` leaves out: a run's own output). A folder with none is a failed input of its own.
 */
export async function expandInputs(args: string[], extensions: string[], skip: (path: string) => Promise<boolean> = async () => false): Promise<Source[]> {
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
      const walked: Found[] = [];
      await walk(arg, extensions, walked);
      const found: Found[] = [];
      for (const item of walked) if (typeof item !== 'string' || !(await skip(item))) found.push(item);
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
        } else if ('dangling' in item) {
          sources.push({ kind: 'failed', path: item.dangling, code: 'not-found', message: DANGLING });
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
      throw new InputError('too-large', tooLargeMessage(null, maxBytes));
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks, total);
}

export type NdjsonRecord =
  | { line: number; ok: true; text: string; id: string | number; date?: string; source?: string; warnings?: string[] }
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
  if (id !== undefined && typeof id !== 'string' && !Number.isSafeInteger(id)) {
    return { line, ok: false, code: 'bad-record', message: `line ${line}: "id" must be a string or a whole number of at most 15 digits; ${RECORD_HINT}` };
  }
  const text = record['text'] as string;
  try {
    checkText(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const known = typeof id === 'string' || typeof id === 'number' ? { id } : {};
    return { line, ok: false, code: 'not-text', message: `line ${line}: "text" is ${reason}; give the article's text`, ...known };
  }
  const warnings: string[] = [];
  const date = recordDate(record['date'], warnings);
  const source = record['source'];
  if (source !== undefined && source !== null && (typeof source !== 'string' || source.trim() === '')) warnings.push('"source" is not a non-empty string; it is ignored');
  return {
    line,
    ok: true,
    text,
    id: (id as string | number | undefined) ?? line,
    ...(date !== undefined ? { date } : {}),
    ...(typeof source === 'string' && source.trim() !== '' ? { source: source.trim() } : {}),
    ...(warnings.length > 0 ? { warnings } : {}),
  };
}

/** A record's optional "date": YYYY-MM-DD, or an ISO timestamp whose day is taken. */
function recordDate(value: unknown, warnings: string[]): string | undefined {
  if (value === undefined || value === null) return undefined;
  const day = typeof value === 'string' ? /^(\d{4}-\d{2}-\d{2})(?:$|T)/.exec(value)?.[1] : undefined;
  if (day !== undefined && isCalendarDate(day)) return day;
  const shown = JSON.stringify(value).slice(0, 40);
  warnings.push(day !== undefined ? `"date" ${shown} is not a real calendar date; it is ignored` : `"date" ${shown} is not a date written YYYY-MM-DD; it is ignored`);
  return undefined;
}

/** A line over the limit: its first bytes, to tell what it holds; the rest of it is read and dropped. */
export interface LongLine {
  head: Buffer;
}

/** Bytes of a long line kept to tell what it holds. */
const HEAD_BYTES = 1024;

/** The first `n` bytes of `parts` joined, copying no more than that. */
function firstBytes(parts: Buffer[], n: number): Buffer {
  const taken: Buffer[] = [];
  let size = 0;
  for (const part of parts) {
    if (size >= n) break;
    taken.push(part.subarray(0, n - size));
    size += taken[taken.length - 1]!.length;
  }
  return Buffer.concat(taken, size);
}

/**
 * The lines of a stream as they arrive, never holding more than `maxBytes` of one line. A longer
 * line is given as a LongLine as soon as it passes the limit, and reading goes on after its line
 * end, however long the line.
 */
async function* splitLines(stream: Readable, maxBytes: number): AsyncGenerator<Buffer | LongLine> {
  let parts: Buffer[] = [];
  let size = 0;
  let skipping = false;
  for await (const chunk of stream) {
    let data = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    for (let end = data.indexOf(10); ; end = data.indexOf(10)) {
      const piece = end < 0 ? data : data.subarray(0, end);
      if (skipping) {
        // the rest of a long line: dropped
      } else if (size + piece.length > maxBytes) {
        skipping = true;
        const head = firstBytes([...parts, piece], HEAD_BYTES);
        parts = [];
        size = 0;
        yield { head };
      } else {
        parts.push(piece);
        size += piece.length;
      }
      if (end < 0) break;
      if (!skipping) yield Buffer.concat(parts, size);
      parts = [];
      size = 0;
      skipping = false;
      data = data.subarray(end + 1);
    }
  }
  if (!skipping && size > 0) yield Buffer.concat(parts, size);
}

/**
 * The lines of a stream as they arrive, never holding more than `maxBytes` of one line: a
 * longer line, however long, is skipped (given as null, after its line end) and reading goes on.
 */
export async function* boundedLines(stream: Readable, maxBytes: number): AsyncGenerator<Buffer | null> {
  let long = false;
  for await (const line of splitLines(stream, maxBytes)) {
    if (long) yield null;
    long = 'head' in line;
    if (!('head' in line)) yield line;
  }
  if (long) yield null;
}

const NDJSON_ADVICE = '--input-format ndjson reads one JSON object a line, like {"id": "a1", "text": "..."}';

/**
 * Why a stream whose first non-blank line starts with `start` is no NDJSON, or null when it may
 * be: a record is a JSON object, so anything else there (an article, a JSON array, UTF-16) is
 * one error for the input rather than one per line.
 */
function notNdjson(start: Buffer, line: number): string | null {
  if (line === 1 && utf16Order(start) !== null) return `is UTF-16 text, not NDJSON; ${NDJSON_ADVICE}, in UTF-8`;
  const text = start.toString('utf8').replace(/^\uFEFF/, '').trimStart();
  if (text === '' || text.startsWith('{')) return null;
  if (text.startsWith('[')) return `does not look like NDJSON: line ${line} starts a JSON array; ${NDJSON_ADVICE} (jq -c '.[]' writes an array that way)`;
  return `does not look like NDJSON: line ${line} does not start with "{"; ${NDJSON_ADVICE}; an article is read without --input-format ndjson`;
}

/**
 * The records of an NDJSON stream, as they arrive; blank lines are skipped. A stream whose first
 * record is no JSON object, or that holds no record at all, is refused whole (an InputError):
 * like a folder without articles, nothing to analyse is an error, so that --output keeps what it holds.
 */
export async function* readRecords(stream: Readable, maxBytes: number): AsyncGenerator<NdjsonRecord> {
  let line = 0;
  let started = false;
  const seen = new Set<string | number>();
  for await (const bytes of splitLines(stream, maxBytes)) {
    line++;
    if (!started) {
      const long = 'head' in bytes;
      const start = long ? bytes.head : bytes;
      if (!long && start.toString('utf8').replace(/^\uFEFF/, '').trim() === '') continue;
      started = true;
      const refusal = notNdjson(start, line);
      if (refusal !== null) {
        stream.destroy();
        throw new InputError('not-ndjson', refusal);
      }
    }
    if ('head' in bytes) {
      yield { line, ok: false, code: 'too-large', message: `line ${line} is over the --max-bytes limit of ${formatBytes(maxBytes)}; raise --max-bytes` };
      continue;
    }
    const raw = bytes.toString('utf8').replace(/\r$/, '');
    if (raw.trim() === '') continue;
    const record = parseRecord(line === 1 ? raw.replace(/^\uFEFF/, '') : raw, line, maxBytes);
    if (record.ok && !isValidUtf8(bytes)) record.warnings = [...(record.warnings ?? []), 'the line is not valid UTF-8; the bad bytes became U+FFFD'];
    if (record.ok && seen.has(record.id)) record.warnings = [...(record.warnings ?? []), `id ${JSON.stringify(record.id)} is used by an earlier line too`];
    if (record.ok) seen.add(record.id);
    yield record;
  }
  if (!started) throw new InputError('no-records', `has no records (it is empty or has only blank lines); ${NDJSON_ADVICE}`);
}

const isValidUtf8 = (bytes: Buffer): boolean => {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
};

/** A file opened for reading as a stream; a folder is refused (EISDIR) before anything is read. */
export async function openStream(path: string): Promise<Readable> {
  const handle = await open(path, 'r');
  if ((await handle.stat()).isDirectory()) {
    await handle.close();
    throw Object.assign(new Error('is a folder'), { code: 'EISDIR' });
  }
  return handle.createReadStream();
}
