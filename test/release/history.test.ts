/**
 * A long input reads the same whatever the process read before, even one that teaches wink so
 * many new words that they reach the rows the model's one-token contractions take their lemma
 * from (src/nlp.ts). Slow (inputs of some 400 KB), so not in the quick loop.
 */
import { describe, expect, it } from 'vitest';
import { readText } from '../../src/nlp.js';

/** `n` words wink has never seen, each made of letters only, from `seed` on. */
function unseenWords(n: number, seed: number): string[] {
  const words: string[] = [];
  for (let i = seed; i < seed + n; i++) {
    let word = '';
    for (let k = i; word.length < 6 || k > 0; k = Math.floor(k / 26)) word += String.fromCharCode(97 + (k % 26));
    words.push(`qz${word}`);
  }
  return words;
}

/** Sentences of ten unseen words each, and a contraction whose lemma those rows decide. */
const article = (words: string[]): string => {
  const sentences: string[] = [];
  for (let i = 0; i < words.length; i += 10) sentences.push(`What Washington cannot, ${words.slice(i, i + 10).join(' ')} with Seoul.`);
  return sentences.join(' ');
};

describe('a long input that teaches wink tens of thousands of words', () => {
  it('reads the same after warm-ups of different sizes, lemmas included', () => {
    const long = article(unseenWords(42_000, 1_000_000));
    readText(article(unseenWords(9_000, 2_000_000)));
    const first = readText(long).tokens.map((t) => t.lemma);
    readText(article(unseenWords(4_000, 3_000_000)));
    expect(readText(long).tokens.map((t) => t.lemma)).toEqual(first);
  }, 120_000);
});
