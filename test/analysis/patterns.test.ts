/**
 * The layout's patterns are run only on texts that pass their quick tests
 * (src/pattern.ts): a quick test may let through a text its pattern does not
 * match, never turn away one it does, or an article would be read differently.
 * Each is tried here on every paragraph and line of the fixtures and of a
 * twentieth of the corpus, on their upper- and lower-case forms, with "ſ" and the Kelvin sign
 * for "s" and "k" (letters the i and u flags together match), and on the
 * examples the patterns' comments give.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as layout from '../../src/data/layout.js';
import { Pattern } from '../../src/pattern.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const articles = (dir: string): string[] =>
  readdirSync(join(root, dir))
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => readFileSync(join(root, dir, name), 'utf8'));

/** Texts the layout's patterns are asked about: paragraphs and their lines, trimmed as segment.ts trims them. */
function samples(): string[] {
  const texts = new Set<string>();
  // Every fixture and a twentieth of the corpus (all of it takes a minute; it passed when the quick tests were written).
  for (const article of [...articles('fixtures'), ...articles('corpus/articles').filter((_, i) => i % 20 === 0)]) {
    for (const paragraph of article.split(/(?:\r\n|\r|\n)[\s\u00a0\ufeff]*(?:\r\n|\r|\n)/)) {
      texts.add(paragraph.trim());
      for (const line of paragraph.split(/\r\n|\r|\n/)) texts.add(line.trim());
    }
  }
  return [...texts];
}

/** Lines of the kinds the patterns are written for, from their comments and the byline tests. */
const EXAMPLES = [
  'Published: March 3, 2017', 'Updated 2017-03-03', 'By Jane Roe, Policy Review', 'Written by A. Writer for The Review', 'Source: Xinhua',
  'Author: Jane Doe', 'Reporting by Ann Lee in Seoul and Bo Kim in Tokyo; editing by Cy Dee', 'on December 2, 2014', '3 March 2017', '2017-03-03',
  'Harbour Times editorial, carried by Harbour Wire', 'Transcript released by the Information Department', 'By a Staff Correspondent',
  'From Our Correspondent', 'Staff report', 'From staff and wire reports', 'Office of the Spokesperson', 'This article originally appeared in Some Review.',
  'It first appeared in The Review.', 'The institute does not take institutional positions.', 'The views expressed are the author\'s.',
  'This does not necessarily reflect the views of the editors.', 'All rights reserved.', 'Reprinted with permission.', 'Republished from The Review.',
  'Copyright 2017 Some Review', '© Some Review', 'Jane Roe is a senior fellow at the Institute for Peace.', 'Jane Roe is Tokyo correspondent for The Review.',
  'Jane Roe, a former official, was for many years a correspondent in Tokyo.', 'Jane Roe writes on East Asian affairs.', 'Jane Roe has reported from Seoul.',
  'Jane Roe covered the summit for The Review.', 'Jane Roe directs the Asia programme at the Institute.', 'The authors are research fellows at the Institute.',
  'The Review takes no institutional positions.', 'The council takes no positions on policy.', 'Read more: Moscow and Tokyo', 'Related: Seoul',
  'Photo: Reuters', 'Photos by Jane Roe', 'The writer is a former ambassador.', 'This is an unofficial English rendering of the statement.',
  'Translated from the Russian by Jane Roe.', 'The briefing concluded at 4 p.m.', '(The press conference ended.)', '(Reporting by Jane Roe; editing by John Doe)',
  'Additional reporting by John Doe', 'Distributed by Harbour Wire', 'Research assistance by Ann Lee', 'Reporting for this article was funded by a grant.',
  'The article reflects the views of the author.', 'This editorial represents the position of the board.', 'The opinions expressed here are the author\'s own.',
  'The views are their own.', 'Both writers speak in a personal capacity.', 'The Russian text prevails.', 'The original is authoritative.',
  'This text has been edited for length and clarity.', 'The Review is published quarterly.', 'Mary Roe teaches diplomatic history.',
  'Mary Roe and Li Wei write about Korean affairs for Some Review.', 'John Doe served on the National Security Council staff from 1989 to 1993.',
  'John Doe worked at the embassy for eleven years.', 'Jane Roe is a former State Department official who writes on arms control.',
  'Friday, August 23, 2019 4:05 p.m. KST', 'Regional Desk Digest, December 4, 2024', '# Moscow Signals to Tokyo', '*By Jane Roe*',
  '**Global Times**, 2020-01-02', 'hard to miss. A Russian statement', 'A: No. France decided', 'SEOUL, March 3, 2019 (Agency) —',
  'Pyongyang, August 22 (KCNA) --', 'BEIJING, Feb. 7, 2008 (Xinhua) -- Commentary by Xinhua writer Zhou Lan', 'Commentary by political observer Yevgeny Sorokin',
  'Moscow, May 28, 2009 (RIA Novosti) — by a political commentator', 'Opinion | By A | Outlet | Date', 'Outlet / Date',
  'Opinion — The Review — May 5, 2019 — by Jane Roe', 'TASS Commentary', 'Global Times Editorial', 'Commentary by Jane Doe',
  'Commentary by Xinhua writer Lin Hao', 'RIA Novosti political commentator Dmitry Kosarev', 'By Dr. Jane Roe', 'By Ambassador John Doe', 'Lee Soo-jin',
  'Our Correspondent', 'Staff Reporter', 'The Editorial Board', "People's Daily commentator", 'Xinhua political observer', "People's Daily Commentator",
  'The Asia-Pacific Commentator', 'Ministry of Foreign Affairs (transcript)', 'Global Times (commentary)', '(Harbour Wire, transcript)',
  '(KCNA, unofficial translation)', 'By Jane', 'Published: March 3, 2017', 'First published by Global Times on March 3',
  'Appeared in Policy Review, March 3', 'Publisher: Korea Times, March 3', 'By Jane Doe, Policy Review', 'Author: Jane Doe',
  'By Jane Roe in the Korea Herald, May 3, 2024', 'Special to The Review', 'Date: March 3, 2017', 'Dateline Seoul', 'Posted by Jane Roe',
  'Transcript (unofficial translation)', 'Northstar Press', 'Harbour Wire', 'The Morning Ledger', 'Spokesman Burak Özdemir',
  'Ministry of Foreign Affairs, Seoul', 'Press Centre, Ministry of Foreign Affairs', 'Daily Press Briefing', 'Press Conference Room',
  'BEIJING, September 26, 1997 — Commentary, Xinhua News Agency', 'Posted on March 3, 2017 by Jane Roe, The Review', 'Posted 2017-03-03 by Jane Roe',
  'Daily Press Briefing, U.S. Department of State', 'Briefing by the Spokesperson of the Ministry of Foreign Affairs, Republic of Korea',
  'Korea Program, Calloway Institute', 'Asia Policy Brief, Hastings Centre', 'Information Department',
  'Press Centre of the Ministry of Foreign Affairs of the USSR', 'Commentary Desk', 'World Desk', 'Department of State Daily Press Briefing',
  "Foreign Ministry Spokesperson's Regular Press Conference", 'Global Times on March 3', 'Ministry of Foreign Affairs of Japan',
  'Ministry of Foreign Affairs, Republic of China (Taiwan)', 'Secretary Blinken', 'Foreign Minister Kamikawa', 'Contributing columnist', 'Senior Fellow',
  'Staff Correspondent', 'Pacific Policy Monitor (Institute for Northern Studies)', 'By A, Senior Fellow, Institute',
  'Pyongyang, June 25, 2002 (KCNA) --', 'Far Eastern Press Association', 'BEIJING, Feb. 13 — ', 'SEOUL (Agency) - The',
];

