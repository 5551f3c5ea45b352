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
  stdoutIsTTY?: boolean;
  stderrIsTTY?: boolean;
  /** Defaults to os.availableParallelism(). */
  cpus?: number;
}
