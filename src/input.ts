/**
 * One input, end to end and without I/O: bytes (decoded here) or text in,
 * the analysis result or the input's error record out. It never throws, so
 * a batch goes on past a bad input. The CLI (in process and in its worker
 * threads) runs every input through it.
 */
import type { ActorSet } from './actors.js';
import { analyze } from './analyze.js';
import { decode, NotTextError } from './decode.js';
import type { ErrorRecord, Outcome } from './format/json.js';
import { sha256 } from './hash.js';

/** Where an input came from: its file (or "-"), and its NDJSON record's id, line, date and source. */
export interface InputOrigin {
  path: string;
  id?: string | number;
  line?: number;
  date?: string;
  source?: string;
}

export type InputContent =
  /** Bytes as read; `sha256` when they were already hashed. */
  | { bytes: Uint8Array; sha256?: string }
  /** Text already decoded (an NDJSON record's "text"), with warnings about how it was read. */
  | { text: string; warnings?: string[] };

export interface InputSettings {
  actorSet?: ActorSet;
  sender?: string;
  top?: number;
  asOf?: string;
  explain?: boolean;
  /** Inputs larger than this many bytes are refused (error code "too-large"). */
  maxBytes?: number;
  /** Put the stack of an unexpected failure into its error record. */
  debug?: boolean;
  /** analyze()'s progress callback. */
  onProgress?: (read: number, length: number) => void;
}

export { sha256 };

/** The error record of a failed input, as OUTPUT.md specifies it. */
export function errorRecord(origin: Pick<InputOrigin, 'path' | 'id' | 'line'>, code: string, message: string): ErrorRecord {
  const input: ErrorRecord['input'] = { path: origin.path };
  if (origin.id !== undefined) input.id = origin.id;
  if (origin.line !== undefined) input.line = origin.line;
  return { schemaVersion: 1, input, error: { code, message } };
}

/** "1.5 MiB", "300 KiB", "12 bytes". */
export function formatBytes(n: number): string {
  if (n < 1024) return n === 1 ? '1 byte' : `${n} bytes`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1).replace(/\.0$/, '')} KiB`;
  return `${(n / 1024 / 1024).toFixed(1).replace(/\.0$/, '')} MiB`;
}

/** "21,000,000 bytes": exact, for where rounding would hide a difference. */
const exactBytes = (n: number): string => `${String(n).replace(/\B(?=(\d{3})+$)/g, ',')} bytes`;

/**
 * Why an input over --max-bytes is refused. `size` is null where only a bound is known (a stream
 * read until it passed the limit). Two sizes that round to one figure are given in bytes.
 */
export function tooLargeMessage(size: number | null, maxBytes: number): string {
  const advice = 'raise --max-bytes or split the input';
  if (size === null) return `is more than ${formatBytes(maxBytes)}, the --max-bytes limit; ${advice}`;
  const sameWhenRounded = formatBytes(size) === formatBytes(maxBytes);
  const show = sameWhenRounded ? exactBytes : formatBytes;
  return `is ${show(size)}, over the --max-bytes limit of ${show(maxBytes)}; ${advice}`;
}

/** The start of nkmsg's own JSON output, a result or an error record (alone, in an array or a line of NDJSON): no article. */
const NKMSG_JSON = /^\s*\[?\s*\{\s*"schemaVersion"\s*:\s*\d+\s*,\s*"(?:tool|input)"\s*:/;
/** The actor table's header of nkmsg's text and Markdown output (format/text.ts, format/markdown.ts). */
const NKMSG_REPORT = /^(?:Actor +Mentions +Tally +coop\/conf\/neut +Posture(?: \(likelihood\))?|\| Actor \| Mentions \| Cooperative \| Conflictual \| Neutral \| Posture \|)$/m;

/** Why `text` is nkmsg's own output rather than an article (an earlier run's, read back from a folder), or null. */
export function ownOutput(text: string): string | null {
  if (NKMSG_JSON.test(text.slice(0, 200).replace(/^\uFEFF/, ''))) return "is nkmsg's own JSON output (saved results), not an article; to report on saved results give them to nkmsg report --from-results";
  if (NKMSG_REPORT.test(text.slice(0, 4096))) return "is nkmsg's own text or Markdown output, not an article; keep results apart from the articles, or leave this file out";
  return null;
}

export function analyzeInput(origin: InputOrigin, content: InputContent, settings: InputSettings = {}): Outcome {
  const maxBytes = settings.maxBytes ?? Number.POSITIVE_INFINITY;
  try {
    let text: string;
    let info: { bytes: number; encoding: string; sha256: string };
    const warnings: string[] = [];
    if ('text' in content) {
      text = content.text;
      const bytes = Buffer.byteLength(text, 'utf8');
      if (bytes > maxBytes) return errorRecord(origin, 'too-large', tooLargeMessage(bytes, maxBytes));
      info = { bytes, encoding: 'utf-8', sha256: sha256(text) };
      warnings.push(...(content.warnings ?? []));
    } else {
      if (content.bytes.length > maxBytes) return errorRecord(origin, 'too-large', tooLargeMessage(content.bytes.length, maxBytes));
      const decoded = decode(content.bytes);
      // decode() dropped the byte-order mark, and analyze() drops a leading one of the text it is given: a second
      // mark, which is text, is handed over behind one for analyze() to drop, so that one is dropped in all.
      text = decoded.text.charCodeAt(0) === 0xfeff ? `\ufeff${decoded.text}` : decoded.text;
      info = { bytes: content.bytes.length, encoding: decoded.encoding, sha256: content.sha256 ?? sha256(content.bytes) };
      warnings.push(...decoded.warnings);
    }
    const own = ownOutput(text);
    if (own !== null) return errorRecord(origin, 'nkmsg-output', own);
    const result = analyze(text, {
      ...(settings.actorSet !== undefined ? { actorSet: settings.actorSet } : {}),
      ...(settings.sender !== undefined ? { sender: settings.sender } : {}),
      ...(settings.top !== undefined ? { top: settings.top } : {}),
      ...(settings.explain ? { explain: true } : {}),
      ...(settings.asOf !== undefined ? { asOf: settings.asOf } : {}),
      ...(settings.onProgress !== undefined ? { onProgress: settings.onProgress } : {}),
      input: { ...origin, ...info },
    });
    if (warnings.length > 0) result.warnings = [...warnings, ...result.warnings];
    return result;
  } catch (error) {
    if (error instanceof NotTextError) return errorRecord(origin, error.code, `${error.message}; give a plain-text article (UTF-8, UTF-16 with a byte-order mark, or Windows-1252)`);
    const message = error instanceof Error ? error.message : String(error);
    const detail = settings.debug && error instanceof Error && error.stack ? `\n${error.stack}` : '';
    return errorRecord(origin, 'analysis-failed', `the analysis failed (${message}); please report this with the input${detail}`);
  }
}
