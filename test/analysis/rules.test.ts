/**
 * Each reading rule on sentences of its own (none from a fixture), so a rule
 * is held to what it claims in general, not to the article it came from.
 */
import { describe, expect, it } from 'vitest';
import { compileActorSet, parseActorFile } from '../../src/actors.js';
import { analyze } from '../../src/analyze.js';

const last = (body: string) => analyze(`A Title\n\n${body}`, { reader: 'rules' }).sentences.at(-1)!;
const stancesOf = (body: string): Record<string, string> => last(body).stances;
const cuesOf = (body: string): string[] => last(body).cues.map((c) => `${c.text}${c.negated ? '(negated)' : ''}=${c.polarity}`);

describe('negation and reversal reach only what they should', () => {
  it('"carried out" does not undo the next cue; "out of" does', () => {
    expect(stancesOf('North Korea carried out missile tests near Japan.')).toEqual({ pyongyang: 'conflictual', tokyo: 'conflictual' });
    expect(cuesOf('Beijing hopes Pyongyang will step out of its isolation.')).toContain('isolation(negated)=cooperative');
  });

  it('"the end of" a meeting is not the end of cooperation; "an end to" sanctions is', () => {
    expect(cuesOf('At the end of the summit, Moscow and Tokyo issued a statement.')).toEqual(['summit=cooperative']);
    expect(cuesOf('Seoul called for an end to the sanctions on Moscow.')).toContain('sanctions(negated)=cooperative');
  });

  it('"former" reaches its own next word, not past a name', () => {
    expect(stancesOf('Former President Obama praised Japan.')).toEqual({ washington: 'cooperative', tokyo: 'cooperative' });
    // A negated conflict noun is cancelled (weight 0), not turned into cooperation.
    expect(last('Japan and Russia are former enemies.').cues).toMatchObject([{ text: 'enemies', negated: true, weight: 0 }]);
  });

  it('"no" negates its noun, and the predicate of a passive or modal clause', () => {
    expect(stancesOf('No Japanese minister has praised Beijing this year.')).toMatchObject({ beijing: 'cooperative' });
    expect(cuesOf('Tokyo says no diplomats will be expelled from Moscow.')).toContain('expelled(negated)=cooperative');
  });

  it('a negated reverser leaves the cue as it is', () => {
    expect(stancesOf('Washington did not rule out talks with Pyongyang.')).toEqual({ washington: 'cooperative', pyongyang: 'cooperative' });
  });

  it('a reverser followed by a cue undoes it; alone it is a cue', () => {
    expect(stancesOf('Seoul refused to criticise Tokyo.')).toEqual({ seoul: 'cooperative', tokyo: 'cooperative' });
    expect(stancesOf('Moscow suspended its military drills near Japan.')).toEqual({ moscow: 'cooperative', tokyo: 'cooperative' });
  });
});

describe('word senses', () => {
  it.each([
    ['In this respect, Tokyo and Seoul differ.', []],
    ['The agreement contains no reference to Beijing.', ['agreement=cooperative']],
    ['Beijing and Seoul struck a deal on fisheries.', ['struck a deal=cooperative']],
    ['Seoul has a host of problems with Tokyo.', []],
    ['Moscow is in favour of a settlement with Tokyo.', []],
  ])('%s', (sentence, cues) => {
    expect(cuesOf(sentence)).toEqual(cues);
  });
});

describe('clauses', () => {
  it('what "rather than" turns down counts against its actor when that actor is named nowhere else', () => {
    expect(stancesOf('Seoul now trades with Moscow rather than with Washington.')).toMatchObject({ seoul: 'cooperative', moscow: 'cooperative', washington: 'conflictual' });
  });

  it('a verb turned down by "rather than" counts as its opposite', () => {
    expect(cuesOf('Tokyo kept quiet rather than provoke Beijing.')).toEqual(['provoke(negated)=cooperative']);
  });

  it('a relative clause about what was "once" so sets the scene', () => {
    expect(stancesOf('Seoul, which once condemned Tokyo, now praises it as a partner.')).toMatchObject({ seoul: 'cooperative' });
  });
});

describe('mentions', () => {
  it('refuses the plural of a trap', () => {
    expect(last('Latin Americans are wary of Washington.').mentions.map((m) => m.surface)).toEqual(['Washington']);
  });

  it('does not read an expletive "it" as a state', () => {
    const result = analyze('A Title\n\nBeijing has long guarded its ties with Pyongyang. It is worth remembering that trade grew.');
    expect(result.sentences.at(-1)!.mentions).toEqual([]);
  });

  it('gives an actor file alias the country form unless it names a people', () => {
    const set = compileActorSet(parseActorFile([{ id: 'tehran', name: 'Tehran', country: 'Iran', aliases: ['Islamic Republic of Iran', 'Iranians'] }]));
    const forms = analyze('A Title\n\nThe Islamic Republic of Iran and Iranians spoke.', { actorSet: set }).sentences.at(-1)!.mentions.map((m) => m.form);
    expect(forms).toEqual(['country', 'demonym']);
  });

  it('counts going to a country as a visit', () => {
    expect(cuesOf('Xi Jinping flew to Japan for two days.')).toEqual(['fly to ACTOR'.replace('fly to ACTOR', 'flew=cooperative')]);
  });
});

describe('layout', () => {
  const roles = (text: string): string[] => analyze(text).paragraphs.map((p) => p.role);

  it('does not take a body paragraph opening "By March," for a byline', () => {
    expect(roles('A Title\n\nA deck.\n\nBy Jane Doe\n\nBy March, Pyongyang had fired three missiles over Japan.')).toEqual(['title', 'deck', 'byline', 'body']);
  });

  it('takes disclaimers as boilerplate only near the end', () => {
    const body = 'The views expressed by Moscow this week were blunt. Russia warned Washington.';
    expect(roles(`A Title\n\nA deck.\n\nBy Jane Doe\n\n${body}\n\nOne.\n\nTwo.\n\nThree.\n\nFour.`)[3]).toBe('body');
  });

  it('does not take a dateline place for the publisher, nor stop counting it', () => {
    const result = analyze('Seoul Weighs Its Options\n\nA deck.\n\nBy Choe Min-ho, Washington\n\nWashington wants Seoul closer. Washington said so twice.');
    expect(result.meta.publisher).toBeNull();
    expect(result.actors.find((a) => a.id === 'washington')!.mentions).toBe(2);
  });
});

describe('messages', () => {
  it('weighs one "X sent ..." less than an article about another actor', () => {
    const article = [
      'Beijing Looks East',
      'Beijing courts its neighbours.',
      'By Jane Doe',
      'Beijing praised Seoul. Beijing offered talks to Tokyo. Beijing hosted envoys from Pyongyang.',
      'Beijing also expanded trade with Seoul. Japan sent two destroyers to the area.',
    ].join('\n\n');
    expect(analyze(article).sender).toBe('beijing');
  });

  it('opens a section at "Y hears" only in a sentence about a message', () => {
    const article = 'A Title\n\nThe message to Tokyo is cold. Seoul receives aid from Beijing as well.\n\nTokyo hears a warmer message from Seoul.';
    const to = analyze(article, { sender: 'beijing' }).sentences.map((s) => s.messageTo);
    expect(to).toEqual([null, 'tokyo', 'tokyo', 'tokyo']);
  });
});
