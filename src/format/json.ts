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

/**
 * formatNdjson's text in pieces of about `size` characters, made as they are
 * asked for, the result's sentences stringified one at a time: the JSON of a
 * long article is several times the size of its text, and as one string it
 * was copied whole on its way out (stringify, escape, the line end, the bytes
 * written).
 */
export function* ndjsonPieces(result: Outcome, size = PIECE_SIZE): Generator<string> {
  if (isErrorRecord(result)) {
    yield formatNdjson(result);
    return;
  }
  let text = '{';
  let comma = '';
  // JSON.stringify's own order and form: every own key whose value is not undefined.
  for (const [key, value] of Object.entries(result) as [string, unknown][]) {
    if (value === undefined) continue;
    text += `${comma}${JSON.stringify(key)}:`;
    comma = ',';
    if (key !== 'sentences') {
      text += JSON.stringify(value);
      continue;
    }
    text += '[';
    const sentences = value as unknown[];
    for (let i = 0; i < sentences.length; i++) {
      text += (i > 0 ? ',' : '') + JSON.stringify(sentences[i]);
      if (text.length >= size) {
        yield escape(text);
        text = '';
      }
    }
    text += ']';
  }
  yield escape(text + '}\n');
}

/**
 * formatJson's text (with `margin` '  ': jsonArrayItem's) in pieces of about
 * `size` characters, the sentences stringified one at a time, for the same
 * reason as ndjsonPieces: pretty JSON is larger still.
 */
export function* jsonPieces(result: Outcome, margin: '' | '  ' = '', size = PIECE_SIZE): Generator<string> {
  const whole = margin === '' ? formatJson : jsonArrayItem;
  if (isErrorRecord(result)) {
    yield whole(result);
    return;
  }
  const nested = (value: unknown, pad: string): string => JSON.stringify(value, null, 2).replace(/\n/g, `\n${margin}${pad}`);
  let text = `${margin}{`;
  let comma = '';
  for (const [key, value] of Object.entries(result) as [string, unknown][]) {
    if (value === undefined) continue;
    text += `${comma}\n${margin}  ${JSON.stringify(key)}: `;
    comma = ',';
    const sentences = value as unknown[];
    if (key !== 'sentences' || sentences.length === 0) {
      text += nested(value, '  ');
      continue;
    }
    text += '[';
    for (let i = 0; i < sentences.length; i++) {
      text += `${i > 0 ? ',' : ''}\n${margin}    ${nested(sentences[i], '    ')}`;
      if (text.length >= size) {
        yield escape(text);
        text = '';
      }
    }
    text += `\n${margin}  ]`;
  }
  yield escape(`${text}\n${margin}}${margin === '' ? '\n' : ''}`);
}

/** Several outcomes as one pretty-printed JSON array. */
export function formatJsonArray(results: Outcome[]): string {
  if (results.length === 0) return '[]\n';
  return '[\n' + results.map((r) => indent(stringify(r, 2))).join(',\n') + '\n]\n';
}

/** An element of a JSON array, indented as formatJsonArray does, for writing the array piece by piece. */
export const jsonArrayItem = (result: Outcome): string => indent(stringify(result, 2));

const indent = (json: string): string => json.split('\n').map((line) => `  ${line}`).join('\n');
