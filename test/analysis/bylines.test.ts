/**
 * Bylines as news writes them: each form in a small article, with the author,
 * publisher and date it must give and the role its paragraph must get.
 */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';

const TITLE = 'Seoul Weighs Its Options';
const DECK = 'The government has choices to make about its neighbours.';
const BODY = 'Seoul and Tokyo resumed talks on Monday. Beijing watched closely.';

interface Form {
  byline: string;
  author?: string | null;
  publisher?: string | null;
  date?: string | null;
}

const FORMS: Form[] = [
  { byline: 'By Jane Roe and John Doe, Asia Wire', author: 'Jane Roe and John Doe', publisher: 'Asia Wire' },
  { byline: 'By Jane Roe | The Harbour Review', author: 'Jane Roe', publisher: 'The Harbour Review' },
  { byline: 'Opinion | By Jane Roe | The Harbour Review | September 3, 2025', author: 'Jane Roe', publisher: 'The Harbour Review', date: '2025-09-03' },
  { byline: 'Editorial | Global Times | August 20, 2023', publisher: 'Global Times', date: '2023-08-20' },
  { byline: 'TOKYO, November 14, 2025 (Kyoto Wire) —', publisher: 'Kyoto Wire', date: '2025-11-14' },
  { byline: 'SEOUL (Harbour Wire) —', publisher: 'Harbour Wire' },
  { byline: 'VLADIVOSTOK, Russia, Sept. 7, 2017 (Pacific Wire Service) —', publisher: 'Pacific Wire Service', date: '2017-09-07' },
  { byline: 'Pyongyang, August 22, 2023 (KCNA) --', publisher: 'KCNA', date: '2023-08-22' },
  { byline: "By Lin Haoran, People's Daily commentator", author: 'Lin Haoran', publisher: "People's Daily" },
  { byline: 'By Jane Roe, The Straits Observer', author: 'Jane Roe', publisher: 'The Straits Observer' },
  { byline: 'By ITAR-TASS political observer Oleg Sedov\nMoscow, November 3, 1997', author: 'Oleg Sedov', publisher: 'ITAR-TASS', date: '1997-11-03' },
  { byline: 'The Long Read | By Jane Roe | The Meridian Review | July 20, 1989', author: 'Jane Roe', publisher: 'The Meridian Review', date: '1989-07-20' },
  { byline: 'By Jane Roe | Northeast Asia Review, Marlowe Institute | August 2008', author: 'Jane Roe', publisher: 'Northeast Asia Review', date: null },
  { byline: 'By Jane Roe | Korea Program, Calloway Institute | May 2008', author: 'Jane Roe', publisher: 'Calloway Institute', date: null },
  { byline: 'Published: 2025-09-03', date: '2025-09-03' },
  { byline: 'Updated September 4, 2025', date: '2025-09-04' },
  { byline: '2025-09-03', date: '2025-09-03' },
  { byline: '3 September 2025', date: '2025-09-03' },
  { byline: 'Sept. 3, 2025', date: '2025-09-03' },
  { byline: 'published by Global Times on December 2, 2014', publisher: 'Global Times', date: '2014-12-02' },
  { byline: 'Source: Global Times', publisher: 'Global Times' },
  { byline: 'By Jane Roe, Senior Fellow, Institute for Pacific Affairs\nApril 10, 2017', author: 'Jane Roe', publisher: 'Institute for Pacific Affairs', date: '2017-04-10' },
  { byline: 'TASS Commentary / Moscow, November 16, 2018', publisher: 'TASS', date: '2018-11-16' },
  { byline: 'Global Times | Editorial / Published: 2012-09-12', publisher: 'Global Times', date: '2012-09-12' },
  { byline: 'By Jane Roe, Asia Wire, March 3, 2016', author: 'Jane Roe', publisher: 'Asia Wire', date: '2016-03-03' },
  { byline: 'Korea Times, March 3, 2016', publisher: 'Korea Times', date: '2016-03-03' },
  { byline: 'Regional Desk Digest, December 4, 2024', publisher: 'Regional Desk Digest', date: '2024-12-04' },
  { byline: 'Ministry of Foreign Affairs of Japan\nFriday, August 23, 2019, 4:05 p.m.', publisher: 'Ministry of Foreign Affairs of Japan', date: '2019-08-23' },
  { byline: 'Moscow, May 28, 2009 (RIA Novosti) — by a political commentator', publisher: 'RIA Novosti', date: '2009-05-28' },
  { byline: 'Harbour Wire\n16:30 KST, Monday 3 March 2025', publisher: 'Harbour Wire', date: '2025-03-03' },
  { byline: 'By Jane Roe\nThe Harbour Review\nMay 5, 2019', author: 'Jane Roe', publisher: 'The Harbour Review', date: '2019-05-05' },
  { byline: 'Written by Jane Roe for The Harbour Review', author: 'Jane Roe', publisher: 'The Harbour Review' },
  { byline: 'Analysis | The Meridian Review | 12 June 2016', publisher: 'The Meridian Review', date: '2016-06-12' },
  { byline: 'By Jane Roe · The Harbour Review · June 5, 2018', author: 'Jane Roe', publisher: 'The Harbour Review', date: '2018-06-05' },
  { byline: 'Commentary by Xinhua writer Lin Hao / Beijing, May 3, 2020', author: 'Lin Hao', publisher: 'Xinhua', date: '2020-05-03' },
  { byline: 'Commentary by Harbour Wire writer Lin Hao\nBEIJING, May 3, 2020', author: 'Lin Hao', publisher: 'Harbour Wire', date: '2020-05-03' },
  { byline: 'Harbour Wire | Commentary by Igor Petrov | June 21, 2024', author: 'Igor Petrov', publisher: 'Harbour Wire', date: '2024-06-21' },
  { byline: 'By Dr. Jane Roe and Ambassador John Doe, Asia Wire', author: 'Jane Roe and John Doe', publisher: 'Asia Wire' },
  { byline: 'By Our Correspondent, Asia Wire', author: null, publisher: 'Asia Wire' },
  { byline: 'By Jane Roe, John Doe and Ann Lee, Asia Wire', author: 'Jane Roe, John Doe and Ann Lee', publisher: 'Asia Wire' },
  { byline: 'By Jane Roe, John Doe and Ann Lee | The Harbour Review | May 5, 2019', author: 'Jane Roe, John Doe and Ann Lee', publisher: 'The Harbour Review', date: '2019-05-05' },
  { byline: 'By The Editorial Board | The Harbour Review | May 5, 2019', author: null, publisher: 'The Harbour Review', date: '2019-05-05' },
  { byline: 'By Jane Roe | The Harbour Review | October 2018', author: 'Jane Roe', publisher: 'The Harbour Review', date: null },
  { byline: 'SEOUL, May 5, 2019 (Harbour Wire, transcript) —', publisher: 'Harbour Wire', date: '2019-05-05' },
  { byline: 'Ministry of Foreign Affairs (transcript)\nMay 5, 2019', publisher: 'Ministry of Foreign Affairs', date: '2019-05-05' },
  { byline: 'Global Times (commentary) | May 5, 2019', publisher: 'Global Times', date: '2019-05-05' },
  { byline: 'Harbour Review (press release), May 5, 2019', publisher: 'Harbour Review', date: '2019-05-05' },
  { byline: 'Regular Press Briefing | Ministry of Foreign Affairs, Republic of Korea | Seoul, May 5, 2019', publisher: 'Ministry of Foreign Affairs', date: '2019-05-05' },
  { byline: 'Transcript | Press Centre, Ministry of Foreign Affairs | Moscow, May 5, 2019', publisher: 'Ministry of Foreign Affairs', date: '2019-05-05' },
  { byline: 'Department of State, Washington, D.C.\nMay 5, 2019, Daily Press Briefing', publisher: 'Department of State', date: '2019-05-05' },
  { byline: 'Washington, DC | May 5, 2019 | Transcript', publisher: null, date: '2019-05-05' },
  { byline: 'Ministry of Foreign Affairs | Press Briefing | July 7, 2006', publisher: 'Ministry of Foreign Affairs', date: '2006-07-07' },
  { byline: 'By Jane Roe, Staff Writer\nNortheast Asia Briefs, October 2, 2007', author: 'Jane Roe', publisher: 'Northeast Asia Briefs', date: '2007-10-02' },
  { byline: 'December 2, 2014', date: '2014-12-02' },
  { byline: 'on December 2, 2014', date: '2014-12-02' },
  { byline: 'Author: Jane Roe', author: 'Jane Roe' },
  { byline: 'Opinion | The Northern Review | June 14, 2018', publisher: 'The Northern Review', date: '2018-06-14' },
  { byline: 'Posted on May 5, 2019 by Jane Roe, The Harbour Review', author: 'Jane Roe', publisher: 'The Harbour Review', date: '2019-05-05' },
  { byline: 'Posted on May 5, 2019 by Jane Roe', author: 'Jane Roe', publisher: null, date: '2019-05-05' },
  { byline: 'Source: East Asia Review\nPosted 2019-05-05 by Jane Roe', author: 'Jane Roe', publisher: 'East Asia Review', date: '2019-05-05' },
  { byline: 'TOKYO, May 5, 2019 — Analysis, Harbour News Agency', publisher: 'Harbour News Agency', date: '2019-05-05' },
  { byline: 'Ministry of Foreign Affairs\n2019/05/05', publisher: 'Ministry of Foreign Affairs', date: '2019-05-05' },
  { byline: 'Ministry of Foreign Affairs, Seoul\nMay 5, 2019', publisher: 'Ministry of Foreign Affairs', date: '2019-05-05' },
  { byline: 'By Jane Roe\nHarbour News Service, Seoul bureau', author: 'Jane Roe', publisher: 'Harbour News Service' },
  { byline: 'By Jane Roe | Asia Program, Harbour Institute | May 5, 2019', author: 'Jane Roe', publisher: 'Harbour Institute', date: '2019-05-05' },
  { byline: 'By Jane Roe\nAsia Notes, Harbour Institute for Peace\nMay 5, 2019', author: 'Jane Roe', publisher: 'Asia Notes', date: '2019-05-05' },
  { byline: 'Daily Press Briefing | Ministry of Foreign Affairs | Tokyo, May 5, 2019', publisher: 'Ministry of Foreign Affairs', date: '2019-05-05' },
  { byline: 'Tokyo, May 5, 2019\nHarbour News Service commentary', publisher: 'Harbour News Service', date: '2019-05-05' },
  { byline: 'Washington, DC\nMay 5, 2019', publisher: null, date: '2019-05-05' },
  { byline: 'Tokyo, May 5, 2019\nTranscript (unofficial translation)', publisher: null, date: '2019-05-05' },
  { byline: 'Tokyo, May 5, 2019\nCommentary', publisher: null, date: '2019-05-05' },
  { byline: 'Harbour Times editorial, carried by Harbour Wire', publisher: 'Harbour Times' },
  { byline: 'Posted on May 5, 2019 by Harbour Asia Briefs', author: null, publisher: 'Harbour Asia Briefs', date: '2019-05-05' },
  { byline: 'Tokyo, May 5, 2019\nTranscript released by the Public Affairs Bureau', publisher: 'Public Affairs Bureau', date: '2019-05-05' },
  { byline: "Moscow, May 5, 2019\nTranscript released by the ministry's press office", publisher: null, date: '2019-05-05' },
  { byline: 'Commentary by Harbour Wire political observer Jane Roe', author: 'Jane Roe', publisher: 'Harbour Wire' },
  { byline: 'Transcript | Department of State Daily Press Briefing | Washington, May 5, 2019', publisher: 'Department of State', date: '2019-05-05' },
  { byline: "Foreign Ministry Spokesperson's Regular Press Conference\nBeijing, May 5, 2019", publisher: 'Foreign Ministry', date: '2019-05-05' },
  { byline: 'Washington, DC\nOffice of the Spokesperson', publisher: 'Office of the Spokesperson' },
  { byline: 'Press Centre of the Ministry of Foreign Affairs\nMoscow, May 5, 2019', publisher: 'Ministry of Foreign Affairs', date: '2019-05-05' },
  { byline: 'Harbour Daily Commentator\nSeoul, May 5, 2019', publisher: 'Harbour Daily', date: '2019-05-05' },
  { byline: 'The Harbour Commentator, May 5, 2019', publisher: 'The Harbour Commentator', date: '2019-05-05' },
  { byline: 'Seoul, May 5, 2019\nCommentary Desk', publisher: null, date: '2019-05-05' },
  { byline: 'Harbour Institute for Regional Economic Studies, May 5, 2019', publisher: 'Harbour Institute for Regional Economic Studies', date: '2019-05-05' },
  // Shapes the third corpus batch's writers used (train), each with invented names.
  { byline: 'Opinion — The Harbour Review — May 5, 2019 — by Jane Roe', author: 'Jane Roe', publisher: 'The Harbour Review', date: '2019-05-05' },
  { byline: 'Commentary — The Harbour Review\nJane Roe\n5 May 2019', publisher: 'The Harbour Review', date: '2019-05-05' },
  { byline: 'The Harbour Review — In Brief\nMay 5, 2019', publisher: 'The Harbour Review', date: '2019-05-05' },
  { byline: 'Korea Desk | The Morning Ledger | May 5, 2019', publisher: 'The Morning Ledger', date: '2019-05-05' },
  { byline: 'By Jane Roe-Park, Staff Correspondent\nGlobal Desk, Eastline News Service\nMay 5, 2019', author: 'Jane Roe-Park', publisher: 'Eastline News Service', date: '2019-05-05' },
  { byline: 'Harbour Review\nAnalysis by Jane Roe-Park\nMay 5, 2019', author: 'Jane Roe-Park', publisher: 'Harbour Review', date: '2019-05-05' },
  { byline: 'Filed by Jane Roe and John Doe for Eastline Press Agency\nMay 5, 2019', author: 'Jane Roe and John Doe', publisher: 'Eastline Press Agency', date: '2019-05-05' },
  { byline: 'Special to The Harbour Observer\nMay 5, 2019', publisher: 'The Harbour Observer', date: '2019-05-05' },
  { byline: 'WASHINGTON/SEOUL, May 5, 2019 (Northstar Press) —', publisher: 'Northstar Press', date: '2019-05-05' },
  { byline: 'Analysis | Jane Roe-Park | Northeast Asia Monitor | 7 July 2014', author: 'Jane Roe-Park', publisher: 'Northeast Asia Monitor', date: '2014-07-07' },
  { byline: 'Guest column · Jane Roe · The Pacific Ledger Weekly · 28 September 2010', author: 'Jane Roe', publisher: 'The Pacific Ledger Weekly', date: '2010-09-28' },
  { byline: 'Opinion | The Harbour Review | Jane Roe | May 5, 2019', author: 'Jane Roe', publisher: 'The Harbour Review', date: '2019-05-05' },
  { byline: 'From our Tokyo correspondent\nThe Straits Observer, August 24, 1973', publisher: 'The Straits Observer', date: '1973-08-24' },
  { byline: 'By Jane Roe, with reporting by John Doe in Seoul\nMay 5, 2019', author: 'Jane Roe', publisher: null, date: '2019-05-05' },
  { byline: 'Opinion\nJane Roe-Park\nThe Harbour Review\nMay 5, 2019', author: 'Jane Roe-Park', publisher: 'The Harbour Review', date: '2019-05-05' },
  { byline: 'Harbour Wire political commentator Oleg Sedov\nMOSCOW, May 5, 2019', author: 'Oleg Sedov', publisher: 'Harbour Wire', date: '2019-05-05' },
  { byline: 'By a Staff Correspondent\nFar East Wire Service', author: null, publisher: 'Far East Wire Service' },
  { byline: 'From Our Correspondent\nOrient Press Service', author: null, publisher: 'Orient Press Service' },
  { byline: 'Staff reporters, Continental Press Agency', author: null, publisher: 'Continental Press Agency' },
  { byline: 'BEIJING, Feb. 7, 2008 (Xinhua) -- Commentary by Xinhua writer Zhou Lan', author: 'Zhou Lan', publisher: 'Xinhua', date: '2008-02-07' },
  { byline: 'MOSCOW, April 27, 1996 (ITAR-TASS) -- Commentary by political observer Yevgeny Sorokin', author: 'Yevgeny Sorokin', publisher: 'ITAR-TASS', date: '1996-04-27' },
  { byline: 'ITAR-TASS\nCommentary by political observer Vladimir Kuznetsov\nMoscow, April 19, 1996', author: 'Vladimir Kuznetsov', publisher: 'ITAR-TASS', date: '1996-04-19' },
  { byline: 'By Jane Roe\nContributing columnist, Harbour & Strait\nJuly 3, 2012', author: 'Jane Roe', publisher: 'Harbour & Strait', date: '2012-07-03' },
  { byline: 'Jane Roe, Senior Fellow, Kestrel Asia Forum\n21 August 2025', author: 'Jane Roe', publisher: 'Kestrel Asia Forum', date: '2025-08-21' },
  { byline: 'Jane Roe, contributing columnist\nThe Baltic and Pacific Review, September 14, 2021', author: 'Jane Roe', publisher: 'The Baltic and Pacific Review', date: '2021-09-14' },
  { byline: 'Reporting by Jane Roe; editing by John Doe', author: 'Jane Roe', publisher: null },
  { byline: 'Reporting by Jane Roe in Seoul; Writing by John Doe; Editing by Ann Lee', author: 'Jane Roe', publisher: null },
  { byline: 'Reporting by Jane Roe in Seoul, John Doe in Tokyo and Ann Lee in Washington; Editing by Max Poe', author: 'Jane Roe, John Doe and Ann Lee', publisher: null },
  { byline: 'By Jane Roe; Kim Tong-hyung contributed reporting from Seoul', author: 'Jane Roe', publisher: null },
  { byline: 'By Jane Roe in The Hague', author: 'Jane Roe', publisher: null },
  { byline: 'Reporting by Jane Roe in The Hague and John Doe in Brussels', author: 'Jane Roe and John Doe', publisher: null },
  { byline: 'By Jane Roe in Seoul and Tokyo', author: 'Jane Roe', publisher: null },
  { byline: 'Reporting by J. Smith in Seoul; Editing by K. Lee', author: 'J. Smith', publisher: null },
  { byline: 'Reporting by Jane Roe in St. Petersburg and John Doe in Moscow', author: 'Jane Roe and John Doe', publisher: null },
  { byline: 'Reporting by John Smith Jr. in Seoul', author: 'John Smith Jr.', publisher: null },
  { byline: 'By Jane Roe; May 3, 2024; Northstar Press', author: 'Jane Roe', publisher: 'Northstar Press', date: '2024-05-03' },
  { byline: 'By Jane Roe in the Korea Herald, May 3, 2024', author: 'Jane Roe', publisher: 'Korea Herald', date: '2024-05-03' },
  { byline: 'By Jane Roe in New York for Northstar Press', author: 'Jane Roe', publisher: 'Northstar Press' },
  { byline: 'The Harbour Review, Contributing Editor\nMay 5, 2019', author: null, publisher: 'The Harbour Review', date: '2019-05-05' },
  { byline: 'Posted on May 5, 2019 by Korea Policy Institute in Commentary', author: null, publisher: 'Korea Policy Institute', date: '2019-05-05' },
  { byline: 'Opinion | Jane Roe | Global Affairs and Strategic Studies | May 5, 2019', author: 'Jane Roe', publisher: 'Global Affairs and Strategic Studies', date: '2019-05-05' },
  { byline: 'Transcript | Secretary Blinken and Foreign Minister Kamikawa | Department of State | Tokyo, May 5, 2019', author: null, publisher: 'Department of State', date: '2019-05-05' },
  { byline: 'Analysis | Jane Roe and John Doe | Arctic & Pacific Monitor | 15 September 2025', author: 'Jane Roe and John Doe', publisher: 'Arctic & Pacific Monitor', date: '2025-09-15' },
  { byline: 'Analysis | Jane Roe, East Asia desk | Meridian Review | December 28, 2023', author: 'Jane Roe', publisher: 'Meridian Review', date: '2023-12-28' },
  { byline: 'By Jane Roe | Pacific Desk, Harbourline News Agency | 9 July 2022', author: 'Jane Roe', publisher: 'Harbourline News Agency', date: '2022-07-09' },
  { byline: 'Long read | Written by Jane Roe | The Meridian Quarterly | November 21, 2024', author: 'Jane Roe', publisher: 'The Meridian Quarterly', date: '2024-11-21' },
  { byline: 'FAR EAST MONITOR | Analysis\nJane Roe and John Doe\n14 June 1984', author: 'Jane Roe and John Doe', publisher: 'FAR EAST MONITOR', date: '1984-06-14' },
  { byline: 'Posted on September 10, 2012 by Jane Roe in Analysis | Northern Pacific Review', author: 'Jane Roe', publisher: 'Northern Pacific Review', date: '2012-09-10' },
  { byline: 'Posted on August 15, 2008 by Jane Roe in the Formosa Ledger', author: 'Jane Roe', publisher: 'Formosa Ledger', date: '2008-08-15' },
  { byline: 'Posted on May 9, 2016 by Jane Roe | Far Shore Notes', author: 'Jane Roe', publisher: 'Far Shore Notes', date: '2016-05-09' },
  { byline: 'Posted on May 4, 2001 by Jane Roe for the Kobe Evening Dispatch', author: 'Jane Roe', publisher: 'Kobe Evening Dispatch', date: '2001-05-04' },
  { byline: 'By Jane Roe\nAnalysis, The Harbour Economic Review, February 6, 2016', author: 'Jane Roe', publisher: 'The Harbour Economic Review', date: '2016-02-06' },
  { byline: 'Ministry of Foreign Affairs of Japan', publisher: 'Ministry of Foreign Affairs of Japan' },
  { byline: 'Ministry of Foreign Affairs, Republic of China (Taiwan)', publisher: 'Ministry of Foreign Affairs' },
  { byline: 'By Jane Roe\nPacific Policy Monitor (Institute for Northern Studies), July 28, 1987', author: 'Jane Roe', publisher: 'Pacific Policy Monitor', date: '1987-07-28' },
  // A Markdown article's byline, read without its emphasis.
  { byline: '*By Jane Roe*\n**Global Times**, 2020-01-02', author: 'Jane Roe', publisher: 'Global Times', date: '2020-01-02' },
  { byline: '_By Jane Roe_ | __The Harbour Review__', author: 'Jane Roe', publisher: 'The Harbour Review' },
];

