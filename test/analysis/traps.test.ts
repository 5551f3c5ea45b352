/**
 * Names and words that look like an actor or a cue and are not: each in a
 * sentence of its own.
 */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';

const last = (body: string) => analyze(`A Title\n\n${body}`).sentences.at(-1)!;
const actors = (body: string): string[] => [...new Set(last(body).mentions.map((m) => m.actor))];

describe('traps', () => {
  it('reads compound demonyms for people as neither state', () => {
    expect(actors('Korean-Americans in Los Angeles rallied for the talks with Seoul.')).toEqual(['seoul']);
    expect(actors('Many Japanese Americans followed the summit closely.')).toEqual([]);
    // ... while a Sino- compound names both states.
    expect(actors('Sino-American relations cooled.')).toEqual(['beijing', 'washington']);
  });

  it('reads buildings, brands, cocktails and declarations named after a place as no actor', () => {
    expect(actors('The meeting took place at Trump Tower in New York.')).toEqual([]);
    expect(actors('Delegates drank Moscow Mules at the reception.')).toEqual([]);
    expect(actors('The Pyongyang Declaration of 2002 was signed by both sides.')).toEqual([]);
    expect(actors('A Korean Air jet landed late.')).toEqual([]);
    expect(actors('The ambassador wrote in the Washington Post that Tokyo must act.')).toEqual(['tokyo']);
  });

  it('reads a parliamentary opposition as no conflict cue', () => {
    const s = last('Opposition lawmakers in Seoul welcomed the agreement with Tokyo.');
    expect(s.cues.filter((c) => c.polarity === 'conflictual').map((c) => c.text)).toEqual([]);
    const real = last('Tokyo voiced strong opposition to the Russian drills.');
    expect(real.cues.some((c) => c.polarity === 'conflictual')).toBe(true);
  });

  it('reads "the Moon" with nothing after it as the moon, and "the Diet of Worms" as no parliament of Tokyo', () => {
    const named = 'President Moon Jae-in spoke on Monday. ';
    expect(actors(`${named}The rocket will reach the Moon by 2030.`)).toEqual([]);
    expect(actors(`${named}They looked up at the Moon.`)).toEqual([]);
    expect(actors(`${named}The Moon government agreed.`)).toEqual(['seoul']);
    expect(actors('The Nixon shock hit the yen.')).toEqual(['washington']);
    expect(actors('The Diet of Worms met in 1521.')).toEqual([]);
    expect(actors("Japan's Diet passed the bill.")).toEqual(['tokyo']);
  });

  it('reads "Seoul Olympics" as Seoul, the venue', () => {
    expect(actors('Athletes arrived for the Seoul Olympics.')).toEqual(['seoul']);
  });
});
