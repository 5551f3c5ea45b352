/**
 * JSON and NDJSON. The text is kept exactly: JSON escapes C0 controls, and
 * we also write C1 controls, DEL, BIDI controls and U+2028/U+2029 as \u
 * escapes, so the output is plain to any terminal and every NDJSON record is
 * one line to any reader, while parsing gives back the exact text.
 * Failed inputs are error records, as OUTPUT.md specifies.
 */
import type { AnalysisResult } from '../types.js';

/** What a failed input yields in JSON and NDJSON output. */
export interface ErrorRecord {
  schemaVersion: 1;
  input: { path: string; id?: string | number; line?: number };
  error: { code: string; message: string };
}

export type Outcome = AnalysisResult | ErrorRecord;

export const isErrorRecord = (outcome: Outcome): outcome is ErrorRecord => 'error' in outcome;

// These characters can only occur inside JSON strings, where a \u escape means the same.
const UNPRINTABLE = /[\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g;
const escape = (json: string): string => json.replace(UNPRINTABLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
const stringify = (value: unknown, indent?: number): string => escape(JSON.stringify(value, null, indent));

export function formatJson(result: Outcome): string {
  return stringify(result, 2) + '\n';
}

/** Any value as pretty JSON, with the same escapes as results: the one JSON writer of the CLI. */
export const formatJsonValue = (value: unknown): string => stringify(value, 2) + '\n';

/** One line of NDJSON. */
export function formatNdjson(result: Outcome): string {
  return stringify(result) + '\n';
}

/** Characters of NDJSON gathered before a piece is handed on. */
const PIECE_SIZE = 1 << 20;

/** How a result is laid out: compact (NDJSON) or pretty, at a margin, and what ends it. */
interface Layout {
  /** '' for compact JSON, else one level of indentation. */
  indent: '' | '  ';
  margin: '' | '  ';
  end: '' | '\n';
  /** The same text made whole, for an error record (small, and made at once). */
  whole: (result: Outcome) => string;
}

/**
 * A result's text in pieces of about `size` characters, made as they are
 * asked for, its sentences stringified one at a time: the JSON of a long
 * article is several times the size of its text, and as one string it was
 * copied whole on its way out (stringify, escape, the line end, the bytes
 * written). Joined, the pieces are exactly `layout.whole(result)`.
 */
function* pieces(result: Outcome, layout: Layout, size: number): Generator<string> {
  if (isErrorRecord(result)) {
    yield layout.whole(result);
    return;
  }
  const { indent, margin } = layout;
  const newline = (depth: number): string => (indent === '' ? '' : `\n${margin}${indent.repeat(depth)}`);
  const at = (value: unknown, depth: number): string =>
    indent === '' ? JSON.stringify(value) : JSON.stringify(value, null, indent).replace(/\n/g, newline(depth));
  let text = `${margin}{`;
  let comma = '';
  // JSON.stringify's own order and form: every own key whose value is not undefined.
  for (const [key, value] of Object.entries(result) as [string, unknown][]) {
    if (value === undefined) continue;
    text += `${comma}${newline(1)}${JSON.stringify(key)}:${indent === '' ? '' : ' '}`;
    comma = ',';
    const sentences = value as unknown[];
    if (key !== 'sentences' || sentences.length === 0) {
      text += at(value, 1);
      continue;
    }
    text += '[';
    for (let i = 0; i < sentences.length; i++) {
      text += `${i > 0 ? ',' : ''}${newline(2)}${at(sentences[i], 2)}`;
      if (text.length >= size) {
        yield escape(text);
        text = '';
      }
    }
    text += `${newline(1)}]`;
  }
  yield escape(`${text}${newline(0)}}${layout.end}`);
}

/** formatNdjson's text in pieces (see `pieces`). */
export const ndjsonPieces = (result: Outcome, size = PIECE_SIZE): Generator<string> =>
  pieces(result, { indent: '', margin: '', end: '\n', whole: formatNdjson }, size);

/** formatJson's text (with `margin` '  ': jsonArrayItem's) in pieces (see `pieces`): pretty JSON is larger still. */
export const jsonPieces = (result: Outcome, margin: '' | '  ' = '', size = PIECE_SIZE): Generator<string> =>
  pieces(result, margin === '' ? { indent: '  ', margin, end: '\n', whole: formatJson } : { indent: '  ', margin, end: '', whole: jsonArrayItem }, size);

/** Several outcomes as one pretty-printed JSON array. */
export function formatJsonArray(results: Outcome[]): string {
  if (results.length === 0) return '[]\n';
  return '[\n' + results.map((r) => indent(stringify(r, 2))).join(',\n') + '\n]\n';
}

/** An element of a JSON array, indented as formatJsonArray does, for writing the array piece by piece. */
export const jsonArrayItem = (result: Outcome): string => indent(stringify(result, 2));

const indent = (json: string): string => json.split('\n').map((line) => `  ${line}`).join('\n');
