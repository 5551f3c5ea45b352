import { closeSync, openSync, readFileSync, readSync } from 'node:fs';

const committedUrl = (name: string): URL => new URL(`../model/${name}`, import.meta.url);

/** `load()`'s value, computed on the first call and kept. */
export function onFirstUse<T>(load: () => T): () => T {
  let loaded: { value: T } | undefined;
  return () => (loaded ??= { value: load() }).value;
}

/** A committed file (`model/NAME`) as `parse` reads its bytes; null where it is missing, unreadable or refused. */
export function parseCommitted<T>(name: string, parse: (bytes: Uint8Array) => T): T | null {
  try {
    return parse(readFileSync(committedUrl(name)));
  } catch {
    return null;
  }
}

/** The same from no more than the first `length` bytes of the file. */
export function parseCommittedStart<T>(name: string, length: number, parse: (bytes: Uint8Array) => T): T | null {
  let fd: number | undefined;
  try {
    fd = openSync(committedUrl(name), 'r');
    const bytes = new Uint8Array(length);
    return parse(bytes.subarray(0, readSync(fd, bytes, 0, length, 0)));
  } catch {
    return null;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * A committed model file (`model/NAME`), read and parsed on first use; null
 * where it is missing or unreadable, so the analysis falls back and says so.
 * `parse` gets the file's bytes: a large file need not be decoded whole.
 */
export const committedModel = <T>(name: string, parse: (bytes: Uint8Array) => T): (() => T | null) => onFirstUse(() => parseCommitted(name, parse));

/** A committed model file that is plain JSON (`model/NAME`), parsed on first use; null where missing. */
export const committedJson = <T>(name: string): (() => T | null) => committedModel(name, (bytes) => JSON.parse(new TextDecoder().decode(bytes)) as T);
