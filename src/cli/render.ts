/**
 * Turning one outcome into its piece of the output. Runs where the analysis
 * ran, so a worker thread hands back a string rather than a large result
 * object for the main thread to copy and format.
 */
import type { Chalk, ColorSupportLevel } from 'chalk';
import { digestOf } from '../collection/digest.js';
import { csvRows } from '../format/csv.js';
import type { Format as OutputFormat } from '../format/framing.js';
import { formatExplain } from '../format/explain.js';
import { isErrorRecord, jsonPieces, ndjsonPieces, type Outcome } from '../format/json.js';
import { formatMarkdown } from '../format/markdown.js';
import { plain, type Palette } from '../format/options.js';
import { formatText } from '../format/text.js';

/** The output formats, and `digest`: what `nkmsg report` keeps of an article (collection/digest.ts). */
export type Format = OutputFormat | 'digest';

export interface RenderSettings {
  format: Format;
  explain: boolean;
  colorLevel: ColorSupportLevel;
  /** One input with --format json: the object itself rather than an element of an array. */
  single: boolean;
  /** With the digest format: evidence sentences kept per dyad and stance. */
  evidence?: number;
}

/** An input's piece of the output and what the main thread reports about it. */
export interface Rendered {
  error: { code: string; message: string } | null;
  warnings: string[];
  /** The formatted output for this input ('' where the format shows nothing for a failure). */
  text: string;
  /**
   * The rest of it, written after `text` piece by piece: a JSON or NDJSON
   * result, made as it is written (a worker hands back the pieces made).
   */
  more?: Iterable<string>;
}

let loadedChalk: typeof Chalk | undefined;

/**
 * Loads chalk where `level` asks for colour (a terminal, --color): a colourless
 * run, as most are, does without it (importing it costs a cold start some 40 million
 * instructions, about 2 %).
 * Called before paletteFor, in each thread that renders.
 */
export async function loadPalette(level: ColorSupportLevel): Promise<void> {
  if (level > 0) loadedChalk ??= (await import('chalk')).Chalk;
}

/** The colours of `level`: plain (format/options.ts) at 0, else chalk's, which loadPalette loaded. */
export function paletteFor(level: ColorSupportLevel): Palette {
  if (level === 0) return plain;
  if (loadedChalk === undefined) throw new Error(`colour level ${level} was asked for before loadPalette`);
  return new loadedChalk({ level });
}

export function render(outcome: Outcome, settings: RenderSettings): Rendered {
  const failed = isErrorRecord(outcome);
  const chalk = paletteFor(settings.colorLevel);
  let text = '';
  let more: Iterable<string> | undefined;
  switch (settings.format) {
    case 'json':
    case 'ndjson': {
      // A failed input is an error record in every machine format, also alone with --json.
      const pieces = settings.format === 'ndjson' ? ndjsonPieces(outcome) : jsonPieces(outcome, settings.single ? '' : '  ');
      text = pieces.next().value ?? '';
      more = pieces;
      break;
    }
    case 'csv':
      text = csvRows(outcome);
      break;
    case 'markdown':
      text = failed ? '' : formatMarkdown(outcome);
      break;
    case 'digest':
      text = failed ? '' : JSON.stringify(digestOf(outcome, settings.evidence ?? 5));
      break;
    default:
      text = failed ? '' : formatText(outcome, { chalk }) + (settings.explain ? '\n' + formatExplain(outcome, { chalk }) : '');
  }
  return { error: failed ? outcome.error : null, warnings: failed ? [] : outcome.warnings, text, ...(more ? { more } : {}) };
}
