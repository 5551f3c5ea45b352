/**
 * Where results go. Standard output honours back-pressure and treats EPIPE
 * (the reader went away, as with `| head -1`) as a normal end: the sink
 * closes and the run stops quietly.
 *
 * `--output FILE`:
 * - a new or regular file is written to a temporary file in the same folder
 *   and renamed over FILE only when complete, so an interrupted run never
 *   leaves a half-written file and an existing file keeps its mode;
 * - a symbolic link is followed: the file it points to is replaced that
 *   way, and the link stays a link;
 * - anything else that exists (a FIFO, a device such as /dev/null or
 *   /dev/stdout) is opened and written as a stream, never replaced.
 */
import { constants, unlinkSync, write as fsWrite } from 'node:fs';
import { OutputError, outputError, showPath } from './errors.js';
import { once } from 'node:events';
import { access, chmod, chown, lstat, open, readdir, readFile, readlink, rename, stat, unlink, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join, resolve, sep } from 'node:path';
import type { Writable } from 'node:stream';
import { createHash, randomBytes } from 'node:crypto';
import { hostname } from 'node:os';

export interface Sink {
  write(text: string): Promise<void>;
  /** True once the reader has gone away; further writes are dropped. */
  readonly closed: boolean;
  /** True when nothing reaches the target before finish() (a temporary file renamed into place), so abort() leaves it as it was. */
  readonly atomic: boolean;
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
    atomic: false,
    get closed() {
      return closed || stream.destroyed;
    },
    async write(text) {
      if (closed || stream.destroyed || text === '') return;
      if (!stream.write(text)) {
        // Wait for whichever comes first, then drop the other listener (each wait would otherwise leave one behind).
        const stop = new AbortController();
        const event = (name: string): Promise<void> => once(stream, name, { signal: stop.signal }).then(
          () => undefined,
          () => undefined,
        );
        await Promise.race([event('drain'), event('close')]);
        stop.abort();
      }
      if (failure) throw failure;
    },
    async finish() {
      if (failure) throw failure;
    },
    async abort() {},
  };
}

/** All of `text`, however many writes it takes. */
async function writeAll(handle: FileHandle, text: string): Promise<void> {
  const data = Buffer.from(text, 'utf8');
  for (let offset = 0; offset < data.length; ) {
    const { bytesWritten } = await handle.write(data, offset, data.length - offset, null);
    offset += bytesWritten;
  }
}

/** The path a chain of symbolic links finally names; it need not exist yet (a dangling link). */
export async function followLinks(path: string): Promise<string> {
  let current = path;
  for (let hops = 0; hops < 40; hops++) {
    const info = await lstat(current).catch(() => null);
    if (!info?.isSymbolicLink()) return current;
    current = resolve(dirname(current), await readlink(current));
  }
  throw Object.assign(new Error(`too many symbolic links: ${path}`), { code: 'ELOOP' });
}

/** Why a file may not be written by replacing it: the file is read-only for the user, or its folder is. */
export type WriteRefusal = 'file' | 'folder';

/**
 * Whether a new file may be renamed over `path`, from what access(2) says for the effective user
 * (so root may, as it may write the file itself). A file the user cannot write is refused: the
 * rename would replace it all the same, going round its permissions. A FIFO or a device is
 * written to as it is, so only a regular file or a new one needs a writable folder.
 */
export function writeRefusal(target: { kind: 'file' | 'none' | 'other'; fileWritable: boolean; folderWritable: boolean }): WriteRefusal | null {
  if (target.kind === 'file' && !target.fileWritable) return 'file';
  if (target.kind !== 'other' && !target.folderWritable) return 'folder';
  return null;
}

/** writeRefusal() for the file `target` names, links followed (the folder is the one the temporary file goes to). */
export async function whyNotWritable(target: string): Promise<WriteRefusal | null> {
  const path = await followLinks(target);
  const info = await stat(path).catch(() => null);
  // Only a refusal counts: a folder that is missing is for the write to report as it is.
  const writable = (p: string): Promise<boolean> =>
    access(p, constants.W_OK).then(
      () => true,
      (error: NodeJS.ErrnoException) => !['EACCES', 'EPERM', 'EROFS'].includes(error.code ?? ''),
    );
  return writeRefusal({
    kind: info === null ? 'none' : info.isFile() ? 'file' : 'other',
    fileWritable: info?.isFile() === true && (await writable(path)),
    folderWritable: await writable(dirname(path)),
  });
}

