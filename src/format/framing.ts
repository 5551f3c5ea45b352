/**
 * The output formats, and how each frames a run's pieces: the JSON array's
 * brackets and commas, CSV's one header, the blank line between Markdown
 * reports and the rule between text reports. Each input's piece is rendered
 * where it was analysed; framing only places pieces in the output.
 */
import { csvHeader } from './csv.js';

export const FORMATS = ['text', 'json', 'ndjson', 'markdown', 'csv'] as const;
export type Format = (typeof FORMATS)[number];

/** The format an --output name's extension implies (`byExtension`: ".json" -> "json", ...), or null for other names. */
export function formatNamedBy<F extends string>(name: string, byExtension: Record<string, F>): F | null {
  const lower = name.toLowerCase();
  for (const [extension, format] of Object.entries(byExtension)) if (lower.endsWith(extension)) return format;
  return null;
}

/** What framing needs to know of a piece and of the run so far. */
export interface PieceState {
  /** No piece has been written yet. */
  first: boolean;
  /** The piece is a failed input's (an error record, or nothing in the human formats). */
  failed: boolean;
  /** Inputs analysed so far, this one included. */
  analysed: number;
}

export interface Framing {
  /** The text to write for a piece. */
  piece(text: string, state: PieceState): string;
  /** The text that closes the output after `written` pieces. */
  end(written: number): string;
}

/**
 * @param single one input with --format json: the object itself, not an array.
 * @param rule the line between two text reports (coloured by the caller).
 */
export function framingOf(format: Format, options: { single: boolean; rule: string }): Framing {
  switch (format) {
    case 'json':
      return {
        piece: (text, { first }) => (options.single ? text : (first ? '[\n' : ',\n') + text),
        end: (written) => (options.single ? '' : written === 0 ? '[]\n' : '\n]\n'),
      };
    case 'csv':
      return { piece: (text, { first }) => (first ? csvHeader() : '') + text, end: (written) => (written === 0 ? csvHeader() : '') };
    case 'markdown':
      return { piece: (text, { failed, analysed }) => (failed ? '' : (analysed > 1 ? '\n' : '') + text), end: () => '' };
    case 'text':
      return { piece: (text, { failed, analysed }) => (failed ? '' : (analysed > 1 ? `\n${options.rule}\n\n` : '') + text), end: () => '' };
    case 'ndjson':
      return { piece: (text) => text, end: () => '' };
  }
}
