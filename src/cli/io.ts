/** What the CLI is given instead of reaching for `process`: streams, environment and terminal facts. */
import type { Readable, Writable } from 'node:stream';

export interface CliIO {
  /** Arguments after the program name, e.g. ["analyze", "a.txt"]. */
  argv: string[];
  /** Read only when an input is "-" or piped; the bin passes a getter so an unused stdin is never opened. */
  stdin: Readable;
  stdout: Writable;
  stderr: Writable;
  env: Record<string, string | undefined>;
  stdinIsTTY?: boolean;
  /** The file standard input is redirected from (`< FILE`), if it is a regular file: so that --output never replaces it. */
  stdinFile?: () => FileIdentity | null;
  /** The file standard output is redirected to (`> FILE`), if it is a regular file: so that a folder's walk never reads it back as an article. */
  stdoutFile?: () => FileIdentity | null;
  stdoutIsTTY?: boolean;
  stderrIsTTY?: boolean;
  /** The cores (os.availableParallelism() unless given); --jobs defaults to one less. */
  cpus?: number;
}

/** What makes a file the same file whatever path names it. */
export interface FileIdentity {
  dev: number;
  ino: number;
}
