/**
 * A one-line progress bar on stderr: count, rate and the current input.
 * Drawn only when stderr is a terminal, never with --quiet or for one input.
 */
import type { Writable } from 'node:stream';
import { safeLine } from '../format/sanitize.js';

export interface ProgressState {
  done: number;
  /** null when the inputs are streamed and their number is not known. */
  total: number | null;
  elapsedMs: number;
  current: string;
  columns: number;
}

export function renderProgress({ done, total, elapsedMs, current, columns }: ProgressState): string {
  const rate = elapsedMs > 0 ? (done * 1000) / elapsedMs : 0;
  const count = total === null ? `${done}` : `${done}/${total}`;
  let bar = '';
  if (total !== null && total > 0) {
    const width = 20;
    const filled = Math.round((done / total) * width);
    bar = `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] `;
  }
  const line = `${bar}${count} ${rate.toFixed(1)}/s ${safeLine(current)}`;
  return [...line].slice(0, Math.max(10, columns - 1)).join('');
}

export class Progress {
  private done = 0;
  private last = 0;
  private readonly started = Date.now();
  private drawn = false;

  constructor(
    private readonly stream: Writable & { columns?: number },
    private readonly total: number | null,
  ) {}

  tick(current: string): void {
    this.done++;
    const now = Date.now();
    if (now - this.last < 100 && this.done !== this.total) return;
    this.last = now;
    const line = renderProgress({ done: this.done, total: this.total, elapsedMs: now - this.started, current, columns: this.stream.columns || 80 });
    this.stream.write(`\r\u001b[2K${line}`);
    this.drawn = true;
  }

  /** Clears the bar so that messages and the prompt start on a clean line. */
  clear(): void {
    if (this.drawn) this.stream.write('\r\u001b[2K');
    this.drawn = false;
  }
}