const SENTENCES_WITH_DATES = [
  'Talks resumed on March 3, 2016.',
  'Seoul and Tokyo signed the accord on 3 March 2016 in Busan.',
];

describe('a body sentence that gives a date', () => {
  it.each(SENTENCES_WITH_DATES)('is body text, not a byline: %s', (sentence) => {
    const r = analyze(`${TITLE}\n\n${sentence}\n\n${BODY}\n`);
    expect(r.paragraphs[1]!.role).toBe('body');
  });
});

describe('a Markdown article', () => {
  it('gives its title without the heading marks, and keeps the sentence text as written', () => {
    const result = analyze(`## ${TITLE}\n\n${BODY}`);
    expect(result.meta.title).toBe(TITLE);
    expect(result.sentences[0]!.text).toBe(`## ${TITLE}`);
  });
});

describe('bylines', () => {
  it.each(FORMS.map((f) => [f.byline.replace(/\n/g, ' / '), f] as const))('reads "%s"', (_, form) => {
    const result = analyze(`${TITLE}\n\n${DECK}\n\n${form.byline}\n\n${BODY}`);
    expect(result.paragraphs.map((p) => p.role)).toEqual(['title', 'deck', 'byline', 'body']);
    if (form.author !== undefined) expect(result.meta.author).toBe(form.author);
    if (form.publisher !== undefined) expect(result.meta.publisher).toBe(form.publisher);
    if (form.date !== undefined) expect(result.meta.date).toBe(form.date);
    // Nothing in a byline is a mention: "SEOUL (Harbour Wire) —" names no actor.
    expect(result.sentences.filter((s) => s.paragraph === 2).every((s) => s.mentions.length === 0)).toBe(true);
  });

  it.each([
    ['Orient Wire Service', 'TOKYO, March 28, 1970 (Orient Wire Service) — Seoul and Tokyo resumed talks.', 'Orient Wire Service', '1970-03-28'],
    ['Far Eastern Press Association', 'TOKYO, May 22, 1962 (Far Eastern Press Association) — Seoul and Tokyo resumed talks.', 'Far Eastern Press Association', '1962-05-22'],
    ['Korean Central News Agency', 'Pyongyang, June 25, 2002 (KCNA) -- Seoul and Tokyo resumed talks.', 'Korean Central News Agency', '2002-06-25'],
    ['Korean Central News Agency', 'Pyongyang, March 14 (KCNA) -- Seoul and Tokyo resumed talks.', 'Korean Central News Agency', null],
  ])('reads a wire\'s name on a line of its own before the dateline that credits it: "%s"', (line, dateline, publisher, date) => {
    const result = analyze(`${TITLE}\n\n${line}\n\n${dateline}\n\n${BODY}`);
    expect(result.paragraphs.map((p) => p.role)).toEqual(['title', 'byline', 'body', 'body']);
    expect(result.meta.publisher).toBe(publisher);
    expect(result.meta.date).toBe(date);
  });

  it.each([
    ['No News Is Good News for Seoul', BODY],
    ['Orient Wire Service', 'Seoul and Tokyo resumed talks (in Busan) on Monday.'],
    ['Orient Wire Service said nothing more.', 'TOKYO, March 28, 1970 (Orient Wire Service) — Seoul and Tokyo resumed talks.'],
    ['Foreign Ministry', 'WASHINGTON — Seoul and Tokyo resumed talks.'],
  ])('keeps a short line as body where no credited dateline follows it, or it is a sentence: "%s"', (line, next) => {
    const result = analyze(`${TITLE}\n\n${line}\n\n${next}\n\n${BODY}`);
    expect(result.paragraphs[1]!.role).not.toBe('byline');
  });

  it('reads a wire\'s credit line and the dateline after it, two cities and a single hyphen', () => {
    const result = analyze(`${TITLE}\n\n${DECK}\n\nReporting by Jane Roe in Seoul and John Doe in Tokyo\nEditing by Ann Lee\n\nSEOUL/TOKYO, January 4, 2019 (Asia Wire) - Seoul and Tokyo resumed talks.\n\n${BODY}`);
    expect(result.paragraphs.map((p) => p.role)).toEqual(['title', 'deck', 'byline', 'body', 'body']);
    expect(result.meta).toMatchObject({ author: 'Jane Roe and John Doe', publisher: 'Asia Wire', date: '2019-01-04' });
    expect(result.sentences.find((s) => s.paragraph === 3)!.mentions.map((m) => m.actor)).toEqual(['seoul', 'tokyo']);
  });

  it('reads a writer credited beside additional reporting, and the dateline after the credit', () => {
    const result = analyze(`${TITLE}\n\n${DECK}\n\nBy Jane Roe; additional reporting by John Doe in Tokyo\n\nBEIJING, Jan. 23, 2007 (Continental News Service) — Seoul and Tokyo resumed talks.\n\n${BODY}`);
    expect(result.paragraphs.map((p) => p.role)).toEqual(['title', 'deck', 'byline', 'body', 'body']);
    expect(result.meta).toMatchObject({ author: 'Jane Roe', publisher: 'Continental News Service', date: '2007-01-23' });
  });

  it.each(['Ministry of Foreign Affairs of Japan', 'The Ministry of National Defense and the Blue House'])('keeps a heading that names a ministry further down as body: "%s"', (heading) => {
    const result = analyze(`${TITLE}\n\nBy Jane Roe\n\n${BODY}\n\n${heading}\n\nTokyo said it would respond.`);
    expect(result.paragraphs.map((p) => p.role)).toEqual(['title', 'byline', 'body', 'body', 'body']);
    expect(result.meta.publisher).toBeNull();
  });

  it.each([
    'Reporting by state media in Pyongyang suggested that the launch was a test of a new solid-fuel engine.',
    'Reporting by Japanese broadcaster NHK suggested that Tokyo had warned Beijing in advance.',
    'THAAD (Terminal High Altitude Area Defense) - the US anti-missile system deployed in 2017 - still divides Seoul and Beijing.',
  ])('keeps a body paragraph that opens like a credit or a dateline as body: "%s"', (paragraph) => {
    const result = analyze(`${TITLE}\n\nBy Jane Roe\n\n${paragraph}\n\n${BODY}`);
    expect(result.paragraphs.map((p) => p.role)).toEqual(['title', 'byline', 'body', 'body']);
    expect(result.meta).toMatchObject({ author: 'Jane Roe', publisher: null });
    expect(result.sentences.find((s) => s.paragraph === 2)!.mentions.length).toBeGreaterThan(0);
  });

  it('reads a ministry named in the byline block, under a date line of its own', () => {
    const result = analyze(`${TITLE}\n\n${DECK}\n\nMay 3, 2024\n\nMinistry of Foreign Affairs of Japan\n\n${BODY}`);
    expect(result.paragraphs.map((p) => p.role)).toEqual(['title', 'deck', 'byline', 'byline', 'body']);
    expect(result.meta).toMatchObject({ publisher: 'Ministry of Foreign Affairs of Japan', date: '2024-05-03' });
  });

  it('reads an agency dateline closed by a single hyphen before the story', () => {
    const result = analyze(`${TITLE}\n\nSEOUL (Yonhap) - North Korea fired a missile on Monday.\n\n${BODY}`);
    expect(result.meta.publisher).toBe('Yonhap');
    expect(result.sentences.find((s) => s.paragraph === 1)!.mentions.map((m) => m.actor)).toEqual(['pyongyang']);
  });

  it('keeps a heading further down as body, even before a credited dateline', () => {
    const result = analyze(`${TITLE}\n\n${DECK}\n\nBy Jane Roe, Asia Wire\n\n${BODY}\n\nThe View from Beijing\n\nBEIJING (Asia Wire) — China said it welcomed the talks.`);
    expect(result.paragraphs.map((p) => p.role)).toEqual(['title', 'deck', 'byline', 'body', 'body', 'body']);
    expect(result.meta.publisher).toBe('Asia Wire');
  });

  it.each([
    "Moon Jae-in, South Korea's president (2017-2022) — met Xi Jinping in Beijing.",
    "Kim Yo Jong, the leader's sister (and a party official) — warned Seoul on Monday.",
  ])('reads no dateline in a first sentence that only looks like one: "%s"', (sentence) => {
    const result = analyze(`${TITLE}\n\n${sentence}\n\n${BODY}`);
    expect(result.meta.publisher).toBeNull();
    expect(result.meta.date).toBeNull();
  });

  it.each([
    ['Daily Press Briefing, Ministry of Foreign Affairs of Japan', 'Ministry of Foreign Affairs of Japan'],
    ['Regular Briefing by the Spokesperson of the Ministry of Foreign Affairs, Republic of Korea', 'Ministry of Foreign Affairs'],
    ['Daily Press Briefing, Department of State, May 5, 2019', 'Department of State'],
    ['Press Conference by the Spokesman, U.S. Department of State', 'U.S. Department of State'],
  ])('never takes the publisher from a briefing\'s title (ANALYSIS.md §1a): "%s"', (title, named) => {
    const result = analyze(`${title}\n\n${DECK}\n\nTokyo, May 5, 2019\n\n${BODY}`);
    expect(title).toContain(named);
    expect(result.meta.publisher).toBeNull();
  });

  it('reads the date and agency of a dateline that opens the body', () => {
    const result = analyze(`${TITLE}\n\n${DECK}\n\nBy Jane Roe\n\nSEOUL, May 3, 2024 (Harbour Wire) — North Korea fired a missile on Friday.`);
    expect(result.meta).toMatchObject({ author: 'Jane Roe', publisher: 'Harbour Wire', date: '2024-05-03' });
  });

  it('takes no publication date from the title, a deck or a closing note, only from the bylines or a dateline', () => {
    const deck = 'The accord Seoul and Tokyo signed on March 3, 2016 is fraying.';
    const note = 'This article was updated on April 4, 2016.';
    expect(analyze(`${TITLE}\n\n${deck}\n\nBy Jane Roe, Asia Wire\n\n${BODY}\n\n${note}`).meta.date).toBeNull();
    expect(analyze(`Daily Press Briefing, March 3, 2016\n\n${BODY}`).meta.date).toBeNull();
  });

  it('reads a dateline that opens the first body paragraph as no mention', () => {
    const result = analyze(`${TITLE}\n\n${DECK}\n\nBy Jane Roe, Asia Wire\n\nBEIJING, Feb. 13 — North Korea agreed on Tuesday to shut its reactor.`);
    const body = result.sentences.at(-1)!;
    expect(body.mentions.map((m) => m.actor)).toEqual(['pyongyang']);
  });

  it.each([
    'Jane Roe is a senior fellow at the Institute for Pacific Affairs.',
    'Jane Roe is a research associate at the Harbour Institute.',
    'Jane Roe is Tokyo correspondent for The Harbour Review.',
    'Jane Roe, a former diplomat, was for many years a correspondent in Seoul.',
    'Jane Roe writes on East Asian affairs for The Harbour Review.',
    'Jane Roe has reported from Seoul, Tokyo and Beijing for a decade.',
    'Jane Roe covered the summit from Seoul for The Harbour Review.',
    'Jane Roe directs the Asia programme at the Harbour Institute.',
    'The authors are research fellows at the Harbour Institute.',
    'The Institute takes no institutional position on questions of policy.',
  ])('keeps an author note at the end as boilerplate: %s', (note) => {
    const result = analyze(`${TITLE}\n\n${DECK}\n\nBy Jane Roe, Asia Wire\n\n${BODY}\n\n${note}`);
    expect(result.paragraphs.at(-1)!.role).toBe('boilerplate');
  });

  it.each(['Washington says it takes no position on sovereignty.', 'North Korea reported a test on Monday.', 'Seoul is a partner Tokyo cannot ignore.'])(
    'keeps a closing body sentence that only looks like a note as body: %s',
    (sentence) => {
      const result = analyze(`${TITLE}\n\n${DECK}\n\nBy Jane Roe, Asia Wire\n\n${BODY}\n\n${sentence}`);
      expect(result.paragraphs.at(-1)!.role).toBe('body');
    },
  );
});