/** The variants of a text that could take another path through a quick test than through its pattern. */
const variants = (text: string): string[] => [text, text.toUpperCase(), text.toLowerCase(), text.replace(/s/g, 'ſ'), text.replace(/S/g, 'ſ'), text.replace(/k/gi, 'K')];

const patterns: [string, Pattern][] = Object.entries(layout).flatMap(([name, value]) =>
  value instanceof Pattern ? [[name, value]] : Array.isArray(value) && value[0] instanceof Pattern ? value.map((p: Pattern, i): [string, Pattern] => [`${name}[${i}]`, p]) : [],
);

describe("the layout's quick tests", () => {
  const texts = [...samples(), ...EXAMPLES].flatMap(variants);

  it('cover the layout (every pattern but LEADING_DATELINE, which other modules run as it is)', () => {
    expect(patterns.length).toBeGreaterThan(100);
    expect(layout.LEADING_DATELINE).toBeInstanceOf(RegExp);
  });

  it.each(patterns)('%s: passes every text its pattern matches', (_name, pattern) => {
    const regex = new RegExp(pattern.source, pattern.flags.replace('g', ''));
    const missed = texts.filter((text) => !pattern.mayMatch(text) && regex.test(text));
    expect(missed).toEqual([]);
  });

  it('are tried on texts their patterns match', () => {
    const matched = patterns.filter(([, pattern]) => {
      const regex = new RegExp(pattern.source, pattern.flags.replace('g', ''));
      return texts.some((text) => regex.test(text));
    });
    // Most patterns match some sample: the test above is about matches that happen.
    expect(matched.length).toBeGreaterThan(patterns.length * 0.9);
  });
});