/**
 * Why no file can be made at `target`, in words, or null: a name ending in "/" names a folder,
 * and the folders before the name must all exist. A folder that cannot be searched is left for
 * whyNotWritable() to refuse.
 */
export async function whyNoFileAt(target: string): Promise<string | null> {
  if (target.endsWith('/') || target.endsWith(sep)) return 'names a folder (it ends in "/"); give a file name';
  for (let folder = dirname(target); ; folder = dirname(folder)) {
    const info = await stat(folder).catch((error: NodeJS.ErrnoException) => error.code ?? 'error');
    if (typeof info === 'string' && info !== 'ENOENT' && info !== 'ENOTDIR') return null;
    if (typeof info !== 'string') {
      if (!info.isDirectory()) return `${showPath(folder)} is ${info.isFile() ? 'a file' : 'not a folder'}, so no file can be made inside it; give a path through folders`;
      return folder === dirname(target) ? null : 'its folder does not exist; create it first';
    }
    if (dirname(folder) === folder) return 'its folder does not exist; create it first';
  }
}

/** The sink for --output FILE (and for expectation files): see the top of this file. */
export async function fileSink(target: string): Promise<Sink> {
  try {
    return guarded(await openSink(target), target);
  } catch (error) {
    throw await openError(error, target);
  }
}

/** Why the sink could not be opened. ENOENT is also what a folder that exists but takes no new files (/proc, /sys) answers. */
async function openError(error: unknown, target: string): Promise<OutputError> {
  if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
    const folder = await followLinks(target)
      .then((path) => stat(dirname(path)))
      .catch(() => null);
    if (folder?.isDirectory()) {
      return new OutputError(target, 'its folder takes no new files (a special file system such as /proc), and the output is first written to a new file beside it; choose a file in an ordinary folder');
    }
  }
  return outputError(error, target);
}

/** Every write error of a sink becomes an OutputError naming the target; the temporary file goes. */
function guarded(sink: Sink, target: string): Sink {
  const fail = async (error: unknown): Promise<never> => {
    await sink.abort().catch(() => undefined);
    throw outputError(error, target);
  };
  return {
    atomic: sink.atomic,
    get closed() {
      return sink.closed;
    },
    write: (text) => sink.write(text).catch(fail),
    finish: () => sink.finish().catch(fail),
    abort: () => sink.abort(),
  };
}

/**
 * The sink for --resume: records appended to FILE (created when missing) as
 * they come, each with one write and no buffer in between, so a killed run
 * leaves whole lines but for the one being written. finish() syncs it to disk.
 */
export async function appendSink(target: string): Promise<Sink> {
  let handle: FileHandle;
  try {
    handle = await open(target, 'a', 0o666);
  } catch (error) {
    throw outputError(error, target);
  }
  let isOpen = true;
  const close = async (sync: boolean): Promise<void> => {
    if (!isOpen) return;
    isOpen = false;
    if (sync) await handle.sync();
    await handle.close();
  };
  return guarded(
    {
      atomic: false,
      closed: false,
      write: (text) => writeAll(handle, text),
      finish: () => close(true),
      abort: () => close(false).catch(() => undefined),
    },
    target,
  );
}

/** /dev/stdout, /dev/stderr, /dev/fd/N, /proc/self/fd/N: a descriptor the shell opened, written as a stream. */
const DESCRIPTOR = /^\/(?:dev\/(stdout|stderr)|dev\/fd\/(\d+)|proc\/self\/fd\/(\d+))$/;
export const isDescriptor = (target: string): boolean => DESCRIPTOR.test(target);

/** The descriptor a --output of /dev/fd/N (and the like) names, or null for a path. */
const descriptorOf = (target: string): number | null => {
  const descriptor = DESCRIPTOR.exec(target);
  return descriptor === null ? null : descriptor[1] === 'stdout' ? 1 : descriptor[1] === 'stderr' ? 2 : Number(descriptor[2] ?? descriptor[3]);
};

