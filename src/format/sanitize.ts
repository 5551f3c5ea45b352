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
// C0 and C1 controls, DEL, BIDI embeddings/overrides/isolates and marks.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

const visible = (c: string): string => {
  const code = c.charCodeAt(0);
  return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
};

/**
 * One line of article text, safe for a terminal: escape sequences removed,
 * line breaks and tabs turned into single spaces, and any other control or
 * BIDI formatting character shown escaped (`\x08`, `\u202e`) so it is seen, not obeyed.
 */
export function safeLine(text: string): string {
  return text
    .replace(ESCAPE_SEQUENCE, '')
    .replace(WHITESPACE_CONTROL, ' ')
    .replace(CONTROL, visible)
    .replace(/ {2,}/g, ' ');
}
