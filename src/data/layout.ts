/**
 * How articles lay out their bylines and boilerplate, as patterns a reviewer can read. Each is
 * compiled on first use, and run only on a text that passes its quick test (see pattern.ts).
 */
import { both, either, has, hasDigit, hasLower, pattern, startsLower, startsWith, startsWithDigit, type Pattern, type QuickTest } from '../pattern.js';

/** A byline paragraph has at least one line like these. */
export const BYLINE_LINE_PATTERNS: Pattern[] = [
  pattern(String.raw`^(?:published|posted|updated|first published|originally published)\b`, 'i', startsLower('published', 'posted', 'updated', 'first published', 'originally published')),
  pattern(String.raw`^(?:[Bb]y|[Ww]ritten by)\s+(?!(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Then|Now|Contrast|Comparison|Law|Design|Definition)\b)\p{Lu}[\p{L}.'-]*(?:\s+\p{Lu}[\p{L}.'-]*){0,3}\s*(?:,|;|$|[|·•]|\s[-–—]\s|\s+(?:and|for|in|on)\s)`, 'u', startsWith('By', 'by', 'Written by', 'written by')),
  pattern(String.raw`^(?:source|author|authors|date|dateline|publisher|publication|filed)\s*:`, 'i', both(has(':'), startsLower('source', 'author', 'date', 'publisher', 'publication', 'filed'))),
  // "Reporting by A in Seoul and B in Tokyo", "Reporting by A; editing by B": a wire's credit line (its writers, §1a).
  // Only names, initials and the credit's own small words: "Reporting by Japanese broadcaster NHK suggested ..." is prose.
  pattern(String.raw`^[Rr]eporting by\s+\p{Lu}[\p{L}.'’-]*[,;]?(?:\s+(?:\p{Lu}[\p{L}.'’-]*|[Ee]diting|[Ww]riting|[Rr]eporting|in|and|by|additional|with|from|for|de|van|von|der|la|bin)[,;]?)*$`, 'u', startsWith('Reporting by', 'reporting by')),
  pattern(String.raw`^(?:on\s+)?(?:january|february|march|april|may|june|july|august|september|october|november|december)\s+\d{1,2},?\s+\d{4}$`, 'i', hasDigit),
  pattern(String.raw`^\d{1,2}\s+(?:january|february|march|april|may|june|july|august|september|october|november|december)\s+\d{4}$`, 'i', startsWithDigit),
  pattern(String.raw`^\d{4}-\d{2}-\d{2}$`, '', startsWithDigit),
  // "Harbour Times editorial, carried by Harbour Wire": an outlet's piece as an agency relays it.
  pattern(String.raw`^\p{Lu}[\p{L}.'’ -]{1,60}\s(?:editorial|commentary|article),?\s+(?:carried|distributed|released)\s+by\s+\S`, 'u', has('carried', 'distributed', 'released')),
  // "Transcript released by the Information Department": the body that issued the text.
  pattern(String.raw`^(?:(?:transcript|text|statement)\s+)?(?:released|issued)\s+by\s+\S`, 'i', hasLower('released', 'issued')),
  // "By a Staff Correspondent", "From Our Correspondent", "Staff report", "From staff and wire reports": a credit that names no one.
  pattern(String.raw`^(?:by\s+(?:a|an|our)\s+(?:(?:staff|special|foreign|own)\s+)?(?:correspondent|reporter|writer)s?|from\s+(?:our|staff)\b[\p{L} ]{0,40}|staff\s+(?:report|reports|reporters?|writers?)\b[^.!?]{0,60})$`, 'iu', both(startsWith('b', 'B', 'f', 'F', 's', 'S', 'ſ'), hasLower('pondent', 'reporter', 'writer', 'our', 'taff'))),
  // "Office of the Spokesperson", "Office of Press Relations": a government office on a line of its own.
  pattern(String.raw`^Office of (?:the\s+)?\p{Lu}\p{L}*(?:\s+\p{Lu}\p{L}*){0,3}$`, 'u', startsWith('Office of ')),
];

/**
 * A short line near the top that reads like a credit (ANALYSIS.md §1a) but that no byline pattern
 * took: "By A. N. Other for Far Wire", "Posted 3 hours ago", "Staff Reporter | Dispatch". It is
 * left as body text, and the analysis warns that its author, publisher and date were not read.
 */
export const BYLINE_LIKE: Pattern[] = [
  pattern(String.raw`^(?:by|posted|published|updated|written by|reporting by|words by|filed)\b`, 'i', startsLower('by', 'posted', 'published', 'updated', 'written', 'reporting', 'words', 'filed')),
  pattern(String.raw`\b(?:staff|correspondent|reporter|editor|contributor|columnist|bureau)\b`, 'i', hasLower('staff', 'correspondent', 'reporter', 'editor', 'contributor', 'columnist', 'bureau')),
  pattern(String.raw`\s[|·•]\s`, '', has('|', '·', '•')),
];
/** A byline-like line has at most this many words, and it is one of the first paragraphs under the title. */
export const BYLINE_LIKE_MAX_WORDS = 14;
export const BYLINE_LIKE_WITHIN = 4;

/**
 * A web page's furniture, saved with the article wherever it stood: a link to another story, a
 * caption, an advertisement's label, a call to subscribe or share. Each is a paragraph of its own,
 * one line of a few words: kept as boilerplate, never counted.
 */
