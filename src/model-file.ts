import { readFileSync } from 'node:fs';

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
