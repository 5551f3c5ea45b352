/**
 * The structure stage: the part each actor plays in its clause (agent,
 * target, place, topic), read through the stance features it feeds.
 * Each sentence is invented; each shape is general English.
 */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';

/** The roles the structure stage gives `actor` in the article's last sentence. */
function rolesOf(body: string, actor: string): string[] {
  const text = `A Title\n\n${body}`;
  const sentences = analyze(text).sentences;
  const last = sentences.at(-1)!.index;
  let roles: string[] = [];
  analyze(text, {
    onFeatures: (sentence, features) => {
      if (sentence === last) roles = (features.get(actor) ?? []).filter((f) => /^role=[a-z]+$/.test(f)).map((f) => f.slice('role='.length));
    },
  });
  return [...new Set(roles)].sort();
}

describe('structure: roles in the clause', () => {
  it('reads subjects as agents and objects as targets', () => {
    expect(rolesOf('Seoul protested the decision.', 'seoul')).toEqual(['agent']);
    expect(rolesOf('Washington imposed new sanctions on Pyongyang.', 'pyongyang')).toEqual(['target']);
    expect(rolesOf('The plan was rejected by Beijing.', 'beijing')).toEqual(['agent']);
    expect(rolesOf('Seoul was rebuffed again.', 'seoul')).toEqual(['target']);
  });

  it('reads a subject before a relative clause or an aside as the agent of the verb after it', () => {
    expect(rolesOf('China, whose ties with India have soured, sent a relief team.', 'beijing')).toEqual(['agent']);
    expect(rolesOf('The Chinese leadership, which claims to speak for Asia, has supplied arms to the junta.', 'beijing')).toEqual(['agent']);
    expect(rolesOf('Japan, while backing the plan in principle, insisted on changes.', 'tokyo')).toEqual(['agent']);
  });

  it('reads the subject of a new clause after "and" as an agent, past an adverb or a list of demonyms', () => {
    expect(rolesOf('Trade grew quickly last year, and a Russian company now runs the port.', 'moscow')).toEqual(['agent']);
    expect(rolesOf('The dramas are popular, and South Korean and Japanese fans are watching them.', 'tokyo')).toEqual(['agent']);
  });

  it('reads where an act comes from as its agent', () => {
    expect(rolesOf('The envoy carried a letter from the Kremlin to the summit.', 'moscow')).toEqual(['agent']);
  });

  it('reads the host of a visit as a party to it, not a place (ANALYSIS.md §3)', () => {
    expect(rolesOf('The president ended his tour with a state visit to Beijing.', 'beijing')).toEqual(['target']);
    expect(rolesOf('The summit was held in Hanoi, and delegates met in Tokyo.', 'tokyo')).toEqual(['place']);
  });

  it('gives every name in a list the part its preposition gives the first', () => {
    expect(rolesOf('The statement was read closely in Seoul, Tokyo and Moscow.', 'moscow')).toEqual(['place']);
    expect(rolesOf('Sanctions were widened against Iran, Syria and North Korea.', 'pyongyang')).toEqual(['target']);
  });

  it('reads the subject of "is expected to" as the agent of what follows', () => {
    expect(rolesOf('Beijing is expected to announce new curbs.', 'beijing')).toEqual(['agent']);
  });
});
