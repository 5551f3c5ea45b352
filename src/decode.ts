/**
 * Turning an input's bytes into text. Pure: bytes in, text and warnings out.
 *
 * - UTF-8, with or without a byte-order mark.
 * - UTF-16 LE or BE when the input starts with the matching byte-order mark
 *   (UTF-16 without a mark has NUL bytes and is refused as binary).
 * - Bytes that are not valid UTF-8 are decoded as Windows-1252, the encoding
 *   of most legacy Western text (web pages, Word exports, old e-mail), with a
 *   warning. We choose this over refusing: an article with one curly quote
 *   from Word is still worth reading, and the warning tells the user.
 * - Binary input is refused, as grep and ripgrep do: any NUL byte, or more
 *   than 10% control characters in the decoded text.
 *
 * The text has the input's byte-order mark dropped (one: a second mark is
 * text, kept as U+FEFF); result offsets index into it.
 */

export type Encoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface Decoded {
  text: string;
  encoding: Encoding;
  warnings: string[];
}

/** Thrown for input that is not text. */
export class NotTextError extends Error {
  readonly code = 'not-text';
  constructor(readonly reason: string) {
    super(`not a text file (${reason})`);
    this.name = 'NotTextError';
  }
}

/** Windows-1252's 0x80-0x9F; the five bytes it leaves undefined keep their C1 code point. */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

/** Node's TextDecoder('windows-1252') decodes as ISO-8859-1, so the table is applied by hand. */
export function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  const CHUNK = 8192;
  for (let at = 0; at < bytes.length; at += CHUNK) {
    const end = Math.min(bytes.length, at + CHUNK);
    const codes = new Array<number>(end - at);
    for (let i = at; i < end; i++) {
      const b = bytes[i]!;
      codes[i - at] = b >= 0x80 && b < 0xa0 ? CP1252_HIGH[b - 0x80]! : b;
    }
    parts.push(String.fromCharCode(...codes));
  }
  return parts.join('');
}

/** Control characters that plain text does not contain (tab, line ends and form feed excluded). */
function isStrayControl(code: number): boolean {
  return (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0b && code !== 0x0c && code !== 0x0d) || (code >= 0x7f && code < 0xa0);
}

const SAMPLE = 65536;
const MAX_CONTROL_SHARE = 0.1;

/** Refuses text that no article holds (NUL or other control characters), as decode() refuses such files. */
export function checkText(text: string): void {
  if (text.includes('\0')) throw new NotTextError('it contains NUL characters');
  refuseIfBinary(text);
}

function refuseIfBinary(text: string): void {
  const n = Math.min(text.length, SAMPLE);
  if (n === 0) return;
  let controls = 0;
  for (let i = 0; i < n; i++) if (isStrayControl(text.charCodeAt(i))) controls++;
  if (controls / n > MAX_CONTROL_SHARE) {
    throw new NotTextError(`${Math.round((100 * controls) / n)}% of its characters are control characters`);
  }
}

function swapBytes(bytes: Uint8Array): Uint8Array {
  const swapped = new Uint8Array(bytes.length - (bytes.length % 2));
  for (let i = 0; i + 1 < bytes.length; i += 2) {
    swapped[i] = bytes[i + 1]!;
    swapped[i + 1] = bytes[i]!;
  }
  return swapped;
}

/** In a lossy UTF-8 decoding: characters beyond ASCII that were valid, and replacement characters the decoder made. */
function utf8Census(lossy: string, bytes: Uint8Array): { valid: number; invalid: number } {
  let valid = 0;
  let replaced = 0;
  for (let i = 0; i < lossy.length; i++) {
    const c = lossy.charCodeAt(i);
    if (c === 0xfffd) replaced++;
    else if (c >= 0x80) valid++;
  }
  // A U+FFFD written in the file (EF BF BD) was valid, not made by the decoder.
  let written = 0;
  for (let i = 0; i + 2 < bytes.length; i++) if (bytes[i] === 0xef && bytes[i + 1] === 0xbf && bytes[i + 2] === 0xbd) written++;
  return { valid: valid + written, invalid: replaced - written };
}

/** UTF-16 LE code units as text; unpaired surrogates become U+FFFD, with a warning that counts them (as bad UTF-8 bytes get). */
function decodeUtf16le(units: Uint8Array, warnings: string[]): string {
  const text = new TextDecoder('utf-16le', { ignoreBOM: true }).decode(units);
  let replaced = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 0xfffd) replaced++;
  // A U+FFFD written in the file (FD FF) was valid, not made by the decoder.
  let written = 0;
  for (let i = 0; i + 1 < units.length; i += 2) if (units[i] === 0xfd && units[i + 1] === 0xff) written++;
  if (replaced > written) {
    warnings.push(`${replaced - written} unpaired surrogate(s) are not valid UTF-16 and were replaced with U+FFFD (fix or re-save the file as UTF-8 to silence this)`);
  }
  return text;
}

/** The UTF-16 byte order its byte-order mark gives `bytes`, or null when they do not start with one. */
export function utf16Order(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes.length < 2) return null;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  return bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : null;
}

export function decode(bytes: Uint8Array): Decoded {
  if (!(bytes instanceof Uint8Array)) {
    throw new TypeError(`decode(bytes): bytes must be a Uint8Array or Buffer; got ${bytes === null ? 'null' : typeof bytes === 'string' ? 'a string (it is already text: pass it to analyze())' : typeof bytes}`);
  }
  const warnings: string[] = [];
  let text: string;
  let encoding: Encoding;
  const utf16 = utf16Order(bytes);
  if (utf16 === 'utf-16le') {
    encoding = 'utf-16le';
    if (bytes.length % 2 === 1) warnings.push('UTF-16 input has an odd number of bytes; the last byte was dropped');
    text = decodeUtf16le(bytes.subarray(2, bytes.length - (bytes.length % 2)), warnings);
  } else if (utf16 === 'utf-16be') {
    encoding = 'utf-16be';
    if (bytes.length % 2 === 1) warnings.push('UTF-16 input has an odd number of bytes; the last byte was dropped');
    text = decodeUtf16le(swapBytes(bytes.subarray(2)), warnings);
  } else {
    if (bytes.indexOf(0) >= 0) throw new NotTextError('it contains NUL bytes');
    const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
    try {
      text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
      encoding = bom ? 'utf-8-bom' : 'utf-8';
    } catch {
      // Mostly UTF-8 with a few bad bytes stays UTF-8 (the bad bytes become U+FFFD); Windows-1252
      // only where the bytes look like it: high bytes standing alone, never a valid UTF-8 sequence.
      const lossy = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
      const { valid, invalid } = utf8Census(lossy, bytes);
      if (valid > 0 && invalid <= valid) {
        text = lossy;
        encoding = bom ? 'utf-8-bom' : 'utf-8';
        warnings.push(`${invalid} byte sequence(s) are not valid UTF-8 and were replaced with U+FFFD (fix or re-save the file as UTF-8 to silence this)`);
      } else {
        text = decodeWindows1252(bytes);
        encoding = 'windows-1252';
        warnings.push('not valid UTF-8; decoded as Windows-1252 (convert the file to UTF-8 to silence this)');
      }
    }
  }
  // Exactly one byte-order mark is dropped (a UTF-16 one with its bytes above): a second one is text.
  if (encoding === 'utf-8-bom') text = text.slice(1);
  if (encoding.startsWith('utf-16') && text.includes('\0')) throw new NotTextError('it contains NUL characters');
  refuseIfBinary(text);
  return { text, encoding, warnings };
}
