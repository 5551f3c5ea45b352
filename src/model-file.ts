import { readFileSync } from 'node:fs';

/**
 * A committed model file (`model/NAME`), read and parsed on first use; null
 * where it is missing or unreadable, so the analysis falls back and says so.
 */
export function committedModel<T>(name: string, parse: (text: string) => T): () => T | null {
  let loaded: T | null | undefined;
  return () => {
    if (loaded === undefined) {
      try {
        loaded = parse(readFileSync(new URL(`../model/${name}`, import.meta.url), 'utf8'));
      } catch {
        loaded = null;
      }
    }
    return loaded;
  };
}
