/**
 * Segments: paragraphs with roles, sentences inside them, and the article's
 * metadata read off the title, deck and byline.
 */
import { isCalendarDate } from './dates.js';
import { wordCount } from './words.js';
import type { Meta, Paragraph, ParagraphRole, Span } from './types.js';
import {
  AFTER_AUTHOR_SEPARATOR,
  ANSWER_NO_BOUNDARY,
  FOOTNOTE_BOUNDARY,
  LIST_ITEM_START,
  AUTHOR_ROLES,
  AUTHOR_TITLE,
  AUTHOR_NOTE_MAX_WORDS,
  AUTHOR_NOTE_PATTERNS,
  BOILERPLATE_PATTERNS,
  WEB_FURNITURE_MAX_WORDS,
  WEB_FURNITURE_PATTERNS,
  BRIEFING_NAME,
  BRIEFING_OF_BODY,
  BRIEFING_PIECE,
  BYLINE_AUTHOR,
  BYLINE_LABELS,
  BYLINE_LIKE,
  BYLINE_LIKE_MAX_WORDS,
  BYLINE_LIKE_WITHIN,
  BYLINE_LINE_PATTERNS,
  BYLINE_SEPARATOR,
  BY_AUTHOR,
  BY_NAME,
  BY_OUTLET_WRITER,
  CREDITED_DATELINE,
  CREDIT_DESCRIPTION,
  DASH_SEPARATOR,
  DATELINE,
  DATELINE_BY,
  DATELINE_DASH,
  DATELINE_THEN_CREDIT,
  DAY_OF_MONTH,
  DATE_LINE_MAX_WORDS,
  DATE_PATTERNS,
  FILED_FROM,
  FOR_OUTLET,
  GOVERNMENT_BODY,
  INSTITUTION,
  IN_THE_OUTLET_PART,
  LEADING_DATELINE,
  LOWERCASE_ABBREVIATIONS,
  MARKDOWN_EMPHASIS,
  MARKDOWN_HEADING,
  MINISTRY_IN_TITLE,
  MINISTRY_LINE,
  MISSED_BOUNDARY,
  MONTHS,
  NOT_AN_OUTLET,
  NO_PERSON,
  OFFICE_TITLE,
  ON_DATE,
  OUTLET_LINE_MAX_WORDS,
  OUTLET_SUFFIX,
  OUTLET_WORD,
  PARENTHESISED_DESCRIPTION,
  PERSON_NAME,
  POSTED_BY,
  PROPER_BODY_NAME,
  PUBLICATION,
  PUBLISHED_IN,
  PUBLISHED_LABEL,
  RELEASED_BY,
  ROLE_BEFORE_NAME,
  SECTION_DESK,
  SOURCE_LABEL,
  SPEAKER_ROLE,
  SPECIAL_TO,
  TIME_OF_DAY,
  TRAILING_ASIDE,
  TRAILING_ROLE,
  TRAILING_TITLE_ROLE,
  UNIT_OF_BODY,
  WEEKDAY,
  WRITER_ROLE,
} from './data/layout.js';

const BLANK = /^[\s\u00a0\ufeff\u200b]*$/;
const EDGE_SPACE = /[\s\u00a0\ufeff]/;

/** The span of `input` between `start` and `end` without leading or trailing whitespace. */
export function trimSpan(input: string, start: number, end: number): Span {
  while (start < end && EDGE_SPACE.test(input[start]!)) start++;
  while (end > start && EDGE_SPACE.test(input[end - 1]!)) end--;
  return { start, end };
}

/** Line spans (without their line ends) of `input` between `start` and `end`. */
export function lineSpans(input: string, start = 0, end = input.length): Span[] {
  const lines: Span[] = [];
  let lineStart = start;
  for (let i = start; i < end; i++) {
    const ch = input.charCodeAt(i);
    if (ch === 10 || ch === 13) {
      lines.push({ start: lineStart, end: i });
      if (ch === 13 && input.charCodeAt(i + 1) === 10) i++;
      lineStart = i + 1;
    }
  }
  lines.push({ start: lineStart, end });
  return lines;
}

/** A line longer than this is no hard-wrapped line: a paragraph typed on one line. */
const UNWRAPPED_LINE = 120;

