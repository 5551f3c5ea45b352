/**
 * The lexicon validator: no entry twice, no word that is both cooperative
 * and conflictual, and every word that is both a cue and a reverser carries
 * a note saying why. Duplicate keys vanish when the module is parsed, so the
 * source text is read too.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ARTICLE_ENTRIES, CONFLICTUAL, COOPERATIVE, CUE_AND_REVERSER, NOT_CUES, PHRASES, REVERSERS } from '../../src/data/lexicon.js';

const source = readFileSync(join(import.meta.dirname, '..', '..', 'src', 'data', 'lexicon.ts'), 'utf8');

/** The keys written in the source of one exported object, in order. */
function writtenKeys(name: string): string[] {
  const start = source.indexOf(`export const ${name}`);
  const body = source.slice(source.indexOf('{', source.indexOf('=', start)) + 1, source.indexOf('\n};', start));
  return [...body.replace(/\/\/[^\n]*/g, '').matchAll(/(?:^|[,{\s])('[^']+'|[A-Za-z\u00c0-\u024f-]+)\s*:\s*[\d.]+/g)].map((m) => m[1]!.replace(/'/g, ''));
}

const duplicates = (list: string[]): string[] => list.filter((x, i) => list.indexOf(x) !== i);

describe('the stance lexicon', () => {
  it('writes no entry twice', () => {
    for (const name of ['COOPERATIVE', 'CONFLICTUAL']) {
      const keys = writtenKeys(name);
      expect(keys.length, name).toBeGreaterThan(50);
      expect(duplicates(keys), name).toEqual([]);
    }
    expect(duplicates(PHRASES.map((p) => p.phrase))).toEqual([]);
    expect(duplicates(NOT_CUES)).toEqual([]);
  });

  it('finds a duplicate when one is written (the check can fail)', () => {
    expect(duplicates(['talks', 'summit', 'talks'])).toEqual(['talks']);
  });

  it('has no word that is both cooperative and conflictual', () => {
    expect(Object.keys(COOPERATIVE).filter((k) => k in CONFLICTUAL)).toEqual([]);
    const phrases = PHRASES.map((p) => p.phrase);
    expect(phrases.filter((p) => NOT_CUES.includes(p))).toEqual([]);
  });

  it('notes why each word that is both a cue and a reverser is both', () => {
    const cues = new Set([...Object.keys(COOPERATIVE), ...Object.keys(CONFLICTUAL)].map((k) => k.split(':')[0]));
    const both = REVERSERS.filter((r) => cues.has(r));
    expect(both.length).toBeGreaterThan(0);
    for (const word of both) expect(CUE_AND_REVERSER[word], `${word} is a cue and a reverser: add a note`).toBeTruthy();
    for (const word of Object.keys(CUE_AND_REVERSER)) expect(both, `${word} has a note but is not both`).toContain(word);
  });

  it('names the article of every entry that came from one', () => {
    for (const [entry, where] of Object.entries(ARTICLE_ENTRIES)) {
      expect(entry in COOPERATIVE || entry in CONFLICTUAL || PHRASES.some((p) => p.phrase === entry)).toBe(true);
      expect(where).toMatch(/^(corpus|fixtures)\/\S+ #\d+$/);
    }
  });
});
