/**
 * Hiding wink's learned words between documents: a word met again is shown
 * again only where wink would learn it as it was (same token category, same
 * lower-case row); the rest is learned anew. A stand-in for wink's cache adds
 * words the way wink's does: the word's row, then its lower-case form's.
 */
import { describe, expect, it } from 'vitest';
import { LearnedWords, type WinkCache, type WordTable } from '../../src/learned-words.js';

const MODEL = ['the', 'kim'];

function winkLike(): { words: WordTable; cache: WinkCache; learned: LearnedWords } {
  const words: WordTable = { hash: Object.create(null) as Record<string, number>, list: [...MODEL] };
  MODEL.forEach((w, i) => (words.hash[w] = i));
  const rowOf = (word: string): number => (words.hash[word] ??= words.list.push(word) - 1);
  const cache: WinkCache = {
    add: (text, _category) => {
      const row = rowOf(text);
      rowOf(text.toLowerCase());
      return row;
    },
  };
  const learned = new LearnedWords(words, MODEL.length);
  learned.install(cache);
  return { words, cache, learned };
}

describe('learned words', () => {
  it('are hidden from the next document, the model own words never', () => {
    const { words, cache, learned } = winkLike();
    learned.nextDocument();
    cache.add('Zorg', 0);
    learned.nextDocument();
    expect(words.hash['Zorg']).toBeUndefined();
    expect(words.hash['zorg']).toBeUndefined();
    expect(words.hash['kim']).toBe(1);
  });

  it('are shown again, with their lower-case form, when met with the same category', () => {
    const { words, cache, learned } = winkLike();
    learned.nextDocument();
    const row = cache.add('Zorg', 0);
    learned.nextDocument();
    const rows = words.list.length;
    expect(cache.add('Zorg', 0)).toBe(row);
    expect(words.list.length).toBe(rows);
    expect(words.hash['zorg']).toBe(row + 1);
  });

  it('are learned anew when met with another category', () => {
    const { words, cache, learned } = winkLike();
    learned.nextDocument();
    const row = cache.add('Zorg', 0);
    learned.nextDocument();
    expect(cache.add('Zorg', 1)).toBeGreaterThan(row + 1);
    expect(words.hash['zorg']).toBe(words.hash['Zorg']! + 1);
  });

  it('are learned anew when their lower-case form was learned again since', () => {
    const { words, cache, learned } = winkLike();
    learned.nextDocument();
    const row = cache.add('Zorg', 0);
    learned.nextDocument();
    cache.add('zorg', 1);
    learned.nextDocument();
    cache.add('zorg', 1);
    const again = cache.add('Zorg', 0);
    expect(again).not.toBe(row);
    expect(words.hash['zorg']).toBe(row + 2);
  });
});
