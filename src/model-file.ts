import { closeSync, openSync, readFileSync, readSync } from 'node:fs';

/**
 * A committed model file (`model/NAME`), read and parsed on first use; null
 * where it is missing or unreadable, so the analysis falls back and says so.
 * `parse` gets the file's bytes: a large file need not be decoded whole.
 */
export function committedModel<T>(name: string, parse: (bytes: Uint8Array) => T): () => T | null {
  let loaded: T | null | undefined;
  return () => {
    if (loaded === undefined) {
      try {
        loaded = parse(readFileSync(new URL(`../model/${name}`, import.meta.url)));
      } catch {
        loaded = null;
      }
    }
    return loaded;
  };
}

/** A committed model file that is plain JSON (`model/NAME`), parsed on first use; null where missing. */
export const committedJson = <T>(name: string): (() => T | null) => committedModel(name, (bytes) => JSON.parse(new TextDecoder().decode(bytes)) as T);

/** A committed file's bytes (`model/NAME`), or null where it is missing or unreadable. */
export function committedBytes(name: string): Uint8Array | null {
  try {
    return readFileSync(new URL(`../model/${name}`, import.meta.url));
  } catch {
    return null;
  }
}

/** Up to the first `length` bytes of a committed file, or null where it is missing or unreadable. */
export function committedStart(name: string, length: number): Uint8Array | null {
  let fd: number | undefined;
  try {
    fd = openSync(new URL(`../model/${name}`, import.meta.url), 'r');
    const bytes = new Uint8Array(length);
    return bytes.subarray(0, readSync(fd, bytes, 0, length, 0));
  } catch {
    return null;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
