/**
 * Scores every fixture against its gold file with the project's scorer and
 * holds each score at or above its floor: a change that makes any fixture
 * read worse fails here. Raise a floor when a change improves a fixture.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// Plain ESM: the scorer that scripts/score.mjs runs from the command line.
import { scoreArticle } from '../../scripts/lib/score.mjs';
import { analyze } from '../../src/analyze.js';
import { fixtures } from './support.js';

interface Floor {
  mentionsF1: number;
  stanceAccuracy: number;
  postures: number;
  messagesF1: number;
  summaryInSection: number;
}

/** Measured scores less 0.03 (the fixtures are in the stance reader's training data); every fixture must have one. */
const FLOORS: Record<string, Floor> = {
  'beijing-summer-letters': { mentionsF1: 0.97, stanceAccuracy: 0.97, postures: 0.97, messagesF1: 0.97, summaryInSection: 0.97 },
  'beijing-xi-seoul-first': { mentionsF1: 0.97, stanceAccuracy: 0.92, postures: 0.72, messagesF1: 0.97, summaryInSection: 0.97 },
  'china-signals-seoul-overture': { mentionsF1: 0.97, stanceAccuracy: 0.97, postures: 0.72, messagesF1: 0.97, summaryInSection: 0.97 },
  'delhi-s400-four-messages': { mentionsF1: 0.97, stanceAccuracy: 0.94, postures: 0.97, messagesF1: 0.97, summaryInSection: 0.97 },
  'moscow-after-dokdo-intrusion': { mentionsF1: 0.95, stanceAccuracy: 0.97, postures: 0.97, messagesF1: 0.97, summaryInSection: 0.97 },
  'moscow-three-pacific-messages': { mentionsF1: 0.97, stanceAccuracy: 0.97, postures: 0.97, messagesF1: 0.97, summaryInSection: 0.97 },
  'obama-asia-tour-signals': { mentionsF1: 0.97, stanceAccuracy: 0.92, postures: 0.97, messagesF1: 0.80, summaryInSection: 0.97 },
  'pyongyang-missile-mail': { mentionsF1: 0.97, stanceAccuracy: 0.94, postures: 0.77, messagesF1: 0.97, summaryInSection: 0.97 },
  'russia-nk-opening': { mentionsF1: 0.97, stanceAccuracy: 0.89, postures: 0.97, messagesF1: 0.97, summaryInSection: 0.97 },
  'seoul-after-thaad-crlf': { mentionsF1: 0.97, stanceAccuracy: 0.89, postures: 0.77, messagesF1: 0.97, summaryInSection: 0.97 },
  'seoul-brief-summer-friction': { mentionsF1: 0.96, stanceAccuracy: 0.97, postures: 0.97, messagesF1: 0.97, summaryInSection: 0.97 },
  'seoul-four-letters-wrapped': { mentionsF1: 0.97, stanceAccuracy: 0.92, postures: 0.72, messagesF1: 0.97, summaryInSection: 0.97 },
  'tokyo-abe-courts-kremlin': { mentionsF1: 0.97, stanceAccuracy: 0.87, postures: 0.77, messagesF1: 0.97, summaryInSection: 0.97 },
  'turkey-four-addressees': { mentionsF1: 0.97, stanceAccuracy: 0.94, postures: 0.97, messagesF1: 0.97, summaryInSection: 0.97 },
  'washington-sanctions-signals': { mentionsF1: 0.97, stanceAccuracy: 0.94, postures: 0.97, messagesF1: 0.97, summaryInSection: 0.97 },
  'washington-singapore-four-capitals': { mentionsF1: 0.97, stanceAccuracy: 0.89, postures: 0.97, messagesF1: 0.97, summaryInSection: 0.97 },
};

const SEED = 'russia-nk-opening';
/** The scorer's figures for a result as the JSON a user saves would carry it. */
function score(goldPath: string, result: unknown): Record<string, any> {
  return scoreArticle(JSON.parse(readFileSync(goldPath, 'utf8')), JSON.parse(JSON.stringify(result)));
}

const all = fixtures();
const scores = new Map<string, Record<string, any>>();

describe('fixture articles against their gold', () => {
  it.each(all.map((f) => [f.name, f] as const))('%s holds its floors', (name, fixture) => {
    const result = analyze(fixture.text, { actorSet: fixture.actorSet });
    const s = score(fixture.goldPath, result);
    scores.set(name, s);
    const floor = FLOORS[name];
    expect(floor, `add a floor for ${name} to FLOORS`).toBeDefined();
    expect(s.sentencesAligned).toBe(1);
    expect(s.sender.ok).toBe(true);
    expect(s.meta).toEqual({ title: true, publisher: true, date: true });
    expect(s.mentions.f1).toBeGreaterThanOrEqual(floor!.mentionsF1);
    expect(s.stanceAccuracy).toBeGreaterThanOrEqual(floor!.stanceAccuracy);
    expect(s.postureAccuracy).toBeGreaterThanOrEqual(floor!.postures);
    expect(s.messages.f1).toBeGreaterThanOrEqual(floor!.messagesF1);
    expect(s.summaryInSection).toBeGreaterThanOrEqual(floor!.summaryInSection);
  });

  it('reads the project’s own fixtures, taken together, with stance accuracy of at least 0.80', () => {
    let pairs = 0;
    let right = 0;
    for (const f of all.filter((x) => x.name !== SEED)) {
      const s = scores.get(f.name) ?? score(f.goldPath, analyze(f.text, { actorSet: f.actorSet }));
      pairs += s.stancePairs;
      right += s.stanceAccuracy * s.stancePairs;
    }
    expect(pairs).toBeGreaterThan(200);
    expect(right / pairs).toBeGreaterThanOrEqual(0.8);
  });

  it('meets the seed targets: every posture, the sender, sections and summaries', () => {
    const seed = all.find((f) => f.name === SEED)!;
    const s = score(seed.goldPath, analyze(seed.text));
    expect(s.postures).toBe('5/5');
    expect(s.mentions.f1).toBeGreaterThanOrEqual(0.97);
    expect(s.stanceAccuracy).toBeGreaterThanOrEqual(0.9);
    expect(s.messages.f1).toBeGreaterThanOrEqual(0.9);
    expect(s.summaryInSection).toBe(1);
    expect(s.receiversWithoutSummary).toBe(0);
  });
});
