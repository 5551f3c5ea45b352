import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { assignRoles, paragraphSpans, parseDate, readMeta } from '../../src/segment.js';

const roles = (text: string): string[] => assignRoles(text, paragraphSpans(text)).map((p) => p.role);

describe('paragraphs', () => {
  it('splits at blank lines, whatever the line ends, and trims each paragraph', () => {
    const text = 'One line\r\n\r\nTwo\rlines\r\r  Three \u00a0\n\u00a0\nFour';
    expect(paragraphSpans(text).map((p) => text.slice(p.start, p.end))).toEqual(['One line', 'Two\rlines', 'Three', 'Four']);
  });

  it('reads a paragraph a line in a text typed without blank lines, but not in hard-wrapped text', () => {
    const long = (n: number): string => `Paragraph ${n} says that Moscow and Seoul have spoken at length about the peninsula, and that Tokyo has listened to every word of it.`;
    const typed = ['Moscow Signals to Tokyo', 'By Jane Doe, Some Review, March 3, 2017', long(1), long(2), long(3)].join('\n');
    expect(roles(typed)).toEqual(['title', 'byline', 'body', 'body', 'body']);
    // Hard-wrapped lines are one paragraph, as before.
    const wrapped = 'Moscow and Seoul have spoken at length about\nthe peninsula, and Tokyo has listened to every\nword of it, as Beijing has.';
    expect(paragraphSpans(wrapped)).toHaveLength(1);
    // A line holding only a zero-width space is blank.
    expect(paragraphSpans('One.\n\u200b\nTwo.')).toHaveLength(2);
  });

  it('gives title, deck, byline, body and boilerplate roles', () => {
    const text = [
      'Moscow Signals to Tokyo',
      'A short standfirst about the signals.',
      'published by\nSome Review\n on March 3, 2017',
      'Body paragraph one. It has two sentences.',
      'Body paragraph two.',
      'This article originally appeared in Some Review.',
    ].join('\n\n');
    expect(roles(text)).toEqual(['title', 'deck', 'byline', 'body', 'body', 'boilerplate']);
  });

  const closing = (note: string): string => roles(['Moscow Signals to Tokyo', 'By Jane Doe, Some Review, March 3, 2017', 'Body paragraph one.', 'Body paragraph two.', note].join('\n\n')).at(-1)!;

  it.each([
    'The writer is a former ambassador and a regular contributor to this newspaper.',
    'Mary Roe teaches diplomatic history.',
    'Mary Roe and Li Wei write about Korean affairs for Some Review.',
    'John Doe served on the National Security Council staff from 1989 to 1993.',
    'Jane Doe is a former State Department official who writes on arms control.',
    'Translated from the Russian by the Some Review desk.',
    'This is an unofficial English translation provided for reference.',
    'The Korean text is authoritative.',
    '(The briefing concluded at 12:58 p.m.)',
    '(Reporting by Jane Doe in Tokyo; editing by John Roe)',
    'Additional reporting by Jane Doe in Seoul.',
    'The preceding editorial reflects the views of the United States Government.',
    'Opinions are her own.',
    'This transcript has been edited for length.',
    'The Institute takes no position on questions of policy.',
  ])('reads a closing note as boilerplate: "%s"', (note) => {
    expect(closing(note)).toBe('boilerplate');
  });

  it.each([
    'President Carter served as the host of both delegations.',
    'The United States is the real author of this agreement.',
    'The United States, which takes no position on the claims, welcomed the survey.',
    'Kim Jong Un taught his generals a lesson in patience, and Moscow has taken note.',
    'South Korea serves as a bridge between the two, and it is a member of both clubs.',
  ])('keeps a closing sentence about the story in the body: "%s"', (note) => {
    expect(closing(note)).toBe('body');
  });

  const furnished = (line: string): string => roles(['Moscow Signals to Tokyo', 'By Jane Doe, Some Review, March 3, 2017', 'Body paragraph one.', line, 'Body paragraph two.', 'Body paragraph three.', 'Body paragraph four.'].join('\n\n'))[3]!;

  it.each([
    'Read more: Why Japan and South Korea fear Russia’s pivot to Pyongyang',
    'Related: Japan warns China over military drills near Taiwan',
    'See also: The Kremlin’s Asian gambit',
    'Photo: Russian President Vladimir Putin meets a North Korean envoy in Moscow.',
    'Advertisement',
    'ADVERTISEMENT',
    'Story continues below advertisement',
    'Sign up for our newsletter',
    'Subscribe to Some Review for $1 a week',
    'Share this article: Facebook | Twitter | Email',
  ])('reads web furniture anywhere in the article as boilerplate: "%s"', (line) => {
    expect(furnished(line)).toBe('boilerplate');
  });

  it.each([
    'Related talks in Geneva have stalled, and Tokyo has said nothing.',
    'Photographs of the summit show Putin and Kim smiling.',
    'Subscribers to the old consensus in Seoul are fewer every year, and Tokyo has noticed; the alliance managers in Washington have noticed too, and they are worried about what comes next.',
    'Watch how Beijing answers.',
  ])('keeps a body paragraph that only looks like furniture: "%s"', (line) => {
    expect(furnished(line)).toBe('body');
  });

  it('does not take a body sentence that starts with "By" for a byline', () => {
    const text = 'A Title\n\nBy reactivating its policy on Pyongyang, Moscow is sending messages to Seoul.\n\nBy Jane Doe\n\nBody.';
    expect(roles(text)).toEqual(['title', 'deck', 'byline', 'body']);
  });
});