/** Paragraphs: runs of non-blank lines, trimmed of edge whitespace; in a text with no blank line whose lines are mostly long, each line. */
export function paragraphSpans(input: string): Span[] {
  const lines = lineSpans(input);
  const paragraphs = blankSeparated(input, lines);
  // A text with no blank line at all, most of whose lines are paragraphs of their own (a word
  // processor's or a mail's export), has a paragraph a line: else it would be one body paragraph.
  if (paragraphs.length !== 1) return paragraphs;
  const filled = lines.filter((l) => !BLANK.test(input.slice(l.start, l.end)));
  if (filled.length < 3 || filled.filter((l) => l.end - l.start > UNWRAPPED_LINE).length * 2 <= filled.length) return paragraphs;
  return filled.map((l) => trimSpan(input, l.start, l.end)).filter((p) => p.end > p.start);
}

/** Paragraphs as the blank lines between them make them. */
function blankSeparated(input: string, lines: Span[]): Span[] {
  const paragraphs: Span[] = [];
  let current: Span | null = null;
  for (const line of lines) {
    if (BLANK.test(input.slice(line.start, line.end))) {
      if (current) paragraphs.push(trimSpan(input, current.start, current.end));
      current = null;
    } else if (current) {
      current.end = line.end;
    } else {
      current = { start: line.start, end: line.end };
    }
  }
  if (current) paragraphs.push(trimSpan(input, current.start, current.end));
  return paragraphs.filter((p) => p.end > p.start);
}

export const normalizeSpace = (text: string): string => text.replace(/[\s\u00a0\ufeff]+/g, ' ').trim();

/** A heading or byline line as its words read, without Markdown's heading marks and emphasis. */
const withoutMarkup = (line: string): string => line.replace(MARKDOWN_HEADING, '').replace(MARKDOWN_EMPHASIS, '$2');

function isBylineText(text: string): boolean {
  if (text.length > 400 || wordCount(text, 40) > 40) return false;
  const lines = text.split(/\r\n|\r|\n/).map((l) => withoutMarkup(l.trim()));
  if (lines.length > 6) return false;
  return lines.some((line) => BYLINE_LINE_PATTERNS.some((re) => re.test(line)) || BY_OUTLET_WRITER.test(line) || isDateLine(line) || DATELINE.test(line) || DATELINE_BY.test(line) || isDashDateline(line) || isSeparatedByline(line));
}

/** "BEIJING, September 26, 1997 — Commentary, Xinhua News Agency": a dateline whose dash leads to the outlet, not to the story. */
function isDashDateline(line: string): boolean {
  const m = DATELINE_DASH.exec(line);
  return m !== null && parseDate(m[1]!) !== null && wordCount(m[2]!, 9) <= 8;
}

/**
 * The outlet a byline part names: of "Korea Program, Calloway Institute" the
 * institute, the unit's parent; of "Asia Policy Brief, Hastings Centre" the
 * publication; of "Ministry of Foreign Affairs, Seoul" the ministry, without its seat.
 */
function outletOf(part: string): string {
  const pieces = part.split(/,\s*/);
  const government = pieces.find((piece) => GOVERNMENT_BODY.test(piece));
  if (government) return government;
  const last = pieces.at(-1)!;
  if (pieces.length > 1 && INSTITUTION.test(last) && PUBLICATION.test(pieces[0]!)) return pieces[0]!;
  return pieces.length > 1 && INSTITUTION.test(last) && !INSTITUTION.test(pieces[0]!) ? last : part;
}

const LABELS = new Set(BYLINE_LABELS);
const isLabel = (part: string): boolean => LABELS.has(part.toLowerCase().replace(/[:.]$/, '').replace(/^the\s+/, ''));

/** "Opinion | By A | Outlet | Date", "Outlet / Date": parts of which one is a date, an author or a section label. */
function isSeparatedByline(line: string): boolean {
  const parts = line.split(BYLINE_SEPARATOR);
  if (parts.length < 2 || parts.length > 8 || parts.some((p) => p.length > 90)) return dashParts(line) !== null;
  return parts.some((p) => parseDate(p) !== null || BY_NAME.test(p) || isLabel(p));
}

/**
 * A byline's parts separated by dashes ("Commentary — The Review", "Opinion — The Review — May
 * 5, 2019 — by Jane Roe"), or null: each part short and without a sentence's end, one of them a
 * label, a date and little else, or "by" a name, so that a sentence with dashes stays a sentence.
 */
function dashParts(line: string): string[] | null {
  const parts = line.split(DASH_SEPARATOR);
  if (parts.length < 2 || parts.length > 6 || /[.!?]$/.test(line) || parts.some((p) => wordCount(p, 9) > 8)) return null;
  return parts.some((p) => isLabel(p) || BY_AUTHOR.test(p) || (parseDate(p) !== null && wordCount(p, 5) <= 4)) ? parts : null;
}

