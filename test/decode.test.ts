import { describe, expect, it } from 'vitest';
import { decode, decodeWindows1252, NotTextError } from '../dist/decode.js';

const bytes = (...parts: (string | number[])[]): Uint8Array =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))));

describe('decode', () => {
  it('reads UTF-8 without a byte-order mark', () => {
    expect(decode(bytes('Moscow → Tokyo'))).toEqual({ text: 'Moscow → Tokyo', encoding: 'utf-8', warnings: [] });
  });

  it('reads UTF-8 with a byte-order mark and drops the mark', () => {
    const d = decode(bytes([0xef, 0xbb, 0xbf], 'Seoul'));
    expect(d).toEqual({ text: 'Seoul', encoding: 'utf-8-bom', warnings: [] });
  });

  it('drops one byte-order mark, and keeps a second one as text', () => {
    const text = '\ufeff\ufeffRussia warns Japan';
    for (const [input, encoding] of [
      [bytes([0xef, 0xbb, 0xbf], text), 'utf-8-bom'],
      [Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]), 'utf-16le'],
      [Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]), 'utf-16be'],
      [bytes([0xef, 0xbb, 0xbf], text, [0xff]), 'utf-8-bom'],
    ] as const) {
      expect(decode(input).text.replace(/\ufffd$/, '')).toBe(text);
      expect(decode(input).encoding).toBe(encoding);
    }
  });

  it('reads UTF-16 LE and BE with a byte-order mark', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Pyongyang ✓', 'utf16le')]);
    expect(decode(le)).toMatchObject({ text: 'Pyongyang ✓', encoding: 'utf-16le', warnings: [] });
    const be = Buffer.from(Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from('Beijing ✓', 'utf16le').swap16()]));
    expect(decode(be)).toMatchObject({ text: 'Beijing ✓', encoding: 'utf-16be', warnings: [] });
  });

  it('warns when a UTF-16 input has an odd number of bytes', () => {
    const odd = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('ab', 'utf16le'), Buffer.from([0x41])]);
    const d = decode(odd);
    expect(d.text).toBe('ab');
    expect(d.warnings[0]).toMatch(/odd number of bytes/);
  });

  it('warns about unpaired UTF-16 surrogates made U+FFFD, counting them, but not about a U+FFFD written in the file', () => {
    // 'Russia warns ' + a lone high surrogate + 'Japan' + a lone low surrogate + ' ' + U+FFFD as written + ' 😀' (a valid pair)
    const units = [...'Russia warns '].map((c) => c.charCodeAt(0)).concat(0xd800, ...[...'Japan'].map((c) => c.charCodeAt(0)), 0xdc00, 0x20, 0xfffd, 0x20, 0xd83d, 0xde00);
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(Uint16Array.from(units).buffer)]);
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(Uint16Array.from(units).buffer).swap16()]);
    for (const input of [le, be]) {
      const d = decode(input);
      expect(d.text).toBe('Russia warns \ufffdJapan\ufffd \ufffd 😀');
      expect(d.warnings).toEqual(['2 unpaired surrogate(s) are not valid UTF-16 and were replaced with U+FFFD (fix or re-save the file as UTF-8 to silence this)']);
    }
    const written = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('a \ufffd b', 'utf16le')]);
    expect(decode(written).warnings).toEqual([]);
  });

  it('decodes invalid UTF-8 as Windows-1252, with a warning', () => {
    // “Moscow” in Windows-1252 curly quotes, and a euro sign
    const d = decode(bytes([0x93], 'Moscow', [0x94, 0x20, 0x80]));
    expect(d.text).toBe('“Moscow” €');
    expect(d.encoding).toBe('windows-1252');
    expect(d.warnings).toEqual([expect.stringMatching(/not valid UTF-8; decoded as Windows-1252/)]);
  });

  it('keeps mostly-valid UTF-8 as UTF-8, the bad bytes as U+FFFD, with a warning that counts them', () => {
    const good = Buffer.from('Pyongyang\u2019s message to Seoul \u2014 \u201cwarm\u201d. Tokyo\u2019s reply.\n', 'utf8');
    const bad = Buffer.concat([good.subarray(0, 20), Buffer.from([0xff, 0xfe, 0x80]), good.subarray(20)]);
    const d = decode(bad);
    expect(d.encoding).toBe('utf-8');
    expect(d.text).toBe('Pyongyang\u2019s messag\ufffd\ufffd\ufffde to Seoul \u2014 \u201cwarm\u201d. Tokyo\u2019s reply.\n');
    expect(d.warnings).toEqual(['3 byte sequence(s) are not valid UTF-8 and were replaced with U+FFFD (fix or re-save the file as UTF-8 to silence this)']);
  });

  it('maps all of Windows-1252 0x80-0x9F, not ISO-8859-1', () => {
    expect(decodeWindows1252(Uint8Array.from([0x80, 0x85, 0x91, 0x92, 0x96, 0x97, 0x99, 0x41]))).toBe('€…‘’–—™A');
  });

  it('refuses input with NUL bytes as not text', () => {
    expect(() => decode(bytes('PNG', [0, 0, 1, 2]))).toThrow(NotTextError);
    expect(() => decode(bytes('PNG', [0]))).toThrow(/not a text file \(it contains NUL bytes\)/);
  });

  it('refuses mostly non-printable input as not text', () => {
    const noise = Uint8Array.from({ length: 400 }, (_, i) => [1, 2, 3, 0x1b, 0x7f, 0x41][i % 6]!);
    expect(() => decode(noise)).toThrow(/not a text file \(\d+% of its characters are control characters\)/);
  });

  it('accepts text with a few control characters (an article may carry an escape sequence)', () => {
    const d = decode(bytes('Moscow \u001b[31mwarns\u001b[0m Tokyo. '.repeat(20)));
    expect(d.encoding).toBe('utf-8');
  });

  it('accepts empty input', () => {
    expect(decode(new Uint8Array())).toEqual({ text: '', encoding: 'utf-8', warnings: [] });
  });
});
