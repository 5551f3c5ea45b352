/** Running the built CLI: spawned as a user would, or in process through main(). */
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PassThrough, Readable, Writable } from 'node:stream';
import { expect } from 'vitest';

export const ROOT = resolve(import.meta.dirname, '..');
export const BIN = join(ROOT, 'bin', 'nkmsg.js');
export const FIXTURES = join(ROOT, 'fixtures');

/** The fixture articles' file names, sorted. */
export const FIXTURE_ARTICLES = readdirSync(FIXTURES).filter((f) => f.endsWith('.txt')).sort();
/** The i-th fixture article, going round the list: batches of any size from the fixtures. */
export const fixtureArticle = (i: number): string => join(FIXTURES, FIXTURE_ARTICLES[i % FIXTURE_ARTICLES.length]!);
/** A file's lines without the final line end, and the same sorted. */
export const fileLines = (file: string): string[] => readFileSync(file, 'utf8').split('\n').slice(0, -1);
export const sortedLines = (file: string): string[] => fileLines(file).sort();
/** NDJSON text as values. */
export const parseLines = (s: string): any[] => s.trimEnd().split('\n').map((l) => JSON.parse(l));

/** A folder `parent/name` of `n` fixture articles named a000.txt, a001.txt, ... */
export function fixtureFolder(parent: string, name: string, n: number): string {
  const dir = join(parent, name);
  mkdirSync(dir);
  for (let i = 0; i < n; i++) copyFileSync(fixtureArticle(i), join(dir, `a${String(i).padStart(3, '0')}.txt`));
  return dir;
}

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  /** Standard input; when absent the child's stdin is an empty pipe (not a TTY). */
  input?: string | Buffer;
  env?: Record<string, string | undefined>;
  cwd?: string;
  uid?: number;
  gid?: number;
}

/** An environment without the colour and debug settings of whoever runs the tests. */
export function cleanEnv(extra: Record<string, string | undefined> = {}): Record<string, string> {
  const env: Record<string, string> = { PATH: process.env['PATH'] ?? '/usr/bin:/bin', HOME: process.env['HOME'] ?? '/tmp', LANG: 'C.UTF-8' };
  for (const [k, v] of Object.entries(extra)) if (v !== undefined) env[k] = v;
  return env;
}

export function nkmsg(args: string[], options: RunOptions = {}): Promise<Run> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: options.cwd ?? ROOT,
      env: cleanEnv(options.env),
      stdio: ['pipe', 'pipe', 'pipe'],
      ...(options.uid !== undefined ? { uid: options.uid, gid: options.gid ?? options.uid } : {}),
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.stdin.on('error', () => undefined);
    child.stdin.end(options.input ?? '');
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

/**
 * Runs main() in this process with captured streams (the dist build, as the bin does).
 * One core is reported, so that --jobs defaults to 1 and the analysis runs here, with the
 * language model this test file has loaded; a test of parallel runs asks for --jobs 2,
 * whose worker threads each load the model again.
 */
export async function nkmsgInProcess(args: string[], options: RunOptions & { stdinIsTTY?: boolean; stdoutIsTTY?: boolean } = {}): Promise<Run> {
  const { main } = (await import('../dist/cli/main.js')) as typeof import('../dist/cli/main.js');
  let stdout = '';
  let stderr = '';
  const sink = (append: (s: string) => void): Writable =>
    new Writable({
      write(chunk: Buffer, _enc, callback) {
        append(chunk.toString('utf8'));
        callback();
      },
    });
  const cwd = process.cwd();
  if (options.cwd) process.chdir(options.cwd);
  try {
    const code = await main({
      argv: args,
      stdin: Readable.from(options.input === undefined ? [] : [Buffer.from(options.input)]),
      stdout: sink((s) => (stdout += s)),
      stderr: sink((s) => (stderr += s)),
      env: cleanEnv(options.env),
      stdinIsTTY: options.stdinIsTTY ?? false,
      stdoutIsTTY: options.stdoutIsTTY ?? false,
      stderrIsTTY: false,
      cpus: 1,
    });
    return { code, stdout, stderr };
  } finally {
    process.chdir(cwd);
  }
}

/** A fresh temporary folder, removed by the returned cleanup. */
/** The records of an `analyze` run that was not stopped, written to `out` as NDJSON without --resume, sorted. */
export async function uninterruptedRecords(inputs: string[], out: string, extra: string[] = []): Promise<string[]> {
  const run = await nkmsgInProcess(['analyze', ...inputs, '--format', 'ndjson', '-o', out, ...extra]);
  expect(run.code).toBe(0);
  return sortedLines(out);
}

export function tempDir(prefix = 'nkmsg-test-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export const noStackTrace = (stderr: string): boolean => !/\n\s+at .+:\d+:\d+\)?/.test(stderr) && !stderr.includes('node:internal');

export { PassThrough };