/** Standard input's names: a result written there would replace (or be lost to) what the run may read. */
const STANDARD_INPUT = /^\/(?:dev\/stdin|dev\/fd\/0|proc\/self\/fd\/0)$/;

/**
 * Why an --output descriptor cannot take the results, or null: one that is not open, that is
 * open only for reading, or that is Node's own (an event queue, or a pipe whose two ends are
 * both this process's), which the shell never handed over and whose writing would break the
 * process. Read from /proc where there is one; elsewhere only whether it is open.
 */
export async function whyNoDescriptor(target: string): Promise<string | null> {
  if (STANDARD_INPUT.test(target)) return 'is standard input; give a file, or /dev/stdout';
  const fd = descriptorOf(target);
  if (fd === null || fd <= 2) return null;
  const notOpen = `names descriptor ${fd}, which the shell did not open for this run; open it (${fd}>FILE) or give a file`;
  const link = await readlink(`/proc/self/fd/${fd}`).catch((error: NodeJS.ErrnoException) => error.code ?? 'error');
  if (link === 'ENOENT' || link === 'EBADF') return notOpen;
  if (typeof link !== 'string' || link === 'error') {
    // No /proc: whether it is open is all that can be told.
    return (await stat(target).then(() => true, () => false)) ? null : notOpen;
  }
  if (link.startsWith('anon_inode:')) return notOpen;
  if (!(await writable(fd))) return `names descriptor ${fd}, which is open for reading only; open it for writing (${fd}>FILE)`;
  if (link.startsWith('pipe:')) {
    // A pipe this process also reads from is Node's own; the shell's (3> >(cmd)) is only written to here.
    for (const other of await readdir('/proc/self/fd').catch(() => [] as string[])) {
      if (Number(other) !== fd && (await readlink(`/proc/self/fd/${other}`).catch(() => '')) === link && !(await writable(Number(other)))) return notOpen;
    }
  }
  return null;
}

/** Whether descriptor `fd` is open for writing, by its flags in /proc (true where they cannot be read). */
async function writable(fd: number): Promise<boolean> {
  const flags = /^flags:\s*([0-7]+)/m.exec(await readFile(`/proc/self/fdinfo/${fd}`, 'utf8').catch(() => ''));
  return flags === null || (parseInt(flags[1]!, 8) & 3) !== 0;
}

async function openSink(target: string): Promise<Sink> {
  const fd = descriptorOf(target);
  if (fd !== null) return descriptorSink(fd);
  const path = await followLinks(target);
  const info = await stat(path).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw error;
  });
  if (info !== null && !info.isFile()) return directSink(await open(path, 'w'));
  return atomicSink(path, info === null ? null : { mode: info.mode & 0o7777, uid: info.uid, gid: info.gid });
}

/**
 * Written as it goes, through `writeText`; a reader that goes away (EPIPE) ends the output
 * quietly, as on stdout. `close` runs once, on finish or abort.
 */
function streamingSink(writeText: (text: string) => Promise<void>, close: () => Promise<void>): Sink {
  let closed = false;
  let open = true;
  const closeOnce = async (): Promise<void> => {
    if (!open) return;
    open = false;
    await close();
  };
  return {
    atomic: false,
    get closed() {
      return closed;
    },
    async write(text) {
      if (closed || text === '') return;
      try {
        await writeText(text);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EPIPE') throw error;
        closed = true;
      }
    },
    finish: closeOnce,
    async abort() {
      await closeOnce().catch(() => undefined);
    },
  };
}

/**
 * Written straight to a descriptor the shell opened (`-o /dev/stdout >> log.txt` appends to the
 * log as the shell set it up; nothing is renamed over it, and the descriptor is not closed).
 */
function descriptorSink(fd: number): Sink {
  const writeChunk = (buffer: Buffer, offset: number): Promise<number> =>
    new Promise((done, fail) => fsWrite(fd, buffer, offset, buffer.length - offset, null, (error, n) => (error ? fail(error) : done(n))));
  return streamingSink(
    async (text) => {
      const buffer = Buffer.from(text, 'utf8');
      for (let at = 0; at < buffer.length; ) at += await writeChunk(buffer, at);
    },
    async () => {},
  );
}

