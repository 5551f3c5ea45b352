/**
 * Counting words with a scan of character codes rather than a regular
 * expression: the sender's and the layout's readings count the words of every
 * sentence and paragraph, and matching /\S+/g made an object per word.
 */

/** Whether a UTF-16 code unit is white space as `\s` reads it. */
export const isSpaceCode = (c: number): boolean => c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;

/** The words of `text` (what /\S+/g matches), counted up to `limit` (enough to tell a short text from a long one): at most limit + 1. */
export function wordCount(text: string, limit = Infinity): number {
  let count = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const space = isSpaceCode(text.charCodeAt(i));
    if (!space && !inWord && ++count > limit) break;
    inWord = !space;
  }
  return count;
}
