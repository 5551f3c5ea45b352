/**
 * `nkmsg analyze --resume`: a run killed half-way and resumed ends with the records of a run
 * that was never stopped; what is done is skipped, what changed or failed is redone, and a file
 * that is not NDJSON results is never touched. In process; the run killed
 * half-way, and --output /dev/stdout, are in e2e/resume.test.ts.
 */
import { appendFileSync, copyFileSync, mkdirSync, readdirSync, readFileSync, statSync, truncateSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { spawn, spawnSync } from 'node:child_process';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileLines, fixtureArticle, fixtureFolder, nkmsgInProcess, noStackTrace, sortedLines, tempDir, uninterruptedRecords } from './helpers.js';

const tmp = tempDir();
afterAll(tmp.cleanup);

const folder = (name: string, n: number): string => fixtureFolder(tmp.dir, name, n);

describe('--resume, one run at a time per FILE', () => {
  const lockOf = (name: string): string => join(tmp.dir, `.${name}.nkmsg-lock`);
  const owner = (pid: number, nonce = 'n0') => JSON.stringify({ pid, host: hostname(), nonce });

  it('refuses a second run while another run holds FILE, and leaves that run\'s lock alone', async () => {
    const dir = folder('locked', 2);
    const file = join(tmp.dir, 'locked.ndjson');
    writeFileSync(file, '');
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)'], { stdio: 'ignore' });
    try {
      writeFileSync(lockOf('locked.ndjson'), owner(other.pid!));
      const refused = await nkmsgInProcess(['analyze', dir, '--format', 'ndjson', '-o', file, '--resume']);
      expect(refused).toEqual({
        code: 2,
        stdout: '',
        stderr: `nkmsg: error: --resume: another nkmsg run (process ${other.pid}) is writing ${file}; wait for it to end (if no such run is going, remove ${lockOf('locked.ndjson')})\n`,
      });
      expect(readFileSync(file, 'utf8')).toBe('');
      expect(readFileSync(lockOf('locked.ndjson'), 'utf8')).toBe(owner(other.pid!));
    } finally {
      other.kill();
      unlinkSync(lockOf('locked.ndjson'));
    }
  });

  it.each([
    ['a run whose process has ended', () => owner(Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout))],
    ['a run with this process\'s id that is not this run (an id used again, as in a container)', () => owner(process.pid, 'not-held-here')],
    ['a lock left half-made long ago', () => ''],
  ])('takes over the lock of %s, and leaves no lock behind', async (what, content) => {
    const dir = folder(`stale-${what.length}`, 2);
    const file = join(tmp.dir, 'stale.ndjson');
    writeFileSync(lockOf('stale.ndjson'), content());
    const old = new Date(Date.now() - 60_000);
    utimesSync(lockOf('stale.ndjson'), old, old);
    const resumed = await nkmsgInProcess(['analyze', dir, '--format', 'ndjson', '-o', file, '--resume']);
    expect(resumed.code).toBe(0);
    expect(fileLines(file)).toHaveLength(2);
    expect(readdirSync(tmp.dir).filter((f) => f.includes('nkmsg-lock'))).toEqual([]);
    unlinkSync(file);
  });

  it('releases its lock when FILE is refused as not results', async () => {
    const file = join(tmp.dir, 'notes.ndjson');
    writeFileSync(file, 'my notes\n');
    const refused = await nkmsgInProcess(['analyze', fixtureArticle(0), '--format', 'ndjson', '-o', file, '--resume']);
    expect(refused.code).toBe(2);
    expect(readdirSync(tmp.dir).filter((f) => f.includes('nkmsg-lock'))).toEqual([]);
  });
});