/** Written as it goes: a FIFO or a device. */
const directSink = (handle: FileHandle): Sink => streamingSink((text) => writeAll(handle, text), () => handle.close());

/** Temporary files being written: removed on SIGINT, SIGTERM or SIGHUP. */
const liveTemporaryFiles = new Set<string>();
let signalsHandled = false;

/** From the first temporary file on: an interrupted run removes it, leaves the target as it was, and exits 128 + the signal. */
function handleSignals(): void {
  if (signalsHandled) return;
  signalsHandled = true;
  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]] as const) {
    process.on(signal, () => {
      removeTemporaryFiles();
      process.exit(code);
    });
  }
}

/** Has `path` removed if the run is interrupted, as a temporary file is; the returned function forgets it again. */
export function removeOnInterrupt(path: string): () => void {
  liveTemporaryFiles.add(path);
  handleSignals();
  return () => void liveTemporaryFiles.delete(path);
}

/** Removes every temporary file still being written; for a signal handler, so synchronous. */
export function removeTemporaryFiles(): void {
  for (const temp of liveTemporaryFiles) {
    try {
      unlinkSync(temp);
    } catch {
      // already gone
    }
  }
  liveTemporaryFiles.clear();
}

/** Characters of output an atomic sink gathers before it writes them. */
const WRITE_BATCH = 1 << 20;

/** This host, as temporary files name it: a run removes only the leftovers of runs on its own host. */
const HOST = createHash('sha256').update(hostname()).digest('hex').slice(0, 8);

/**
 * Removes the temporary files of runs on this host that died before they could (a SIGKILL, a
 * crash): `.NAME.hHOST.PID.X.tmp` beside `target` whose process is gone. Another host's, or a
 * live run's, are left alone.
 */
async function removeLeftovers(target: string): Promise<void> {
  const prefix = `.${basename(target)}.h${HOST}.`;
  for (const name of await readdir(dirname(target)).catch(() => [] as string[])) {
    const pid = name.startsWith(prefix) ? /^(\d+)\.[0-9a-f]{8}\.tmp$/.exec(name.slice(prefix.length))?.[1] : undefined;
    if (pid === undefined || Number(pid) === process.pid || isRunning(Number(pid))) continue;
    await unlink(join(dirname(target), name)).catch(() => undefined);
  }
}

/** Whether process `pid` of this host is alive (one this user may not signal is). */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A temporary file beside `target`, renamed over it on finish(); it takes the replaced file's mode, and its owner where permitted. */
async function atomicSink(target: string, replaced: { mode: number; uid: number; gid: number } | null): Promise<Sink> {
  await removeLeftovers(target);
  const temp = join(dirname(target), `.${basename(target)}.h${HOST}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const handle: FileHandle = await open(temp, 'wx', 0o666);
  liveTemporaryFiles.add(temp);
  handleSignals();
  let done = false;
  // Nothing reaches the target before finish(), so pieces are gathered and written about a MiB at
  // a time: a write (a trip to libuv's thread pool) for every piece of every article cost more.
  let pending: string[] = [];
  let pendingLength = 0;
  const flush = async (): Promise<void> => {
    if (pendingLength === 0) return;
    const text = pending.join('');
    pending = [];
    pendingLength = 0;
    await writeAll(handle, text);
  };
  return {
    atomic: true,
    closed: false,
    async write(text) {
      pending.push(text);
      pendingLength += text.length;
      if (pendingLength >= WRITE_BATCH) await flush();
    },
    async finish() {
      await flush();
      await handle.sync();
      await handle.close();
      if (replaced !== null) {
        await chown(temp, replaced.uid, replaced.gid).catch(() => undefined);
        await chmod(temp, replaced.mode);
      }
      await rename(temp, target);
      liveTemporaryFiles.delete(temp);
      done = true;
    },
    async abort() {
      if (done) return;
      await handle.close().catch(() => undefined);
      await unlink(temp).catch(() => undefined);
      liveTemporaryFiles.delete(temp);
    },
  };
}
