import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { postureOf } from '../../src/posture.js';
import { fixtures } from './support.js';

/** The stances of a one-sentence body. */
function stancesOf(sentence: string): Record<string, string> {
  return analyze(`A Title\n\n${sentence}`, { reader: 'rules' }).sentences.at(-1)!.stances;
}

describe('stance', () => {
  it('reads cooperation and conflict from the lexicon', () => {
    expect(stancesOf('Moscow praised its partnership with Beijing.')).toEqual({ moscow: 'cooperative', beijing: 'cooperative' });
    expect(stancesOf('Washington threatened Pyongyang with new sanctions.')).toEqual({ washington: 'conflictual', pyongyang: 'conflictual' });
    expect(stancesOf('Tokyo published its annual report.')).toEqual({ tokyo: 'neutral' });
  });

  it('flips a negated cue, and cancels a negated conflict noun', () => {
    expect(stancesOf('Russia is no longer treated as a partner by Japan.')).toEqual({ moscow: 'conflictual', tokyo: 'conflictual' });
    expect(stancesOf('Seoul is not abandoning its ties with Washington.')).toEqual({ seoul: 'cooperative', washington: 'cooperative' });
    expect(stancesOf('Beijing is not under sanctions at all.')).toEqual({ beijing: 'neutral' });
  });

  it('lets the clause after "but" carry the point', () => {
    expect(stancesOf('Seoul once criticised Moscow, but it now welcomes Russian investors as partners.')).toEqual({
      seoul: 'cooperative',
      moscow: 'cooperative',
    });
    // An actor named only before "but", with nothing said of it there, shares the point.
    expect(stancesOf('Moscow waited for a signal from Seoul, but it now welcomes its investors as partners.')).toEqual({
      moscow: 'cooperative',
      seoul: 'cooperative',
    });
    // ... unless that clause says nothing
    expect(stancesOf('To Beijing, Moscow can be a friend, but not a follower.')).toEqual({ beijing: 'cooperative', moscow: 'cooperative' });
  });

  it('lets the main clause win over "even though" and drops what "rather than" turns down', () => {
    expect(stancesOf('Even though Tokyo praised the summit, Moscow imposed sanctions on Japan.')).toEqual({
      tokyo: 'conflictual',
      moscow: 'conflictual',
    });
    expect(stancesOf('Americans describe their dealings with the Kremlin as businesslike rather than warm.')).toEqual({
      washington: 'neutral',
      moscow: 'neutral',
    });
  });

  it('gives a cue to the actors on either side of it, not to a bystander', () => {
    expect(stancesOf('If Seoul wants good relations with Moscow, it must protect its economic ties to Moscow from US pressure.')).toMatchObject({
      seoul: 'cooperative',
      moscow: 'cooperative',
      washington: 'conflictual',
    });
  });

  it('reports each cue with its span, polarity and negation', () => {
    const sentence = analyze('A Title\n\nSeoul did not threaten Tokyo.').sentences.at(-1)!;
    expect(sentence.cues).toEqual([
      { text: 'threaten', polarity: 'cooperative', negated: true, weight: 3.5, entry: 'threaten', start: 23, end: 31 },
    ]);
    expect(sentence.tone).toBe('cooperative');
  });
});

describe('posture', () => {
  it.each([
    [{ cooperative: 2, conflictual: 1, neutral: 0 }, 'friendly'],
    [{ cooperative: 1, conflictual: 2, neutral: 5 }, 'hostile'],
    [{ cooperative: 3, conflictual: 2, neutral: 0 }, 'mixed'],
    [{ cooperative: 0, conflictual: 0, neutral: 4 }, 'neutral'],
    [{ cooperative: 1, conflictual: 0, neutral: 0 }, 'friendly'],
  ])('%o is %s', (tally, posture) => {
    expect(postureOf(tally)).toBe(posture);
  });
});

describe('sentence tone', () => {
  it('is a stance its actors take, in every fixture sentence that names one', () => {
    for (const fixture of fixtures()) {
      for (const s of analyze(fixture.text, { actorSet: fixture.actorSet }).sentences) {
        const stances = Object.values(s.stances);
        if (stances.length > 0) expect(stances, `${fixture.name} [${s.index}] tone ${s.tone}`).toContain(s.tone);
      }
    }
  });
});