/** Reads a one-line byline's parts into `meta`: author, date, and the first part that is none of these (the outlet). */
function readSeparated(given: string[], meta: Meta, isPlace: (name: string) => boolean): void {
  // "Priya Natarajan-Holt, East Asia desk", "Pacific Desk, Harbourline News Agency": a desk is no part of a writer or an outlet.
  const parts = given.map((part) => part.split(/,\s*/).filter((piece) => !SECTION_DESK.test(piece.trim())).join(', '));
  const writer = bareWriter(parts, isPlace);
  if (writer !== null) meta.author ??= authorOf(writer);
  for (const raw of parts) {
    const part = raw.replace(PUBLISHED_LABEL, '').trim();
    if (!part || part === writer || NOT_AN_OUTLET.test(part)) continue;
    const date = parseDate(part);
    if (date) {
      meta.date ??= date;
      continue;
    }
    if (readOutletWriter(part, meta)) continue;
    const by = BY_AUTHOR.exec(part);
    if (by) {
      const [author, ...rest] = splitAuthors(by[1]!.split(/,\s*/));
      meta.author ??= authorOf(author!);
      const outlet = rest.map((x) => x.replace(OUTLET_SUFFIX, '')).find((x) => x && !AUTHOR_ROLES.test(x) && parseDate(x) === null && !/\d/.test(x));
      if (outlet) meta.publisher ??= clean(outlet);
      continue;
    }
    if (BRIEFING_NAME.test(part)) {
      meta.publisher ??= clean(BRIEFING_OF_BODY.exec(part)?.[1]);
      continue;
    }
    if (isLabel(part) || AUTHOR_ROLES.test(part) || DATELINE.test(part) || SECTION_DESK.test(part) || namesPlace(part, isPlace)) continue;
    // "Secretary Blinken and Foreign Minister Kamikawa": the speakers of a transcript, neither writer nor outlet.
    if (part.split(/\s+and\s+/).every((side) => OFFICE_TITLE.test(side))) continue;
    const outlet = outletOf(part.replace(OUTLET_SUFFIX, ''));
    if (!/\d/.test(outlet)) meta.publisher ??= clean(outlet);
  }
}

/**
 * The writer a separated byline names without "By" ("Analysis | Rachel Okafor | Northeast Asia
 * Monitor | 7 July 2014"): of its two parts that are neither date, label nor place, the one that
 * reads as a person's name while the other reads as an outlet's.
 */
function bareWriter(parts: string[], isPlace: (name: string) => boolean): string | null {
  if (parts.some((p) => BY_AUTHOR.test(p.trim()))) return null;
  const named = parts.map((p) => p.trim()).filter((p) => p && parseDate(p) === null && !isLabel(p) && !namesPlace(p, isPlace) && !/\d/.test(p));
  if (named.length !== 2) return null;
  const onePerson = (p: string): boolean => isPersonName(p) && !OUTLET_WORD.test(p) && !SPEAKER_ROLE.test(p) && !PUBLICATION.test(p) && !SECTION_DESK.test(p);
  const people = named.filter(onePerson);
  if (people.length > 0) return people.length === 1 ? people[0]! : null;
  // "Ruth Abernethy and Paul Nkemelu": two writers named together, where no part names one alone; not "Secretary A and Minister B".
  const pairs = named.filter((p) => / and /.test(p) && p.split(/\s+and\s+/).every((side) => onePerson(side) && !OFFICE_TITLE.test(side)));
  return pairs.length === 1 ? pairs[0]! : null;
}

/**
 * A byline's comma pieces after "By" with its authors joined as the first:
 * "Jane Roe, John Doe and Ann Lee, Policy Review" gives the three names, then
 * the outlet; else the pieces as they are.
 */
function splitAuthors(pieces: string[]): string[] {
  const last = pieces.findIndex((piece) => /\s+and\s+/.test(piece));
  if (last < 1 || !pieces.slice(0, last + 1).every((piece) => piece.split(/\s+and\s+/).every(isPersonName))) return pieces;
  return [pieces.slice(0, last + 1).join(', '), ...pieces.slice(last + 1)];
}

/** Two to four capitalised words that are no role or institution: "Jane Roe", "Lee Soo-jin". */
const isPersonName = (text: string): boolean => PERSON_NAME.test(text) && !AUTHOR_ROLES.test(text) && !INSTITUTION.test(text);

/** "Commentary by Xinhua writer Lin Hao": reads its outlet and author into `meta`; whether the part had that shape. */
function readOutletWriter(part: string, meta: Meta): boolean {
  const found = BY_OUTLET_WRITER.exec(part)?.groups;
  if (!found) return false;
  meta.author ??= authorOf(found['author']);
  meta.publisher ??= clean(found['outlet']);
  return true;
}

