/**
 * One `--resume` run at a time per FILE: two runs appending to one FILE would
 * write every record twice. A run holds a lock file beside FILE
 * (`.NAME.nkmsg-lock`) from reading FILE to its end; it names the run's
 * process, host and a nonce of its own.
 *
 * - A lock is made whole or not at all: written under another name, then
 *   linked into place, which fails if a lock is there (where the file system
 *   has no hard links, it is created exclusively instead).
 * - A lock whose run is gone (its process ended, on this host) is stale and
 *   taken over: renamed aside, and removed only if it is still the file that
 *   was judged stale; else put back. A lock that cannot be read, or one from
 *   another host, stands.
 * - A run removes only its own lock (by its nonce), at its end or when
 *   interrupted.
 */
import { createHash, randomBytes } from 'node:crypto';
import { link, open, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { outputError, showPath, UsageError } from './errors.js';
import { followLinks, isRunning, removeOnInterrupt } from './output.js';

/** A resumed run's claim on its FILE, released when the run ends. */
export interface ResumeLock {
  release(): Promise<void>;
}

interface LockOwner {
  pid: number;
  host: string;
  nonce: string;
}

/** The nonces of the locks this process holds: a lock naming this process is stale unless it is one of them. */
const heldHere = new Set<string>();

/** File systems without hard links: the lock is created exclusively instead. */
const NO_HARD_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV']);
/** A lock younger than this that cannot be parsed may still be being written (exclusive creation). */
const YOUNG_MS = 10_000;
const NAME_BYTES = 255;

export async function lockForResume(output: string): Promise<ResumeLock> {
  const path = await followLinks(output);
  const lock = lockPathFor(path);
  const me: LockOwner = { pid: process.pid, host: hostname(), nonce: randomBytes(8).toString('hex') };
  for (let attempt = 0; attempt < 3; attempt++) {
    const made = await createLock(lock, me);
    if (made === 'made') return held(lock, me);
    if (made !== 'exists') {
      throw new UsageError(`--resume: cannot make the lock file ${showPath(lock)} that keeps a second run off ${showPath(output)}: ${outputError(made, lock).message}`);
    }
    const found = await readLock(lock);
    if (found === 'gone') continue;
    if (found.live) throw refusal(output, lock, found.owner);
    await takeOver(lock, found.ino, me.nonce);
  }
  throw new UsageError(`--resume: another nkmsg run took ${showPath(output)} while this one started; wait for it to end`);
}

/**
 * Refuses a run that would replace FILE (a plain --output FILE) while a --resume run holds it:
 * the resumed run would go on appending to the file replaced, and its records would be lost.
 */
export async function refuseWhileResumed(output: string): Promise<void> {
  const lock = lockPathFor(await followLinks(output));
  const found = await readLock(lock);
  if (found !== 'gone' && found.live) {
    throw new UsageError(`--output ${showPath(output)}: ${holder(found.owner)} is adding to it with --resume; wait for it to end, or write to another file (if no such run is going, remove ${showPath(lock)})`);
  }
}

/** `.NAME.nkmsg-lock` beside FILE; for a name too long to take the suffix, a digest of it. */
function lockPathFor(path: string): string {
  const name = `.${basename(path)}.nkmsg-lock`;
  const short = Buffer.byteLength(name) <= NAME_BYTES ? name : `.nkmsg-lock-${createHash('sha256').update(basename(path)).digest('hex').slice(0, 16)}`;
  return join(dirname(path), short);
}

function held(lock: string, me: LockOwner): ResumeLock {
  heldHere.add(me.nonce);
  const forget = removeOnInterrupt(lock);
  return {
    async release() {
      forget();
      heldHere.delete(me.nonce);
      const found = await readLock(lock);
      if (found !== 'gone' && found.owner?.nonce === me.nonce) await unlink(lock).catch(() => undefined);
    },
  };
}

/** Makes the lock, whole, unless one is there: 'exists', or the error that stopped it. */
async function createLock(lock: string, me: LockOwner): Promise<'made' | 'exists' | Error> {
  const content = JSON.stringify(me);
  const draft = join(dirname(lock), `.nkmsg-lock-draft-${me.nonce}`);
  try {
    await writeFile(draft, content, { mode: 0o644 });
    await link(draft, lock);
    return 'made';
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    if (code === 'EEXIST') return 'exists';
    if (!NO_HARD_LINKS.has(code)) return error as Error;
  } finally {
    await unlink(draft).catch(() => undefined);
  }
  try {
    const handle = await open(lock, 'wx', 0o644);
    await handle.writeFile(content).finally(() => handle.close());
    return 'made';
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EEXIST' ? 'exists' : (error as Error);
  }
}

/** The lock as found: its owner (null when it cannot be read, or is still being written), its inode, and whether its run may still be going. */
interface FoundLock {
  owner: LockOwner | null;
  ino: number;
  live: boolean;
}

async function readLock(lock: string): Promise<FoundLock | 'gone'> {
  const info = await stat(lock).catch(() => null);
  if (info === null) return 'gone';
  let text: string;
  try {
    text = await readFile(lock, 'utf8');
  } catch (error) {
    // Another user's lock this one may not read stands.
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'gone' : { owner: null, ino: info.ino, live: true };
  }
  const owner = parseOwner(text);
  // Not a whole lock: one still being written stands; an old one was left half-made.
  if (owner === null) return { owner, ino: info.ino, live: Date.now() - info.mtimeMs < YOUNG_MS };
  return { owner, ino: info.ino, live: isLive(owner) };
}

function parseOwner(text: string): LockOwner | null {
  try {
    const value = JSON.parse(text) as Partial<LockOwner>;
    return Number.isInteger(value.pid) && typeof value.host === 'string' && typeof value.nonce === 'string' ? (value as LockOwner) : null;
  } catch {
    return null;
  }
}

/** Whether the lock's run may still be going: on another host, always; in this process, if it holds it; else if its process is alive. */
function isLive(owner: LockOwner): boolean {
  if (owner.host !== hostname()) return true;
  if (owner.pid === process.pid) return heldHere.has(owner.nonce);
  return isRunning(owner.pid);
}

/** Removes a stale lock, if the file at the lock's name is still the one judged stale; else puts back what was moved. */
async function takeOver(lock: string, staleIno: number, nonce: string): Promise<void> {
  const aside = join(dirname(lock), `.nkmsg-lock-stale-${nonce}`);
  try {
    await rename(lock, aside);
  } catch {
    return;
  }
  const moved = await stat(aside).catch(() => null);
  if (moved !== null && moved.ino !== staleIno) await link(aside, lock).catch(() => undefined);
  await unlink(aside).catch(() => undefined);
}

/** The run that holds a lock, as messages name it. */
const holder = (owner: LockOwner | null): string =>
  owner === null ? 'another nkmsg run' : `another nkmsg run (process ${owner.pid}${owner.host === hostname() ? '' : ` on ${owner.host}`})`;

function refusal(output: string, lock: string, owner: LockOwner | null): UsageError {
  return new UsageError(`--resume: ${holder(owner)} is writing ${showPath(output)}; wait for it to end (if no such run is going, remove ${showPath(lock)})`);
}