export const WEB_FURNITURE_PATTERNS: Pattern[] = [
  pattern(String.raw`^(?:read more|read also|also read|related|see also|more on this|more from|recommended|watch|listen)\s*:`, 'i', both(has(':'), startsLower('read', 'also', 'related', 'see also', 'more ', 'recommended', 'watch', 'listen'))),
  pattern(String.raw`^(?:photo|photograph|image|picture|video|caption)s?\s*(?::|by\b|credit)`, 'i', startsLower('photo', 'image', 'picture', 'video', 'caption')),
  pattern(String.raw`^(?:advertisement|sponsored content|story continues below(?: advertisement)?)$`, 'i', startsLower('advertisement', 'sponsored', 'story continues')),
  pattern(String.raw`^(?:sign up|subscribe)\b.{0,80}$`, 'i', startsLower('sign up', 'subscribe')),
  pattern(String.raw`^(?:share this|share on|follow us)\b`, 'i', startsLower('share this', 'share on', 'follow us')),
];

/** The most words a furniture line has. */
export const WEB_FURNITURE_MAX_WORDS = 20;

/** Republication notes, disclaimers and the like: kept, never counted. */
export const BOILERPLATE_PATTERNS: Pattern[] = [
  pattern(String.raw`\boriginally (?:appeared|published|ran)\b`, 'i', hasLower('originally ')),
  pattern(String.raw`\bfirst (?:appeared|published) (?:in|on|by)\b`, 'i', hasLower('first appeared ', 'first published ')),
  pattern(String.raw`\bdoes not take (?:institutional|any) positions?\b`, 'i', hasLower('does not take ')),
  pattern(String.raw`\bviews (?:expressed|represented|presented)\b`, 'i', hasLower('views ')),
  pattern(String.raw`\bdo(?:es)? not necessarily reflect\b`, 'i', hasLower(' not necessarily reflect')),
  pattern(String.raw`\ball rights reserved\b`, 'i', hasLower('all rights reserved')),
  pattern(String.raw`\breprinted (?:with|by)\b`, 'i', hasLower('reprinted ')),
  pattern(String.raw`\brepublished (?:with|by|from)\b`, 'i', hasLower('republished ')),
  pattern(String.raw`^(?:copyright|©)`, 'i', startsLower('copyright', '©')),
  // An author note: "Jane Roe is a senior fellow at the Institute ...".
  pattern(String.raw`^(?!The\s)\p{Lu}[\p{L}.'-]+(?:\s+\p{Lu}[\p{L}.'-]+){1,3}\s+(?:is|was|has been|served as)\s+(?:a|an|the)\s[^.]{0,80}\b(?:fellow|associate|economist|lawyer|negotiator|diplomat|professor|director|editor|correspondent|analyst|researcher|writer|columnist|lecturer|ambassador|author|chair|president)\b`, 'u', has('fellow', 'associate', 'economist', 'lawyer', 'negotiator', 'diplomat', 'professor', 'director', 'editor', 'correspondent', 'analyst', 'researcher', 'writer', 'columnist', 'lecturer', 'ambassador', 'author', 'chair', 'president')),
  // "Jane Roe is Tokyo correspondent for ...", "Jane Roe, a former official, was for many years a correspondent in Tokyo".
  pattern(String.raw`^(?!The\s)\p{Lu}[\p{L}.'-]+(?:\s+\p{Lu}[\p{L}.'-]+){1,3}(?:,\s[^,]{3,60},)?\s+(?:is|was)(?:\s+for many years)?\s+(?:(?:a|an|the)\s+)?(?:(?:former|senior|research|\p{Lu}\p{L}+)\s+)?(?:fellow|associate|correspondent|director|editor|economist|lawyer|analyst|researcher|columnist|writer|negotiator|diplomat)\b`, 'u', has('fellow', 'associate', 'correspondent', 'director', 'editor', 'economist', 'lawyer', 'analyst', 'researcher', 'columnist', 'writer', 'negotiator', 'diplomat')),
  // "Jane Roe writes on East Asian affairs", "... has reported from Seoul", "... covered the summit for The Review", "... directs the Asia programme at ...".
  pattern(String.raw`^(?!The\s)\p{Lu}[\p{L}.'-]+(?:\s+\p{Lu}[\p{L}.'-]+){1,3}(?:,\s[^,]{3,60},)?\s+(?:writes\s+(?:on|about|for|a\s+\w+\s+column)|has\s+reported\s+from|reported\s+from|covered\s[^.]{0,60}\b(?:for|from)\s|directs\s+the\s[^.]{0,60}\b(?:programme|program|project)\b)`, 'u', has('writes', 'reported', 'covered', 'directs')),
  // "The authors are research fellows at ...".
  pattern(String.raw`^The authors?\s+(?:is|are|was|were)\s[^.]{0,80}\b(?:fellows?|associates?|researchers?|analysts?|professors?|correspondents?|editors?)\b`, '', startsWith('The author')),
  pattern(String.raw`\btakes? no institutional positions?\b`, 'i', hasLower(' no institutional position')),
  pattern(String.raw`\b(?:institute|centre|center|foundation|council|review|journal|newsletter|publisher|organi[sz]ation) takes? no positions?\b`, 'i', hasLower(' no position')),
  pattern(String.raw`^(?:read more|related|see also|more on this)\b`, 'i', startsLower('read more', 'related', 'see also', 'more on this')),
  pattern(String.raw`^(?:photo|image|picture)s?\s*(?::|by\b|credit)`, 'i', startsLower('photo', 'image', 'picture')),
  // "The writer is a former ambassador ...".
  pattern(String.raw`^the (?:writer|author)s? (?:is|are|was|were)\b`, 'i', startsLower('the writer', 'the author')),
  // A transcript's or a translation's note: "This is an unofficial English rendering ...", "Translated from the Russian by ...".
  pattern(String.raw`\b(?:is|are|was) an? (?:unofficial|provisional|informal) (?:english[- ]language |english )?(?:translation|rendering)\b`, 'i', hasLower('translation', 'rendering')),
  pattern(String.raw`^translated (?:from|by)\b`, 'i', startsLower('translated ')),
  pattern(String.raw`^\(?the (?:briefing|press conference|press briefing|conference) (?:concluded|ended|adjourned)\b`, 'i', hasLower('concluded', 'ended', 'adjourned')),
  // Credits: "(Reporting by ...; editing by ...)", "Additional reporting by ...", "Distributed by ...", "Research assistance by ..."
  // (a plain "Reporting by ..." line is a byline).
  pattern(String.raw`^(?:\((?:additional )?|additional )(?:reporting|writing|editing) by\b`, 'i', startsLower('(', 'additional ')),
  pattern(String.raw`^(?:distributed|issued) by\b`, 'i', startsLower('distributed by', 'issued by')),
  pattern(String.raw`^(?:research|reporting) (?:for this (?:article|report|piece)|assistance)\b`, 'i', startsLower('research ', 'reporting ')),
  pattern(String.raw`\breflect(?:s|ing)? (?:only )?the (?:views?|judge?ments?|opinions?) of\b`, 'i', hasLower('reflect')),
  pattern(String.raw`\b(?:editorial|article|commentary|paper) (?:expresses|represents|states) the (?:policy|views?|position)\b`, 'i', hasLower(' expresses the ', ' represents the ', ' states the ')),
  pattern(String.raw`^(?:(?:the|his|her|their|my) )?(?:opinions|views) (?:expressed )?(?:here )?are (?:his|her|their|my|the author's|the authors') own\b`, 'i', hasLower(' own')),
  pattern(String.raw`\b(?:write|writes|speak|speaks) in (?:a|their|his|her) personal capacity\b`, 'i', hasLower(' personal capacity')),
  pattern(String.raw`\b(?:original|text|version) (?:prevails|is authoritative)\b`, 'i', hasLower(' prevails', ' is authoritative')),
  pattern(String.raw`\bhas been (?:edited|condensed|abridged|shortened) for (?:length|clarity)\b`, 'i', hasLower('has been ')),
  pattern(String.raw`\bis published (?:quarterly|monthly|weekly|daily|twice)\b`, 'i', hasLower('is published ')),
];

