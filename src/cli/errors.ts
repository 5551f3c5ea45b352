/**
 * The errors the CLI reports as one line: what input, what is wrong, what to
 * do. A UsageError ends the run with exit code 2; an InputError fails one
 * input (exit code 1 at the end, the run goes on).
 */
import { safeLine } from '../format/sanitize.js';

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export class InputError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'InputError';
  }
}

/** The output target could not be written: the run fails (exit 1) with one line naming it. */
export class OutputError extends Error {
  constructor(
    readonly target: string,
    reason: string,
  ) {
    super(reason);
    this.name = 'OutputError';
  }
}

const WRITE_REASONS: Record<string, string> = {
  ENOSPC: 'no space left on device',
  EDQUOT: 'disk quota exceeded',
  EROFS: 'the file system is read-only',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EIO: 'input/output error',
  EFBIG: 'the file is too large for the file system',
  ENOENT: 'its folder does not exist',
  ENOTDIR: 'a part of the path is not a folder',
  EISDIR: 'is a folder',
};

/** Turns a write error on the output target into an OutputError with the reason in words. */
export function outputError(error: unknown, target: string): OutputError {
  if (error instanceof OutputError) return error;
  const code = (error as NodeJS.ErrnoException | undefined)?.code ?? '';
  const message = error instanceof Error ? error.message : String(error);
  return new OutputError(target, WRITE_REASONS[code] ?? message);
}

/** A path as it should appear in a message: terminal-safe, quoted when it has spaces or colons. */
export function showPath(path: string): string {
  const safe = safeLine(path);
  return /[\s:"]/.test(safe) || safe === '' ? JSON.stringify(safe) : safe;
}

/** Turns a file-system error on `path` into an InputError with advice. */
export function fileError(error: unknown, path: string): InputError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  // Node reads names that are not valid UTF-8 with U+FFFD in them: no such name exists to open.
  if ((code === 'ENOENT' || code === 'EILSEQ') && path.includes('\ufffd')) {
    return new InputError('bad-file-name', 'its name is not valid UTF-8 (the bad bytes are shown as \ufffd), so it cannot be opened by that name; rename it to UTF-8');
  }
  switch (code) {
    case 'ENOENT':
      return new InputError('not-found', 'no such file or folder; check the path and the current folder');
    case 'EACCES':
    case 'EPERM':
      return new InputError('permission-denied', 'permission denied; make the file readable (chmod +r) or run as its owner');
    case 'EISDIR':
      return new InputError('is-folder', 'is a folder, not a file; give a file inside it');
    case 'ENOTDIR':
      return new InputError('not-found', 'a part of the path is not a folder; check the path');
    case 'ELOOP':
      return new InputError('symlink-loop', 'too many symbolic links; check where the link points');
    default: {
      const message = error instanceof Error ? error.message : String(error);
      return new InputError('read-error', `cannot read (${safeLine(message.replace(new RegExp(`[,:]? ?'?${escapeRegExp(path)}'?`, 'g'), ''))}); check the file`);
    }
  }
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The one-line message for stderr. The message is made terminal-safe: it can
 * quote an input (JSON.parse errors do) or a key from a user's file.
 */
export const errorLine = (path: string | null, message: string): string => `nkmsg: error: ${path === null ? '' : `${showPath(path)}: `}${safeLine(message)}\n`;

/** A stack trace (NKMSG_DEBUG=1) for stderr: each line made terminal-safe, the line breaks kept. */
export const safeLines = (text: string): string =>
  text
    .split(/\r?\n/)
    .map(safeLine)
    .join('\n');

/**
 * An input's error for stderr. With NKMSG_DEBUG=1 the message of an
 * unexpected failure carries a stack trace after its first line: that part
 * is printed on its own lines, made safe line by line.
 */
export function errorReport(path: string | null, message: string, debug: boolean): string {
  const cut = debug ? message.indexOf('\n') : -1;
  return cut < 0 ? errorLine(path, message) : errorLine(path, message.slice(0, cut)) + safeLines(message.slice(cut + 1)) + '\n';
}
/** A message about an NDJSON record naming its line first ("line 3: ..."), unless it does already ("line 3 is not valid JSON", "line 3: ..."). */
export const namingLine = (line: number | undefined, message: string): string =>
  line === undefined || message.startsWith(`line ${line} `) || message.startsWith(`line ${line}:`) ? message : `line ${line}: ${message}`;

export const warningLine = (path: string | null, message: string, line?: number): string =>
  `nkmsg: warning: ${path === null ? '' : `${showPath(path)}: `}${safeLine(namingLine(line, message))}\n`;
