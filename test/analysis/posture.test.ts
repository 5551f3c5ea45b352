/**
 * A posture's likelihood: the probability that the stances' true labels, each drawn from its
 * reader's probabilities, make a tally of that posture.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { postureLikelihood } from '../../src/posture.js';
import type { Posture } from '../../src/types.js';
import { fixtures } from './support.js';

const POSTURES: Posture[] = ['friendly', 'hostile', 'mixed', 'neutral'];
const all = (stances: number[][]): Record<Posture, number> => Object.fromEntries(POSTURES.map((p) => [p, postureLikelihood(stances, p)])) as Record<Posture, number>;
/** A stance's probabilities: three non-negative numbers that add up to 1. */
const stance = fc.tuple(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 }), fc.integer({ min: 1, max: 100 })).map(([a, b, c]) => [a, b, c].map((x) => x / (a + b + c)));
/** Stances certain to be neutral: they change no count, so they leave every posture's likelihood as it was. */
const neutrals = (n: number): number[][] => Array.from({ length: n }, () => [0, 0, 1]);

describe('postureLikelihood', () => {
  it('is certain of the posture that certain stances make, and of nothing else', () => {
    expect(all([[1, 0, 0], [1, 0, 0], [0, 1, 0], [0, 0, 1]])).toEqual({ friendly: 1, hostile: 0, mixed: 0, neutral: 0 });
    expect(all([[1, 0, 0], [0, 1, 0]])).toEqual({ friendly: 0, hostile: 0, mixed: 1, neutral: 0 });
    expect(all([])).toEqual({ friendly: 0, hostile: 0, mixed: 0, neutral: 1 });
  });

  it('adds up the tallies that make each posture', () => {
    // One stance: its own probabilities.
    const one = all([[0.2, 0.3, 0.5]]);
    expect(one.friendly).toBeCloseTo(0.2, 12);
    expect(one.hostile).toBeCloseTo(0.3, 12);
    expect(one.neutral).toBeCloseTo(0.5, 12);
    expect(one.mixed).toBeCloseTo(0, 12);
    // Two coin flips between cooperative and conflictual: 2-0 (a quarter), 0-2 (a quarter), 1-1 (a half).
    const two = all([[0.5, 0.5, 0], [0.5, 0.5, 0]]);
    expect(two).toEqual({ friendly: 0.25, hostile: 0.25, mixed: 0.5, neutral: 0 });
    // 2 cooperative and 1 conflictual is friendly (c >= 2k): the third stance decides.
    const three = all([[1, 0, 0], [1, 0, 0], [0.4, 0.6, 0]]);
    expect(three.friendly).toBeCloseTo(1, 12);
  });

  it('gives the postures probabilities that add up to 1, with few stances or many', () => {
    fc.assert(
      fc.property(fc.array(stance, { maxLength: 120 }), (stances) => {
        const p = all(stances);
        for (const posture of POSTURES) {
          expect(p[posture]).toBeGreaterThanOrEqual(0);
          expect(p[posture]).toBeLessThanOrEqual(1);
        }
        expect(p.friendly + p.hostile + p.mixed + p.neutral).toBeCloseTo(1, 6);
      }),
      { numRuns: 60 },
    );
  });

  it('reads many stances by approximation within 0.03 of the exact count', () => {
    fc.assert(
      fc.property(fc.array(stance, { minLength: 20, maxLength: 40 }), (stances) => {
        const exact = all(stances);
        const approximate = all([...stances, ...neutrals(60)]);
        for (const posture of POSTURES) expect(Math.abs(approximate[posture] - exact[posture])).toBeLessThan(0.03);
      }),
      { numRuns: 60 },
    );
  });
});

describe('postureConfidence in a result', () => {
  const seed = fixtures().find((f) => f.name === 'russia-nk-opening')!;

  it('is the likelihood of each posture shown, for the actors and their message sections', () => {
    const result = analyze(seed.text);
    for (const a of result.actors) {
      expect(a.postureConfidence).toBeGreaterThan(0);
      expect(a.postureConfidence).toBeLessThanOrEqual(1);
      if (a.message) expect(a.message.postureConfidence).toBeGreaterThan(0);
    }
    // Washington's seven conflictual stances, none cooperative: hostile, and all but sure of it.
    expect(result.actors.find((a) => a.id === 'washington')!.postureConfidence).toBeGreaterThan(0.9);
    // Seoul's one cooperative against one conflictual: mixed, but one stance read the other way would make it something else.
    expect(result.actors.find((a) => a.id === 'seoul')!.postureConfidence).toBeLessThan(0.6);
  });

  it('is null for an actor with no stance to read: a posture no sentence gives is no reading', () => {
    const result = analyze('Talks in Moscow\n\nMoscow welcomed the talks and praised the progress made.');
    expect(result.actors.find((a) => a.id === 'moscow')!.postureConfidence).toBeGreaterThan(0);
    for (const a of result.actors.filter((x) => x.id !== 'moscow')) {
      expect(a.posture).toBe('neutral');
      expect(a.postureConfidence).toBeNull();
    }
  });

  it('is null where the rules alone read the stances: they give no probabilities', () => {
    const result = analyze(seed.text, { reader: 'rules' });
    for (const a of result.actors) {
      expect(a.postureConfidence).toBeNull();
      if (a.message) expect(a.message.postureConfidence).toBeNull();
    }
  });
});
