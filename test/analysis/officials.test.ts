/**
 * Officials and state media: who counts as a state, and leaders named outside
 * their years in office, judged at the article's date or at --as-of.
 */
import { describe, expect, it } from 'vitest';
import { compileActorSet, parseActorFile } from '../../src/actors.js';
import { analyze } from '../../src/analyze.js';

const article = (date: string, body: string): string => `A Title\n\nA deck.\n\nBy A. Writer, Asia Wire, ${date}\n\n${body}`;
const mentions = (text: string, options = {}) => analyze(text, options).sentences.at(-1)!.mentions.map((m) => [m.surface, m.actor, m.former ?? false]);

describe('officials', () => {
  it('counts heads of state and government since 1945 and state media as their state', () => {
    expect(mentions(article('June 1, 1999', 'Obuchi met Kim Dae-jung, and KCNA denounced them.'))).toEqual([
      ['Obuchi', 'tokyo', false],
      ['Kim Dae-jung', 'seoul', false],
      ['KCNA', 'pyongyang', false],
    ]);
  });

  it('flags a leader named outside their term as former, and still counts the mention', () => {
    expect(mentions(article('June 15, 1994', 'Jimmy Carter flew to Pyongyang.'))).toEqual([
      ['Jimmy Carter', 'washington', true],
      ['Pyongyang', 'pyongyang', false],
    ]);
    expect(mentions(article('June 15, 1978', 'Jimmy Carter flew to Seoul.'))[0]).toEqual(['Jimmy Carter', 'washington', false]);
  });

  it('judges terms at --as-of when given', () => {
    const text = article('June 15, 1978', 'Jimmy Carter flew to Seoul.');
    expect(mentions(text, { asOf: '2010-01-01' })[0]).toEqual(['Jimmy Carter', 'washington', true]);
  });

  it('reads a bare surname after a title, and after the full name', () => {
    expect(mentions(article('May 1, 1978', 'President Carter spoke.'))[0]).toEqual(['Carter', 'washington', false]);
    const text = article('March 1, 2024', 'Premier Li Qiang arrived. Li met the Japanese delegation.');
    expect(analyze(text).sentences.at(-1)!.mentions.map((m) => m.actor)).toEqual(['beijing', 'tokyo']);
  });

  it('takes dated officials from an actor file', () => {
    const set = compileActorSet(parseActorFile([{ id: 'ankara', name: 'Ankara', country: 'Turkey', officials: [{ name: 'Recep Tayyip Erdogan', from: 2003 }] }]));
    expect(mentions(article('May 1, 2001', 'Recep Tayyip Erdogan spoke.'), { actorSet: set })).toEqual([['Recep Tayyip Erdogan', 'ankara', true]]);
    expect(() => parseActorFile([{ id: 'ankara', name: 'Ankara', officials: [{ name: 'X', from: 2010, to: 2001 }] }])).toThrow(/officials.*item 1/);
  });
});