/**
 * A short closing note on its writer, tried only on paragraphs of a few
 * sentences: "Jane Roe teaches diplomatic history", "Jane Roe and John Doe
 * write about Korean affairs for ...", "John Doe served on the National
 * Security Council staff from 1989 to 1993". A leader's title opens no such
 * note ("President Carter served ..."), nor does "The".
 */
/** Who a writer's note opens with: one or two names of two to four capitalised words, not "The" nor a leader's title. */
const WRITER_NAME = String.raw`(?!The\s)(?!(?:President|Prime|Premier|Chairman|Chairwoman|Chancellor|General|Secretary|Minister|King|Queen|Emperor|Crown|Foreign|Defen[cs]e|Vice|Supreme|Marshal|Comrade|Senator|Ambassador|Governor|Mayor|Admiral)\b)\p{Lu}[\p{L}.'-]+(?:\s+\p{Lu}[\p{L}.'-]+){1,3}(?:\s+and\s+\p{Lu}[\p{L}.'-]+(?:\s+\p{Lu}[\p{L}.'-]+){1,3})?`;
const writerNote = (rest: string, mayMatch: QuickTest): Pattern => pattern(`^${WRITER_NAME}\\s+${rest}`, 'u', mayMatch);

export const AUTHOR_NOTE_PATTERNS: Pattern[] = [
  // What the writer does: "teaches", "writes about", "reports on" (verbs a state's name does not take).
  writerNote(String.raw`(?:teaches|writes?\s+(?:on|about|for)|reports?\s+on|ha(?:s|ve)\s+(?:reported|written|taught)|reported\s+from|writes\s+(?:the|a)\s+[^.]{0,40}\b(?:newsletter|column|blog))\b`, has('teaches', 'write', 'report', 'written', 'taught')),
  // What the writer did or does, with the years it took ("... from 1989 to 1993", "for eleven years"): "Kim Jong Un taught his
  // generals a lesson" and "South Korea serves as a bridge" are no notes.
  writerNote(String.raw`(?:taught|wrote\s+(?:on|about|for)|reported\s+on|covered|covers|works?\s+on|worked\s+(?:on|at|for|as)|serves?\s+(?:on|as)|served\s+(?:on|as|in)|(?:is|was)\s+a\s+member\s+of|ha(?:s|ve)\s+(?:covered|worked|served))\b(?=[^]*?\b(?:(?:from|between|since|until)\s+\d{4}|for\s+(?:[a-z-]+\s+){0,2}years)\b)`, both(either(hasDigit, has('years')), has('taught', 'wrote', 'reported', 'cover', 'work', 'serve', 'member'))),
  // "Jane Roe is a former State Department official who writes on arms control".
  writerNote(String.raw`(?:is|was)\s+(?:a|an)\s[^.]{0,60}\bwho\s+(?:writes|wrote|reports|teaches|covers)\b`, has('who')),
];

/** The longest paragraph, in words, that AUTHOR_NOTE_PATTERNS are tried on. */
export const AUTHOR_NOTE_MAX_WORDS = 60;

