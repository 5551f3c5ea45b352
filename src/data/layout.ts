/** How articles lay out their bylines and boilerplate, as patterns a reviewer can read. */

/** A byline paragraph has at least one line like these. */
export const BYLINE_LINE_PATTERNS: RegExp[] = [
  /^(?:published|posted|updated|first published|originally published)\b/i,
  /^(?:[Bb]y|[Ww]ritten by)\s+(?!(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Then|Now|Contrast|Comparison|Law|Design|Definition)\b)\p{Lu}[\p{L}.'-]*(?:\s+\p{Lu}[\p{L}.'-]*){0,3}\s*(?:,|$|[|·•]|\s[-–—]\s|\s+(?:and|for|in|on)\s)/u,
  /^(?:source|author|authors|date|dateline|publisher|publication|filed)\s*:/i,
  /^(?:on\s+)?(?:january|february|march|april|may|june|july|august|september|october|november|december)\s+\d{1,2},?\s+\d{4}$/i,
  /^\d{1,2}\s+(?:january|february|march|april|may|june|july|august|september|october|november|december)\s+\d{4}$/i,
  /^\d{4}-\d{2}-\d{2}$/,
];

/** Republication notes, disclaimers and the like: kept, never counted. */
export const BOILERPLATE_PATTERNS: RegExp[] = [
  /\boriginally (?:appeared|published|ran)\b/i,
  /\bfirst (?:appeared|published) (?:in|on|by)\b/i,
  /\bdoes not take (?:institutional|any) positions?\b/i,
  /\bviews (?:expressed|represented|presented)\b/i,
  /\bdo(?:es)? not necessarily reflect\b/i,
  /\ball rights reserved\b/i,
  /\breprinted (?:with|by)\b/i,
  /\brepublished (?:with|by|from)\b/i,
  /^(?:copyright|©)/i,
  // An author note: "Jane Roe is a senior fellow at the Institute ...".
  /^\p{Lu}[\p{L}.'-]+(?:\s+\p{Lu}[\p{L}.'-]+){1,3}\s+(?:is|was|has been|served as)\s+(?:a|an|the)\s[^.]{0,80}\b(?:fellow|professor|director|editor|correspondent|analyst|researcher|writer|columnist|lecturer|ambassador|author|chair|president)\b/u,
  /^(?:read more|related|see also|more on this)\b/i,
  /^(?:photo|image|picture)s?\s*(?::|by\b|credit)/i,
];

export const MONTHS: Record<string, number> = {
  january: 1, jan: 1, february: 2, feb: 2, march: 3, mar: 3, april: 4, apr: 4, may: 5,
  june: 6, jun: 6, july: 7, jul: 7, august: 8, aug: 8, september: 9, sept: 9, sep: 9,
  october: 10, oct: 10, november: 11, nov: 11, december: 12, dec: 12,
};

/** Lower-case words that a period after them does not end a sentence: "vs. Japan", "et al. The". */
export const LOWERCASE_ABBREVIATIONS: string[] = ['vs', 'approx', 'incl', 'cf', 'al', 'ca', 'viz', 'resp', 'govt', 'dept', 'est', 'fig', 'no', 'nos', 'op', 'cit', 'ibid'];

/** A dateline on a line of its own: "SEOUL, March 3, 2019 (Agency) —", "Pyongyang, August 22 (KCNA) --"; the agency is the publisher. */
export const DATELINE = /^\p{Lu}[\p{L}.'’ -]*(?:,\s*[^()]{0,40})?\s*\(([^)]{2,60})\)\s*(?:—|–|--|-|:)?\s*$/u;

/** What separates the parts of a one-line byline: "Opinion | By A | Outlet | Date", "Outlet / Date". */
export const BYLINE_SEPARATOR = /\s+[|/·•]\s+/;

/** Section labels that bylines carry before or after the outlet: not the publisher. */
export const BYLINE_LABELS: string[] = [
  'opinion', 'editorial', 'commentary', 'analysis', 'news', 'briefing', 'transcript', 'op-ed', 'feature', 'long read',
  'report', 'world', 'asia', 'perspective', 'column', 'comment', 'essay', 'news brief', 'brief', 'press release',
];

/** Labels an outlet's name may carry after it ("TASS Commentary", "Global Times Editorial"): dropped from the publisher. */
export const OUTLET_SUFFIX = /\s+(?:commentary|editorial|opinion|analysis|news brief|(?:political|military) (?:observer|commentator))$/i;

/** Job titles after an author's name ("By A, Senior Fellow, Institute ..."): not the publisher. */
export const AUTHOR_ROLES = /\b(?:fellow|correspondent|writer|editor|contributor|columnist|reporter|director|professor|researcher|analyst|chief|bureau|staff)\b/i;

/** A dateline opening a body paragraph ("BEIJING, Feb. 13 — ", "SEOUL (Agency) - "): where the story was filed, not an actor. */
export const LEADING_DATELINE = /^\p{Lu}[\p{Lu} .'’-]+(?:,\s*[^—–\n]{0,40}?)?\s*(?:\([^)\n]{1,60}\))?\s*(?:—|–|--)\s/u;
