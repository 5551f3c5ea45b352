/**
 * Where results go. Standard output honours back-pressure and treats EPIPE
 * (the reader went away, as with `| head -1`) as a normal end: the sink
 * closes and the run stops quietly. `--output FILE` writes to a temporary
 * file in the same folder and renames it over FILE only when complete, so
 * an interrupted run never leaves a half-written file.
 */
import { once } from 'node:events';
import { chmod, open, rename, stat, unlink, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Writable } from 'node:stream';
import { randomBytes } from 'node:crypto';

export interface Sink {
  write(text: string): Promise<void>;
  /** True once the reader has gone away; further writes are dropped. */
  readonly closed: boolean;
  /** Completes the output (for a file: the rename). */
  finish(): Promise<void>;
  /** Drops an unfinished output (for a file: removes the temporary file). */
  abort(): Promise<void>;
}

export function streamSink(stream: Writable): Sink {
  let closed = false;
  let failure: Error | null = null;
  const onError = (error: NodeJS.ErrnoException): void => {
    closed = true;
    if (error.code !== 'EPIPE' && error.code !== 'ERR_STREAM_DESTROYED') failure = error;
  };
  stream.on('error', onError);
  return {
    get closed() {
      return closed || stream.destroyed;
    },
    async write(text) {
      if (closed || stream.destroyed || text === '') return;
      if (!stream.write(text)) {
        await Promise.race([once(stream, 'drain'), once(stream, 'close')]).catch(() => undefined);
      }
      if (failure) throw failure;
    },
    async finish() {
      if (failure) throw failure;
    },
    async abort() {},
  };
}

/** A sink that becomes `target` atomically. */
export async function atomicFileSink(target: string): Promise<Sink> {
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  let mode: number | null = null;
  try {
    mode = (await stat(target)).mode & 0o7777;
  } catch {
    mode = null;
  }
  const handle: FileHandle = await open(temp, 'wx', 0o666);
  let done = false;
  return {
    closed: false,
    async write(text) {
      await handle.write(text);
    },
    async finish() {
      await handle.sync();
      await handle.close();
      if (mode !== null) await chmod(temp, mode);
      await rename(temp, target);
      done = true;
    },
    async abort() {
      if (done) return;
      await handle.close().catch(() => undefined);
      await unlink(temp).catch(() => undefined);
    },
  };
}
