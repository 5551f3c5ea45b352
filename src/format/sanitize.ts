/**
 * Making article text safe to print on a terminal. An article is untrusted:
 * it can carry ANSI escape sequences, OSC 8 hyperlinks, carriage returns,
 * backspaces or BIDI overrides that would rewrite or hide what the user sees.
 * Human formats pass every piece of article text through `safeLine`.
 */

// CSI (ESC [ ... final), OSC (ESC ] ... BEL or ST), other ESC sequences, and the C1 forms of CSI/OSC.
// eslint-disable-next-line no-control-regex
const ESCAPE_SEQUENCE = /\u001b\[[0-?]*[ -/]*[@-~]?|\u001b\][^\u0007\u001b\u009c]*(?:\u0007|\u001b\\|\u009c)?|\u001b[PX^_][^\u001b\u009c]*(?:\u001b\\|\u009c)?|\u001b[ -/]*[0-~]?|\u009b[0-?]*[ -/]*[@-~]?|\u009d[^\u0007\u001b\u009c]*(?:\u0007|\u001b\\|\u009c)?/g;
// eslint-disable-next-line no-control-regex
const WHITESPACE_CONTROL = /[\t\n\v\f\r\u0085\u2028\u2029]+/g;
// C0 and C1 controls, DEL, and every format character (Unicode category Cf: BIDI embeddings, overrides,
// isolates and marks, zero-width spaces and joiners, the soft hyphen, interlinear annotation, tag
// characters), with the unassigned rest of the tag block: none shows on a terminal, some reorder or hide text.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\p{Cf}\u{e0000}-\u{e007f}]/gu;

const visible = (c: string): string => {
  const code = c.codePointAt(0)!;
  const hex = code.toString(16);
  return code < 0x100 ? `\\x${hex.padStart(2, '0')}` : code < 0x10000 ? `\\u${hex.padStart(4, '0')}` : `\\u{${hex}}`;
};

/**
 * One line of article text, safe for a terminal: escape sequences removed,
 * line breaks and tabs turned into single spaces, and any other control or
 * format character (BIDI, zero-width, tag) shown escaped (`\x08`, `\u202e`,
 * `\u{e0041}`) so it is seen, not obeyed or hidden.
 */
export function safeLine(text: string): string {
  return text
    .replace(ESCAPE_SEQUENCE, '')
    .replace(WHITESPACE_CONTROL, ' ')
    .replace(CONTROL, visible)
    .replace(/ {2,}/g, ' ');
}