/** Month names and their abbreviations, lower case, with the month's number. */
export const MONTHS: Record<string, number> = {
  january: 1, jan: 1, february: 2, feb: 2, march: 3, mar: 3, april: 4, apr: 4, may: 5,
  june: 6, jun: 6, july: 7, jul: 7, august: 8, aug: 8, september: 9, sept: 9, sep: 9,
  october: 10, oct: 10, november: 11, nov: 11, december: 12, dec: 12,
};

const MONTH_NAME = `(?<monthName>${Object.keys(MONTHS).join('|')})\\.?`;

/** A day of a month without its year, as a wire dateline gives it: "March 14", "14 March", "Sept. 3". */
const ANY_MONTH = `(?:${Object.keys(MONTHS).join('|')})\\.?`;
export const DAY_OF_MONTH = pattern(`\\b${ANY_MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?\\b|\\b\\d{1,2}(?:st|nd|rd|th)?\\s+${ANY_MONTH}(?![\\p{L}])`, 'iu', hasDigit);

/**
 * Calendar dates the ways bylines write them, tried in order; each names its
 * parts: year, day, and month (digits) or monthName (a key of MONTHS).
 * "2017-03-03", "2017/03/03", "March 3, 2017", "Mar. 3rd 2017", "3 March 2017", "3rd of March, 2017".
 */
export const DATE_PATTERNS: Pattern[] = [
  pattern(String.raw`\b(?<year>\d{4})-(?<month>\d{1,2})-(?<day>\d{1,2})\b`, '', both(hasDigit, has('-'))),
  pattern(String.raw`\b(?<year>\d{4})\/(?<month>\d{1,2})\/(?<day>\d{1,2})\b`, '', both(hasDigit, has('/'))),
  pattern(`\\b${MONTH_NAME}\\s+(?<day>\\d{1,2})(?:st|nd|rd|th)?,?\\s+(?<year>\\d{4})\\b`, 'i', hasDigit),
  pattern(`\\b(?<day>\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH_NAME},?\\s+(?<year>\\d{4})\\b`, 'i', hasDigit),
];

/** A time of day beside a byline's date: "4:05 p.m.", "16:30 KST", "9.30am". */
export const TIME_OF_DAY = pattern(String.raw`\b\d{1,2}[:.]\d{2}\s*(?:[ap]\.?\s?m\.?)?(?:\s*\(?[A-Z]{2,4}\)?)?`, 'gi', hasDigit);

/** A weekday beside a byline's date: "Friday, August 23, 2019". */
export const WEEKDAY = pattern(String.raw`\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b`, 'gi', hasLower('day'));

/** Words a date line may carry besides its date, time and weekday: an outlet or a place ("Regional Desk Digest, December 4, 2024"). */
export const DATE_LINE_MAX_WORDS = 6;

/** Lower-case words that a period after them does not end a sentence: "vs. Japan", "et al. The". */
export const LOWERCASE_ABBREVIATIONS: string[] = ['vs', 'approx', 'incl', 'cf', 'al', 'ca', 'viz', 'resp', 'govt', 'dept', 'est', 'fig', 'nos', 'op', 'cit', 'ibid'];

/** Markdown's heading marks ("# Title"): a .md article's title is read without them. */
export const MARKDOWN_HEADING = pattern(String.raw`^#{1,6}[ \t]+`, '', startsWith('#'));

/** Markdown's emphasis around words ("*By Jane Roe*", "**Global Times**, 2020-01-02"): its byline is read without it. */
export const MARKDOWN_EMPHASIS = pattern(String.raw`(?<![\p{L}\p{N}*_])(\*{1,2}|_{1,2})(?=\S)(.+?)(?<=\S)\1(?![\p{L}\p{N}*_])`, 'gu', has('*', '_'));

/** A sentence end the tokenizer may miss: a lower-case word, a full stop, then a capital ("hard to miss. A Russian statement"). */
export const MISSED_BOUNDARY = pattern(String.raw`\b([a-z]{2,40})[.!?]["”’)]?[ \t]+(?=["“‘(]?\p{Lu})`, 'gu');