/** A part that opens with a place: "Washington, DC", "Seoul, Republic of Korea". */
const namesPlace = (part: string, isPlace: (name: string) => boolean): boolean => isPlace(part) || isPlace(part.split(/,\s*/)[0]!);

/** The author as §1a gives it: the persons named, without titles ("Dr.", "Ambassador"); null for "Our Correspondent". */
function authorOf(text: string | undefined): string | null {
  // "Posted ... by Olga Brandt in Analysis": the section it was posted in is no part of the name.
  const unfiled = text?.replace(/\s+in\s+([\p{L} -]+)$/u, (filed, section: string) => (isLabel(section) ? '' : filed));
  const names = clean(unfiled)?.split(/\s+and\s+/).map((name) => name.replace(ROLE_BEFORE_NAME, '').replace(AUTHOR_TITLE, '')).filter((name) => !NO_PERSON.test(name));
  return names ? clean(names.join(' and ')) : null;
}

/** The agency a dateline credits, without what it says of the text: "(Harbour Wire, transcript)" is Harbour Wire's. */
function creditOf(credit: string): string | null {
  const agency = credit.replace(CREDIT_DESCRIPTION, '');
  return parseDate(agency) === null && !NOT_AN_OUTLET.test(agency) ? clean(agency) : null;
}