describe('a wire dateline in mixed case that leaves out the year', () => {
  it.each([
    ['Beijing, March 14 (Xinhua) -- China urged Japan to stop the discharge.', 'Xinhua', 'beijing'],
    ['Pyongyang, 14 March (KCNA) — The DPRK warned Tokyo against sanctions.', 'KCNA', 'pyongyang'],
    ['Moscow, Sept. 3 (TASS) -- Russia urged restraint in Northeast Asia.', 'TASS', 'moscow'],
  ])('credits its agency, whose state is the sender: "%s"', (dateline, publisher, sender) => {
    const result = analyze(`${TITLE}\n\n${dateline} ${BODY}`);
    expect(result.meta.publisher).toBe(publisher);
    expect(result.meta.date).toBeNull();
    expect(result.sender).toBe(sender);
  });

  it.each(['Seoul, the capital (pop. 10 million) — a city of talks.', 'Tokyo, March (the month of talks) -- quiet as ever.'])('is no dateline without a day of a month: "%s"', (sentence) => {
    expect(analyze(`${TITLE}\n\n${sentence} ${BODY}`).meta.publisher).toBeNull();
  });
});

describe('a line near the top that looks like a byline but is read as body text', () => {
  const warned = (line: string): string[] => analyze(`${TITLE}\n\n${line}\n\n${BODY}`).warnings.filter((w) => w.includes('looks like a byline'));

  it.each(['Pacific Rim Report | Asia in Brief', 'By the editors', 'Filed from the border'])('is named in a warning: "%s"', (line) => {
    expect(warned(line)).toEqual([`paragraph 1 looks like a byline but was read as body text ("${line}"): its author, publisher or date may be missing`]);
  });

  it.each(['Seoul hits back', 'The talks resume on Monday.', 'By Monday, Seoul had recalled its envoy and Tokyo had closed its consulate in Busan.', 'Late edition'])(
    'gives no warning where the line is a sentence or has no credit\'s words: "%s"',
    (line) => {
      expect(warned(line)).toEqual([]);
    },
  );

  it('gives none for a byline that is read as one', () => {
    expect(warned('By Jane Roe | Asia Wire | March 3, 2024')).toEqual([]);
  });

  it('quotes at most 80 characters of the line', () => {
    const line = 'Pacific Rim Report | Asia in Brief | Northeast Correspondents Desk | Intelligence Summaries';
    expect(warned(line)).toEqual([`paragraph 1 looks like a byline but was read as body text ("${line.slice(0, 79)}…"): its author, publisher or date may be missing`]);
  });
});
