import { describe, expect, it } from 'vitest';
import { safeLine } from '../dist/format/sanitize.js';

// Anything a terminal would act on: C0 and C1 controls, DEL, BIDI controls.
// eslint-disable-next-line no-control-regex
export const TERMINAL_ACTIVE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

// Format characters (Unicode category Cf) and tag characters: invisible on a terminal, they hide or reorder text.
export const FORMAT_CHARACTER = /[\p{Cf}\u{e0000}-\u{e007f}]/u;

describe('safeLine', () => {
  it.each([
    ['ANSI colour', 'Moscow \u001b[31mwarns\u001b[0m Tokyo', 'Moscow warns Tokyo'],
    ['cursor movement and clear screen', 'a\u001b[2J\u001b[1;1Hb', 'ab'],
    ['OSC 8 hyperlink (BEL)', '\u001b]8;;https://evil.example\u0007click\u001b]8;;\u0007', 'click'],
    ['OSC 8 hyperlink (ST)', '\u001b]8;;https://evil.example\u001b\\click\u001b]8;;\u001b\\', 'click'],
    ['window title OSC', '\u001b]0;pwned\u0007text', 'text'],
    ['C1 CSI', 'x\u009b31my', 'xy'],
    ['carriage return overwriting a line', 'Moscow is friendly\rMoscow is hostile', 'Moscow is friendly Moscow is hostile'],
    ['CRLF and tabs', 'one\r\ntwo\tthree', 'one two three'],
    ['backspace', 'safe\b\b\b\bevil', 'safe\\x08\\x08\\x08\\x08evil'],
    ['BIDI override', 'abc\u202Edcba\u202C', 'abc\\u202edcba\\u202c'],
    ['BIDI isolate', '\u2066x\u2069', '\\u2066x\\u2069'],
    ['bell and NUL', 'a\u0007b\u0000c', 'a\\x07b\\x00c'],
    ['lone ESC', 'a\u001bb', 'a'],
    ['tag characters (ASCII smuggling)', 'ok\u{e0001}\u{e0041}\u{e007f}\u{e0000}', 'ok\\u{e0001}\\u{e0041}\\u{e007f}\\u{e0000}'],
    ['interlinear annotation', '\ufff9base\ufffaruby\ufffb', '\\ufff9base\\ufffaruby\\ufffb'],
    ['soft hyphen', 'Pyong\u00adyang', 'Pyong\\xadyang'],
    ['Mongolian vowel separator', 'a\u180eb', 'a\\u180eb'],
    ['zero-width space, non-joiner, joiner, word joiner', 'a\u200bb\u200cc\u200dd\u2060e', 'a\\u200bb\\u200cc\\u200dd\\u2060e'],
    ['zero-width no-break space inside text', 'Mos\ufeffcow', 'Mos\\ufeffcow'],
    ['Arabic number sign and other format characters', '\u0600 1\u2064', '\\u0600 1\\u2064'],
  ])('neutralises %s', (_name, input, expected) => {
    const out = safeLine(input);
    expect(out).toBe(expected);
    expect(out).not.toMatch(TERMINAL_ACTIVE);
    expect(out).not.toMatch(FORMAT_CHARACTER);
    expect(out).not.toMatch(/[\r\n]/);
  });

  it('keeps ordinary text, emoji and combining characters', () => {
    const text = 'Seoul’s “Nordpolitik” — café (e\u0301) 🇰🇷 北京';
    expect(safeLine(text)).toBe(text);
  });
});