/** A line that is a date and little else: "March 3, 2017", "on December 2, 2014", "Updated 2017-03-03". */
function isDateLine(line: string): boolean {
  if (parseDate(line) === null) return false;
  const rest = [...DATE_PATTERNS, TIME_OF_DAY, WEEKDAY].reduce((text, re) => text.replace(re, ' '), line).trim();
  // A sentence that gives a date ends like one; a byline's date line does not.
  if (/[.!?]["”’)]?$/.test(rest)) return false;
  return wordCount(rest.replace(/[^\p{L}\s]/gu, ' '), DATE_LINE_MAX_WORDS + 1) <= DATE_LINE_MAX_WORDS;
}

/** A web page's furniture saved with the article (a "Read more:" link, a caption, "Advertisement"): a short line of its own, anywhere. */
const isWebFurniture = (text: string): boolean =>
  !/[\r\n]/.test(text) && wordCount(text, WEB_FURNITURE_MAX_WORDS + 1) <= WEB_FURNITURE_MAX_WORDS && WEB_FURNITURE_PATTERNS.some((re) => re.test(text));

const isBoilerplateText = (text: string): boolean =>
  BOILERPLATE_PATTERNS.some((re) => re.test(text)) || (wordCount(text, AUTHOR_NOTE_MAX_WORDS + 1) <= AUTHOR_NOTE_MAX_WORDS && AUTHOR_NOTE_PATTERNS.some((re) => re.test(text)));

function looksLikeTitle(text: string): boolean {
  return !/[\r\n]/.test(text) && wordCount(text) <= 20 && !/[.]$/.test(text);
}

/** A dateline in mixed case, with a date (its year may be left out) and the agency it credits: "Pyongyang, June 25, 2002 (KCNA) --", "Beijing, March 14 (Xinhua) --". */
function mixedCaseDateline(text: string): string | null {
  const dateline = CREDITED_DATELINE.exec(text)?.[0];
  return dateline !== undefined && (parseDate(dateline) !== null || DAY_OF_MONTH.test(dateline)) ? dateline : null;
}

/** A dateline that credits an agency: "TOKYO, March 28, 1970 (Orient Wire Service) —", "SEOUL (Agency) —", or one in mixed case. */
function creditingDateline(text: string): string | null {
  const dateline = LEADING_DATELINE.exec(text)?.[0];
  if (dateline !== undefined) return dateline.includes('(') ? dateline : null;
  return mixedCaseDateline(text);
}

/** An outlet's name on a line of its own: a few words, no sentence's end, a word outlets are named with. */
const isOutletLine = (text: string): boolean =>
  !/[\r\n]/.test(text) && !/[.!?:;,]["”’)]?$/.test(text) && wordCount(text, OUTLET_LINE_MAX_WORDS + 1) <= OUTLET_LINE_MAX_WORDS && (OUTLET_WORD.test(text) || PUBLICATION.test(text));

/** Gives each paragraph its role: title, deck, byline, body or boilerplate. */
export function assignRoles(input: string, spans: Span[]): Paragraph[] {
  const texts = spans.map((s) => input.slice(s.start, s.end));
  const roles: ParagraphRole[] = texts.map(() => 'body');
  const hasTitle = texts.length > 1 && looksLikeTitle(texts[0]!);
  if (hasTitle) roles[0] = 'title';
  let seenBody = false;
  // Under the title: the deck's place, then bylines only (a ministry named further down is a heading).
  const inHeading = (i: number): boolean => i <= 3 && roles.slice(2, i).every((role) => role === 'byline');
  texts.forEach((text, i) => {
    if (i === 0 && hasTitle) return;
    if (isWebFurniture(text)) roles[i] = 'boilerplate';
    // Disclaimers and republication notes close an article: the last few paragraphs only (asked first: the patterns cost more).
    else if ((seenBody || i > 1) && i >= texts.length - 3 && isBoilerplateText(text)) roles[i] = 'boilerplate';
    else if (isBylineText(text) || (inHeading(i) && text.split(/\r\n|\r|\n/).some((line) => MINISTRY_LINE.test(line.trim())))) roles[i] = 'byline';
    else if (roles[i] === 'body' && i > 0) seenBody = true;
  });
  // "Orient Wire Service" on a line of its own under the title (and deck), then "TOKYO, March 28, 1970 (Orient Wire Service) — ...": the wire's byline.
  texts.forEach((text, i) => {
    const next = texts[i + 1];
    if (i > 0 && i <= 2 && roles[i] === 'body' && next !== undefined && isOutletLine(text) && creditingDateline(next) !== null) roles[i] = 'byline';
  });
  // A deck is the standfirst between the title and the byline.
  if (hasTitle && roles[1] === 'body' && texts[1] !== undefined) {
    const bylineSoon = roles[2] === 'byline' || (roles.includes('byline') && wordCount(texts[1]) <= 60);
    if (bylineSoon && wordCount(texts[1]) <= 80) roles[1] = 'deck';
  }
  return spans.map((s, index) => ({ index, role: roles[index]!, start: s.start, end: s.end }));
}

/**
 * Body paragraphs near the top that read like a credit the byline patterns did not take (a short
 * line of its own, no sentence's end, a credit's words, separators or a date): their author,
 * publisher and date go unread, which the analysis says rather than staying silent.
 */
export function unreadBylines(input: string, paragraphs: Paragraph[]): Paragraph[] {
  const firstBody = paragraphs.findIndex((p) => p.role === 'body');
  return paragraphs.slice(0, Math.max(0, firstBody) + BYLINE_LIKE_WITHIN).filter((p) => {
    if (p.role !== 'body') return false;
    const text = input.slice(p.start, p.end).trim();
    if (/[\r\n]/.test(text) || /[.!?:;]["”’)]?$/.test(text) || wordCount(text, BYLINE_LIKE_MAX_WORDS + 1) > BYLINE_LIKE_MAX_WORDS) return false;
    return BYLINE_LIKE.some((re) => re.test(text)) || parseDate(text) !== null;
  });
}

/** Reads a calendar date written the ways bylines write them (DATE_PATTERNS), as YYYY-MM-DD. */
export function parseDate(text: string): string | null {
  for (const re of DATE_PATTERNS) {
    const parts = re.exec(text)?.groups;
    if (!parts) continue;
    const y = parts['year']!;
    const mo = parts['month'] ?? monthNumber(parts['monthName']!);
    const d = parts['day']!;
    const iso = `${y}-${mo.padStart(2, '0')}-${d.padStart(2, '0')}`;
    if (isCalendarDate(iso)) return iso;
  }
  return null;
}

const monthNumber = (name: string): string => String(MONTHS[name.toLowerCase().replace('.', '')] ?? 0);

const clean = (value: string | undefined): string | null => {
  const text = normalizeSpace(value ?? '').replace(/^[\s,;:.–—-]+|[\s,;:–—-]+$/g, '');
  return text === '' ? null : text;
};

/** Title, deck, publisher, author and date from the title, deck and byline paragraphs. */
export function readMeta(input: string, paragraphs: Paragraph[], isPlace: (name: string) => boolean = () => false): Meta {
  const textOf = (role: ParagraphRole): string | null => {
    const p = paragraphs.find((x) => x.role === role);
    return p ? withoutMarkup(normalizeSpace(input.slice(p.start, p.end))) : null;
  };
  const meta: Meta = { title: textOf('title'), deck: textOf('deck'), publisher: null, author: null, date: null };
  for (const p of paragraphs.filter((x) => x.role === 'byline')) {
    const lines = lineSpans(input, p.start, p.end).map((l) => withoutMarkup(normalizeSpace(input.slice(l.start, l.end)))).filter(Boolean);
    const state = { publisherNext: false };
    // "Opinion / Keiko Arimura / The Harbour Review / May 5, 2019": a name on a line of its own, beside an outlet's, is the writer.
    const writer = bareWriter(lines, isPlace);
    if (writer !== null) meta.author ??= authorOf(writer);
    for (const line of lines) if (line !== writer) readBylineLine(line, meta, state, isPlace);
  }
  readBodyDateline(input, paragraphs, meta);
  if (meta.publisher !== null) meta.publisher = publisherNamed(meta.publisher);
  return meta;
}

/**
 * The publisher as §1a names it: without a writer's role after it ("People's Daily Commentator"),
 * the body a unit belongs to ("Press Centre of the Ministry of ..."), and none for a desk.
 */
function publisherNamed(outlet: string): string | null {
  const name = clean(outlet.replace(TRAILING_ROLE, '').replace(TRAILING_TITLE_ROLE, '$1').replace(UNIT_OF_BODY, '$1').replace(TRAILING_ASIDE, ''));
  return name !== null && SECTION_DESK.test(name) ? null : name;
}

/**
 * What the title says of where and when, which the metadata never takes (ANALYSIS.md §1a) but the
 * analysis may weigh: a briefing's ministry ("Daily Press Briefing, U.S. Department of State", a
 * clue to the sender) and a date ("..., March 3, 2017", the day at which officials' terms are judged).
 */
export function titleClues(input: string, paragraphs: Paragraph[]): { institution: string | null; date: string | null } {
  const title = paragraphs.find((p) => p.role === 'title');
  if (!title) return { institution: null, date: null };
  const text = normalizeSpace(input.slice(title.start, title.end));
  return { institution: clean(MINISTRY_IN_TITLE.exec(text)?.[1]), date: parseDate(text) };
}

/** Reads one byline line's date, author and outlet into `meta`. */
function readBylineLine(raw: string, meta: Meta, state: { publisherNext: boolean }, isPlace: (name: string) => boolean): void {
  meta.date ??= parseDate(raw);
  // "Posted on March 3, 2017 by Jane Roe, The Review": after its date, a line like "By Jane Roe, The Review".
  const posted = POSTED_BY.exec(raw);
  // "Posted on March 3, 2017 by Northeast Asia Briefs" (in Analysis): a post by a publication names no author.
  const poster = posted?.[1]!.split(/\s+(?:in|for)\s+|\s+[|/·•]\s+/)[0]!;
  if (posted && !poster.includes(',') && (PUBLICATION.test(poster) || INSTITUTION.test(poster))) {
    meta.publisher ??= clean(poster);
    return;
  }
  const line = (posted ? `By ${posted[1]}` : raw).replace(PARENTHESISED_DESCRIPTION, '');
  const credited = DATELINE_THEN_CREDIT.exec(line);
  if (credited) {
    meta.publisher ??= creditOf(credited[1]!);
    return readBylineLine(credited[2]!, meta, state, isPlace);
  }
  // "Ministry of Foreign Affairs, Republic of China (Taiwan)" has a dateline's shape, but a ministry is no place.
  const dateline = GOVERNMENT_BODY.test(line) ? null : (DATELINE.exec(line) ?? DATELINE_BY.exec(line));
  const parts = line.split(BYLINE_SEPARATOR);
  if (parts.length > 1) return readSeparated(parts, meta, isPlace);
  if (dateline) {
    // "Transcript (unofficial translation)" has the shape of a dateline but names no agency.
    meta.publisher ??= creditOf(dateline[1]!);
    return;
  }
  const dashed = DATELINE_DASH.exec(line);
  if (dashed && isDashDateline(line)) {
    const outlet = dashed[2]!.split(/,\s*/).filter((x) => !isLabel(x)).at(-1);
    meta.publisher ??= clean(outlet?.replace(OUTLET_SUFFIX, ''));
    return;
  }
  const dashedParts = dashParts(line);
  if (dashedParts) return readSeparated(dashedParts, meta, isPlace);
  const released = RELEASED_BY.exec(line);
  if (released) {
    if (PROPER_BODY_NAME.test(released[1]!.trim())) meta.publisher ??= clean(released[1]);
    return;
  }
  const published = PUBLISHED_IN.exec(line);
  const labelled = SOURCE_LABEL.exec(line);
  const by = BYLINE_AUTHOR.exec(line);
  if (readOutletWriter(line, meta)) return;
  if (published) {
    meta.publisher ??= clean(published[1]);
    state.publisherNext = !clean(published[1]);
  } else if (labelled) {
    meta.publisher ??= clean(labelled[1]);
  } else if (by) {
    // "Reporting by A in Seoul, B in Tokyo and C in Washington": where each writer filed from is no part of the credit.
    // After a semicolon, another credit ("; Editing by ...", "; B contributed reporting") is neither writer nor outlet.
    let credit = line
      .replace(FILED_FROM, '')
      .split(';')
      .filter((piece, k) => k === 0 || !/\b(?:by|reporting|contributed)\b/i.test(piece))
      .join(',');
    // "By Jane Roe in the Korea Herald": the outlet after a lower-case "in the".
    const inThe = IN_THE_OUTLET_PART.exec(credit);
    if (inThe) {
      meta.publisher ??= clean(inThe[1]);
      credit = credit.replace(inThe[0], '');
    }
    const byline = BYLINE_AUTHOR.exec(credit) ?? by;
    // "By Jane Roe, John Doe and Ann Lee, Policy Review": three or more authors before the outlet.
    const listed = splitAuthors(credit.slice(byline.index + byline[0].length - byline[1]!.length).split(/,\s*/));
    const author = listed[0]!.includes(',') ? listed[0]! : byline[1];
    meta.author ??= authorOf(author);
    // "By Jane Doe, Policy Review, 27 April 2017", "By A. Writer | The Review | 5 June 2018":
    // the part after the author that is not a date.
    const outlet = credit
      .slice(credit.indexOf(author!) + author!.length)
      .split(AFTER_AUTHOR_SEPARATOR)
      .map((x) => x.trim().replace(OUTLET_SUFFIX, ''))
      .find((x) => x !== '' && parseDate(x) === null && !/\d/.test(x) && !AUTHOR_ROLES.test(x) && !NOT_AN_OUTLET.test(x) && !isPlace(x));
    if (outlet) meta.publisher ??= clean(outlet.replace(FOR_OUTLET, ''));
  } else if (!NOT_AN_OUTLET.test(line)) {
    readOwnLine(line, meta, state, isPlace);
  }
}

/** A line of its own: the outlet ("Global Times", "Korea Times, March 3, 2016", "Ministry of Foreign Affairs, Seoul"). */
function readOwnLine(line: string, meta: Meta, state: { publisherNext: boolean }, isPlace: (name: string) => boolean): void {
  const all = line.split(/,\s*/);
  const briefingBody = BRIEFING_OF_BODY.exec(all[0]!)?.[1];
  if (briefingBody) {
    meta.publisher ??= clean(briefingBody);
    return;
  }
  const dated = all.findIndex((x) => /\d/.test(x));
  // "Global Desk, Eastline News Service": a desk is no part of the outlet.
  const kept = all.slice(0, dated < 0 ? all.length : dated).filter((x, i) => (i > 0 || !BRIEFING_PIECE.test(x)) && !SECTION_DESK.test(x) && !NO_PERSON.test(x));
  // "Analysis, The Harbour Economic Review, February 6, 2016": a section label before the outlet is no part of it.
  const pieces = kept.length > 1 && isLabel(kept[0]!) ? kept.slice(1) : kept;
  // "Caracas, February 25, 2019", "Washington, DC": a place (and a date), a dateline; "Commentary": a label.
  if (pieces.length === 0 || isPlace(pieces[0]!) || (pieces.length === 1 && isLabel(pieces[0]!))) return;
  // "Contributing columnist, The Harbour Standard", "Jane Roe, Senior Fellow, Kestrel Asia Forum": the writer's role
  // stands between the writer and the outlet.
  const role = pieces.findIndex((x) => WRITER_ROLE.test(x));
  if (role >= 0) {
    const before = pieces.slice(0, role).join(', ');
    // "The Harbour Review, Contributing Editor": an outlet before the role is the outlet.
    if (role > 0 && isPersonName(before) && !OUTLET_WORD.test(before) && !PUBLICATION.test(before)) meta.author ??= authorOf(before);
    else if (role > 0) readOwnLine(before, meta, state, isPlace);
    if (role + 1 < pieces.length) readOwnLine(pieces.slice(role + 1).join(', '), meta, state, isPlace);
    return;
  }
  const whole = pieces.join(', ');
  const outlet = outletOf(whole);
  const name = (outlet === whole ? pieces[0]! : outlet).replace(ON_DATE, '').replace(OUTLET_SUFFIX, '').replace(SPECIAL_TO, '');
  if ((state.publisherNext || meta.publisher === null) && parseDate(name) === null && !/\d/.test(name)) meta.publisher ??= clean(name);
  state.publisherNext = false;
}

/**
 * A government body as the title or a byline writes it, with the place set
 * off after it ("Ministry of Foreign Affairs, Republic of Korea"): the state
 * it speaks for is evidence of the sender, and no mention, though the place is
 * no part of the publisher's name.
 */
export function publisherAsWritten(input: string, paragraphs: Paragraph[], publisher: string): string {
  if (!GOVERNMENT_BODY.test(publisher)) return publisher;
  // The bylines first: the title gives the publisher only where they name none.
  for (const p of [...paragraphs.filter((x) => x.role === 'byline'), ...paragraphs.filter((x) => x.role === 'title')]) {
    const text = input.slice(p.start, p.end);
    const at = text.indexOf(publisher);
    if (at < 0) continue;
    const place = /^,[^\n|/·•\d]*/.exec(text.slice(at + publisher.length))?.[0] ?? '';
    return normalizeSpace(publisher + place);
  }
  return publisher;
}

/** The dateline the body opens with, if it does ("SEOUL, May 3, 2024 (Agency) —"): its date and agency, where the bylines gave none. */
function readBodyDateline(input: string, paragraphs: Paragraph[], meta: Meta): void {
  const body = paragraphs.find((p) => p.role === 'body');
  const text = body ? input.slice(body.start, body.end) : '';
  const dateline = LEADING_DATELINE.exec(text)?.[0] ?? mixedCaseDateline(text);
  if (!dateline) return;
  meta.date ??= parseDate(dateline);
  const credit = /\(([^)]+)\)/.exec(dateline)?.[1];
  if (credit) meta.publisher ??= creditOf(credit);
}

/** Index of the first element of the sorted `values` that is >= `target`. */
function lowerBound(values: number[], target: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid]! < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A list item's number: "1.", "12)", "(3)". */
const LIST_NUMBER = /^\(?\d{1,3}[.)]$/;

/** Whether `at` opens a line of the piece that starts at `from`: only spaces or tabs before it on its line. */
function opensLine(input: string, at: number, from: number): boolean {
  let k = at - 1;
  while (k >= from && (input[k] === ' ' || input[k] === '\t')) k--;
  return k < from || input[k] === '\n' || input[k] === '\r';
}

/**
 * Sentences of a paragraph: wink's boundaries (`sentenceStarts`, sorted)
 * clipped to the paragraph, and for heading-like paragraphs (title, byline)
 * every line on its own. A title's line is one sentence whatever its stops
 * ("Who Won in Singapore? A Scorecard From Six Capitals").
 */
export function sentenceSpans(input: string, paragraph: Paragraph, sentenceStarts: number[]): Span[] {
  const pieces: Span[] =
    paragraph.role === 'title' || paragraph.role === 'byline'
      ? lineSpans(input, paragraph.start, paragraph.end)
      : [{ start: paragraph.start, end: paragraph.end }];
  const starts = paragraph.role === 'title' ? [] : sentenceStarts;
  const out: Span[] = [];
  for (const piece of pieces) {
    let from = piece.start;
    for (let i = lowerBound(starts, piece.start + 1); i < starts.length; i++) {
      const cut = starts[i]!;
      if (cut >= piece.end) break;
      const span = trimSpan(input, from, cut);
      // "1." opening a line numbers the item after it: no sentence of its own.
      if (LIST_NUMBER.test(input.slice(span.start, span.end)) && opensLine(input, span.start, piece.start)) continue;
      if (span.end > span.start) out.push(span);
      from = cut;
    }
    const last = trimSpan(input, from, piece.end);
    if (last.end > last.start) out.push(last);
  }
  return out;
}

const ABBREVIATIONS = new Set(LOWERCASE_ABBREVIATIONS);

/**
 * Sentence starts the tokenizer missed, in text order: after a lower-case
 * word and a full stop, before a capital ("hard to miss. A Russian
 * statement": wink reads "miss." as the title Miss), lower-case
 * abbreviations left alone; after an answer's "No." before a capital; after
 * a footnote's mark that follows a stop; and at a list item's marker opening
 * a line.
 */
export function missedSentenceStarts(input: string): number[] {
  const starts: number[] = [];
  for (const m of MISSED_BOUNDARY.matchAll(input)) {
    if (ABBREVIATIONS.has(m[1]!)) continue;
    starts.push(m.index + m[0].length);
  }
  const more = [...ANSWER_NO_BOUNDARY.matchAll(input), ...FOOTNOTE_BOUNDARY.matchAll(input), ...LIST_ITEM_START.matchAll(input)].map((m) => m.index + m[0].length);
  return more.length === 0 ? starts : [...starts, ...more].sort((a, b) => a - b);
}