describe('--resume', () => {
  let dir: string;
  let whole: string[];
  const out = (): string => join(tmp.dir, 'small.ndjson');
  beforeAll(async () => {
    dir = folder('twelve', 12);
    whole = await uninterruptedRecords([dir], join(tmp.dir, 'twelve.ndjson'));
  });

  it('starts fresh on a FILE that does not exist, then analyses nothing when everything is done and leaves FILE as it was', async () => {
    const first = await nkmsgInProcess(['analyze', dir, '--format', 'ndjson', '-o', out(), '--resume']);
    expect(first.code).toBe(0);
    expect(first.stderr).toBe(`nkmsg: ${out()}: 0 of 12 inputs already done, skipped; 12 analysed, 0 failed\n`);
    expect(sortedLines(out())).toEqual(whole);
    const bytes = readFileSync(out());
    const { mtimeMs } = statSync(out());
    const again = await nkmsgInProcess(['analyze', dir, '--format', 'ndjson', '-o', out(), '--resume']);
    expect(again.code).toBe(0);
    expect(again.stderr).toBe(`nkmsg: ${out()}: 12 of 12 inputs already done, skipped; 0 analysed, 0 failed\n`);
    expect(readFileSync(out()).equals(bytes)).toBe(true);
    expect(statSync(out()).mtimeMs).toBe(mtimeMs);
    const quiet = await nkmsgInProcess(['analyze', dir, '--format', 'ndjson', '-o', out(), '--resume', '--quiet']);
    expect([quiet.code, quiet.stderr]).toEqual([0, '']);
  });

  it('redoes an edited input, and only that one, keeping one record of it', async () => {
    const edited = join(tmp.dir, 'edited');
    mkdirSync(edited);
    for (const name of readdirSync(dir)) copyFileSync(join(dir, name), join(edited, name));
    const file = join(tmp.dir, 'edited.ndjson');
    await uninterruptedRecords([edited], file);
    appendFileSync(join(edited, 'a003.txt'), '\nSeoul and Tokyo agreed to cooperate.\n');
    const run = await nkmsgInProcess(['analyze', edited, '--format', 'ndjson', '-o', file, '--resume']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe(`nkmsg: ${file}: 11 of 12 inputs already done, skipped; 1 analysed, 0 failed\n`);
    const fresh = await uninterruptedRecords([edited], join(tmp.dir, 'edited-fresh.ndjson'));
    expect(sortedLines(file)).toEqual(fresh);
    expect(fileLines(file).filter((l) => l.includes('a003.txt'))).toHaveLength(1);
  });

  it('cuts an unfinished last line away and redoes its input', async () => {
    const file = join(tmp.dir, 'cut.ndjson');
    await uninterruptedRecords([dir], file);
    const size = statSync(file).size;
    const last = fileLines(file).at(-1)!;
    truncateSync(file, size - Math.floor(last.length / 2));
    const run = await nkmsgInProcess(['analyze', dir, '--format', 'ndjson', '-o', file, '--resume']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe(
      `nkmsg: warning: ${file}: its last line has no line end, as a run stopped while writing it leaves it; it is cut away and that input analysed again\n` +
        `nkmsg: ${file}: 11 of 12 inputs already done, skipped; 1 analysed, 0 failed\n`,
    );
    expect(sortedLines(file)).toEqual(whole);
  });

  it('tries a failed input again and drops its error record once it is analysed', async () => {
    const file = join(tmp.dir, 'retry.ndjson');
    const late = join(tmp.dir, 'late.txt');
    const inputs = [fixtureArticle(0), late, fixtureArticle(1)];
    const first = await nkmsgInProcess(['analyze', ...inputs, '--format', 'ndjson', '-o', file, '--resume']);
    expect(first.code).toBe(1);
    expect(first.stderr).toContain(`nkmsg: ${file}: 0 of 3 inputs already done, skipped; 2 analysed, 1 failed\n`);
    expect(fileLines(file).map((l) => JSON.parse(l).error?.code ?? 'ok')).toEqual(['ok', 'not-found', 'ok']);
    copyFileSync(fixtureArticle(2), late);
    const second = await nkmsgInProcess(['analyze', ...inputs, '--format', 'ndjson', '-o', file, '--resume']);
    expect(second.code).toBe(0);
    expect(second.stderr).toBe(`nkmsg: ${file}: 2 of 3 inputs already done, skipped; 1 analysed, 0 failed\n`);
    const records = fileLines(file).map((l) => JSON.parse(l));
    expect(records.map((r) => [r.input.path, r.error?.code ?? 'ok'])).toEqual([
      [fixtureArticle(0), 'ok'],
      [fixtureArticle(1), 'ok'],
      [late, 'ok'],
    ]);
  });

  it('resumes NDJSON input by path and id', async () => {
    const corpus = Array.from({ length: 8 }, (_, i) => JSON.stringify({ id: `n${i}`, text: readFileSync(fixtureArticle(i), 'utf8') }) + '\n');
    const file = join(tmp.dir, 'records.ndjson');
    const plain = await nkmsgInProcess(['analyze', '--input-format', 'ndjson', '--format', 'ndjson'], { input: corpus.join('') });
    expect(plain.code).toBe(0);
    const half = await nkmsgInProcess(['analyze', '--input-format', 'ndjson', '--format', 'ndjson', '-o', file, '--resume'], { input: corpus.slice(0, 3).join('') });
    expect(half.code).toBe(0);
    const rest = await nkmsgInProcess(['analyze', '--input-format', 'ndjson', '--format', 'ndjson', '-o', file, '--resume'], { input: corpus.join('') });
    expect(rest.code).toBe(0);
    expect(rest.stderr).toBe(`nkmsg: ${file}: 3 of 8 inputs already done, skipped; 5 analysed, 0 failed\n`);
    expect(sortedLines(file)).toEqual(plain.stdout.split('\n').slice(0, -1).sort());
  });
});

describe('--resume refuses', () => {
  const article0 = fixtureArticle(0);
  it.each([
    [['--format', 'ndjson'], '--resume needs --output FILE: it skips the inputs whose results are already in FILE and appends the others; add -o results.ndjson'],
    [['-o', 'x.json', '--json'], '--resume works with --format ndjson only (one record a line can be appended to a file; json cannot); add --format ndjson'],
    [['-o', 'x.csv', '--format', 'csv'], '--resume works with --format ndjson only (one record a line can be appended to a file; csv cannot); add --format ndjson'],
  ])('%j with a usage error that says why', async (args, message) => {
    const run = await nkmsgInProcess(['analyze', article0, '--resume', ...args], { cwd: tmp.dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`nkmsg: error: ${message}\n`);
    expect(run.stdout).toBe('');
  });

  it('a FILE that is not NDJSON results (CSV, a JSON array, any text), leaving it as it was', async () => {
    const csv = join(tmp.dir, 'tally.csv');
    expect((await nkmsgInProcess(['analyze', article0, '--format', 'csv', '-o', csv])).code).toBe(0);
    const array = join(tmp.dir, 'results.json');
    expect((await nkmsgInProcess(['analyze', article0, fixtureArticle(1), '--json', '-o', array])).code).toBe(0);
    const notes = join(tmp.dir, 'notes.txt');
    writeFileSync(notes, 'my notes, no line end');
    const valid = join(tmp.dir, 'mixed.ndjson');
    expect((await nkmsgInProcess(['analyze', article0, '--format', 'ndjson', '-o', valid])).code).toBe(0);
    appendFileSync(valid, '{"id": "a", "text": "an input record, not a result"}\n');
    for (const [file, line] of [[csv, 'line 1'], [array, 'line 1'], [notes, 'line 1 (the last, unfinished)'], [valid, 'line 2']] as const) {
      const before = readFileSync(file);
      const run = await nkmsgInProcess(['analyze', fixtureArticle(3), '--format', 'ndjson', '-o', file, '--resume']);
      expect(run.code).toBe(2);
      expect(run.stderr).toBe(
        `nkmsg: error: --resume: ${file} ${line} is not a result record of nkmsg analyze --format ndjson, so it is not a file --resume can add to; choose another --output file, or leave out --resume to replace it\n`,
      );
      expect(noStackTrace(run.stderr)).toBe(true);
      expect(readFileSync(file).equals(before)).toBe(true);
    }
    unlinkSync(notes);
  });
});
