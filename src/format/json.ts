/**
 * JSON and NDJSON. The text is kept exactly: JSON escaping already makes it
 * safe to print. Failed inputs are error records, as OUTPUT.md specifies.
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

export function formatJson(result: Outcome): string {
  return JSON.stringify(result, null, 2) + '\n';
}

/** One line of NDJSON. U+2028/U+2029 are escaped too, so every line is one line to any reader. */
export function formatNdjson(result: Outcome): string {
  return JSON.stringify(result).replace(/[\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`) + '\n';
}

/** Several outcomes as one pretty-printed JSON array. */
export function formatJsonArray(results: Outcome[]): string {
  if (results.length === 0) return '[]\n';
  return '[\n' + results.map((r) => indent(JSON.stringify(r, null, 2))).join(',\n') + '\n]\n';
}

/** An element of a JSON array, indented as formatJsonArray does, for writing the array piece by piece. */
export const jsonArrayItem = (result: Outcome): string => indent(JSON.stringify(result, null, 2));

// Split on \n only: JSON.stringify leaves U+2028 raw inside strings, and /^/m would indent after it.
const indent = (json: string): string => json.split('\n').map((line) => `  ${line}`).join('\n');
