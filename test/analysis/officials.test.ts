/**
 * Officials and state media: who counts as a state, and leaders named outside
 * their years in office, judged at the article's date or at --as-of.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileActorSet, parseActorFile, toActorFile } from '../../src/actors.js';
import { DEFAULT_ACTORS } from '../../src/data/actors.js';
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

  it('flags an actor file official named by surname alone when no term of that surname covers the date', () => {
    const file = [{ id: 'washington', name: 'Washington', leaders: ['Bush'], officials: [{ name: 'George H. W. Bush', from: 1989, to: 1993 }, { name: 'George W. Bush', from: 2001, to: 2009 }] }];
    const set = compileActorSet(parseActorFile(file));
    expect(mentions(article('May 1, 1997', 'Bush spoke.'), { actorSet: set })).toEqual([['Bush', 'washington', true]]);
    expect(mentions(article('May 1, 2003', 'Bush spoke.'), { actorSet: set })).toEqual([['Bush', 'washington', false]]);
    expect(mentions(article('May 1, 1991', 'Bush spoke.'), { actorSet: set })).toEqual([['Bush', 'washington', false]]);
  });

  it('keeps every term of someone who held office more than once, and flags them only between terms', () => {
    for (const [date, former] of [['May 1, 2019', false], ['May 1, 2022', true], ['May 1, 2026', false]] as const) {
      expect(mentions(article(date, 'Trump spoke.'))).toEqual([['Trump', 'washington', former]]);
    }
    expect(mentions(article('May 1, 2010', 'Shinzo Abe spoke.'))).toEqual([['Shinzo Abe', 'tokyo', true]]);
    expect(mentions(article('May 1, 2015', 'Shinzo Abe spoke.'))).toEqual([['Shinzo Abe', 'tokyo', false]]);
    const file = [{ id: 'washington', name: 'Washington', officials: [{ name: 'Donald Trump', from: 2017, to: 2021 }, { name: 'Donald Trump', from: 2025 }] }];
    const set = compileActorSet(parseActorFile(file));
    expect(mentions(article('May 1, 2023', 'Donald Trump spoke.'), { actorSet: set })).toEqual([['Donald Trump', 'washington', true]]);
    expect(mentions(article('May 1, 2023', 'Donald Trump spoke.'), { actorSet: set, asOf: '2019-01-01' })).toEqual([['Donald Trump', 'washington', false]]);
    expect(toActorFile(parseActorFile(file))[0]!.officials).toEqual([
      { name: 'Donald Trump', from: 2017, to: 2021 },
      { name: 'Donald Trump', from: 2025, to: null },
    ]);
  });

  it('reads every fixture the same with the default set and with its `actors --json` export given back', () => {
    const exported = JSON.parse(JSON.stringify(toActorFile(DEFAULT_ACTORS)));
    const again = parseActorFile(exported);
    expect(toActorFile(again)).toEqual(exported);
    const set = compileActorSet(again);
    for (const name of readdirSync('fixtures').filter((f) => f.endsWith('.txt'))) {
      const text = readFileSync(join('fixtures', name), 'utf8');
      expect(JSON.stringify(analyze(text, { actorSet: set })), name).toBe(JSON.stringify(analyze(text)));
    }
    const carter = article('June 15, 1994', 'Jimmy Carter flew to Pyongyang, and Carter met Kim Il Sung.');
    expect(mentions(carter, { actorSet: set })).toEqual(mentions(carter));
    expect(mentions(carter)[0]).toEqual(['Jimmy Carter', 'washington', true]);
  });
});