describe('metadata', () => {
  it.each([
    ['on December 2, 2014', '2014-12-02'],
    ['27 April 2017', '2017-04-27'],
    ['March 3, 2017', '2017-03-03'],
    ['2017-03-03', '2017-03-03'],
    ['Dec. 2, 2014', '2014-12-02'],
    ['February 30, 2017', null],
    ['no date here', null],
  ])('reads the date in "%s"', (text, iso) => {
    expect(parseDate(text)).toBe(iso);
  });

  it('reads publisher and author from the byline formats people write', () => {
    const cases: [string, string | null, string | null][] = [
      ['published by\nGlobal Times\n on December 2, 2014', 'Global Times', null],
      ['By Jane Doe, Policy Review, 27 April 2017', 'Policy Review', 'Jane Doe'],
      ['By A. Writer | The Diplomat Weekly | 5 June 2018', 'The Diplomat Weekly', 'A. Writer'],
      ['By Chen Liang\nGlobal Times, 27 April 2017', 'Global Times', 'Chen Liang'],
      ['Source: Pacific Ledger\nDate: 2016-06-02', 'Pacific Ledger', null],
      ['Author: Kim Min-ji\nSource: Seoul Policy Review, 2016-08-12', 'Seoul Policy Review', 'Kim Min-ji'],
    ];
    for (const [byline, publisher, author] of cases) {
      const text = `A Title\n\nA deck.\n\n${byline}\n\nBody text.`;
      const meta = readMeta(text, assignRoles(text, paragraphSpans(text)));
      expect({ publisher: meta.publisher, author: meta.author }).toEqual({ publisher, author });
    }
  });
});

describe('sentences', () => {
  it('keeps exact offsets through a BOM, CRLF and no-break spaces', () => {
    const text = '\ufeffRussia Signals\r\n\r\nMoscow\u00a0warns Tokyo. Japan “objects”.\r\n';
    const result = analyze(text);
    const input = text.slice(1);
    for (const s of result.sentences) expect(input.slice(s.start, s.end)).toBe(s.text);
    expect(result.sentences.map((s) => s.text)).toEqual(['Russia Signals', 'Moscow\u00a0warns Tokyo.', 'Japan “objects”.']);
  });

  it('never lets a sentence run across a paragraph break or out of a heading line', () => {
    const text = 'A Title Without A Period\n\npublished by\nThe Review\n\nFirst body sentence\n\nSecond paragraph.';
    const texts = analyze(text).sentences.map((s) => s.text);
    expect(texts).toEqual(['A Title Without A Period', 'published by', 'The Review', 'First body sentence', 'Second paragraph.']);
  });

  const body = (paragraph: string): string[] => analyze(`A Title\n\n${paragraph}`).sentences.slice(1).map((s) => s.text);

  it('ends a sentence at an answer\'s "No." and a lower-case "no." before a capital, not at "No. 5"', () => {
    expect(body('A: No. France decided this with London. See No. 5 for details.')).toEqual(['A: No.', 'France decided this with London.', 'See No. 5 for details.']);
    expect(body('The Kremlin has not said no. South Korean firms have not waited.')).toEqual(['The Kremlin has not said no.', 'South Korean firms have not waited.']);
  });

  it('keeps a numbered item\'s number with its sentence', () => {
    expect(body('Moscow told them:\n1. South Korea was warned.\n2. Japan lost its talks.\n  (3) China gained.')).toEqual(['Moscow told them:', '1. South Korea was warned.', '2. Japan lost its talks.', '(3) China gained.']);
    expect(body('Growth was 2. Seoul noticed.')).toEqual(['Growth was 2.', 'Seoul noticed.']);
  });

  it('ends a sentence after a footnote mark that follows its stop', () => {
    expect(body('Seoul backed the deal.[3] Tokyo did not.')).toEqual(['Seoul backed the deal.[3]', 'Tokyo did not.']);
    expect(body('Seoul backed the deal.¹² Tokyo did not.')).toEqual(['Seoul backed the deal.¹²', 'Tokyo did not.']);
    expect(body('See note [3] on Tokyo and the U.S.[4] position.')).toEqual(['See note [3] on Tokyo and the U.S.[4] position.']);
  });

  it('makes each item of a list a sentence of its own, whatever its marker and with or without a full stop', () => {
    expect(body('Moscow told each of them:\n- Japan joined the sanctions.\n- China praised the deal.')).toEqual(['Moscow told each of them:', '- Japan joined the sanctions.', '- China praised the deal.']);
    expect(body('Key points:\n• Seoul: stay out\n  • Tokyo: the talks are over\n– Beijing: a partner')).toEqual(['Key points:', '• Seoul: stay out', '• Tokyo: the talks are over', '– Beijing: a partner']);
    // A dash inside a line is no list.
    expect(body('Seoul - and Tokyo - agreed.')).toEqual(['Seoul - and Tokyo - agreed.']);
  });

  it('starts no sentence inside a word: "Japan-U.S." stays whole, and so does its mention', () => {
    const result = analyze('A Title\n\nThe Japan-U.S. alliance is not affected by this matter.');
    expect(result.sentences.slice(1).map((s) => s.text)).toEqual(['The Japan-U.S. alliance is not affected by this matter.']);
    expect(result.sentences[1]!.mentions.map((m) => m.actor)).toEqual(['tokyo', 'washington']);
  });

  it('reads a title line as one sentence, whatever its stops', () => {
    expect(analyze('Who Won in Singapore? A Scorecard From Six Capitals\n\nBody text.').sentences[0]!.text).toBe('Who Won in Singapore? A Scorecard From Six Capitals');
  });
});
