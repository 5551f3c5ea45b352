/**
 * Regular expressions compiled on first use, each behind a quick test that
 * every text it matches passes. V8 parses a regular expression literal when it
 * compiles the module and again when the literal is evaluated, then compiles
 * it when it first runs and once more (to machine code) when it runs again:
 * for the layout's hundred patterns, most with Unicode classes, that was a
 * cold start's largest cost after the wink model. A pattern here is a string
 * until it is needed, and it is not run at all on a text that fails its quick
 * test (a disclaimer's "all rights reserved" in a paragraph without those
 * words), so a typical article compiles a few of them.
 *
 * A quick test may pass texts the pattern does not match, never the other way
 * round: it asks only for what any match must contain (a word, a "(", a digit,
 * how the text starts). Words are looked for in the lower-cased text for
 * patterns with the i flag: without the u flag a letter of the pattern matches
 * only ASCII letters of either case, and toLowerCase keeps those next to each
 * other. With both flags "ſ" also matches "s" (and the Kelvin sign "k", which
 * toLowerCase turns into "k"), so the quick tests of such patterns avoid those
 * letters. test/analysis/patterns.test.ts holds every quick test to its pattern.
 */

/** A quick test: false only for texts the pattern cannot match. */
export type QuickTest = (text: string) => boolean;

export class Pattern {
  private compiled: RegExp | undefined;

  constructor(
    readonly source: string,
    readonly flags: string,
    readonly mayMatch: QuickTest,
  ) {}

  /** The regular expression, compiled on first use. */
  get regex(): RegExp {
    return (this.compiled ??= new RegExp(this.source, this.flags));
  }

  test(text: string): boolean {
    return this.mayMatch(text) && this.regex.test(text);
  }

  exec(text: string): RegExpExecArray | null {
    return this.mayMatch(text) ? this.regex.exec(text) : null;
  }

  /** What `text.replace(pattern, replacement)` calls. */
  [Symbol.replace](text: string, replacement: string): string {
    return this.mayMatch(text) ? text.replace(this.regex, replacement) : text;
  }

  /** What `text.split(pattern)` calls. */
  [Symbol.split](text: string): string[] {
    return this.mayMatch(text) ? text.split(this.regex) : [text];
  }

  /** `text.matchAll(regex)` (a pattern with the g flag). */
  matchAll(text: string): IterableIterator<RegExpExecArray> {
    return this.mayMatch(text) ? text.matchAll(this.regex) : ([] as RegExpExecArray[]).values();
  }
}

/** A pattern with a quick test (none: it is always run). */
export const pattern = (source: string, flags: string, mayMatch: QuickTest = () => true): Pattern => new Pattern(source, flags, mayMatch);

let lastText = '';
let lastLower = '';
/** `text.toLowerCase()`, kept for the next quick test of the same text (a paragraph is asked about by many patterns in turn). */
function lowerOf(text: string): string {
  if (text !== lastText) {
    lastText = text;
    lastLower = text.toLowerCase();
  }
  return lastLower;
}

/** The text holds one of `needles` (as they are written). */
export const has =
  (...needles: string[]): QuickTest =>
  (text) =>
    needles.some((needle) => text.includes(needle));

/** The text starts with one of `prefixes` (as they are written). */
export const startsWith =
  (...prefixes: string[]): QuickTest =>
  (text) =>
    prefixes.some((prefix) => text.startsWith(prefix));

/** A quick test asked of the lower-cased text. */
const lowered =
  (test: QuickTest): QuickTest =>
  (text) =>
    test(lowerOf(text));

/** The lower-cased text holds one of `needles` (lower case). */
export const hasLower = (...needles: string[]): QuickTest => lowered(has(...needles));

/** The lower-cased text starts with one of `prefixes` (lower case). */
export const startsLower = (...prefixes: string[]): QuickTest => lowered(startsWith(...prefixes));

/** Both quick tests pass. */
export const both =
  (a: QuickTest, b: QuickTest): QuickTest =>
  (text) =>
    a(text) && b(text);

/** Either quick test passes. */
export const either =
  (a: QuickTest, b: QuickTest): QuickTest =>
  (text) =>
    a(text) || b(text);

/** The text has an ASCII digit (what \d matches, with or without the u flag). */
export const hasDigit: QuickTest = (text) => {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) return true;
  }
  return false;
};

/** The text starts with an ASCII digit. */
export const startsWithDigit: QuickTest = (text) => {
  const c = text.charCodeAt(0);
  return c >= 48 && c <= 57;
};