/** A footnote's mark after a sentence's stop, before a capital: "backed the deal.[3] Tokyo", "backed the deal.¹ Tokyo". */
export const FOOTNOTE_BOUNDARY = pattern(String.raw`[.!?]["”’)]?(?:\[\d{1,3}\]|[¹²³⁰⁴⁵⁶⁷⁸⁹]+)[ \t]+(?=["“‘(]?\p{Lu})`, 'gu', either(has('['), has('¹', '²', '³', '⁰', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹')));

/** A list item's marker opening a line ("- Japan joined ...", "• Tokyo: ...", "2. Japan ..."): the item is a sentence of its own, even without a full stop before it. */
export const LIST_ITEM_START = pattern(String.raw`(?<=\n)[ \t]*(?=(?:[-–•*·]|\(?\d{1,3}[.)])[ \t]+\S)`, 'g', has('\n'));

/**
 * "No." before a capital ends a sentence ("A: No. France decided ..."): wink
 * takes it for the abbreviation of "number", which comes before a numeral.
 */
export const ANSWER_NO_BOUNDARY = pattern(String.raw`(?<![\p{L}.])No\.[ \t]+(?=["“‘(]?\p{Lu})`, 'gu', has('No.'));

/** A dateline on a line of its own: "SEOUL, March 3, 2019 (Agency) —", "Pyongyang, August 22 (KCNA) --"; the agency is the publisher. */
export const DATELINE = pattern(String.raw`^\p{Lu}[\p{L}.'’ /-]*(?:,\s*[^()]{0,40})?\s*\(([^)]{2,60})\)\s*(?:—|–|--|-|:)?\s*$`, 'u', has('('));

/**
 * A dateline that credits its agency and then gives the writer's credit on the same line:
 * "BEIJING, Feb. 7, 2008 (Xinhua) -- Commentary by Xinhua writer Zhou Lan" (group 1 the agency,
 * group 2 the credit, read as a byline line of its own). "— by a political commentator" names no
 * one, and is DATELINE_BY's.
 */
export const DATELINE_THEN_CREDIT = pattern(String.raw`^\p{Lu}[\p{L}.'’ /-]*,\s*[^()]{0,40}\s*\(([^)]{2,60})\)\s*(?:—|–|--|-)\s*((?:commentary|analysis|opinion|article|report)\s+by\s+\S.*)$`, 'iu', has('('));

/** A writer's role before the name in a credit without an outlet: "Commentary by political observer Yevgeny Sorokin". */
export const ROLE_BEFORE_NAME = pattern(String.raw`^(?:(?:staff|senior|political|military|special)\s+)?(?:writer|correspondent|commentator|reporter|columnist|observer)\s+(?=\p{Lu})`, 'u', has('writer', 'correspondent', 'commentator', 'reporter', 'columnist', 'observer'));

/** A dateline that names its agency and then its writer: "Moscow, May 28, 2009 (RIA Novosti) — by a political commentator". */
export const DATELINE_BY = pattern(String.raw`^\p{Lu}[\p{L}.'’ /-]*,\s*[^()]{0,40}\s*\(([^)]{2,60})\)\s*(?:—|–|--|-)\s*[Bb]y\s+\S`, 'u', has('('));

/** What separates the parts of a one-line byline: "Opinion | By A | Outlet | Date", "Outlet / Date". */
export const BYLINE_SEPARATOR = pattern(String.raw`\s+[|/·•]\s+`, '', has('|', '/', '·', '•'));

/** Dashes that may separate a byline's parts instead: "Opinion — The Review — May 5, 2019 — by Jane Roe". */
export const DASH_SEPARATOR = pattern(String.raw`\s+[—–]\s+`, '', has('—', '–'));

/** Section labels that bylines carry before or after the outlet: not the publisher. */
export const BYLINE_LABELS: string[] = [
  'opinion', 'editorial', 'commentary', 'analysis', 'news', 'briefing', 'transcript', 'op-ed', 'feature', 'long read',
  'report', 'world', 'asia', 'perspective', 'column', 'comment', 'essay', 'news brief', 'brief', 'press release', 'in brief',
  'features', 'viewpoint', 'guest column',
];

/** Labels an outlet's name may carry after it ("TASS Commentary", "Global Times Editorial"): dropped from the publisher. */
export const OUTLET_SUFFIX = pattern(String.raw`\s+(?:commentary|editorial|opinion|analysis|news brief|(?:political|military) (?:observer|commentator))$`, 'i', hasLower('commentary', 'editorial', 'opinion', 'analysis', 'news brief', 'observer', 'commentator'));

/** A byline part that names its author: "By Jane Doe", "Commentary by Jane Doe" (the author after "by"). */
export const BY_AUTHOR = pattern(String.raw`^(?:(?:commentary|analysis|opinion|editorial|essay|column|article|report|written)\s+)?by\s+(.+)$`, 'i', hasLower('by'));

/**
 * An author named with the outlet and role before the name: "Commentary by
 * Xinhua writer Lin Hao" (outlet Xinhua, author Lin Hao), "RIA Novosti political
 * commentator Dmitry Kosarev".
 */
export const BY_OUTLET_WRITER =
  pattern(String.raw`^(?:(?:\p{L}+\s+)?[Bb]y\s+)?(?<outlet>\p{Lu}[\p{L}.&'’-]*(?:\s+\p{Lu}[\p{L}.&'’-]*){0,3})\s+(?:(?:staff|senior|political|military|special)\s+)?(?:writer|correspondent|commentator|reporter|columnist|observer)\s+(?<author>\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,3})\s*$`, 'u', has('writer', 'correspondent', 'commentator', 'reporter', 'columnist', 'observer'));

/** Titles before an author's name, dropped: "By Dr. Jane Roe", "By Ambassador John Doe". */
export const AUTHOR_TITLE = pattern(String.raw`^(?:Dr|Prof|Professor|Ambassador|Gen|General|Adm|Admiral|Sen|Senator|Rep|Sir|Dame|Mr|Mrs|Ms|Rev)\.?\s+(?=\p{Lu})`, 'u', startsWith('Dr', 'Prof', 'Ambassador', 'Gen', 'Adm', 'Sen', 'Rep', 'Sir', 'Dame', 'Mr', 'Ms', 'Rev'));

/** A person's name as bylines list them: two to four capitalised words ("Jane Roe", "Lee Soo-jin", "A. B. Writer"). */
export const PERSON_NAME = pattern(String.raw`^\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){1,3}$`, 'u');

/** A byline's "author" that names no person (ANALYSIS.md §1a: the author is then null): "Our Correspondent", "Staff Reporter", "The Editorial Board". */
export const NO_PERSON = pattern(String.raw`^(?:(?:our|the|a|an|staff|special|senior|foreign|political|military|diplomatic|own)\s+)*(?:correspondents?|reporters?|writers?|staff|editors?|commentators?|observers?|editorial board|editorial staff|editorial desk|news desk)$`, 'i', hasLower('correspondent', 'reporter', 'writer', 'staff', 'editor', 'commentator', 'observer', 'desk'));

/** A writer's role in lower case after an outlet's name, dropped: "People's Daily commentator", "Xinhua political observer" (ANALYSIS.md §1a); "The Straits Observer" is a name. */
export const TRAILING_ROLE = pattern(String.raw`(?:^|\s+)(?:joint|(?:(?:political|staff|special|senior|chief)\s+)?(?:commentators?|correspondents?|observers?|writers?|reporters?|columnists?))$`, '', has('joint', 'commentator', 'correspondent', 'observer', 'writer', 'reporter', 'columnist'));

/**
 * The same role capitalised, dropped unless the name opens with "The": "People's Daily
 * Commentator" is the paper's commentator, "The Asia-Pacific Commentator" a publication.
 */
export const TRAILING_TITLE_ROLE = pattern(String.raw`^(?!The\s)(.+?)\s+(?:(?:Political|Staff|Special|Senior|Chief)\s+)?(?:Commentators?|Correspondents?|Writers?|Reporters?|Columnists?)$`, '', has('Commentator', 'Correspondent', 'Writer', 'Reporter', 'Columnist'));
/** A description in parentheses after an outlet's name, dropped: "Ministry of Foreign Affairs (transcript)", "Global Times (commentary)". */
export const PARENTHESISED_DESCRIPTION = pattern(String.raw`\s*\((?:unofficial\s+|official\s+|full\s+)?(?:transcript|translation|text|press release|commentary|statement|editorial|opinion|analysis)\)`, 'gi', has('('));

/** What a dateline's credit may add to its agency, dropped: "(Harbour Wire, transcript)", "(KCNA, unofficial translation)". */
export const CREDIT_DESCRIPTION = pattern(String.raw`\s*[,;/]\s*(?:unofficial\s+|official\s+|full\s+)?(?:transcript|translation|text|press release|commentary|statement)\b.*$`, 'i', hasLower('transcript', 'translation', 'text', 'press release', 'commentary', 'statement'));

/** A byline part that starts like an author's name: "By Jane". */
export const BY_NAME = pattern(String.raw`^(?:written\s+)?by\s+\p{Lu}`, 'iu', hasLower('by'));

/** A label before a byline part's date or outlet, dropped: "Published: March 3, 2017", "Updated 2017-03-03". */
export const PUBLISHED_LABEL = pattern(String.raw`^(?:published|updated|posted)\s*:?\s*`, 'i', startsLower('published', 'updated', 'posted'));

/** A byline line naming the outlet that published the piece: "First published by Global Times on ...", "Appeared in Policy Review, ...". */
export const PUBLISHED_IN = pattern(String.raw`^(?:published|appeared|first published|originally published)\s+(?:by|in)\b\s*(.*?)(?=\s+on\s|\s+at\s|,|\s+\d|$)`, 'i', startsLower('published', 'appeared', 'first published', 'originally published'));

/** A byline line that labels the outlet: "Source: Xinhua", "Publisher: Korea Times, March 3". */
export const SOURCE_LABEL = pattern(String.raw`^(?:source|publisher|publication)\s*:\s*(.+?)(?=,|\s+on\s|$)`, 'i', both(has(':'), startsLower('source', 'publisher', 'publication')));

/** A byline line that names the author: "By Jane Doe, Policy Review", "Written by A. Writer for The Review", "Author: Jane Doe". */
export const BYLINE_AUTHOR = pattern(String.raw`^(?:(?:(?:analysis|commentary|opinion|essay|column|article|report|reporting|story|text|words|written|filed|compiled)\s+)?by|author\s*:)\s*(.+?)(?=,|;|\s+on\s|\s+for\s|\s+[-–—|]\s|$)`, 'i', either(hasLower('by'), startsLower('author')));

/** Where a wire's writer filed from, after each name: "Reporting by A in Seoul and B in Tokyo". */
export const FILED_FROM = pattern(String.raw`\s+in\s+\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*)?(?:\s+and\s+\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*)?)?(?=\s+and\s+\p{Lu}\S*\s+\p{Lu}|\s+for\s|\s*[,;]|$)`, 'gu', has('in'));

/** What separates the parts of a byline line after its author: "By A. Writer | The Review | 5 June 2018", "By Jane Doe, Policy Review". */
export const AFTER_AUTHOR_SEPARATOR = pattern(String.raw`[,;|·•]|\s[-–—]\s`, '');

/** "for" before the outlet an author wrote for: "By Jane Doe for The Review". */
export const FOR_OUTLET = pattern(String.raw`^for\s+(?:the\s+(?=\p{Lu}))?`, 'u', startsWith('for'));

/** In a credit, an outlet after a lower-case "in the": "By Jane Roe in the Korea Herald, May 3, 2024" ("in The Hague" is a place). */
export const IN_THE_OUTLET_PART = pattern(String.raw`\s+in\s+the\s+(\p{Lu}[^,;|/·•]*)`, 'u', has('in'));

/** "Special to The Review": a contributor's line, whose outlet follows. */
export const SPECIAL_TO = pattern(String.raw`^special to\s+`, 'i', startsLower('special to'));

/** A byline line that gives no outlet: "Date: ...", "Dateline ...", "Updated ...", "Posted ...", "Transcript (unofficial translation)". */
export const NOT_AN_OUTLET = pattern(String.raw`^(?:date|dateline|updated|posted|from our|from staff|staff report|with reporting|reporting from|reported by|additional reporting|writing by|edit(?:ing|ed) by)\b|\bcontributed reporting\b|\b(?:transcript|translation)\b`, 'i', either(startsLower('date', 'updated', 'posted', 'from our', 'from staff', 'staff report', 'with reporting', 'reporting from', 'reported by', 'additional reporting', 'writing by', 'editing by', 'edited by'), hasLower('contributed reporting', 'transcript', 'translation')));

/** Words that end or fill an outlet's name rather than a person's: "Northstar Press", "Harbour Wire", "The Morning Ledger". */
export const OUTLET_WORD = pattern(String.raw`^the\s|\b(?:Press|Wire|News|Agency|Service|Ledger|Dispatch|Courier|Chronicle|Tribune|Sentinel|Standard|Forum|Correspondent|Media|Network|Radio|Television|Broadcasting|Office|Ministry|Department|Embassy|Mission|Government|Cabinet|Secretariat)\b`, 'i', either(startsLower('the'), hasLower('press', 'wire', 'news', 'agency', 'service', 'ledger', 'dispatch', 'courier', 'chronicle', 'tribune', 'sentinel', 'standard', 'forum', 'correspondent', 'media', 'network', 'radio', 'television', 'broadcasting', 'office', 'ministry', 'department', 'embassy', 'mission', 'government', 'cabinet', 'secretariat')));

/** A briefing's speaker, named with the office (ANALYSIS.md §1a: the speaker is no writer): "Spokesman Burak Özdemir". */
export const SPEAKER_ROLE = pattern(String.raw`\b(?:spokes(?:man|woman|person)|press secretary|briefer)\b`, 'i');

/**
 * A government body, the publisher among the pieces a byline sets off by
 * commas: not its seat ("Ministry of Foreign Affairs, Seoul") nor its unit
 * ("Press Centre, Ministry of Foreign Affairs").
 */
export const GOVERNMENT_BODY = pattern(String.raw`^(?:\p{Lu}[\p{L}.]*\s+)?(?:Ministry|Department)\b`, 'u', has('Ministry', 'Department'));

/** A piece of a byline line that names a briefing or the room it was held in ("Press Conference Room"): not the outlet. */
export const BRIEFING_PIECE = pattern(String.raw`\b(?:press|media|news) (?:briefing|conference)\b|\broom\b`, 'i');

/** A dateline on a line of its own whose agency follows a dash: "BEIJING, September 26, 1997 — Commentary, Xinhua News Agency". */
export const DATELINE_DASH = pattern(String.raw`^\p{Lu}[\p{L}.'’ -]*,\s*([^—–]{4,40}?)\s*(?:—|–|--)\s*([^.!?]{2,80})$`, 'u', both(has(','), has('—', '–', '--')));

/** "Posted on March 3, 2017 by Jane Roe, The Review", "Posted 2017-03-03 by Jane Roe": a post's date, then its author (and outlet) after "by". */
export const POSTED_BY = pattern(String.raw`^(?:posted|published|updated)\s*:?\s+(?:on\s+)?[^\d]*?\d.*?\s+by\s+(.+)$`, 'i', both(hasDigit, startsLower('posted', 'published', 'updated')));

/** The name of a briefing or press conference in a byline ("Daily Press Briefing"): not the publisher. */
export const BRIEFING_NAME = pattern(String.raw`\b(?:press|media|news) (?:briefing|conference)$`, 'i');

/** A briefing's title that names its ministry: "Daily Press Briefing, U.S. Department of State", "... by the Spokesperson of the Ministry of Foreign Affairs, Republic of Korea". */
export const MINISTRY_IN_TITLE = pattern(String.raw`\b(?:[Bb]riefing|[Pp]ress [Cc]onference)\b.*?(?:,\s*|\bof the\s+)((?:\p{Lu}[\p{L}.]*\s+)?(?:Ministry|Department) of [^,]+)(?:,\s*[^,]+)*$`, 'u', has('Ministry', 'Department'));

/** The parent of a unit that a byline names with it ("Korea Program, Calloway Institute"): the publisher is the parent. */
export const INSTITUTION = pattern(String.raw`\b(?:Institute|Institution|Center|Centre|Council|Foundation|University|Academy)\b`, '', has('Institut', 'Center', 'Centre', 'Council', 'Foundation', 'University', 'Academy'));

/** A publication's name, which a byline may give before the institution behind it (ANALYSIS.md §1a): "Asia Policy Brief, Hastings Centre". */
export const PUBLICATION = pattern(String.raw`\b(?:Notes|Review|Report|Brief|Briefs|Bulletin|Journal|Quarterly|Digest|Papers|Letter|Monitor|Survey|Observer|Times|Post|Herald|Gazette|Daily|Weekly|Monthly|Magazine)$`, '');

/** A byline line naming the body that issued the text: "Transcript released by the Information Department". */
export const RELEASED_BY = pattern(String.raw`^(?:(?:transcript|text|statement)\s+)?(?:released|issued)\s+by\s+(?:the\s+)?(.+)$`, 'i', hasLower('released', 'issued'));

/** A body's proper name of two or more capitalised words ("Information Department"), not a description ("the ministry's press department", "the Department"). */
export const PROPER_BODY_NAME = pattern(String.raw`^\p{Lu}[\p{L}.'’-]*(?:\s+(?:of|for|and|the|on|\p{Lu}[\p{L}.'’-]*))*\s+\p{Lu}[\p{L}.'’-]*$`, 'u');

/** A unit named with the government body it belongs to: of "Press Centre of the Ministry of Foreign Affairs of the USSR" the ministry. */
export const UNIT_OF_BODY = pattern(String.raw`^(?:(?:Press|Information|News)\s+)?(?:Centre|Center|Office|Bureau|Service|Section|Division)\s+of\s+the\s+((?:Ministry|Department)\b.+)$`, '', has('Ministry', 'Department'));

/** A desk as the byline names it ("Commentary Desk", "World Desk"): a section of an outlet it does not name, no publisher. */
export const SECTION_DESK = pattern(String.raw`^(?:the\s+)?\p{Lu}\p{L}*(?:\s+\p{Lu}\p{L}*)?\s+[Dd]esk$`, 'u', has('esk'));

/**
 * A briefing named after the government body that holds it: of "Department of State Daily
 * Press Briefing" and "Foreign Ministry Spokesperson's Regular Press Conference" the body.
 */
export const BRIEFING_OF_BODY =
  pattern(String.raw`^((?:\p{Lu}[\p{L}.]*\s+)?(?:Ministry|Department)(?:\s+of(?:\s+the)?(?:\s+\p{Lu}[\p{L}.]*)+?)?)\s+(?:Spokes(?:person|man|woman)['’]s\s+)?(?:(?:Daily|Regular|Weekly)\s+)?(?:Press|Media|News)\s+(?:Briefing|Conference)\b`, 'u', has('Ministry', 'Department'));

/** What follows an outlet's name on its own line, dropped: "Global Times on March 3". */
export const ON_DATE = pattern(String.raw`\s+on\s+.*$`, 'i', hasLower('on'));

/**
 * A ministry's name alone on a line, as briefings head their transcripts: "Ministry of Foreign Affairs
 * of Japan", "Ministry of Foreign Affairs, Republic of China (Taiwan)". A byline line only under the
 * title (a heading further down is body).
 */
export const MINISTRY_LINE =
  pattern(String.raw`^(?:the\s+)?(?:\p{Lu}[\p{L}.]*\s+)?(?:Ministry|Department)\s+of\s+(?:the\s+)?\p{Lu}[\p{L}'’.-]*(?:\s+(?:of|and|the|for|\p{Lu}[\p{L}'’.-]*|\(\p{Lu}[\p{L} ]*\)))*(?:,\s*\p{Lu}[\p{L}'’. ]{1,40}(?:\s+\(\p{Lu}[\p{L} ]*\))?)?$`, 'u', has('Ministry', 'Department'));

/** An office before a name ("Secretary Blinken", "Foreign Minister Kamikawa"): a speaker, never a writer. */
export const OFFICE_TITLE = pattern(String.raw`^(?:Secretary|Minister|Foreign|Defen[cs]e|Prime|President|Vice|Deputy|Ambassador|Spokes(?:man|woman|person)|Premier|Chancellor|Chairman|General|Admiral|Senator|Governor)\b`, 'u');

/** A byline piece that is only a writer's role: "Contributing columnist", "Senior Fellow", "Staff Correspondent". */
export const WRITER_ROLE = pattern(String.raw`^(?:(?:contributing|senior|staff|special|foreign|chief|guest|resident|visiting|non-resident|nonresident)\s+)?(?:columnist|fellow|correspondent|writer|contributor|editor|reporter|analyst|researcher)$`, 'i', hasLower('columnist', 'fellow', 'correspondent', 'writer', 'contributor', 'editor', 'reporter', 'analyst', 'researcher'));

/** An aside in parentheses after an outlet's name, no part of it: "Ministry of Foreign Affairs of the Republic of China (Taiwan)", "Pacific Policy Monitor (Institute for Northern Studies)". */
export const TRAILING_ASIDE = pattern(String.raw`\s*\([^()]*\)$`, '', has(')'));

/** Job titles after an author's name ("By A, Senior Fellow, Institute ..."): not the publisher. */
export const AUTHOR_ROLES = pattern(String.raw`\b(?:fellow|correspondent|writer|editor|contributor|columnist|reporter|director|professor|researcher|analyst|chief|bureau|staff)\b`, 'i', hasLower('fellow', 'correspondent', 'writer', 'editor', 'contributor', 'columnist', 'reporter', 'director', 'professor', 'researcher', 'analyst', 'chief', 'bureau', 'staff'));

/**
 * A dateline in any case that credits its agency ("Pyongyang, June 25, 2002 (KCNA) --"), read as one
 * only with a date in it: "Moon Jae-in, South Korea's president (2017-2022) — met ..." is a sentence.
 */
export const CREDITED_DATELINE = pattern(String.raw`^\p{Lu}[\p{L} .'’-]+,[^—–\n()]{0,40}\([^)\n]{1,60}\)\s*(?:—|–|--)\s`, 'u', both(has('('), has('—', '–', '--')));

/** Most words of an outlet's name on a line of its own ("Far Eastern Press Association"). */
export const OUTLET_LINE_MAX_WORDS = 8;

/**
 * A dateline opening a body paragraph ("BEIJING, Feb. 13 — ", "SEOUL (Agency) - "): where the story was filed, not an actor.
 * A single hyphen closes one only after an agency's credit and before a sentence's capital: "THAAD (Terminal High
 * Altitude Area Defense) - the US system ..." is prose.
 */
export const LEADING_DATELINE =
  /^\p{Lu}[\p{Lu} .'’/-]+(?:(?:,[ \t]{0,3}[^—–\n]{0,40}?)?[ \t]{0,3}(?:\([^)\n]{1,60}\)[ \t]{0,3})?(?:—|–|--)\s|(?:,[ \t]{0,3}[^—–\n()]{1,40}?)?[ \t]{0,3}\([^)\n]{1,60}\)[ \t]{0,3}-[ \t]+(?=\p{Lu}))/u;
