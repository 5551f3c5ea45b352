/**
 * CSV: one row per (input, actor) with the tally, posture and message
 * verdict; a failed input is one row with its error. RFC 4180: CRLF line
 * ends, fields quoted when they hold a comma, quote or line break.
 * Text from an article is made single-line and control-free, and a cell
 * that a spreadsheet would read as a formula (= + - @) gets a leading
 * apostrophe, so opening the file cannot run anything.
 */
import type { AnalysisResult } from '../types.js';
import type { ErrorRecord } from './json.js';
import { safeLine } from './sanitize.js';

export const CSV_COLUMNS = [
  'input',
  'id',
  'title',
  'date',
  'sender',
  'actor',
  'name',
  'mentions',
  'sentences',
  'cooperative',
  'conflictual',
  'neutral',
  'posture',
  'verdict',
  'error',
] as const;

type Cell = string | number | null | undefined;

/** One RFC 4180 field. */
export function csvField(value: Cell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  let text = safeLine(value);
  if (/^[=+\-@]/.test(text) && !/^[+-]?\d+(?:\.\d+)?$/.test(text) && text !== '-') text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const row = (cells: Cell[]): string => cells.map(csvField).join(',') + '\r\n';

export const csvHeader = (): string => row([...CSV_COLUMNS]);

/** The rows of one result (no header). */
export function csvRows(result: AnalysisResult | ErrorRecord): string {
  if ('error' in result) {
    const cells: Cell[] = CSV_COLUMNS.map(() => null);
    cells[0] = result.input.path;
    cells[1] = result.input.id === undefined ? null : String(result.input.id);
    cells[CSV_COLUMNS.length - 1] = `${result.error.code}: ${result.error.message}`;
    return row(cells);
  }
  const id = result.input.id === undefined ? null : String(result.input.id);
  return result.actors
    .map((a) =>
      row([
        result.input.path,
        id,
        result.meta.title,
        result.meta.date,
        result.sender,
        a.id,
        a.name,
        a.mentions,
        a.sentences,
        a.tally.cooperative,
        a.tally.conflictual,
        a.tally.neutral,
        a.posture,
        a.message?.verdict ?? null,
        null,
      ]),
    )
    .join('');
}

/** A whole CSV document for the given results. */
export function formatCsv(results: (AnalysisResult | ErrorRecord)[]): string {
  return csvHeader() + results.map(csvRows).join('');
}
